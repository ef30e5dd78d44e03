/**
 * Follows the LTI front channel the way a browser does, without one: auto-submitting forms and redirects, carrying
 * cookies per origin. Used to drive the reference platform and the tool over real HTTP in Node tests.
 */
export interface FormStep {
  action: string;
  fields: Record<string, string>;
}

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function parseAutoPostForm(html: string, base: string): FormStep | undefined {
  const form = /<form[^>]*method="post"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"[^>]*>/gi)) {
    fields[decode(input[1]!)] = decode(input[2]!);
  }
  return { action: new URL(decode(form[1]!), base).toString(), fields };
}

export class CookieJar {
  #cookies = new Map<string, Map<string, string>>();
  store(url: string, response: Response) {
    const origin = new URL(url).origin;
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair!.split('=');
      if (!this.#cookies.has(origin)) this.#cookies.set(origin, new Map());
      this.#cookies.get(origin)!.set(name!.trim(), value ?? '');
    }
  }
  header(url: string): string | undefined {
    const jar = this.#cookies.get(new URL(url).origin);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }
}

export async function request(
  jar: CookieJar,
  url: string,
  init: { method?: string; form?: Record<string, string>; accept?: string } = {},
): Promise<{ response: Response; text: string }> {
  const cookie = jar.header(url);
  const response = await fetch(url, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    redirect: 'manual',
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(init.accept ? { accept: init.accept } : {}),
    },
    body: init.form ? new URLSearchParams(init.form) : undefined,
  });
  jar.store(url, response);
  return { response, text: await response.text() };
}

/**
 * From a page that starts an LTI launch (the platform's initiation page) up to the id_token form the platform posts to
 * the tool. Returns that form so the caller can post it where it wants (the same instance or another one).
 */
export async function runToAuthResponse(
  jar: CookieJar,
  startUrl: string,
  loginUrlOverride?: string,
): Promise<FormStep> {
  const start = await request(jar, startUrl);
  const initiation = parseAutoPostForm(start.text, startUrl);
  if (!initiation) throw new Error(`no login initiation form at ${startUrl}: ${start.text.slice(0, 200)}`);
  const loginUrl = loginUrlOverride ?? initiation.action;
  const login = await request(jar, loginUrl, { form: initiation.fields });
  let authUrl = login.response.headers.get('location');
  if (!authUrl) {
    const cfg = /id="cfg">(.*?)<\/script>/s.exec(login.text)?.[1];
    if (!cfg) throw new Error(`login did not redirect: ${login.response.status} ${login.text.slice(0, 300)}`);
    authUrl = (JSON.parse(cfg) as { authUrl: string }).authUrl;
  }
  const auth = await request(jar, authUrl);
  const form = parseAutoPostForm(auth.text, authUrl);
  if (!form)
    throw new Error(
      `platform did not answer with an id_token form: ${auth.response.status} ${auth.text.slice(0, 300)}`,
    );
  return form;
}
