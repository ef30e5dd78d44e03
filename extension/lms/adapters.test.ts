// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectLms } from '.';

const fixture = (path: string) => readFileSync(resolve('test/fixtures/lms', path), 'utf8');

function load(path: string, url: string) {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableIframePageLoading: true } });
  window.document.write(fixture(path));
  return { doc: window.document as unknown as Document, url: new URL(url), window };
}

function read(path: string, url: string) {
  const { doc, url: u } = load(path, url);
  const adapter = detectLms(doc, u);
  const kind = adapter?.pageKind(doc, u);
  return {
    lms: adapter?.id,
    kind,
    context: adapter && kind !== 'other' ? adapter.extract(doc, u) : undefined,
    protectedCount: adapter?.protectedAreas(doc).length,
  };
}

describe('LMS adapters on fixture pages', () => {
  it('Canvas modules: the newest module is the unit, with its items and the course from the breadcrumbs', () => {
    const r = read('canvas/modules.html', 'https://riverbend.instructure.com/courses/1207/modules');
    expect(r).toMatchObject({ lms: 'canvas', kind: 'module-list' });
    expect(r.context).toMatchObject({
      courseName: 'Science 7 - Period 3',
      unitTitle: 'Unit 3: Photosynthesis and Plant Energy',
      itemTitles: ['How plants make food', 'Chlorophyll and light lab', 'Photosynthesis quiz'],
      unitKey: 'canvas:riverbend.instructure.com:1207:module:882',
    });
    expect(JSON.stringify(r.context)).not.toContain('Avery');
  });

  it('Canvas: the module named in the address wins', () => {
    const r = read('canvas/modules.html', 'https://riverbend.instructure.com/courses/1207/modules#module_881');
    expect(r.context?.unitTitle).toBe('Unit 2: Cells and Microscopes');
  });

  it('Canvas page editor: title, and the editor toolbar as a protected area', () => {
    const r = read(
      'canvas/page-edit.html',
      'https://riverbend.instructure.com/courses/1207/pages/photosynthesis-lab/edit',
    );
    expect(r).toMatchObject({ lms: 'canvas', kind: 'page-editor' });
    expect(r.context?.unitTitle).toBe('Photosynthesis lab: light and leaves');
    expect(r.protectedCount).toBeGreaterThan(0);
  });

  it('Canvas gradebook is not a unit page', () => {
    expect(read('canvas/grades.html', 'https://riverbend.instructure.com/courses/1207/grades').kind).toBe('other');
  });

  it('Moodle course page in editing mode: last named section, activity names without their type text', () => {
    const r = read('moodle/course-editing.html', 'https://riverbend.moodlecloud.com/course/view.php?id=4');
    expect(r).toMatchObject({ lms: 'moodle', kind: 'module-list' });
    expect(r.context).toMatchObject({
      courseName: 'Math 4 - Room 12',
      unitTitle: 'Equivalent fractions',
      itemTitles: ['Fractions on a number line', 'Comparing fractions practice'],
      unitKey: 'moodle:riverbend.moodlecloud.com:4:section:2',
    });
  });

  it('Moodle: editing off is not a unit page; the page form is a page editor', () => {
    expect(read('moodle/course-view.html', 'https://riverbend.moodlecloud.com/course/view.php?id=4&view=1').kind).toBe(
      'other',
    );
    const r = read(
      'moodle/modedit-page.html',
      'https://riverbend.moodlecloud.com/course/modedit.php?add=page&course=4&section=2',
    );
    expect(r).toMatchObject({ lms: 'moodle', kind: 'page-editor' });
    expect(r.context).toMatchObject({
      unitTitle: 'Fractions on a number line',
      unitKey: 'moodle:riverbend.moodlecloud.com:4:section:2',
    });
  });

  it('Schoology materials folder', () => {
    const r = read('schoology/materials.html', 'https://riverbend.schoology.com/course/7781/materials?f=3301');
    expect(r).toMatchObject({ lms: 'schoology', kind: 'module-list' });
    expect(r.context).toMatchObject({ courseName: 'Science 6: Section 2', unitTitle: 'Forces and Motion' });
    expect(r.context?.itemTitles).toContain('Friction investigation');
    expect(read('schoology/home.html', 'https://riverbend.schoology.com/home').kind).toBe('other');
  });

  it('Brightspace content: reads module and topics inside open shadow roots', () => {
    const { doc, url, window } = load(
      'brightspace/content.html',
      'https://riverbend.brightspace.com/d2l/le/content/6606/Home',
    );
    const host = doc.querySelector('d2l-le-content-module')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<h2 class="d2l-le-content-module-title" data-module-selected="true" data-module-id="4412" data-module-title="Persuasive Essay: Claims and Evidence">Persuasive Essay</h2><ul><li class="d2l-le-content-topic-title">Finding evidence</li></ul>';
    const adapter = detectLms(doc, url)!;
    expect(adapter.id).toBe('brightspace');
    expect(adapter.pageKind(doc, url)).toBe('module-list');
    expect(adapter.extract(doc, url)).toMatchObject({
      courseName: 'ELA 8 (Section B)',
      unitTitle: 'Persuasive Essay: Claims and Evidence',
      itemTitles: ['Finding evidence'],
    });
    void window;
  });

  it('Blackboard Ultra outline and Original content area', () => {
    const ultra = read(
      'blackboard/ultra-outline.html',
      'https://riverbend.blackboard.com/ultra/courses/_1234_1/outline',
    );
    expect(ultra).toMatchObject({ lms: 'blackboard', kind: 'module-list' });
    expect(ultra.context).toMatchObject({
      courseName: 'Digital Citizenship 4',
      unitTitle: 'Being Safe Online',
      itemTitles: ['Strong passwords', 'Spotting phishing', 'Kindness online'],
    });
    const original = read(
      'blackboard/original-content.html',
      'https://riverbend.blackboard.com/webapps/blackboard/content/listContentEditable.jsp?content_id=_55_1&course_id=_12_1',
    );
    expect(original.context).toMatchObject({ courseName: 'US History 8', unitTitle: 'The American Revolution' });
    expect(original.context?.itemTitles).toHaveLength(3);
    expect(read('blackboard/ultra-stream.html', 'https://riverbend.blackboard.com/ultra/stream').kind).toBe('other');
  });

  it('recognises no LMS on an ordinary page, and a self-hosted Canvas by its app shell', () => {
    const window = new Window({ url: 'https://news.example.org/article' });
    window.document.write('<!doctype html><html><body><h1>News</h1><p>Photosynthesis in the news.</p></body></html>');
    expect(
      detectLms(window.document as unknown as Document, new URL('https://news.example.org/article')),
    ).toBeUndefined();
    const selfHosted = load('canvas/grades.html', 'https://lms.district.example/courses/1207/grades');
    expect(detectLms(selfHosted.doc, selfHosted.url)?.id).toBe('canvas');
  });
});
