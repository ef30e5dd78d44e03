/**
 * LTI launch throughput: a full launch is the OIDC login (state and nonce written to the database), the platform
 * signing an id_token, and the launch POST (every a3 check, nonce consumed, session written). Over real HTTP on
 * loopback, for SQLite and PostgreSQL. The load generator shares the machine's cores with the tool.
 */
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pg from 'pg';
import { silentLogger } from '../../lms-plugin/log';
import { startToolServer } from '../../lms-plugin/server';
import { CLAIM } from '../../shared/lti/vocabulary';
import { sqliteFileUrl } from '../setup/databases';
import { startPostgresCluster } from '../setup/postgres-cluster';

export interface LtiBenchRow {
  engine: string;
  launches: number;
  seconds: number;
  launchesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function benchEngine(
  engine: string,
  databaseUrl: string,
  seconds: number,
  concurrency: number,
): Promise<LtiBenchRow> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' };
  const jwksApp = new Hono().get('/jwks', (c) => c.json({ keys: [jwk] }));
  const jwks: { server: ServerType; port: number } = await new Promise((resolve) => {
    const server = serve({ fetch: jwksApp.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, port: info.port }),
    );
  });
  const tool = await startToolServer({ port: 0, databaseUrl, keyGraceDays: 7, seedSampleCatalog: false }, silentLogger);
  const issuer = 'https://lms.bench.example';
  await tool.tool.registry.add({
    issuer,
    clientId: 'bench-client',
    authUrl: `${issuer}/auth`,
    jwksUrl: `http://127.0.0.1:${jwks.port}/jwks`,
    tokenUrl: `${issuer}/token`,
    deploymentIds: ['d1'],
  });

  async function launch(): Promise<void> {
    const login = await fetch(`${tool.url}/lti/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        iss: issuer,
        login_hint: 'u1',
        target_link_uri: `${tool.url}/lti/launch`,
        client_id: 'bench-client',
        lti_deployment_id: 'd1',
      }),
    });
    const location = new URL(login.headers.get('location')!);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({
      iss: issuer,
      aud: 'bench-client',
      sub: 'u1',
      iat: now,
      exp: now + 300,
      nonce: location.searchParams.get('nonce')!,
      [CLAIM.messageType]: 'LtiResourceLinkRequest',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: 'd1',
      [CLAIM.targetLinkUri]: `${tool.url}/lti/launch`,
      [CLAIM.resourceLink]: { id: 'rl-1' },
      [CLAIM.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
      .sign(privateKey);
    const response = await fetch(`${tool.url}/lti/launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
      body: new URLSearchParams({ id_token: idToken, state: location.searchParams.get('state')! }),
    });
    if (response.status !== 200) throw new Error(`launch answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }

  // Warm-up: JIT, key-set cache, connection pools.
  for (let i = 0; i < 20; i++) await launch();
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await launch();
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await tool.close();
  if ('closeAllConnections' in jwks.server) jwks.server.closeAllConnections();
  jwks.server.close();
  latencies.sort((a, b) => a - b);
  return {
    engine,
    launches: latencies.length,
    seconds: Number(elapsed.toFixed(1)),
    launchesPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    errors,
  };
}

export async function runLtiBench(options: { seconds?: number; concurrency?: number } = {}): Promise<LtiBenchRow[]> {
  const seconds = options.seconds ?? 8;
  const concurrency = options.concurrency ?? 16;
  const rows = [await benchEngine('sqlite', sqliteFileUrl('bench'), seconds, concurrency)];
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    rows.push(await benchEngine('postgres', cluster.url.replace(/\/postgres$/, '/bench'), seconds, concurrency));
  } finally {
    cluster.stop();
  }
  return rows;
}

export function printLtiBench(rows: LtiBenchRow[], concurrency = 16): void {
  console.log(`\nLTI launches (login + signed id_token + launch), ${concurrency} concurrent clients on loopback`);
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printLtiBench(await runLtiBench());
}
