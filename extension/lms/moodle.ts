import { editorText, inputValue, textOf, texts } from './dom';
import type { LmsAdapter } from './types';

/**
 * Moodle 4.x (Boost theme), read from real 4.5 pages: the body's id names the page (`page-course-view-topics`,
 * `page-mod-page-mod`) and its classes say whether editing is on; sections are `li.section[data-sectionname]` with
 * activities' `.instancename`; activity forms use TinyMCE in same-origin iframes (`#id_page_ifr`, `#id_introeditor_ifr`).
 */
const courseId = (doc: Document, url: URL) =>
  url.searchParams.get('course') ?? url.searchParams.get('id') ?? /course-(\d+)/.exec(doc.body.className)?.[1] ?? '';

export const moodle: LmsAdapter = {
  id: 'moodle',
  matches: (doc) =>
    /^page-/.test(doc.body?.id ?? '') &&
    /\bpagelayout-/.test(doc.body?.className ?? '') &&
    Boolean(doc.querySelector('#page-wrapper, #page')),
  pageKind(doc) {
    const id = doc.body.id;
    const editing = doc.body.classList.contains('editing');
    if (id.startsWith('page-course-view')) return editing ? 'module-list' : 'other';
    if (/^page-mod-(assign|quiz|forum|lesson)-mod$/.test(id)) return 'assignment-editor';
    if (/^page-mod-\w+-mod$/.test(id)) return 'page-editor';
    return 'other';
  },
  extract(doc, url) {
    const course = textOf(doc.querySelector('.page-header-headings h1, #page-header h1'));
    if (moodle.pageKind(doc, url) === 'module-list') {
      const sections = [...doc.querySelectorAll('li.section[data-sectionname], li.course-section')];
      const wanted = /section-(\d+)/.exec(url.hash)?.[1] ?? url.searchParams.get('section');
      // The section in the address, else the last section with a name other than the default "General".
      const section =
        (wanted !== null && wanted !== undefined && doc.querySelector(`#section-${wanted}`)) ||
        [...sections].reverse().find((s) => s.getAttribute('data-number') !== '0') ||
        sections[0];
      const title =
        textOf(section?.querySelector('.sectionname, [data-for="section_title"]')) ||
        (section?.getAttribute('data-sectionname') ?? '');
      return {
        unitKey: `moodle:${url.host}:${courseId(doc, url)}:section:${section?.getAttribute('data-number') ?? section?.id ?? 'none'}`,
        courseName: course,
        unitTitle: title,
        itemTitles: section ? texts(section, '.activityname .instancename, .instancename') : [],
        editorText: '',
        standardHints: [],
      };
    }
    return {
      unitKey: `moodle:${url.host}:${courseId(doc, url)}:section:${url.searchParams.get('section') ?? 'edit'}`,
      courseName: course,
      unitTitle: inputValue(doc, '#id_name'),
      itemTitles: [],
      editorText: editorText(doc, '.tox-edit-area__iframe'),
      standardHints: [],
    };
  },
  protectedAreas: (doc) => [
    ...doc.querySelectorAll(
      '.tox-editor-header, #fgroup_id_buttonar, [data-fieldtype="group"] .btn-primary, .bulkedit-header',
    ),
  ],
};
