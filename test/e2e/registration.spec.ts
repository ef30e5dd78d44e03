import { type Browser, chromium, expect, test } from '@playwright/test';
import { silentLogger } from '../../lms-plugin/log';
import { type RunningTool, startToolServer } from '../../lms-plugin/server';
import { type ReferencePlatform, startReferencePlatform } from '../platform/platform';
import { sqliteFileUrl } from '../setup/databases';
import { axeViolations } from './axe';

/**
 * An LMS administrator registers the tool by LTI Dynamic Registration in a real browser: the reference platform's
 * admin page frames the tool's one-time registration URL, the tool registers over real HTTP and posts the close
 * message, and a teacher can then add content with no manual `platform add`.
 */
let browser: Browser;
let tool: RunningTool;
let platform: ReferencePlatform;

test.beforeAll(async () => {
  tool = await startToolServer(
    { port: 0, databaseUrl: sqliteFileUrl('e2e-dr'), keyGraceDays: 7, seedSampleCatalog: true },
    silentLogger,
  );
  platform = await startReferencePlatform({ shape: 'moodle' });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
});

test.afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await tool?.close();
});

test('an administrator registers the tool from the LMS, and teachers can add content right away', async () => {
  const page = await browser.newPage();
  const code = await tool.tool.registrationCodes.issue({ ttlMs: 3_600_000 });
  const url = `${tool.url}/lti/register?code=${code}`;

  // Before: the LMS knows no tool.
  await page.goto(`${platform.origin}/course/view.php?id=${platform.courseId}&as=teacher`);
  expect(platform.tool).toBeUndefined();

  // The close message arrives as soon as the tool has registered; check the tool's page before it goes.
  const toolPage = await browser.newPage();
  await toolPage.goto(`${url}&openid_configuration=${encodeURIComponent('http://127.0.0.1:9/none')}`);
  await expect(toolPage.getByRole('heading', { level: 1 })).toContainText('could not be fetched');
  expect(await axeViolations(toolPage)).toEqual([]);
  await toolPage.close();

  await page.goto(`${platform.origin}/admin/register-tool?url=${encodeURIComponent(url)}`);
  await expect(page.getByRole('status')).toHaveText('The tool closed its registration window.');
  expect(platform.tool?.loginUrl).toBe(`${tool.url}/lti/login`);

  await page.goto(`${platform.origin}/course/view.php?id=${platform.courseId}&as=teacher`);
  await page.getByRole('link', { name: 'Add content' }).click();
  await expect
    .poll(() =>
      page
        .frames()
        .find((f) => f.url().startsWith(`${tool.url}/lti/`))
        ?.locator('h1')
        .textContent(),
    )
    .toContain('Add resources to Science 7 - Period 3');
  await page.close();
});

test('the tool’s registration pages are axe-clean, success included', async () => {
  const canvas = await startReferencePlatform({ shape: 'canvas' });
  const code = await tool.tool.registrationCodes.issue({ ttlMs: 3_600_000 });
  // What the admin page would frame, opened on its own so the page stays after the close message.
  const admin = await (
    await fetch(
      `${canvas.origin}/admin/register-tool?url=${encodeURIComponent(`${tool.url}/lti/register?code=${code}`)}`,
    )
  ).text();
  const src = /<iframe[^>]*src="([^"]+)"/.exec(admin)![1]!.replace(/&amp;/g, '&');
  const page = await browser.newPage();
  await page.goto(src);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The tool is registered');
  await expect(page.getByRole('status')).toContainText('canvas');
  await page.getByRole('button', { name: 'Finish' }).focus();
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
  await canvas.close();
});
