import { randomBytes } from 'node:crypto';
import { createServer as createHttpsServer } from 'node:https';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { POST_MESSAGE } from '../../shared/lti/vocabulary';
import { type Course, deepLinkingClaims, type PlatformUser, resourceLinkClaims, type Shape } from './claims';
import { type ContentItem, checkDeepLinkResponse, DeepLinkRejected, type PendingDeepLink } from './deep-link-check';
import { registerDynamicRegistration } from './registration';

/**
 * A reference LTI 1.3 platform written from the specifications, for tests and as the demo LMS. It shares no LTI code
 * with lms-plugin/ (only the vocabulary constants in shared/lti). It signs id_tokens in Canvas or Moodle shapes, checks
 * deep-linking responses strictly, stores the links they create, and shows simple course pages.
 */
export interface ToolRegistration {
  clientId: string;
  deploymentId: string;
  loginUrl: string;
  redirectUris: string[];
  jwksUrl: string;
  deepLinkUrl: string;
}

/** The tool as an LMS administrator enters it by hand, for a tool serving at `toolUrl`. */
export const toolRegisteredByHand = (toolUrl: string, clientId: string, deploymentId: string): ToolRegistration => ({
  clientId,
  deploymentId,
  loginUrl: `${toolUrl}/lti/login`,
  redirectUris: [`${toolUrl}/lti/launch`, `${toolUrl}/lti/deep-link`],
  jwksUrl: `${toolUrl}/.well-known/jwks.json`,
  deepLinkUrl: `${toolUrl}/lti/deep-link`,
});

export interface CourseLink {
  id: string;
  type: string;
  title: string;
  text?: string;
  url: string;
  custom: Record<string, string>;
  /** `window` when the tool asked for a new window: the course opens it in a new tab, as Canvas does. */
  target: 'iframe' | 'window';
  createdAt: number;
}

export interface ReferencePlatformOptions {
  shape: Shape;
  /** The tool, registered by hand; without it the platform waits for a dynamic registration (registration.ts). */
  tool?: ToolRegistration;
  port?: number;
  /** The origin browsers use (and the issuer), when it is not the loopback address; needs `tls` for https. */
  publicOrigin?: string;
  /** Also listen with TLS (a test certificate), for browsers reaching the platform at `publicOrigin`. */
  tls?: { key: string; cert: string };
  /** Send `lti_storage_target` and answer lti.put_data / lti.get_data on course pages. */
  platformStorage?: boolean;
  now?: () => number;
}

interface MessageHint {
  kind: 'resource' | 'deep-link';
  user: PlatformUser;
  courseId: string;
  linkId?: string;
  placement: string;
  used: boolean;
}

class NoToolRegistered extends Error {}

const id = (bytes = 9) => randomBytes(bytes).toString('base64url');
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function autoPost(action: string, fields: Record<string, string>, title: string): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<form method="post" action="${esc(action)}">${inputs}<noscript><button>Continue</button></noscript></form>
<script>document.forms[0].submit()</script></body></html>`;
}

export async function startReferencePlatform(options: ReferencePlatformOptions) {
  const now = options.now ?? Date.now;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `ref-${id(6)}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const canvas = options.shape === 'canvas';
  let registered: ToolRegistration | undefined = options.tool;
  const tool = (): ToolRegistration => {
    if (!registered) throw new NoToolRegistered();
    return registered;
  };

  const users: Record<string, PlatformUser> = {
    teacher: {
      loginHint: canvas ? 'b3f1e0c2a9d8476e' : '214',
      sub: canvas ? 'c2d9-teacher-5b1f' : '214',
      name: 'Maya Rivera',
      email: 'maya@example.edu',
      role: 'teacher',
    },
    student: {
      loginHint: canvas ? 'e7a1c4f09b3d2a65' : '215',
      sub: canvas ? 'f4a0-student-91c2' : '215',
      name: 'Sam Lee',
      email: 'sam@example.edu',
      role: 'student',
    },
  };
  const byHint = new Map(Object.values(users).map((u) => [u.loginHint, u]));
  const courses: Record<string, Course> = {
    [canvas ? '1207' : '58']: { id: canvas ? '1207' : '58', title: 'Science 7 - Period 3', label: 'SCI7-P3' },
  };
  const links = new Map<string, CourseLink[]>(Object.keys(courses).map((c) => [c, []]));
  const hints = new Map<string, MessageHint>();
  const pending = new Map<string, PendingDeepLink & { courseId: string }>();
  const seenNonces = new Set<string>();
  const sesskey = id(8);
  const rejections: Array<{ at: number; reasons: string[] }> = [];

  let origin = '';
  const app = new Hono();

  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [jwk] }));

  const coursePage = (courseId: string, as: string, autoOpen = false) => {
    const course = courses[courseId]!;
    const items = links.get(courseId)!;
    const list = items.length
      ? `<ul id="links">${items
          .map(
            (l) =>
              `<li><a href="/courses/${courseId}/links/${l.id}/launch?as=${as}" target="${l.target === 'window' ? '_blank' : 'lti-frame'}" data-link="${esc(l.id)}">${esc(l.title)}</a>${l.target === 'window' ? ' <span class="hint">(opens in a new tab)</span>' : ''}</li>`,
          )
          .join('')}</ul>`
      : '<p id="links">No content yet.</p>';
    const add =
      as === 'teacher'
        ? `<p><a id="add-content" href="/courses/${courseId}/deep-link?as=teacher&placement=link_selection" target="lti-frame">Add content</a>
           <a id="add-one" href="/courses/${courseId}/deep-link?as=teacher&placement=assignment_selection" target="lti-frame">Add one item</a></p>`
        : '';
    const storageScript = options.platformStorage
      ? `<script>
addEventListener('message', (e) => {
  const d = e.data || {};
  if (d.subject === '${POST_MESSAGE.putData}') { sessionStorage.setItem('lti:' + e.origin + ':' + d.key, d.value); e.source.postMessage({ subject: '${POST_MESSAGE.putData}.response', message_id: d.message_id, key: d.key, value: d.value }, e.origin); }
  if (d.subject === '${POST_MESSAGE.getData}') { e.source.postMessage({ subject: '${POST_MESSAGE.getData}.response', message_id: d.message_id, key: d.key, value: sessionStorage.getItem('lti:' + e.origin + ':' + d.key) }, e.origin); }
});
</script>`
      : '';
    const frameSrc =
      autoOpen && as === 'teacher'
        ? `/courses/${courseId}/deep-link?as=teacher&placement=link_selection`
        : 'about:blank';
    const itemTitles = ['How plants make food', 'Chlorophyll and light lab'];
    // Canvas and Moodle shells, so the extension's adapters read these pages as the LMSs' own.
    const unit = canvas
      ? `<div id="context_modules" class="ig-list"><div class="context_module" id="context_module_882"><div class="ig-header"><span class="ig-header-title"><span class="name">Unit 3: Photosynthesis and Plant Energy</span></span></div>
<ul class="context_module_items">${itemTitles.map((t) => `<li class="context_module_item"><span class="ig-title">${esc(t)}</span></li>`).join('')}${items.map((l) => `<li class="context_module_item"><span class="ig-title">${esc(l.title)}</span></li>`).join('')}</ul></div></div>`
      : `<ul class="topics"><li id="section-3" class="section course-section main" data-number="3" data-sectionname="Photosynthesis"><h3 class="sectionname">Photosynthesis</h3>
<ul>${[...itemTitles, ...items.map((l) => l.title)].map((t) => `<li class="activity"><div class="activityname"><span class="instancename">${esc(t)}</span></div></li>`).join('')}</ul></li></ul>`;
    const body = canvas
      ? `<div id="application" class="ic-app"><nav id="breadcrumbs"><ul><li class="home"><a href="/">Home</a></li><li><a href="/courses/${courseId}"><span class="ellipsible">${esc(course.title)}</span></a></li></ul></nav><div id="content">`
      : `<div id="page-wrapper"><div id="page"><header id="page-header"><div class="page-header-headings"><h1 class="h2">${esc(course.title)}</h1></div></header><div id="region-main">`;
    const bodyAttrs = canvas
      ? ''
      : ` id="page-course-view-topics" class="pagelayout-course course-${courseId}${as === 'teacher' ? ' editing' : ''}"`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(course.title)}</title>
<style>body{font-family:system-ui;margin:1rem;color:#2d3b45} iframe{width:100%;height:640px;border:1px solid #999}
#breadcrumbs ul{list-style:none;display:flex;gap:.6rem;padding:0;margin:0 0 1rem} #breadcrumbs li+li::before{content:"›";margin-right:.6rem}
.context_module,.section{border:1px solid #c7cdd1;border-radius:4px;margin:.5rem 0;list-style:none}
.ig-header,.sectionname{background:#f5f5f5;padding:.5rem .75rem;margin:0;font-size:1rem;font-weight:600}
.context_module_items,.section ul{margin:0;padding:.3rem 2rem}</style></head>
<body${bodyAttrs}>${body}<header>${canvas ? `<h1>${esc(course.title)}</h1>` : ''}<p>Reference ${canvas ? 'Canvas' : 'Moodle'}-shaped LMS · signed in as ${esc(users[as]?.name ?? as)}</p></header>
<main>${as === 'teacher' ? unit : ''}<h2>Course links</h2>${list}${add}
<iframe name="lti-frame" title="External tool" src="${frameSrc}"></iframe></main></div></div>${storageScript}</body></html>`;
  };

  const courseUrl = (courseId: string, as: string) =>
    canvas ? `/courses/${courseId}/modules?as=${as}` : `/course/view.php?id=${courseId}&as=${as}`;
  const showCourse = (c: import('hono').Context, courseId: string, autoOpen = false) => {
    if (!courses[courseId]) return c.text('no such course', 404);
    return c.html(coursePage(courseId, c.req.query('as') ?? 'teacher', autoOpen));
  };
  app.get('/courses/:course/modules', (c) => showCourse(c, c.req.param('course'), c.req.query('insert') === '1'));
  app.get('/course/view.php', (c) => showCourse(c, c.req.query('id') ?? ''));
  // Moodle's "Select content" entry point: the course page with the tool's deep-linking frame already open.
  app.get('/mod/lti/contentitem.php', (c) => showCourse(c, c.req.query('course') ?? '', true));

  app.get('/courses/:course', (c) => {
    const courseId = c.req.param('course');
    if (!courses[courseId]) return c.text('no such course', 404);
    return c.html(coursePage(courseId, c.req.query('as') ?? 'teacher'));
  });

  const initiate = (
    courseId: string,
    user: PlatformUser,
    kind: MessageHint['kind'],
    placement: string,
    targetLinkUri: string,
    linkId?: string,
  ) => {
    const hint = canvas ? id(24) : (linkId ?? `dl-${id(6)}`);
    hints.set(hint, { kind, user, courseId, linkId, placement, used: false });
    const params: Record<string, string> = {
      iss: origin,
      login_hint: user.loginHint,
      target_link_uri: targetLinkUri,
      lti_message_hint: hint,
      client_id: tool().clientId,
      lti_deployment_id: tool().deploymentId,
    };
    if (options.platformStorage) params.lti_storage_target = '_parent';
    if (canvas) Object.assign(params, { canvas_environment: 'prod', canvas_region: 'local' });
    return autoPost(tool().loginUrl, params, 'Launching');
  };

  app.get('/courses/:course/deep-link', (c) => {
    const courseId = c.req.param('course');
    const user = users[c.req.query('as') ?? 'teacher'];
    if (!courses[courseId] || !user) return c.text('bad request', 400);
    return c.html(
      initiate(courseId, user, 'deep-link', c.req.query('placement') ?? 'link_selection', tool().deepLinkUrl),
    );
  });

  app.get('/courses/:course/links/:link/launch', (c) => {
    const courseId = c.req.param('course');
    const link = links.get(courseId)?.find((l) => l.id === c.req.param('link'));
    const user = users[c.req.query('as') ?? 'student'];
    if (!link || !user) return c.text('no such link', 404);
    return c.html(initiate(courseId, user, 'resource', 'link_selection', link.url, link.id));
  });

  // OIDC authorization endpoint (SEC 5.1.1.2-5.1.1.3): checks the request, then form-posts the id_token.
  const authorize = async (c: import('hono').Context) => {
    const q = c.req.method === 'POST' ? Object.fromEntries(new URLSearchParams(await c.req.text())) : c.req.query();
    const problems: string[] = [];
    if (q.scope !== 'openid') problems.push('scope must be openid');
    if (q.response_type !== 'id_token') problems.push('response_type must be id_token');
    if (q.response_mode !== 'form_post') problems.push('response_mode must be form_post');
    if (q.prompt !== 'none') problems.push('prompt must be none');
    if (q.client_id !== tool().clientId) problems.push('unknown client_id');
    if (!q.redirect_uri || !tool().redirectUris.includes(q.redirect_uri))
      problems.push('redirect_uri is not registered');
    if (!q.nonce) problems.push('nonce is required');
    const user = q.login_hint ? byHint.get(q.login_hint) : undefined;
    if (!user) problems.push('login_hint does not name a user');
    const hint = q.lti_message_hint ? hints.get(q.lti_message_hint) : undefined;
    if (!hint || hint.user !== user) problems.push('lti_message_hint is unknown or for another user');
    else if (canvas && hint.used) problems.push('launch_no_longer_valid');
    if (problems.length) return c.json({ error: 'invalid_request', problems }, 400);
    hint!.used = true;
    const course = courses[hint!.courseId]!;
    const base = {
      shape: options.shape,
      issuer: origin,
      clientId: tool().clientId,
      deploymentId: tool().deploymentId,
      user: user!,
      course,
      nonce: q.nonce!,
      now: now(),
    };
    let claims: Record<string, unknown>;
    if (hint!.kind === 'resource') {
      const link = links.get(course.id)!.find((l) => l.id === hint!.linkId)!;
      claims = resourceLinkClaims({ ...base, link, documentTarget: link.target });
    } else {
      const token = id();
      const acceptMultiple = hint!.placement !== 'assignment_selection';
      const data = canvas ? undefined : JSON.stringify({ launchid: token });
      const returnUrl = canvas
        ? `${origin}/courses/${course.id}/deep_linking_response?modal=true&placement=${hint!.placement}&data=${token}`
        : `${origin}/mod/lti/contentitem_return.php?course=${course.id}&id=7&sesskey=${sesskey}`;
      claims = deepLinkingClaims({
        ...base,
        targetLinkUri: tool().deepLinkUrl,
        returnUrl,
        placement: hint!.placement,
        data,
        acceptMultiple,
      });
      const settings = claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] as {
        accept_types: string[];
      };
      pending.set(token, {
        deploymentId: tool().deploymentId,
        data,
        acceptMultiple,
        acceptTypes: settings.accept_types,
        courseId: course.id,
      });
    }
    const idToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
    const fields: Record<string, string> = { id_token: idToken };
    if (q.state !== undefined) fields.state = q.state;
    if (options.platformStorage) fields.lti_storage_target = '_parent';
    return c.html(autoPost(q.redirect_uri!, fields, 'Signing in'));
  };
  app.get('/auth', authorize);
  app.post('/auth', authorize);

  // Deep-link return: Canvas and Moodle shapes. Responses are checked before anything is stored.
  const receive = async (c: import('hono').Context) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    let token: string | undefined;
    if (canvas) token = c.req.query('data');
    else {
      if (c.req.query('sesskey') !== sesskey) return c.json({ error: 'invalidsesskey' }, 400);
      try {
        const payload = JSON.parse(Buffer.from((form.JWT ?? '').split('.')[1] ?? '', 'base64url').toString()) as Record<
          string,
          unknown
        >;
        token = (
          JSON.parse(String(payload['https://purl.imsglobal.org/spec/lti-dl/claim/data'])) as { launchid?: string }
        ).launchid;
      } catch {}
    }
    const request = token ? pending.get(token) : undefined;
    if (!request || !form.JWT) {
      rejections.push({ at: now(), reasons: ['no deep linking request matches this response'] });
      return c.json({ error: 'deep_link_rejected', reasons: ['no deep linking request matches this response'] }, 400);
    }
    try {
      const checked = await checkDeepLinkResponse({
        jwt: form.JWT,
        issuer: origin,
        clientId: tool().clientId,
        toolJwksUrl: tool().jwksUrl,
        pending: request,
        now: now(),
        seenNonces,
      });
      const created = checked.items.map((item: ContentItem) => ({
        id: `link-${id(6)}`,
        type: item.type,
        title: item.title ?? item.url ?? 'Untitled',
        text: item.text,
        url: item.url!,
        custom: (item.custom ?? {}) as Record<string, string>,
        target: (item.window ? 'window' : 'iframe') as CourseLink['target'],
        createdAt: now(),
      }));
      links.get(request.courseId)!.push(...created);
      const message = checked.errormsg
        ? `The tool reported: ${checked.errormsg}`
        : created.length
          ? `${created.length} item(s) added.`
          : 'Nothing was added.';
      if (c.req.header('accept')?.includes('application/json')) return c.json({ created, message });
      return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content added</title></head><body>
<p id="result" role="status">${esc(message)}</p><p><a href="${courseUrl(request.courseId, 'teacher')}" target="_top">Back to the course</a></p>
<script>setTimeout(() => { top.location.href = '${courseUrl(request.courseId, 'teacher')}'; }, 300);</script></body></html>`);
    } catch (error) {
      if (!(error instanceof DeepLinkRejected)) throw error;
      rejections.push({ at: now(), reasons: error.reasons });
      return c.json({ error: 'deep_link_rejected', reasons: error.reasons }, 400);
    }
  };
  app.post('/courses/:course/deep_linking_response', receive);
  app.post('/mod/lti/contentitem_return.php', receive);

  app.onError((error, c) =>
    error instanceof NoToolRegistered
      ? c.text('No tool is registered with this platform yet.', 409)
      : c.text(String(error), 500),
  );
  registerDynamicRegistration(app, {
    shape: options.shape,
    origin: () => origin,
    now,
    onRegistered: (created) => {
      registered = created;
    },
  });

  app.get('/test/state', (c) => c.json({ links: Object.fromEntries(links), rejections }));

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (req) => app.fetch(req), port: options.port ?? 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const loopback = `http://127.0.0.1:${port}`;
  origin = options.publicOrigin ?? loopback;
  let tlsServer: ServerType | undefined;
  let tlsPort = 0;
  if (options.tls) {
    tlsServer = await new Promise<ServerType>((resolve) => {
      const s = serve(
        {
          fetch: (req) => app.fetch(req),
          port: 0,
          hostname: '127.0.0.1',
          createServer: createHttpsServer,
          serverOptions: { key: options.tls!.key, cert: options.tls!.cert },
        },
        () => resolve(s),
      );
    });
    tlsPort = (tlsServer.address() as { port: number }).port;
  }

  return {
    shape: options.shape,
    issuer: origin,
    origin,
    port,
    tlsPort,
    kid,
    users,
    courseId: Object.keys(courses)[0]!,
    links: (courseId = Object.keys(courses)[0]!) => links.get(courseId)!,
    /** Adds a link as if it had been created earlier (for launch tests that do not go through deep linking). */
    addLink(link: Omit<CourseLink, 'id' | 'createdAt'>, courseId = Object.keys(courses)[0]!): CourseLink {
      const created = { ...link, id: `link-${id(6)}`, createdAt: now() };
      links.get(courseId)!.push(created);
      return created;
    },
    rejections,
    /** What the tool's `platform add` needs (once a tool is registered). */
    get registration() {
      return {
        issuer: origin,
        clientId: tool().clientId,
        authUrl: `${origin}/auth`,
        // The tool fetches keys server-side, over loopback.
        jwksUrl: `${loopback}/.well-known/jwks.json`,
        tokenUrl: `${origin}/token`,
        deploymentIds: [tool().deploymentId],
      };
    },
    /** The tool as the platform knows it, after `platform add`-style setup or a dynamic registration. */
    get tool() {
      return registered;
    },
    async close() {
      for (const srv of [server, tlsServer]) {
        if (!srv) continue;
        if ('closeAllConnections' in srv) srv.closeAllConnections();
        await new Promise<void>((resolve) => srv.close(() => resolve()));
      }
    },
  };
}

export type ReferencePlatform = Awaited<ReturnType<typeof startReferencePlatform>>;
