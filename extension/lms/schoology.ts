import { editorText, hostEnds, inputValue, textOf, texts } from './dom';
import type { LmsAdapter } from './types';

/**
 * Schoology (PowerSchool). Course materials at `/course/<id>/materials`, folders as `.folder-title`, items as
 * `.item-title`; pages are written in a TinyMCE iframe. Markers: `#course-profile-materials`, `.s-page-title`.
 */
const courseId = (url: URL) => /\/course\/(\d+)/.exec(url.pathname)?.[1] ?? '';

export const schoology: LmsAdapter = {
  id: 'schoology',
  matches: (doc, url) =>
    hostEnds(url, 'schoology.com') || Boolean(doc.querySelector('#site-navigation-ui, body.s-schoology')),
  pageKind(doc, url) {
    if (/\/course\/\d+\/materials/.test(url.pathname))
      return doc.querySelector('.tox-edit-area__iframe, #edit-body-ifr') ? 'page-editor' : 'module-list';
    if (/\/course\/\d+\/(assignment|assessment)\/.*\/edit|\/course\/\d+\/materials\/add/.test(url.pathname))
      return 'assignment-editor';
    return 'other';
  },
  extract(doc, url) {
    const course = textOf(
      doc.querySelector('#center-top .page-title, .course-title, #course-profile-header .s-page-title'),
    );
    const folder = url.searchParams.get('f') ?? 'root';
    return {
      unitKey: `schoology:${url.host}:${courseId(url)}:folder:${folder}`,
      courseName: course,
      unitTitle:
        textOf(doc.querySelector('#folder-title, .folder-contents-header .folder-title, .materials-folder-title')) ||
        inputValue(doc, '#edit-title'),
      itemTitles: texts(doc, '#folder-contents-table .item-title, .materials-row .item-title'),
      editorText: editorText(doc, '.tox-edit-area__iframe, #edit-body-ifr'),
      standardHints: [],
    };
  },
  protectedAreas: (doc) => [...doc.querySelectorAll('.tox-editor-header, #edit-submit, .submit-buttons')],
};
