import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { type FixtureServer, LMS_HOSTS, startFixtureServer } from './lms-server';

export const EXTENSION_ID = 'knnckobdgdleoclddjiimagnchcconml';
const EXTENSION_DIR = resolve('.output/chrome-mv3');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'iste-suggestions-e2e.json');

/** Writes (or removes) the district's managed policy for the extension, as a district would push it. */
export function writeManagedPolicy(policy: Record<string, unknown> | undefined): void {
  if (!policy) {
    rmSync(POLICY_FILE, { force: true });
    return;
  }
  mkdirSync(POLICY_DIR, { recursive: true });
  // Only the 3rdparty section: install policies would stop the unpacked extension from loading (TESTING.md P2).
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
}

/** Chromium with the built extension; LMS host names (and `hostMap`'s) resolve to loopback ports. */
export async function launchWithExtension(
  server: FixtureServer | undefined,
  extra: { hostMap?: Record<string, number>; args?: string[]; extensionDir?: string } = {},
): Promise<{ context: BrowserContext; worker: Worker; userDataDir: string }> {
  const extensionDir = extra.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension build in ${extensionDir}: run \`TEST_ONLY=build npm test\` first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'pw-ext-'));
  const map: Record<string, number> = {
    ...(server ? Object.fromEntries(Object.values(LMS_HOSTS).map((h) => [h, server.port])) : {}),
    ...extra.hostMap,
  };
  const rules = Object.entries(map)
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`)
    .join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(extra.args ?? []),
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  // Before any page loads: a managed-storage read racing a first navigation can hang for the whole run (TESTING.md P1).
  await worker.evaluate(() =>
    (self as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get(),
  );
  return { context, worker, userDataDir };
}

/** The overlay's frame inside the closed shadow root: reachable through Playwright's frame tree, not the page's DOM. */
export async function overlayFrame(page: Page) {
  await page.waitForFunction(() => document.querySelector('iste-suggestions') !== null);
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${EXTENSION_ID}/overlay.html`));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('overlay frame did not load');
}

export const lmsUrl = (host: keyof typeof LMS_HOSTS, path: string) => `http://${LMS_HOSTS[host]}${path}`;

interface WorkerFixtures {
  server: FixtureServer;
  ext: { context: BrowserContext; worker: Worker };
}

/** One browser with the extension per worker (launching costs seconds); each test opens its own pages. */
export const test = base.extend<{ page: Page }, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: [
    async ({ server }, use) => {
      writeManagedPolicy(undefined);
      const { context, worker, userDataDir } = await launchWithExtension(server);
      await use({ context, worker });
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  page: async ({ ext }, use) => {
    const page = await ext.context.newPage();
    await use(page);
    await page.close();
  },
});

export { expect } from '@playwright/test';
