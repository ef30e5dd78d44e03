import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lms-plugin/log';
import { type RunningTool, startToolServer } from '../../lms-plugin/server';
import { type ReferencePlatform, startReferencePlatform } from '../platform/platform';
import { checkRegistrationRequest } from '../platform/registration';
import { sqliteFileUrl } from '../setup/databases';
import { CookieJar, request, runToAuthResponse } from './form-flow';

/**
 * LTI Dynamic Registration over real HTTP: the reference platform's administrator page opens the tool's one-time
 * registration URL; the tool fetches the platform's configuration and posts its registration, which the platform checks
 * as strictly as Canvas; then a teacher's deep-linking launch works with the new registration, no `platform add` needed.
 */
const iframeSrc = (html: string) =>
  /<iframe[^>]*src="([^"]+)"/
    .exec(html)![1]!
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');

async function registerThroughAdminPage(platform: ReferencePlatform, registrationUrl: string) {
  const admin = await fetch(`${platform.origin}/admin/register-tool?url=${encodeURIComponent(registrationUrl)}`);
  const toolPage = await fetch(iframeSrc(await admin.text()), { headers: { accept: 'text/html' } });
  return { status: toolPage.status, html: await toolPage.text() };
}

describe.each(['canvas', 'moodle'] as const)('dynamic registration with a %s-shaped platform', (shape) => {
  let tool: RunningTool;
  let platform: ReferencePlatform;

  beforeAll(async () => {
    tool = await startToolServer(
      { port: 0, databaseUrl: sqliteFileUrl(`dr-${shape}`), keyGraceDays: 7, seedSampleCatalog: true },
      silentLogger,
    );
    platform = await startReferencePlatform({ shape });
  });
  afterAll(async () => {
    await platform?.close();
    await tool?.close();
  });

  it('registers with a one-time code, then a deep-linking launch works; the code cannot be used again', async () => {
    const code = await tool.tool.registrationCodes.issue({ ttlMs: 3_600_000, label: 'test' });
    const url = `${tool.url}/lti/register?code=${code}`;
    const done = await registerThroughAdminPage(platform, url);
    expect(done.status, done.html.slice(0, 400)).toBe(200);
    expect(done.html).toContain('The tool is registered');
    expect(done.html).toContain("subject: 'org.imsglobal.lti.close'");

    // Both sides now know each other.
    const known = platform.tool!;
    expect(known.loginUrl).toBe(`${tool.url}/lti/login`);
    expect(known.redirectUris).toEqual([`${tool.url}/lti/launch`, `${tool.url}/lti/deep-link`]);
    const stored = (await tool.tool.registry.list()).find((p) => p.clientId === known.clientId)!;
    expect(stored).toMatchObject({
      issuer: platform.origin,
      authUrl: `${platform.origin}/auth`,
      autoBindDeployments: true,
    });
    // Moodle names its deployment in the answer; Canvas deploys later and the first launch binds it.
    expect(stored.deploymentIds).toEqual(shape === 'moodle' ? [known.deploymentId] : []);

    const jar = new CookieJar();
    const form = await runToAuthResponse(
      jar,
      `${platform.origin}/courses/${platform.courseId}/deep-link?as=teacher&placement=link_selection`,
    );
    const picker = await request(jar, form.action, { form: form.fields });
    expect(picker.response.status, picker.text.slice(0, 300)).toBe(200);
    expect(picker.text).toContain('Add resources to Science 7 - Period 3');
    expect((await tool.tool.registry.list()).find((p) => p.clientId === known.clientId)!.deploymentIds).toEqual([
      known.deploymentId,
    ]);

    const again = await registerThroughAdminPage(platform, url);
    expect(again.status).toBe(403);
    expect(again.html).toContain('DR_CODE_INVALID');
  });
});

describe('dynamic registration refuses what it should, and keeps the code for a retry', () => {
  let tool: RunningTool;
  let fake: Server;
  let fakeUrl = '';
  const hits: string[] = [];
  /** What the fake LMS serves: its configuration and its answer to the registration. */
  const fakeLms = { config: {} as Record<string, unknown>, registration: { status: 200, body: {} as unknown } };

  beforeAll(async () => {
    tool = await startToolServer(
      { port: 0, databaseUrl: sqliteFileUrl('dr-refusals'), keyGraceDays: 7, seedSampleCatalog: false },
      silentLogger,
    );
    fake = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      const isConfig = req.url?.startsWith('/config');
      res.writeHead(isConfig ? 200 : fakeLms.registration.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(isConfig ? fakeLms.config : fakeLms.registration.body));
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()));
    fakeUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    fake?.closeAllConnections();
    await new Promise<void>((r) => fake?.close(() => r()));
    await tool?.close();
  });

  const goodConfig = () => ({
    issuer: fakeUrl,
    authorization_endpoint: `${fakeUrl}/auth`,
    registration_endpoint: `${fakeUrl}/register`,
    jwks_uri: `${fakeUrl}/jwks`,
    token_endpoint: `${fakeUrl}/token`,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: 'brightspace',
      messages_supported: [{ type: 'LtiDeepLinkingRequest' }],
    },
  });

  const attempt = async (code: string | undefined, token?: string) => {
    const params = new URLSearchParams({ openid_configuration: `${fakeUrl}/config` });
    if (code) params.set('code', code);
    if (token) params.set('registration_token', token);
    const response = await fetch(`${tool.url}/lti/register?${params}`, { headers: { accept: 'application/json' } });
    return {
      status: response.status,
      body: (await response.json().catch(() => ({}))) as { error?: string; message?: string },
    };
  };

  it('fetches nothing without a valid code (the public URL cannot make the tool call arbitrary addresses)', async () => {
    hits.length = 0;
    expect(await attempt(undefined)).toMatchObject({ status: 403, body: { error: 'DR_CODE_INVALID' } });
    expect(await attempt('made-up-code')).toMatchObject({ status: 403, body: { error: 'DR_CODE_INVALID' } });
    const expired = await tool.tool.registrationCodes.issue({ ttlMs: -1 });
    expect(await attempt(expired)).toMatchObject({ status: 403 });
    expect(hits).toEqual([]);
  });

  it('refuses a configuration that breaks the rules, with a specific code, and registers nothing', async () => {
    const code = await tool.tool.registrationCodes.issue({ ttlMs: 3_600_000 });
    // Each case overrides part of a good configuration (undefined drops a key from the JSON).
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['no RS256', { id_token_signing_alg_values_supported: ['ES256'] }, 'DR_CONFIGURATION_INVALID', /RS256/],
      ['issuer elsewhere', { issuer: 'https://lms.elsewhere.example' }, 'DR_ISSUER_MISMATCH', /not on the host/],
      ['issuer with query', { issuer: `${fakeUrl}?tenant=1` }, 'DR_CONFIGURATION_INVALID', /query/],
      [
        'no deep linking',
        {
          'https://purl.imsglobal.org/spec/lti-platform-configuration': {
            product_family_code: 'brightspace',
            messages_supported: [{ type: 'LtiResourceLinkRequest' }],
          },
        },
        'DR_CONFIGURATION_INVALID',
        /deep linking/,
      ],
      [
        'no registration endpoint',
        { registration_endpoint: undefined },
        'DR_CONFIGURATION_INVALID',
        /registration_endpoint/,
      ],
    ];
    for (const [name, overrides, error, message] of cases) {
      fakeLms.config = { ...goodConfig(), ...overrides };
      const result = await attempt(code, 'token-1');
      expect(result.status, name).toBe(400);
      expect(result.body.error, name).toBe(error);
      expect(result.body.message, name).toMatch(message);
    }
    expect(hits.some((h) => h.startsWith('POST'))).toBe(false);
    expect(await tool.tool.registry.list()).toEqual([]);
  });

  it('reports the LMS refusing the registration with its own words; then the same code still registers', async () => {
    const code = await tool.tool.registrationCodes.issue({ ttlMs: 3_600_000 });
    fakeLms.config = goodConfig();
    fakeLms.registration = {
      status: 422,
      body: { error: 'invalid_client_metadata', problems: ['redirect_uris too long'] },
    };
    hits.length = 0;
    const refused = await attempt(code, 'token-2');
    expect(refused).toMatchObject({ status: 502, body: { error: 'DR_REGISTRATION_REJECTED' } });
    expect(refused.body.message).toContain('HTTP 422');
    expect(refused.body.message).toContain('redirect_uris too long');
    expect(hits).toEqual(['GET /config', 'POST /register']);

    fakeLms.registration = { status: 200, body: { client_id: 'bs-client-1' } };
    const ok = await fetch(
      `${tool.url}/lti/register?${new URLSearchParams({ code, openid_configuration: `${fakeUrl}/config` })}`,
    );
    expect(ok.status).toBe(200);
    expect((await tool.tool.registry.list()).map((p) => [p.issuer, p.clientId, p.label])).toEqual([
      [fakeUrl, 'bs-client-1', 'brightspace (dynamic registration)'],
    ]);
  });

  it('asks for no services and no personal data, and only placements it serves', async () => {
    fakeLms.config = goodConfig();
    const code = await tool.tool.registrationCodes.issue({ ttlMs: 3_600_000 });
    let sent: Record<string, unknown> = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.method === 'POST') sent = JSON.parse(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(req.method === 'POST' ? { client_id: 'c-2' } : fakeLms.config));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    fakeLms.config = {
      ...goodConfig(),
      issuer: base,
      registration_endpoint: `${base}/register`,
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: 'canvas',
        messages_supported: [
          { type: 'LtiDeepLinkingRequest', placements: ['link_selection', 'editor_button', 'homework_submission'] },
        ],
      },
    };
    const response = await fetch(
      `${tool.url}/lti/register?${new URLSearchParams({ code, openid_configuration: `${base}/config` })}`,
    );
    expect(response.status).toBe(200);
    const config = sent['https://purl.imsglobal.org/spec/lti-tool-configuration'] as Record<string, unknown>;
    expect(sent.scope).toBe('');
    expect(config.claims).toEqual(['iss', 'sub']);
    expect(config['https://canvas.instructure.com/lti/privacy_level']).toBe('anonymous');
    expect((config.messages as Array<{ placements: string[] }>)[0]!.placements).toEqual(['link_selection']);
    expect(checkRegistrationRequest('canvas', sent)).toEqual([]);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
});

describe('the Canvas developer-key configuration', () => {
  it('describes the tool at its public URL, anonymous, with deep-linking placements', async () => {
    const tool = await startToolServer(
      {
        port: 0,
        publicUrl: 'https://tool.riverbend.example',
        databaseUrl: sqliteFileUrl('canvas-json'),
        keyGraceDays: 7,
        seedSampleCatalog: false,
      },
      silentLogger,
    );
    const json = (await (await fetch(`http://127.0.0.1:${tool.port}/lti/config/canvas.json`)).json()) as {
      extensions: Array<{
        settings: { placements: Array<{ placement: string; message_type: string; target_link_uri: string }> };
      }>;
    };
    expect(json).toMatchObject({
      oidc_initiation_url: 'https://tool.riverbend.example/lti/login',
      target_link_uri: 'https://tool.riverbend.example/lti/launch',
      public_jwk_url: 'https://tool.riverbend.example/.well-known/jwks.json',
      scopes: [],
    });
    expect(json.extensions[0]).toMatchObject({ domain: 'tool.riverbend.example', privacy_level: 'anonymous' });
    const placements = json.extensions[0]!.settings.placements;
    expect(placements.map((p) => p.placement)).toEqual([
      'link_selection',
      'assignment_selection',
      'module_index_menu_modal',
    ]);
    expect(
      placements.every(
        (p) => p.message_type === 'LtiDeepLinkingRequest' && p.target_link_uri.endsWith('/lti/deep-link'),
      ),
    ).toBe(true);
    await tool.close();
  });
});
