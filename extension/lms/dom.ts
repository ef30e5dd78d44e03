/** DOM reading helpers for adapters: bounded text, same-origin editor iframes, open shadow roots. */

const MAX_TITLE = 300;
const MAX_EDITOR = 4000;

export function clean(text: string | null | undefined, max = MAX_TITLE): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Visible text of an element, without screen-reader-only helper text such as Moodle's "accesshide". */
export function textOf(el: Element | null | undefined, max = MAX_TITLE): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll(
    '.accesshide, .sr-only, .screenreader-only, .visually-hidden, [aria-hidden="true"]',
  )) {
    hidden.remove();
  }
  return clean(copy.textContent, max);
}

export const first = (root: ParentNode, ...selectors: string[]): Element | null => {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
};

export const texts = (root: ParentNode, selector: string, max = 100): string[] =>
  [...root.querySelectorAll(selector)]
    .slice(0, max)
    .map((el) => textOf(el))
    .filter(Boolean);

export const inputValue = (root: ParentNode, selector: string): string => {
  const el = root.querySelector(selector) as HTMLInputElement | null;
  return clean(el?.value ?? el?.textContent);
};

/** Text typed into rich-text editors (TinyMCE, Canvas RCE): their documents live in same-origin iframes. */
export function editorText(root: ParentNode, iframeSelector: string): string {
  const parts: string[] = [];
  for (const frame of root.querySelectorAll(iframeSelector)) {
    try {
      const body = (frame as HTMLIFrameElement).contentDocument?.body;
      if (body) parts.push(body.textContent ?? '');
    } catch {
      // A cross-origin frame is not ours to read.
    }
  }
  return clean(parts.join(' '), MAX_EDITOR);
}

/** querySelectorAll that also looks inside open shadow roots (Brightspace is built of web components). */
export function deepQueryAll(root: ParentNode, selector: string, limit = 200): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll(selector)) {
      if (found.length < limit) found.push(el);
    }
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot && found.length < limit) visit(el.shadowRoot);
    }
  };
  visit(root);
  return found;
}

export const hostEnds = (url: URL, ...suffixes: string[]) =>
  suffixes.some((s) => url.hostname === s || url.hostname.endsWith(`.${s}`));
