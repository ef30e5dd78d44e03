import { detectLms } from '../lms';
import type { LmsAdapter } from '../lms/types';
import { send } from '../messaging';
import { browser, localStore } from '../platform';
import { mountOverlay, type OverlayMount } from './mount';

const EXPANDED_KEY = 'overlay.expanded';
const DEBOUNCE_MS = 500;

/**
 * The LMS content script: detect the LMS and the page kind, read the unit context, mount the overlay on pages where a
 * unit is being built, and re-read on single-page navigation and editor typing (debounced). Small on purpose: the
 * search, the catalog and the UI load inside the overlay's own frame, not in the LMS page.
 */
export function runLmsContentScript(signal: AbortSignal): void {
  performance.mark('iste-suggestions:start');
  const adapter = detectLms(document, new URL(location.href));
  if (!adapter) return;
  // A random key per page load: the overlay asks the background for "its" context by it; the page never sees it.
  const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  let mount: OverlayMount | undefined;
  // Set when the extension asked to show or hide the overlay before it was mounted (the picker can load first).
  let requested: boolean | undefined;
  let lastSent = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function update(a: LmsAdapter) {
    const url = new URL(location.href);
    const pageKind = a.pageKind(document, url);
    if (pageKind === 'other') {
      mount?.destroy();
      mount = undefined;
      return;
    }
    const context = { lms: a.id, pageKind, ...a.extract(document, url) };
    const serialised = JSON.stringify(context);
    if (serialised !== lastSent) {
      lastSent = serialised;
      await send({ type: 'context:publish', key, context }).catch(() => undefined);
    }
    if (!mount) {
      const stored = await localStore.get<boolean>(EXPANDED_KEY).catch(() => undefined);
      if (mount) return;
      const expanded = requested ?? stored ?? true;
      mount = mountOverlay({
        doc: document,
        src: `${browser.runtime.getURL('/overlay.html')}#${key}`,
        expanded,
        protectedAreas: () => a.protectedAreas(document),
        onToggle: (value) => void localStore.set(EXPANDED_KEY, value),
      });
    } else {
      mount.place();
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(adapter), DEBOUNCE_MS);
  };
  void update(adapter);
  performance.mark('iste-suggestions:end');
  performance.measure('iste-suggestions:content-script', 'iste-suggestions:start', 'iste-suggestions:end');

  // Single-page navigation and DOM changes (module lists render late); typing in editors (their iframes).
  let href = location.href;
  const observer = new MutationObserver(() => {
    if (location.href !== href) href = location.href;
    schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const onInput = () => schedule();
  document.addEventListener('input', onInput, true);
  const watchFrames = () => {
    for (const frame of document.querySelectorAll('iframe')) {
      try {
        frame.contentDocument?.addEventListener('input', onInput, { capture: true, signal });
      } catch {}
    }
  };
  watchFrames();
  const framesTimer = setInterval(watchFrames, 2000);

  const onMessage = (message: unknown) => {
    const m = message as { type?: string; expanded?: boolean; remember?: boolean };
    if (m?.type !== 'overlay:set') return;
    if (mount) mount.setExpanded(Boolean(m.expanded));
    else requested = Boolean(m.expanded);
    if (m.remember !== false) void localStore.set(EXPANDED_KEY, Boolean(m.expanded));
  };
  browser.runtime.onMessage.addListener(onMessage);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    clearInterval(framesTimer);
    document.removeEventListener('input', onInput, true);
    browser.runtime.onMessage.removeListener(onMessage);
    mount?.destroy();
  });
}
