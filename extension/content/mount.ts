/**
 * The overlay's frame and its launcher, in a closed shadow root: the LMS page's scripts can neither reach the
 * elements nor read the overlay (an extension page, another origin), and LMS CSS cannot leak in. The frame is placed
 * where it covers none of the LMS's own editing controls.
 */
export interface OverlayMount {
  setExpanded(expanded: boolean): void;
  place(): void;
  destroy(): void;
}

const PANEL_WIDTH = 380;
const MARGIN = 12;

const STYLE = `
:host{all:initial}
.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483646;font:600 14px/1 system-ui,sans-serif;background:#005ea2;color:#fff;border:0;border-radius:20px;padding:10px 16px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.launcher:focus-visible{outline:3px solid #1a4480;outline-offset:3px}
iframe{position:fixed;z-index:2147483647;border:1px solid #8a8a8a;border-radius:8px;background:#fff;box-shadow:0 4px 18px rgba(0,0,0,.25);color-scheme:light}
[hidden]{display:none!important}
`;

export function mountOverlay(options: {
  doc: Document;
  src: string;
  expanded: boolean;
  protectedAreas: () => Element[];
  onToggle: (expanded: boolean) => void;
}): OverlayMount {
  const { doc } = options;
  const host = doc.createElement('iste-suggestions');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const launcher = doc.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.textContent = 'Resource suggestions';
  const frame = doc.createElement('iframe');
  frame.title = 'Resource suggestions';
  // Copying links from the overlay needs the clipboard, which a cross-origin frame gets only when the parent allows it.
  frame.allow = 'clipboard-write';
  frame.src = options.src;
  root.append(style, launcher, frame);
  doc.documentElement.append(host);

  function place() {
    const view = doc.defaultView!;
    const width = Math.min(PANEL_WIDTH, view.innerWidth - 2 * MARGIN);
    const columns = [view.innerWidth - width - MARGIN, MARGIN];
    const areas = options
      .protectedAreas()
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    // Try the right edge, then the left: shorten the panel to fit between protected controls above and below it.
    let best = { left: columns[0]!, top: 72, bottom: view.innerHeight - MARGIN };
    for (const left of columns) {
      const rect = { left, right: left + width, top: 72, bottom: view.innerHeight - MARGIN };
      for (const r of areas.sort((a, b) => a.top - b.top)) {
        if (r.right <= rect.left || r.left >= rect.right || r.bottom <= rect.top || r.top >= rect.bottom) continue;
        if (r.top - rect.top >= 240) rect.bottom = r.top - MARGIN;
        else rect.top = r.bottom + MARGIN;
      }
      best = { left, top: rect.top, bottom: rect.bottom };
      if (rect.bottom - rect.top >= 240) break;
    }
    Object.assign(frame.style, {
      left: `${best.left}px`,
      top: `${best.top}px`,
      width: `${width}px`,
      height: `${Math.max(160, best.bottom - best.top)}px`,
    });
  }

  function setExpanded(expanded: boolean) {
    frame.hidden = !expanded;
    launcher.hidden = expanded;
    launcher.setAttribute('aria-expanded', String(expanded));
    if (expanded) place();
  }

  launcher.addEventListener('click', () => {
    setExpanded(true);
    options.onToggle(true);
    frame.focus();
  });
  const onResize = () => place();
  doc.defaultView?.addEventListener('resize', onResize);
  setExpanded(options.expanded);

  return {
    setExpanded,
    place,
    destroy() {
      doc.defaultView?.removeEventListener('resize', onResize);
      host.remove();
    },
  };
}
