import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { axeViolations } from './axe';
import { EXTENSION_ID, launchWithExtension, overlayFrame, writeManagedPolicy } from './extension-fixtures';
import { type FixtureServer, startFixtureServer } from './lms-server';
import { TEST_GRANTED_HOSTS, TEST_OUT_DIR } from './test-build';
import { testCertificate } from './tls';

/**
 * A district's self-hosted Moodle (moodle.riverbend.k12.us, a custom domain the manifest cannot declare), listed in
 * the district's policy. Without the teacher's grant the extension does nothing there and the options page offers the
 * grant; with it, the LMS script is registered for that host and the overlay works as on Moodle Cloud. The grant is
 * simulated by a test build that declares the host (headless Chromium cannot answer the permission prompt).
 */
const [MOODLE_HOST, CANVAS_HOST] = TEST_GRANTED_HOSTS as [string, string];
const UNIT_PAGE = `https://${MOODLE_HOST}/course/view.php?id=4`;

interface Browser {
  context: BrowserContext;
  worker: Worker;
  close(): Promise<void>;
}

const test = base.extend<
  Record<never, never>,
  { server: FixtureServer; open: (build: 'production' | 'granted') => Promise<Browser> }
>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const server = await startFixtureServer({
        tls: testCertificate([MOODLE_HOST, CANVAS_HOST]),
        hosts: {
          [MOODLE_HOST]: { '/course/view.php?id=4': 'moodle/course-editing.html' },
          [CANVAS_HOST]: { '/courses/1207/modules': 'canvas/modules.html' },
        },
      });
      writeManagedPolicy({ districtName: 'Riverbend School District', lmsHosts: [MOODLE_HOST] });
      await use(server);
      writeManagedPolicy(undefined);
      await server.close();
    },
    { scope: 'worker' },
  ],
  open: [
    async ({ server }, use) => {
      await use(async (build) => {
        const { context, worker, userDataDir } = await launchWithExtension(undefined, {
          hostMap: { [MOODLE_HOST]: server.port, [CANVAS_HOST]: server.port },
          args: ['--ignore-certificate-errors'],
          extensionDir: build === 'granted' ? resolve(TEST_OUT_DIR, 'chrome-mv3') : undefined,
        });
        return {
          context,
          worker,
          async close() {
            await context.close();
            rmSync(userDataDir, { recursive: true, force: true });
          },
        };
      });
    },
    { scope: 'worker' },
  ],
});

async function registeredScripts(worker: Worker) {
  return worker.evaluate(async () => {
    const chrome = (
      self as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } };
      }
    ).chrome;
    return (await chrome.scripting.getRegisteredContentScripts()).map(
      (s) => `${s.id} ${[...(s.matches ?? [])].sort().join(',')}`,
    );
  });
}

/** What a page's own script gets when it tries to load the overlay at the extension's static address. */
async function pageProbesOverlay(page: Page): Promise<string> {
  return page.evaluate(
    (url) =>
      fetch(url).then(
        (r) => `loaded ${r.status}`,
        () => 'blocked',
      ),
    `chrome-extension://${EXTENSION_ID}/overlay.html`,
  );
}

async function optionsPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(page.getByRole('heading', { name: 'Where the extension runs' })).toBeVisible();
  return page;
}

test('without the grant: nothing runs on the custom domain, and the options page offers the grant', async ({
  open,
}) => {
  const browser = await open('production');
  const options = await optionsPage(browser.context);
  const site = options.locator(`[data-site="${MOODLE_HOST}"]`);
  await expect(site).toContainText('set by your district');
  await expect(site.getByRole('button', { name: `Allow ${MOODLE_HOST}` })).toBeVisible();
  expect(await axeViolations(options)).toEqual([]);
  expect(await registeredScripts(browser.worker)).toEqual([]);
  // Closed, so the side panel's button opens it anew (the browser focuses an open settings tab instead).
  await options.close();
  // The toolbar button and the side panel say the district's site waits for the teacher's OK.
  expect(
    await browser.worker.evaluate(() =>
      (
        self as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    ),
  ).toBe('!');
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
  const notice = panel.getByRole('region', { name: 'Your district asks for your OK' });
  await expect(notice).toContainText(MOODLE_HOST);
  expect(await axeViolations(panel)).toEqual([]);
  const [settings] = await Promise.all([
    browser.context.waitForEvent('page'),
    notice.getByRole('button', { name: 'Open settings to allow' }).click(),
  ]);
  await expect(settings).toHaveURL(/options\.html/);
  await panel.close();

  const page = await browser.context.newPage();
  await page.goto(UNIT_PAGE);
  await expect(page.locator('h1, h2, h3').first()).toBeVisible();
  // The LMS script would have mounted by now on a declared host (overlay tests wait far less).
  await page.waitForTimeout(1500);
  expect(await page.locator('iste-suggestions').count()).toBe(0);
  expect(page.frames().some((f) => f.url().startsWith('chrome-extension://'))).toBe(false);
  expect(await pageProbesOverlay(page)).toBe('blocked');
  await browser.close();
});

test('with the grant: the LMS script is registered for the host and the overlay suggests for the unit', async ({
  open,
}) => {
  const browser = await open('granted');
  await expect.poll(() => registeredScripts(browser.worker)).toContain(`lms-custom https://${MOODLE_HOST}/*`);
  const page = await browser.context.newPage();
  await page.goto(UNIT_PAGE);
  const overlay = await overlayFrame(page);
  await expect(overlay.getByRole('heading', { level: 1 })).toContainText('Equivalent fractions');
  await expect(overlay.locator('[data-resource-id="phet-fractions-equality"]').first()).toBeVisible();
  expect(await axeViolations(overlay)).toEqual([]);
  // Even where the overlay runs, the page cannot reach it at its static address (nor detect the extension by it).
  expect(await pageProbesOverlay(page)).toBe('blocked');

  const options = await optionsPage(browser.context);
  await expect(options.locator(`[data-site="${MOODLE_HOST}"]`)).toContainText('allowed');
  expect(
    await browser.worker.evaluate(() =>
      (
        self as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    ),
  ).toBe('');
  await browser.close();
});

test('a teacher adds their own LMS address, which then runs the overlay; a wrong address is refused clearly', async ({
  open,
}) => {
  const browser = await open('granted');
  const options = await optionsPage(browser.context);
  const address = options.getByRole('textbox', { name: "Your LMS's address" });
  await address.fill('not an address');
  await address.press('Enter');
  await expect(options.getByRole('alert')).toContainText('is not an address');

  // Typed as teachers copy it from the address bar; the browser's grant (declared in this build) needs no prompt.
  await address.fill(`https://${CANVAS_HOST}/courses/1207/modules`);
  await options.getByRole('button', { name: 'Add and allow' }).click();
  await expect(options.getByRole('status').filter({ hasText: `Added ${CANVAS_HOST}` })).toBeVisible();
  const site = options.locator(`[data-site="${CANVAS_HOST}"]`);
  await expect(site).toContainText('allowed');
  await expect(site.getByRole('button', { name: `Remove ${CANVAS_HOST}` })).toBeVisible();
  expect(await axeViolations(options)).toEqual([]);
  await expect
    .poll(() => registeredScripts(browser.worker))
    .toContain(`lms-custom https://${CANVAS_HOST}/*,https://${MOODLE_HOST}/*`);

  const page = await browser.context.newPage();
  await page.goto(`https://${CANVAS_HOST}/courses/1207/modules`);
  const overlay = await overlayFrame(page);
  await expect(overlay.getByRole('heading', { level: 1 })).toContainText('Photosynthesis');
  await page.close();

  await site.getByRole('button', { name: `Remove ${CANVAS_HOST}` }).click();
  await expect(options.locator(`[data-site="${CANVAS_HOST}"]`)).toHaveCount(0);
  await expect.poll(() => registeredScripts(browser.worker)).toContain(`lms-custom https://${MOODLE_HOST}/*`);
  await browser.close();
});
