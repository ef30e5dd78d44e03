import { clean, deepQueryAll, editorText, hostEnds, textOf } from './dom';
import type { LmsAdapter } from './types';

/**
 * D2L Brightspace. Content lives at `/d2l/le/content/<orgUnitId>/...`; the course navbar is `d2l-navigation`; modules
 * and topics are web components whose text sits in open shadow roots (`d2l-le-content-module`, `.d2l-le-content-topic`);
 * the HTML editor is `d2l-htmleditor`, whose TinyMCE iframe is inside its shadow root.
 */
const orgUnit = (url: URL) =>
  /\/d2l\/(?:le\/content|lms\/[^/]+)\/(\d+)/.exec(url.pathname)?.[1] ?? /ou=(\d+)/.exec(url.search)?.[1] ?? '';

export const brightspace: LmsAdapter = {
  id: 'brightspace',
  matches: (doc, url) =>
    hostEnds(url, 'brightspace.com', 'desire2learn.com') ||
    Boolean(doc.querySelector('d2l-navigation, .d2l-page-main')),
  pageKind(doc, url) {
    if (/\/d2l\/le\/content\/\d+\/(Home|viewContent)/i.test(url.pathname)) {
      return deepQueryAll(doc, 'd2l-htmleditor, .tox-edit-area__iframe', 1).length ? 'page-editor' : 'module-list';
    }
    if (/\/d2l\/lms\/dropbox\/admin\/(folders_manage|mark)/.test(url.pathname)) return 'assignment-editor';
    return 'other';
  },
  extract(doc, url) {
    const course =
      textOf(doc.querySelector('.d2l-navigation-s-title, d2l-navigation-link-image[text], .d2l-navigation-s-link')) ||
      clean(doc.querySelector('d2l-navigation-link-image')?.getAttribute('text'));
    const module = deepQueryAll(doc, '[data-module-selected="true"], .d2l-le-content-module-title', 1)[0];
    const topics = deepQueryAll(doc, '.d2l-le-content-topic-title, [data-topic-title]')
      .map((el) => clean(el.getAttribute('data-topic-title') ?? el.textContent))
      .filter(Boolean);
    const frames = deepQueryAll(doc, '.tox-edit-area__iframe');
    const editor = frames.map((f) => editorText(f.parentNode ?? doc, '.tox-edit-area__iframe')).join(' ');
    const moduleId = module?.getAttribute('data-module-id') ?? 'none';
    return {
      unitKey: `brightspace:${url.host}:${orgUnit(url)}:module:${moduleId}`,
      courseName: course,
      unitTitle: clean(module?.getAttribute('data-module-title') ?? module?.textContent),
      itemTitles: topics,
      editorText: clean(editor, 4000),
      standardHints: [],
    };
  },
  protectedAreas: (doc) => deepQueryAll(doc, '.tox-editor-header, d2l-floating-buttons, .d2l-floating-buttons'),
};
