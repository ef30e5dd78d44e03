import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferencePlatform, startReferencePlatform } from '../platform/platform';
import { createPostgresDatabase } from '../setup/databases';
import { CookieJar, runToAuthResponse } from './form-flow';

const run = promisify(execFile);
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function waitForHealth(url: string, process: ChildProcess, log: string[]) {
  for (let i = 0; i < 150; i++) {
    if (process.exitCode !== null) throw new Error(`tool exited: ${log.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tool at ${url} never became healthy: ${log.join('')}`);
}

/**
 * Two tool processes (`npm run tool -- serve`) on one PostgreSQL database, as behind a load balancer: they share the
 * public URL, and login state, nonces and keys live in the database, so either instance can finish what the other began.
 */
describe('two tool instances on one PostgreSQL server', () => {
  let databaseUrl: string;
  let platform: ReferencePlatform;
  const instances: Array<{ url: string; process: ChildProcess }> = [];
  let publicUrl: string;

  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase('multi');
    const ports = [await freePort(), await freePort()];
    publicUrl = `http://127.0.0.1:${ports[0]}`;
    for (const port of ports) {
      const log: string[] = [];
      const child = spawn('node_modules/.bin/tsx', ['lms-plugin/cli.ts', 'serve', '--port', String(port)], {
        env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL: publicUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => log.push(String(d)));
      child.stderr!.on('data', (d) => log.push(String(d)));
      instances.push({ url: `http://127.0.0.1:${port}`, process: child });
      await waitForHealth(`http://127.0.0.1:${port}`, child, log);
    }
    platform = await startReferencePlatform({
      shape: 'canvas',
      tool: {
        clientId: '10000000000042',
        deploymentId: '1:abc',
        loginUrl: `${publicUrl}/lti/login`,
        redirectUris: [`${publicUrl}/lti/launch`, `${publicUrl}/lti/deep-link`],
        jwksUrl: `${publicUrl}/.well-known/jwks.json`,
        deepLinkUrl: `${publicUrl}/lti/deep-link`,
      },
    });
    // Registered through the CLI while both servers run: it must take effect without a restart.
    const r = platform.registration;
    await run('node_modules/.bin/tsx', [
      'lms-plugin/cli.ts',
      'platform',
      'add',
      '--issuer',
      r.issuer,
      '--client-id',
      r.clientId,
      '--auth-url',
      r.authUrl,
      '--jwks-url',
      r.jwksUrl,
      '--token-url',
      r.tokenUrl,
      '--deployment-id',
      r.deploymentIds[0]!,
      '--database-url',
      databaseUrl,
    ]);
  }, 60_000);

  afterAll(async () => {
    for (const { process } of instances) process.kill('SIGTERM');
    await platform?.close();
  });

  it('publishes the same key set from both instances', async () => {
    const [a, b] = await Promise.all(
      instances.map(async (i) => (await fetch(`${i.url}/.well-known/jwks.json`)).json()),
    );
    expect(a).toEqual(b);
    expect((a as { keys: unknown[] }).keys).toHaveLength(2);
  });

  it('finishes on instance B a login started on instance A, and refuses the replay on A', async () => {
    const jar = new CookieJar();
    const form = await runToAuthResponse(
      jar,
      `${platform.origin}/courses/${platform.courseId}/deep-link?as=teacher`,
      `${instances[0]!.url}/lti/login`,
    );
    const onB = form.action.replace(publicUrl, instances[1]!.url);
    // The browser's state cookie was set by A's origin; behind a load balancer both share it.
    const cookie = jar.header(`${instances[0]!.url}/lti/x`);
    const post = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...(cookie ? { cookie } : {}),
        },
        body: new URLSearchParams(form.fields),
      });
    const accepted = await post(onB);
    const body = await accepted.json();
    expect(accepted.status, JSON.stringify(body)).toBe(200);
    expect(body.binding).toBe('cookie');
    const replay = await post(form.action.replace(publicUrl, instances[0]!.url));
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('NONCE_REPLAY');
  });

  it('lists the registration from the CLI', async () => {
    const { stdout } = await run('node_modules/.bin/tsx', [
      'lms-plugin/cli.ts',
      'platform',
      'list',
      '--json',
      '--database-url',
      databaseUrl,
    ]);
    expect(JSON.parse(stdout)[0]).toMatchObject({ issuer: platform.issuer, deploymentIds: ['1:abc'] });
  });
});
