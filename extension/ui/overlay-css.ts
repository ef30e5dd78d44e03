import { BASE_CSS, RESOURCE_CARD_CSS } from '../../shared/ui/styles';

export const OVERLAY_CSS = `${BASE_CSS}${RESOURCE_CARD_CSS}
body{font-size:14px}
.overlay{padding:.6rem .75rem}
.bar{display:flex;justify-content:space-between;align-items:center;gap:.5rem}
h1{font-size:1.05rem;margin:0}
h1 .unit{font-weight:400}
h2{font-size:.98rem;margin:.8rem 0 .3rem}
.filters{display:flex;flex-wrap:wrap;gap:.45rem;align-items:flex-end;margin:.5rem 0}
.field{display:flex;flex-direction:column;gap:.1rem}
.field.grow{flex:1 1 100%}
.hint{color:var(--muted);font-size:.82rem;font-weight:400}
.results{list-style:none;margin:0;padding:0}
.cart{background:var(--soft);border-radius:6px;padding:.3rem .6rem;margin:.5rem 0}
.cart-items{margin:.2rem 0;padding-left:1.1rem}
.cart-items li{margin:.2rem 0}
button.small{padding:.1rem .45rem;font-size:.85rem}
.cart-actions .row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.3rem 0}
a.button{display:inline-block;background:var(--accent);color:#fff;border-radius:4px;padding:.35rem .8rem;text-decoration:none;font-weight:600}
`;

export const PAGE_CSS = `${OVERLAY_CSS}
.panel,.options{padding:.8rem 1rem;max-width:56rem}
.options dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}
.options dt{font-weight:600}
.options dd{margin:0}
.options table{border-collapse:collapse;margin-top:.6rem}
.options th,.options td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left}
.badge.district{background:#e8f1fa;color:var(--accent-dark);border:1px solid var(--accent)}
.options h3{font-size:.95rem;margin:.8rem 0 .3rem}
.options .row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.2rem 0}
.options #lms-host{min-width:20rem}
.options li[data-site]{margin:.3rem 0}
`;
