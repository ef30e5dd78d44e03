/** HTML built from trusted templates with every interpolated value escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Value = string | number | boolean | null | undefined | SafeHtml | Value[];

const render = (value: Value): string => {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** JSON for an inline <script type="application/json">: `<` escaped so the text cannot close the script element. */
export const jsonForScript = (value: unknown): SafeHtml =>
  new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );

export function page(options: {
  title: string;
  body: SafeHtml;
  nonce?: string;
  script?: string;
  lang?: string;
}): string {
  const script = options.script
    ? html`<script nonce="${options.nonce ?? ''}">${new SafeHtml(options.script)}</script>`
    : '';
  return html`<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1.5rem;color:#1b1b1b;background:#fff}
main{max-width:42rem}
h1{font-size:1.35rem;margin:0 0 .75rem}
code{background:#f1f1f1;padding:.1rem .3rem;border-radius:3px}
.advice{border-left:4px solid #005ea2;padding:.25rem .75rem;background:#f0f6fb}
a,button{color:#005ea2}
:focus-visible{outline:3px solid #1a4480;outline-offset:2px}
</style>
</head>
<body><main>${options.body}</main>${script}</body>
</html>`.value;
}
