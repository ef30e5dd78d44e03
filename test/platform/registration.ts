import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { Shape } from './claims';
import type { ToolRegistration } from './platform';

/**
 * LTI Dynamic Registration 1.0, platform side, written from the specification and the Canvas and Moodle behaviour in
 * docs/reference/lti.md b: an administrator page opens the tool's registration URL with `openid_configuration` and a
 * one-time `registration_token`; the platform serves its OpenID configuration and checks the tool's registration request
 * strictly (Canvas answers 422 to anything off-schema), then knows the tool. Canvas returns no deployment id here; Moodle
 * returns its tool type id.
 */
const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const CANVAS_PRIVACY = 'https://canvas.instructure.com/lti/privacy_level';

const PLACEMENTS: Record<Shape, Record<string, string[]>> = {
  canvas: {
    LtiResourceLinkRequest: ['course_navigation', 'account_navigation', 'link_selection'],
    LtiDeepLinkingRequest: [
      'link_selection',
      'assignment_selection',
      'editor_button',
      'module_index_menu_modal',
      'migration_selection',
    ],
  },
  moodle: { LtiResourceLinkRequest: [], LtiDeepLinkingRequest: ['ContentArea'] },
};
const SCOPES = [
  'openid',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
];

const isUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  } catch {
    return false;
  }
};

/** Every way a registration request breaks the schema, or none. */
export function checkRegistrationRequest(shape: Shape, body: unknown): string[] {
  const problems: string[] = [];
  if (!body || typeof body !== 'object') return ['the body is not a JSON object'];
  const r = body as Record<string, unknown>;
  if (r.application_type !== 'web') problems.push('application_type must be "web"');
  if (JSON.stringify(r.response_types) !== '["id_token"]') problems.push('response_types must be ["id_token"]');
  const grants = Array.isArray(r.grant_types) ? r.grant_types : [];
  if (!grants.includes('implicit') || !grants.includes('client_credentials'))
    problems.push('grant_types must include implicit and client_credentials');
  if (!isUrl(r.initiate_login_uri)) problems.push('initiate_login_uri must be an https URL');
  if (!Array.isArray(r.redirect_uris) || r.redirect_uris.length === 0 || !r.redirect_uris.every(isUrl))
    problems.push('redirect_uris must be a non-empty list of https URLs');
  if (typeof r.client_name !== 'string' || !r.client_name.trim()) problems.push('client_name is required');
  if (!isUrl(r.jwks_uri)) problems.push('jwks_uri must be an https URL');
  if (r.token_endpoint_auth_method !== 'private_key_jwt')
    problems.push('token_endpoint_auth_method must be private_key_jwt');
  if (typeof r.scope !== 'string') problems.push('scope must be a space-separated string');
  else
    for (const s of r.scope.split(' ').filter(Boolean))
      if (!SCOPES.includes(s)) problems.push(`scope ${s} is not supported`);
  const tool = r[TOOL_CONFIGURATION] as Record<string, unknown> | undefined;
  if (!tool || typeof tool !== 'object') return [...problems, `${TOOL_CONFIGURATION} is required`];
  if (typeof tool.domain !== 'string' || !tool.domain) problems.push('domain is required');
  if (!isUrl(tool.target_link_uri)) problems.push('target_link_uri must be an https URL');
  else if (typeof tool.domain === 'string' && new URL(tool.target_link_uri).host !== tool.domain)
    problems.push('target_link_uri must be on the tool domain');
  if (tool.claims !== undefined && (!Array.isArray(tool.claims) || !tool.claims.every((c) => typeof c === 'string')))
    problems.push('claims must be a list of claim names');
  if (tool.custom_parameters !== undefined) {
    const values = Object.values((tool.custom_parameters ?? {}) as Record<string, unknown>);
    if (!values.every((v) => typeof v === 'string')) problems.push('custom_parameters values must be strings');
  }
  if (tool[CANVAS_PRIVACY] !== undefined) {
    if (shape !== 'canvas') problems.push(`${CANVAS_PRIVACY} is a Canvas extension`);
    else if (!['public', 'name_only', 'email_only', 'anonymous'].includes(String(tool[CANVAS_PRIVACY])))
      problems.push('privacy_level must be public, name_only, email_only or anonymous');
  }
  const messages = Array.isArray(tool.messages) ? (tool.messages as Array<Record<string, unknown>>) : undefined;
  if (!messages) problems.push('messages must be a list');
  for (const [i, m] of (messages ?? []).entries()) {
    const supported = PLACEMENTS[shape][String(m.type)];
    if (!supported) {
      problems.push(`messages[${i}].type ${String(m.type)} is not supported`);
      continue;
    }
    if (m.target_link_uri !== undefined && !isUrl(m.target_link_uri))
      problems.push(`messages[${i}].target_link_uri must be an https URL`);
    if (m.placements !== undefined) {
      if (!Array.isArray(m.placements)) problems.push(`messages[${i}].placements must be a list`);
      else
        for (const p of m.placements)
          if (!supported.includes(String(p))) problems.push(`messages[${i}] placement ${String(p)} is not supported`);
    }
  }
  return problems;
}

export function registerDynamicRegistration(
  app: Hono,
  ctx: { shape: Shape; origin(): string; now(): number; onRegistered(tool: ToolRegistration): void },
) {
  const canvas = ctx.shape === 'canvas';
  const configPath = canvas ? '/api/lti/security/openid-configuration' : '/mod/lti/openid-configuration.php';
  const registerPath = canvas ? '/api/lti/registrations' : '/mod/lti/openid-registration.php';
  /** Registration tokens: single use, ten minutes (Moodle's expire quickly too). */
  const tokens = new Map<string, { expires: number; used: boolean }>();
  const bearer = (header: string | undefined) => {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    const entry = token ? tokens.get(token) : undefined;
    return entry && !entry.used && entry.expires > ctx.now() ? { token: token!, entry } : undefined;
  };
  let deployments = 0;

  app.get(configPath, (c) => {
    if (!bearer(c.req.header('authorization'))) return c.json({ error: 'invalid_token' }, 401);
    const origin = ctx.origin();
    return c.json({
      issuer: origin,
      authorization_endpoint: `${origin}/auth`,
      registration_endpoint: `${origin}${registerPath}`,
      jwks_uri: `${origin}/.well-known/jwks.json`,
      token_endpoint: `${origin}/token`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: SCOPES,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public', 'pairwise'],
      claims_supported: ['iss', 'sub', 'aud', 'name', 'email'],
      [PLATFORM_CONFIGURATION]: {
        product_family_code: canvas ? 'canvas' : 'moodle',
        version: canvas ? 'cloud' : '4.5',
        messages_supported: Object.entries(PLACEMENTS[ctx.shape]).map(([type, placements]) =>
          placements.length ? { type, placements } : { type },
        ),
        variables: ['ResourceLink.id', 'Context.id'],
      },
    });
  });

  app.post(registerPath, async (c) => {
    const auth = bearer(c.req.header('authorization'));
    if (!auth) return c.json({ error: 'invalid_token' }, 401);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'invalid_client_metadata', problems: ['the body is not JSON'] }, 400);
    }
    const problems = checkRegistrationRequest(ctx.shape, body);
    if (problems.length) return c.json({ error: 'invalid_client_metadata', problems }, canvas ? 422 : 400);
    auth.entry.used = true;
    const r = body as Record<string, unknown> & { redirect_uris: string[] };
    const tool = r[TOOL_CONFIGURATION] as {
      target_link_uri: string;
      messages: Array<{ type: string; target_link_uri?: string }>;
    };
    const clientId = canvas
      ? `1000000000${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`
      : randomBytes(8).toString('base64url').slice(0, 15);
    deployments += 1;
    const deploymentId = canvas ? `${deployments}:${randomBytes(6).toString('hex')}` : String(6 + deployments);
    const deepLink = tool.messages.find((m) => m.type === 'LtiDeepLinkingRequest');
    ctx.onRegistered({
      clientId,
      deploymentId,
      loginUrl: String(r.initiate_login_uri),
      redirectUris: r.redirect_uris,
      jwksUrl: String(r.jwks_uri),
      deepLinkUrl: deepLink?.target_link_uri ?? tool.target_link_uri,
    });
    const echo: Record<string, unknown> = { ...r, client_id: clientId };
    // Moodle answers with the tool type id as the deployment; Canvas deploys later and says nothing here.
    if (!canvas) echo[TOOL_CONFIGURATION] = { ...tool, deployment_id: deploymentId };
    return c.json(echo);
  });

  // The administrator's page: opens the tool's registration URL in a frame and waits for the tool's close message.
  app.get('/admin/register-tool', (c) => {
    const toolUrl = c.req.query('url');
    if (!isUrl(toolUrl)) return c.text('url must be the tool registration URL', 400);
    const token = randomBytes(18).toString('base64url');
    tokens.set(token, { expires: ctx.now() + 10 * 60_000, used: false });
    const target = new URL(toolUrl);
    target.searchParams.set('openid_configuration', `${ctx.origin()}${configPath}`);
    target.searchParams.set('registration_token', token);
    const src = target.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Register an LTI tool</title>
<style>body{font-family:system-ui;margin:1rem} iframe{width:100%;height:420px;border:1px solid #999}</style></head>
<body><h1>Register an LTI tool</h1><p id="status" role="status">Registering…</p>
<iframe title="LTI tool registration" src="${src}"></iframe>
<script>addEventListener('message', (e) => {
  if (!e.data || e.data.subject !== 'org.imsglobal.lti.close') return;
  document.getElementById('status').textContent = 'The tool closed its registration window.';
  document.querySelector('iframe').remove();
});</script></body></html>`);
  });
}
