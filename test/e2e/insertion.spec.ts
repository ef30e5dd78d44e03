import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { silentLogger } from '../../lms-plugin/log';
import { type RunningTool, startToolServer } from '../../lms-plugin/server';
import type { Shape } from '../platform/claims';
import { type ReferencePlatform, startReferencePlatform } from '../platform/platform';
import { sqliteFileUrl } from '../setup/databases';
import { launchWithExtension, overlayFrame, writeManagedPolicy } from './extension-fixtures';
import { testCertificate } from './tls';

/**
 * The whole promise in one browser: a unit page in the LMS, suggestions, three added to the cart, "Insert into course",
 * the tool's picker opens with those three chosen, submit, the course has three LTI links, students reach each
 * resource; and a cancelled insertion leaves the cart as it was. The reference platform plays Canvas and Moodle at their
 * cloud host names and the tool runs at tool.riverbend.instructure.com, all over TLS with a test certificate (Chromium
 * maps the names to loopback and ignores the certificate), so the extension's production manifest and permissions apply.
 */
const TOOL_HOST = 'tool.riverbend.instructure.com';
const HOSTS: Record<Shape, string> = { canvas: 'riverbend.instructure.com', moodle: 'riverbend.moodlecloud.com' };
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve('docs/journey') : undefined;

interface World {
  tool: RunningTool;
  platforms: Record<Shape, ReferencePlatform>;
  context: BrowserContext;
  worker: Worker;
}

const test = base.extend<Record<never, never>, { world: World }>({
  world: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const tls = testCertificate([TOOL_HOST, HOSTS.canvas, HOSTS.moodle]);
      const tool = await startToolServer(
        {
          port: 0,
          publicUrl: `https://${TOOL_HOST}`,
          databaseUrl: sqliteFileUrl('e2e-insert'),
          keyGraceDays: 7,
          seedSampleCatalog: true,
        },
        silentLogger,
        { tls },
      );
      const platforms = {} as Record<Shape, ReferencePlatform>;
      for (const shape of ['canvas', 'moodle'] as const) {
        platforms[shape] = await startReferencePlatform({
          shape,
          publicOrigin: `https://${HOSTS[shape]}`,
          tls,
          tool: {
            clientId: shape === 'canvas' ? '10000000000123' : 'Zq1fR2xk9Lp4TzA',
            deploymentId: shape === 'canvas' ? '123:insert' : '7',
            loginUrl: `https://${TOOL_HOST}/lti/login`,
            redirectUris: [`https://${TOOL_HOST}/lti/launch`, `https://${TOOL_HOST}/lti/deep-link`],
            jwksUrl: `http://127.0.0.1:${tool.port}/.well-known/jwks.json`,
            deepLinkUrl: `https://${TOOL_HOST}/lti/deep-link`,
          },
        });
        await tool.tool.registry.add(platforms[shape].registration);
      }
      writeManagedPolicy({
        districtName: 'Riverbend School District',
        toolOrigin: `https://${TOOL_HOST}`,
        toolName: 'Riverbend Resources',
        insertionUrls: {
          canvas: 'https://{host}/courses/{course}/modules?insert=1',
          moodle: 'https://{host}/mod/lti/contentitem.php?course={course}&id=7',
        },
      });
      const { context, worker, userDataDir } = await launchWithExtension(undefined, {
        hostMap: {
          [TOOL_HOST]: tool.tlsPort!,
          [HOSTS.canvas]: platforms.canvas.tlsPort,
          [HOSTS.moodle]: platforms.moodle.tlsPort,
        },
        args: ['--ignore-certificate-errors'],
      });
      // Resources live on the internet, which this machine cannot reach: answer for them.
      await context.route(
        (url) => url.protocol === 'https:' && ![TOOL_HOST, HOSTS.canvas, HOSTS.moodle].includes(url.hostname),
        (route) =>
          route.fulfill({ contentType: 'text/html', body: `<title>resource</title><p>${route.request().url()}</p>` }),
      );
      await use({ tool, platforms, context, worker });
      await context.close();
      writeManagedPolicy(undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      for (const p of Object.values(platforms)) await p.close();
      await tool.close();
    },
    { scope: 'worker' },
  ],
});

async function bridgeRegistered(worker: Worker) {
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const chrome = (
          self as unknown as {
            chrome: {
              scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
            };
          }
        ).chrome;
        return (await chrome.scripting.getRegisteredContentScripts()).map((s) => `${s.id} ${s.matches?.join(',')}`);
      }),
    )
    .toContain(`tool-bridge https://${TOOL_HOST}/*`);
}

async function shot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

const coursePage = (shape: Shape, courseId: string) =>
  shape === 'canvas'
    ? `https://${HOSTS.canvas}/courses/${courseId}/modules?as=teacher`
    : `https://${HOSTS.moodle}/course/view.php?id=${courseId}&as=teacher`;

async function fillCart(page: Page, shape: Shape, courseId: string): Promise<string[]> {
  await page.goto(coursePage(shape, courseId));
  const overlay = await overlayFrame(page);
  const add = overlay.getByRole('button', { name: /^Add to unit/ });
  await expect(add.first()).toBeVisible();
  const items = overlay.locator('[data-cart-item]');
  for (let n = await items.count(); n < 3; n++) {
    await add.first().click();
    await expect(items).toHaveCount(n + 1);
  }
  await expect(overlay.getByRole('heading', { name: /This unit's cart \(3\)/ })).toBeVisible();
  return overlay.locator('[data-cart-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cart-item')!));
}

async function insert(page: Page) {
  const overlay = await overlayFrame(page);
  await overlay.getByRole('link', { name: 'Insert into course' }).click();
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(`https://${TOOL_HOST}/lti/`))).toBe(true);
  const picker = () => page.frames().find((f) => f.url().startsWith(`https://${TOOL_HOST}/lti/`))!;
  await expect
    .poll(
      async () =>
        (await picker()
          .locator('#chosen-h')
          .textContent()
          .catch(() => '')) ?? '',
    )
    .toContain('Chosen (3)');
  // The overlay has stepped out of the picker's way (back to its launcher).
  const frame = await (await overlayFrame(page)).frameElement();
  await expect.poll(() => frame.isVisible()).toBe(false);
  return picker();
}

for (const shape of ['canvas', 'moodle'] as const) {
  test(`${shape}: cart → Insert into course → picker preselected → three LTI links; students reach each resource`, async ({
    world,
  }) => {
    const { context, worker, tool, platforms } = world;
    const platform = platforms[shape];
    await bridgeRegistered(worker);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const ids = await fillCart(page, shape, platform.courseId);
    await (await overlayFrame(page)).evaluate(() => window.scrollTo(0, 0));
    await shot(page, `${shape}-1-suggestions-and-cart.png`);
    const picker = await insert(page);
    for (const id of ids) await expect(picker.locator(`input[name="resource_id"][value="${id}"]`)).toBeChecked();
    await shot(page, `${shape}-2-picker-preselected.png`);
    const before = platform.links().length;
    await picker.getByRole('button', { name: 'Add chosen resources to the course' }).click();
    await expect.poll(() => platform.links().length).toBe(before + 3);
    expect(
      platform
        .links()
        .slice(before)
        .map((l) => l.custom.resource_id)
        .sort(),
    ).toEqual([...ids].sort());
    // Back on the course page, which now lists the three: the cart empties only now.
    await page.waitForURL(coursePage(shape, platform.courseId));
    const overlay = await overlayFrame(page);
    await expect(overlay.getByRole('heading', { name: /This unit's cart \(0\)/ })).toBeVisible();
    await shot(page, `${shape}-3-course-with-links.png`);

    const student = await context.newPage();
    await student.goto(coursePage(shape, platform.courseId).replace('as=teacher', 'as=student'));
    for (const link of platform.links().slice(before)) {
      const resource = (await tool.tool.catalog.get(link.custom.resource_id!))!;
      const [opened] = await Promise.all([
        context.waitForEvent('page'),
        student.locator(`a[data-link="${link.id}"]`).click(),
      ]);
      await expect.poll(() => opened.url()).toBe(new URL(resource.url).href);
      await opened.close();
    }
    await student.close();
    await page.close();
  });

  test(`${shape}: a cancelled insertion leaves the cart as it was`, async ({ world }) => {
    const { context, worker, platforms } = world;
    const platform = platforms[shape];
    await bridgeRegistered(worker);
    const page = await context.newPage();
    const ids = await fillCart(page, shape, platform.courseId);
    const picker = await insert(page);
    const before = platform.links().length;
    await picker.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL(coursePage(shape, platform.courseId));
    expect(platform.links()).toHaveLength(before);
    const overlay = await overlayFrame(page);
    // The unit's page has published its context (suggestions are showing), which is when an insertion would settle.
    await expect(overlay.getByRole('button', { name: /^Add to unit/ }).first()).toBeVisible();
    await expect(overlay.getByRole('heading', { name: /This unit's cart \(3\)/ })).toBeVisible();
    const pending = await worker.evaluate(() =>
      (
        self as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }
      ).chrome.storage.session.get(null),
    );
    expect(Object.entries(pending).filter(([k, v]) => k.startsWith('pending:') && v !== null)).toEqual([]);
    expect(
      (
        await overlay.locator('[data-cart-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cart-item')))
      ).sort(),
    ).toEqual([...ids].sort());
    await page.close();
  });
}
