/**
 * Styles of the shared components, as text: the tool inlines them in server-rendered pages, the extension's pages
 * import them. Colours meet WCAG 2.1 AA contrast on white; focus is always visible.
 */
export const BASE_CSS = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#505050;--line:#d0d0d0;--accent:#005ea2;--accent-dark:#1a4480;--warn:#8a4b00;--ok:#216e1f;--bg:#fff;--soft:#f4f6f8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:hover{color:var(--accent-dark)}
:focus-visible{outline:3px solid var(--accent-dark);outline-offset:2px}
button,select,input{font:inherit}
button{cursor:pointer;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;padding:.35rem .8rem}
button.secondary{background:#fff;color:var(--accent)}
button:disabled{opacity:.6;cursor:not-allowed}
label{font-weight:600}
input[type=search],input[type=text],select{border:1px solid #767676;border-radius:4px;padding:.3rem .45rem;background:#fff;color:var(--ink)}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.notice{background:#fff8e5;border-left:4px solid var(--warn);padding:.4rem .7rem;margin:.5rem 0}
.error{background:#fbe9e9;border-left:4px solid #b50909;padding:.4rem .7rem}
`;

export const RESOURCE_CARD_CSS = `
.resource-card{border:1px solid var(--line);border-radius:6px;padding:.7rem .85rem;margin:.6rem 0;background:#fff}
.resource-title{font-size:1.02rem;margin:0 0 .2rem}
.resource-meta{color:var(--muted);margin:0 0 .3rem;font-size:.9rem}
.why{margin:.2rem 0;font-size:.9rem;color:var(--ok)}
.coach-note{margin:.2rem 0;font-size:.9rem;border-left:3px solid var(--accent);padding-left:.5rem}
.description{margin:.3rem 0}
.badge{display:inline-block;margin:.1rem 0;padding:.05rem .45rem;border-radius:10px;font-size:.8rem;font-weight:600}
.badge.seal{background:#e7f2e6;color:var(--ok);border:1px solid var(--ok)}
.iste,.certs,.signals{list-style:none;margin:.3rem 0;padding:0;font-size:.86rem}
.iste li,.certs li,.signals li{margin:.1rem 0}
.iste li{position:relative}
.iste-code{font-weight:600}
.iste-tip{display:none;position:absolute;left:0;top:1.4rem;z-index:5;background:#1b1b1b;color:#fff;padding:.25rem .5rem;border-radius:4px;font-size:.8rem;max-width:18rem}
.iste-code:hover + .iste-tip,.iste-code:focus + .iste-tip{display:block}
.provenance{color:var(--muted)}
.certs li.stale{color:var(--warn)}
.card-action{margin-top:.4rem}
`;
