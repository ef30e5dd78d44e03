import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createTool, type Tool } from '../../lms-plugin/app';
import { openStore, type Store } from '../../lms-plugin/db/connect';
import { silentLogger } from '../../lms-plugin/log';
import { createPlatformKeys } from '../../lms-plugin/lti/platform-keys';

/**
 * Runs LTI vectors (test/fixtures/lti-vectors, format in its README) through the tool's real HTTP endpoints: the
 * harness publishes platform key sets on a loopback server, registers each vector's platform, runs the tool's real
 * login for state and nonce, signs the id_token as the vector says and posts it to the launch endpoint.
 */
export const VECTOR_DIR = new URL('../fixtures/lti-vectors/', import.meta.url);
const FAKE_TOOL = 'https://tool.example.org';

type Json = Record<string, unknown>;
export interface Vector extends Json {
  id: string;
  kind: 'id_token' | 'login_initiation' | 'deep_linking_response';
  expect: string;
  also_acceptable?: string[];
}

export function loadVectors(): Map<string, Vector> {
  const vectors = new Map<string, Vector>();
  for (const file of readdirSync(VECTOR_DIR)) {
    if (!file.endsWith('.json') || file === 'index.json') continue;
    const v = JSON.parse(readFileSync(new URL(file, VECTOR_DIR), 'utf8')) as Vector;
    vectors.set(v.id, v);
  }
  return vectors;
}

/** A valid vector, or a bad one with its base's fields and its mutations applied. */
export function resolveVector(vector: Vector, all: Map<string, Vector>): Json {
  const original = (vector.base ? all.get(vector.base as string)! : vector) as Json;
  const dlSettings = (original.payload as Json | undefined)?.[
    'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'
  ] as Json | undefined;
  const baseInfo = {
    kid: String((original.header as Json | undefined)?.kid ?? ''),
    // A district registering a platform names the hosts its return URLs use; the valid base shows which.
    returnHost:
      typeof dlSettings?.deep_link_return_url === 'string' ? new URL(dlSettings.deep_link_return_url).host : undefined,
  };
  if (!vector.base) return { ...structuredClone(vector), _base: baseInfo };
  const base = structuredClone(all.get(vector.base as string)!) as Json;
  const merged: Json = {
    ...base,
    ...structuredClone(vector),
    registration: base.registration,
    login: base.login,
    session: base.session,
    request: base.request,
    header: base.header,
    payload: base.payload,
    _base: baseInfo,
  };
  for (const m of (vector.mutations as Array<{ in: string; op: 'set' | 'remove'; path: string[]; value?: unknown }>) ??
    []) {
    let target = merged[m.in] as Json;
    for (const key of m.path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Json;
    }
    const last = m.path[m.path.length - 1]!;
    if (m.op === 'set') target[last] = m.value;
    else delete target[last];
  }
  return merged;
}

const mapTool = (value: unknown, toolUrl: string): unknown =>
  typeof value === 'string' ? value.split(FAKE_TOOL).join(toolUrl) : value;

interface KeySet {
  rsa: Map<string, { privateKey: CryptoKey; jwk: JWK; pem: string }>;
  ec: Map<string, { privateKey: CryptoKey; jwk: JWK }>;
}

export interface Harness {
  tool: Tool;
  store: Store;
  toolUrl: string;
  clock: { now: number };
  jwksFetches: Map<string, number>;
  runLogin(vector: Json): Promise<LoginOutcome>;
  runIdToken(vector: Json): Promise<LaunchOutcome[]>;
  sessionCount(): Promise<number>;
  close(): Promise<void>;
}

export interface LoginOutcome {
  status: number;
  body: Json;
  location?: URL;
  cookie?: string;
  state?: string;
  nonce?: string;
}

export interface LaunchOutcome {
  status: number;
  body: Json;
}

const listen = (fetch: (r: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> =>
  new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server, port: info.port }));
  });

const close = async (server: ServerType) => {
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
};

export async function createHarness(
  databaseUrl = `sqlite:${join(tmpdir(), `vectors-${process.pid}-${Date.now()}.db`)}`,
): Promise<Harness> {
  const clock = { now: Date.now() };
  const keysByIssuer = new Map<string, KeySet>();
  const jwksFetches = new Map<string, number>();
  const jwksApp = new Hono();
  jwksApp.get('/jwks/:issuer', (c) => {
    const issuer = decodeURIComponent(c.req.param('issuer'));
    jwksFetches.set(issuer, (jwksFetches.get(issuer) ?? 0) + 1);
    const set = keysByIssuer.get(issuer);
    return c.json({ keys: set ? [...set.rsa.values(), ...set.ec.values()].map((k) => k.jwk) : [] });
  });
  const jwks = await listen((r) => jwksApp.fetch(r));
  const jwksUrl = (issuer: string) => `http://127.0.0.1:${jwks.port}/jwks/${encodeURIComponent(issuer)}`;

  const store = await openStore(databaseUrl);
  const app = { fetch: (_r: Request): Response | Promise<Response> => new Response('starting', { status: 503 }) };
  const toolServer = await listen((r) => app.fetch(r));
  const toolUrl = `http://127.0.0.1:${toolServer.port}`;
  const now = () => clock.now;
  const tool = await createTool({
    store,
    config: { publicUrl: toolUrl, keyGraceDays: 7 },
    log: silentLogger,
    now,
    platformKeys: createPlatformKeys({ now, userAgent: 'vector-harness', refetchCooldownMs: 0 }),
  });
  app.fetch = (r) => tool.app.fetch(r);

  async function keysFor(issuer: string, kid: string, kind: 'rsa' | 'ec') {
    const set = keysByIssuer.get(issuer) ?? { rsa: new Map(), ec: new Map() };
    keysByIssuer.set(issuer, set);
    if (kind === 'rsa' && !set.rsa.has(kid)) {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
      const pem = (await crypto.subtle.exportKey('spki', publicKey)) as ArrayBuffer;
      const b64 = Buffer.from(pem)
        .toString('base64')
        .match(/.{1,64}/g)!
        .join('\n');
      set.rsa.set(kid, { privateKey, jwk, pem: `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n` });
    }
    if (kind === 'ec' && !set.ec.has(kid)) {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      set.ec.set(kid, {
        privateKey,
        jwk: { ...(await exportJWK(publicKey)), kid: `${kid}`, alg: 'ES256', use: 'sig' },
      });
    }
    return set;
  }

  async function register(registration: Json, extra: Json[] = [], returnHost?: string) {
    for (const reg of [registration, ...extra]) {
      await tool.registry.add({
        issuer: reg.issuer as string,
        clientId: reg.client_id as string,
        authUrl: reg.auth_login_url as string,
        jwksUrl: jwksUrl(reg.issuer as string),
        tokenUrl: reg.token_url as string,
        deploymentIds: (reg.deployment_ids as string[]) ?? [],
        autoBindDeployments: Boolean(reg.auto_bind_deployments),
        platformHosts: (reg.platform_hosts as string[]) ?? (returnHost && reg === registration ? [returnHost] : []),
      });
    }
  }

  async function runLogin(vector: Json): Promise<LoginOutcome> {
    const request = (vector.request ?? vector.login) as { method: string; params: Record<string, string> };
    const params = Object.fromEntries(
      Object.entries(request.params).map(([k, v]) => [k, mapTool(v, toolUrl) as string]),
    );
    const method = request.method ?? 'POST';
    const url = new URL('/lti/login', toolUrl);
    let response: Response;
    if (method === 'GET') {
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      response = await fetch(url, { redirect: 'manual', headers: { accept: 'application/json' } });
    } else {
      response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(params),
      });
    }
    const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
    const text = await response.text();
    if (response.status === 302) {
      const location = new URL(response.headers.get('location')!);
      return {
        status: 302,
        body: {},
        location,
        cookie,
        state: location.searchParams.get('state')!,
        nonce: location.searchParams.get('nonce')!,
      };
    }
    const cfg = /<script type="application\/json" id="cfg">(.*?)<\/script>/s.exec(text)?.[1];
    if (response.status === 200 && cfg) {
      const parsed = JSON.parse(cfg) as { authUrl: string; state: string };
      const location = new URL(parsed.authUrl);
      return {
        status: 200,
        body: { page: 'platform-storage' },
        location,
        cookie,
        state: parsed.state,
        nonce: location.searchParams.get('nonce')!,
      };
    }
    return { status: response.status, body: JSON.parse(text || '{}') as Json };
  }

  async function sign(vector: Json, payload: Json, header: Json): Promise<string> {
    const issuer = (vector.registration as Json).issuer as string;
    // Always the published key of the valid base: a mutated or missing kid must not get published by signing.
    const kid = (vector._base as { kid: string }).kid;
    const signing = vector.signing as string;
    if (signing === 'raw') return vector.raw_id_token as string;
    const set = await keysFor(issuer, kid, 'rsa');
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    if (signing === 'none') return `${enc(header)}.${enc(payload)}.`;
    if (signing === 'hs256-with-platform-public-key') {
      const input = `${enc(header)}.${enc(payload)}`;
      return `${input}.${createHmac('sha256', set.rsa.get(kid)!.pem).update(input).digest('base64url')}`;
    }
    if (signing === 'es256-platform-ec-key') {
      await keysFor(issuer, kid, 'ec');
      return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(set.ec.get(kid)!.privateKey);
    }
    if (signing === 'other-rsa-key') {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(privateKey);
    }
    const key = set.rsa.get(kid)!.privateKey;
    const token = await new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(key);
    if (signing === 'tamper-payload-after-signing') {
      const tamper = vector.tamper as { path: string[]; value: unknown };
      const changed = structuredClone(payload);
      let target = changed as Json;
      for (const key of tamper.path.slice(0, -1)) target = target[key] as Json;
      target[tamper.path[tamper.path.length - 1]!] = tamper.value;
      const [h, , s] = token.split('.');
      return `${h}.${enc(changed)}.${s}`;
    }
    return token;
  }

  async function runIdToken(vector: Json): Promise<LaunchOutcome[]> {
    clock.now = ((vector.clock as { now: number }).now ?? 1767268800) * 1000;
    const registration = vector.registration as Json;
    const payload = structuredClone(vector.payload) as Json;
    const header = structuredClone(vector.header) as Json;
    const base = vector._base as { kid: string; returnHost?: string };
    await keysFor(registration.issuer as string, base.kid, 'rsa');
    // An EC key is published under the RSA key's kid only for the vector that needs it.
    keysByIssuer.get(registration.issuer as string)!.ec.clear();
    await register(registration, (vector.extra_registrations as Json[]) ?? [], base.returnHost);

    const login = await runLogin({ login: vector.login });
    if (!login.state) throw new Error(`login failed for ${vector.id}: ${JSON.stringify(login.body)}`);
    const session = vector.session as { state: string; nonce: string; state_transport: string };
    if (payload.nonce === session.nonce) payload.nonce = login.nonce;
    for (const claim of ['https://purl.imsglobal.org/spec/lti/claim/target_link_uri'])
      payload[claim] = mapTool(payload[claim], toolUrl);

    const form: Record<string, string> = {};
    for (const [k, v] of Object.entries(((vector.request as Json).form as Record<string, string>) ?? {})) form[k] = v;
    if (form.state === session.state) form.state = login.state;
    const messageType = payload['https://purl.imsglobal.org/spec/lti/claim/message_type'];
    const redirect = (registration.redirect_uris as string[])[messageType === 'LtiDeepLinkingRequest' ? 1 : 0]!;
    const endpoint = mapTool(redirect, toolUrl) as string;
    const idToken = await sign(vector, payload, header);

    const post = async () => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...(session.state_transport === 'cookie' && login.cookie ? { cookie: login.cookie } : {}),
        },
        body: new URLSearchParams({ id_token: idToken, ...form }),
      });
      return { status: response.status, body: (await response.json()) as Json };
    };
    const outcomes = [await post()];
    if (vector.replay) outcomes.push(await post());
    return outcomes;
  }

  return {
    tool,
    store,
    toolUrl,
    clock,
    jwksFetches,
    runLogin: async (vector) => {
      const from = vector.registration_from ? loadVectors().get(vector.registration_from as string) : undefined;
      if (from) await register(from.registration as Json, (vector.extra_registrations as Json[]) ?? []);
      return runLogin(vector);
    },
    runIdToken,
    sessionCount: () => tool.sessions.count(),
    async close() {
      await close(toolServer.server);
      await close(jwks.server);
      await store.close();
    },
  };
}
