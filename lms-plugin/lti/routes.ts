import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../shared/errors';
import { POST_MESSAGE } from '../../shared/lti/vocabulary';
import { html, jsonForScript, page } from '../http/html';
import type { Logger } from '../log';
import { type Launch, type LaunchDeps, validateLaunch } from './launch';
import { LOGIN_TTL_MS, type LoginDeps, type LoginParams, startLogin } from './login';
import { randomToken } from './random';
import type { Sessions } from './sessions';
import type { ToolKeys } from './tool-keys';

export interface LtiRouteDeps extends LoginDeps, LaunchDeps {
  sessions: Sessions;
  toolKeys: ToolKeys;
  log: Logger;
  /** What a teacher or student sees after a verified launch (the picker, the resource). */
  afterLaunch(c: Context, launch: Launch, session: string): Response | Promise<Response>;
}

export const LAUNCH_PATH = '/lti/launch';
export const DEEP_LINK_PATH = '/lti/deep-link';

const stateCookie = (state: string) => `lti1p3-state-${state.slice(0, 24)}`;

async function formOf(c: Context): Promise<Record<string, string>> {
  // text() + URLSearchParams: Hono's parseBody is the slow part of a launch (docs/reference/performance.md).
  const type = c.req.header('content-type') ?? '';
  if (c.req.method !== 'POST' || !type.includes('application/x-www-form-urlencoded')) return {};
  return Object.fromEntries(new URLSearchParams(await c.req.text()));
}

const wantsJson = (c: Context) => (c.req.header('accept') ?? '').includes('application/json');

/** Platform storage (LTI Client Side postMessages): store the state in the LMS's frame, then go on to the LMS. */
const STORE_STATE_SCRIPT = `
const cfg = JSON.parse(document.getElementById('cfg').textContent);
const id = 'st-' + Math.random().toString(36).slice(2);
let done = false;
const go = () => { if (!done) { done = true; location.replace(cfg.authUrl); } };
addEventListener('message', (e) => {
  if (e.origin !== cfg.origin || !e.data || e.data.message_id !== id) return;
  go();
});
try {
  const target = cfg.target === '_parent' ? parent : parent.frames[cfg.target];
  target.postMessage({ subject: '${POST_MESSAGE.putData}', message_id: id, key: 'state-' + cfg.state, value: cfg.state }, cfg.origin);
} catch (e) {}
setTimeout(go, 1500);`;

/** After a launch without our cookie: read the state back from the LMS's frame before the session is usable. */
const CHECK_STATE_SCRIPT = `
const cfg = JSON.parse(document.getElementById('cfg').textContent);
const id = 'gd-' + Math.random().toString(36).slice(2);
const status = document.getElementById('status');
const fail = () => { status.textContent = 'This launch could not be verified. Open the tool in a new window from your course, or allow cookies for this site.'; };
const timer = setTimeout(fail, 3000);
addEventListener('message', async (e) => {
  if (e.origin !== cfg.origin || !e.data || e.data.message_id !== id) return;
  clearTimeout(timer);
  if (e.data.value !== cfg.state) return fail();
  const body = new URLSearchParams({ session: cfg.session, state: cfg.state });
  const r = await fetch(cfg.confirmUrl, { method: 'POST', body, headers: { accept: 'application/json' } });
  if (!r.ok) return fail();
  document.getElementById('continue').submit();
});
try {
  const target = cfg.target === '_parent' ? parent : parent.frames[cfg.target];
  target.postMessage({ subject: '${POST_MESSAGE.getData}', message_id: id, key: 'state-' + cfg.state }, cfg.origin);
} catch (e) { fail(); }`;

export function registerLtiRoutes(app: Hono, deps: LtiRouteDeps): void {
  const login = async (c: Context) => {
    const params = (c.req.method === 'POST' ? await formOf(c) : c.req.query()) as LoginParams;
    const result = await startLogin(params, deps);
    const secure = new URL(deps.publicUrl).protocol === 'https:';
    setCookie(c, stateCookie(result.state), result.state, {
      path: '/lti',
      maxAge: LOGIN_TTL_MS / 1000,
      httpOnly: true,
      secure,
      sameSite: secure ? 'None' : 'Lax',
      partitioned: secure,
    });
    deps.log.info('lti login', {
      iss: result.platform.issuer,
      client_id: result.platform.clientId,
      storage: Boolean(result.storageTarget),
    });
    if (!result.storageTarget) return c.redirect(result.authRequestUrl, 302);
    const nonce = randomToken(16);
    c.header('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'`);
    const cfg = {
      target: result.storageTarget,
      origin: new URL(result.platform.authUrl).origin,
      state: result.state,
      authUrl: result.authRequestUrl,
    };
    return c.html(
      page({
        title: 'Signing you in',
        nonce,
        script: STORE_STATE_SCRIPT,
        body: html`<p>Signing you in…</p><script type="application/json" id="cfg">${jsonForScript(cfg)}</script>`,
      }),
    );
  };
  app.get('/lti/login', login);
  app.post('/lti/login', login);

  const launch = async (c: Context) => {
    const form = await formOf(c);
    const cookieState = form.state ? getCookie(c, stateCookie(form.state)) : undefined;
    const { launch: verified, binding } = await validateLaunch(
      {
        idToken: form.id_token,
        state: form.state,
        cookieState,
        error: form.error,
        errorDescription: form.error_description,
      },
      deps,
    );
    const confirmed = binding !== 'platform-storage';
    const session = await deps.sessions.create(verified, { confirmed, state: form.state });
    deps.log.info('lti launch', {
      iss: verified.issuer,
      deployment: verified.deploymentId,
      message: verified.messageType,
      role: verified.roleClass,
      binding,
    });
    if (wantsJson(c))
      return c.json({ messageType: verified.messageType, session, confirmed, binding, launch: verified });
    if (confirmed) return deps.afterLaunch(c, verified, session);
    const login = await deps.db
      .selectFrom('login_states')
      .select(['storage_target'])
      .where('state', '=', form.state!)
      .executeTakeFirst();
    const platform = await deps.registry.find(verified.issuer, verified.clientId);
    const nonce = randomToken(16);
    c.header(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; connect-src 'self'; form-action 'self'`,
    );
    const cfg = {
      target: login?.storage_target,
      origin: new URL(platform!.authUrl).origin,
      state: form.state,
      session,
      confirmUrl: '/lti/session/confirm',
    };
    return c.html(
      page({
        title: 'Checking your launch',
        nonce,
        script: CHECK_STATE_SCRIPT,
        body: html`<p id="status" role="status">Checking your launch…</p>
<form id="continue" method="post" action="/lti/continue"><input type="hidden" name="session" value="${session}"></form>
<script type="application/json" id="cfg">${jsonForScript(cfg)}</script>`,
      }),
    );
  };
  app.post(LAUNCH_PATH, launch);
  app.post(DEEP_LINK_PATH, launch);

  app.post('/lti/session/confirm', async (c) => {
    const form = await formOf(c);
    if (!form.session || !form.state || !(await deps.sessions.confirm(form.session, form.state))) {
      throw new AppError('STATE_MISMATCH', 'The state stored by the LMS does not match this launch.');
    }
    return c.json({ confirmed: true });
  });

  app.post('/lti/continue', async (c) => {
    const form = await formOf(c);
    const verified = await deps.sessions.get(form.session);
    return deps.afterLaunch(c, verified, form.session!);
  });

  app.get('/.well-known/jwks.json', async (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(await deps.toolKeys.publicJwks());
  });
}
