import { editorText, hostEnds, inputValue, textOf, texts } from './dom';
import type { LmsAdapter } from './types';

/**
 * Blackboard Learn (Anthology). Ultra: the course outline at `/ultra/courses/<id>/outline` with folders and learning
 * modules as `.course-outline-item` and titles in `.js-title`/`[data-title]`. Original: content areas at
 * `/webapps/blackboard/content/listContentEditable.jsp`, the area's title in `#pageTitleText`, items in
 * `#content_listContainer li h3`, the edit-mode switch `#editModeToggleLink`.
 */
const courseId = (url: URL) =>
  /\/ultra\/courses\/([^/]+)/.exec(url.pathname)?.[1] ?? url.searchParams.get('course_id') ?? '';

export const blackboard: LmsAdapter = {
  id: 'blackboard',
  matches: (doc, url) =>
    hostEnds(url, 'blackboard.com') || Boolean(doc.querySelector('#globalNavPageNavArea, #bb-ultra-router, .bb-ultra')),
  pageKind(doc, url) {
    if (/\/ultra\/courses\/[^/]+\/outline/.test(url.pathname)) {
      return doc.querySelector('.bb-editor, .tox-edit-area__iframe, [data-bb-editor]') ? 'page-editor' : 'module-list';
    }
    if (/listContentEditable\.jsp/.test(url.pathname)) return 'module-list';
    if (/manageCourseItem|addContent|editDocument/i.test(url.pathname)) return 'page-editor';
    return 'other';
  },
  extract(doc, url) {
    const ultra = url.pathname.startsWith('/ultra/');
    if (ultra) {
      const open =
        doc.querySelector('.course-outline-item.is-expanded, .course-outline-item[aria-expanded="true"]') ??
        [...doc.querySelectorAll('.course-outline-item.folder, .course-outline-item.learning-module')].pop();
      return {
        unitKey: `blackboard:${url.host}:${courseId(url)}:item:${open?.getAttribute('data-content-id') ?? 'outline'}`,
        courseName: textOf(doc.querySelector('.course-title, #course-title, h1.js-course-title')),
        unitTitle:
          textOf(open?.querySelector(':scope > .item-header .js-title, :scope .js-title')) ||
          inputValue(doc, '.bb-editor-title input'),
        itemTitles: open ? texts(open, '.child-items .js-title, .children .js-title') : [],
        editorText: editorText(doc, '.tox-edit-area__iframe'),
        standardHints: [],
      };
    }
    return {
      unitKey: `blackboard:${url.host}:${courseId(url)}:content:${url.searchParams.get('content_id') ?? 'edit'}`,
      courseName: textOf(
        doc.querySelector('#courseMenu_link, #breadcrumbs .root, #courseMenuPalette_paletteTitleHeading'),
      ),
      unitTitle: textOf(doc.querySelector('#pageTitleText, #pageTitleDiv h1')),
      itemTitles: texts(doc, '#content_listContainer li .item h3'),
      editorText: editorText(doc, '.tox-edit-area__iframe, #htmlData_text_ifr'),
      standardHints: [],
    };
  },
  protectedAreas: (doc) => [
    ...doc.querySelectorAll(
      '.tox-editor-header, .bb-editor-toolbar, #editModeToggleLink, .submitStepBottom, .panel-footer',
    ),
  ],
};
