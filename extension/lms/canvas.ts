import { editorText, first, hostEnds, inputValue, textOf, texts } from './dom';
import type { LmsAdapter } from './types';

/**
 * Canvas (Instructure). Modules: `#context_modules .context_module` with `.ig-header-title` and
 * `.context_module_item .ig-title`; pages and assignments are edited in the Rich Content Editor, a TinyMCE whose
 * document is a same-origin iframe (`#wiki_page_body_ifr`, `#assignment_description_ifr`).
 */
const courseId = (url: URL) => /\/courses\/(\d+)/.exec(url.pathname)?.[1] ?? '';

export const canvas: LmsAdapter = {
  id: 'canvas',
  matches: (doc, url) => hostEnds(url, 'instructure.com') || Boolean(doc.querySelector('#application.ic-app')),
  pageKind(_doc, url) {
    const path = url.pathname;
    if (/\/courses\/\d+\/modules\/?$/.test(path)) return 'module-list';
    if (/\/courses\/\d+\/pages\/[^/]+\/edit$/.test(path) || /\/courses\/\d+\/pages\/new$/.test(path))
      return 'page-editor';
    if (/\/courses\/\d+\/(assignments|discussion_topics|quizzes)\/(new|\d+\/edit)$/.test(path))
      return 'assignment-editor';
    return 'other';
  },
  extract(doc, url) {
    const course = textOf(
      first(doc, '#breadcrumbs li:nth-child(2) .ellipsible', '#breadcrumbs li:nth-child(2) a', '#section-tabs-header'),
    );
    const kind = canvas.pageKind(doc, url);
    if (kind === 'module-list') {
      const modules = [...doc.querySelectorAll('#context_modules .context_module')];
      // The module the teacher is working on: the one named in the address, else the last one (the newest unit).
      const wanted = /module_(\d+)/.exec(url.hash)?.[1];
      const module = (wanted && doc.querySelector(`#context_module_${wanted}`)) || modules[modules.length - 1];
      const moduleId = module?.id.replace('context_module_', '') ?? 'none';
      return {
        unitKey: `canvas:${url.host}:${courseId(url)}:module:${moduleId}`,
        courseName: course,
        unitTitle: textOf(module?.querySelector('.ig-header-title .name, .ig-header-title')),
        itemTitles: module ? texts(module, '.context_module_item .ig-title') : [],
        editorText: '',
        standardHints: [],
      };
    }
    const isPage = kind === 'page-editor';
    const title = isPage
      ? inputValue(doc, '#wikipage-title-input, #title, input[name="title"]')
      : inputValue(doc, '#assignment_name, input[name="name"], #discussion-title');
    const slug =
      /\/(pages|assignments|discussion_topics|quizzes)\/([^/]+)/.exec(url.pathname)?.slice(1).join(':') ?? 'new';
    return {
      unitKey: `canvas:${url.host}:${courseId(url)}:${slug}`,
      courseName: course,
      unitTitle: title,
      itemTitles: [],
      editorText: editorText(
        doc,
        isPage
          ? '#wiki_page_body_ifr, .tox-edit-area__iframe'
          : '#assignment_description_ifr, #discussion-topic-message-body_ifr, .tox-edit-area__iframe',
      ),
      standardHints: [],
    };
  },
  protectedAreas: (doc) => [
    ...doc.querySelectorAll(
      '.tox-editor-header, .tox-toolbar__primary, .form-actions, .page-edit__action_buttons, #content .header-bar',
    ),
  ],
};
