import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { silentLogger } from '../../lms-plugin/log';
import { type RunningTool, startToolServer } from '../../lms-plugin/server';
import { type ReferencePlatform, startReferencePlatform, toolRegisteredByHand } from '../platform/platform';
import { sqliteFileUrl } from '../setup/databases';
import { axeViolations } from './axe';

/**
 * The teacher's path in a real browser, driven through the reference platform's own course page: "Add content" opens
 * the picker in the course's frame; two resources are chosen by keyboard; the course shows two new links; a student
 * launch of each lands on the resource; a retired resource's link shows the retired page.
 */
let browser: Browser;
let tool: RunningTool;
let platform: ReferencePlatform;

test.beforeAll(async () => {
  tool = await startToolServer(
    { port: 0, databaseUrl: sqliteFileUrl('e2e-dl'), keyGraceDays: 7, seedSampleCatalog: true },
    silentLogger,
  );
  platform = await startReferencePlatform({
    shape: 'canvas',
    tool: toolRegisteredByHand(tool.url, '10000000000099', '99:e2e'),
  });
  await tool.tool.registry.add(platform.registration);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await tool?.close();
});

/** Resources live on the internet, which this machine cannot reach: answer for them, and record where we landed. */
async function stubInternet(page: Page) {
  await page
    .context()
    .route(/^https:\/\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<title>resource</title><p>${route.request().url()}</p>` }),
    );
}

async function pickerFrame(page: Page) {
  await expect
    .poll(
      () =>
        page
          .frames()
          .find((f) => f.url().startsWith(`${tool.url}/lti/`))
          ?.url() ?? '',
    )
    .toContain(tool.url);
  const frame = page.frames().find((f) => f.url().startsWith(`${tool.url}/lti/`))!;
  await frame.waitForSelector('h1');
  return frame;
}

test('a teacher adds two resources by keyboard; students launch them; a retired one says so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await stubInternet(page);
  await page.goto(`${platform.origin}/courses/${platform.courseId}?as=teacher`);
  await page.getByRole('link', { name: 'Add content' }).focus();
  await page.keyboard.press('Enter');
  let picker = await pickerFrame(page);
  await expect(picker.getByRole('heading', { level: 1 })).toContainText('Add resources to Science 7 - Period 3');
  expect(await axeViolations(picker)).toEqual([]);

  // Search by keyboard: type, Enter submits the search (the form's first button).
  await picker.getByLabel('Search').focus();
  await page.keyboard.type('forces and motion');
  await page.keyboard.press('Enter');
  picker = await pickerFrame(page);
  await expect(picker.getByRole('heading', { name: /Results for “forces and motion”/ })).toBeVisible();

  // Choose two resources by keyboard: Tab to each checkbox, Space to check it.
  const wanted = ['phet-forces-and-motion-basics', 'khan-ms-physics'];
  for (const id of wanted) {
    const box = picker.locator(`input[name="resource_id"][value="${id}"]`);
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await picker.getByRole('button', { name: 'Add chosen resources to the course' }).focus();
  await page.keyboard.press('Enter');

  // The platform checks the signed response, stores the links and returns to the course page.
  await expect(page.locator('#links li')).toHaveCount(2, { timeout: 20_000 });
  expect(platform.links().map((l) => l.custom.resource_id)).toEqual(wanted);

  // Students: each link launches through the tool and lands on the resource.
  const student = await context.newPage();
  await student.goto(`${platform.origin}/courses/${platform.courseId}?as=student`);
  for (const link of platform.links()) {
    const resource = (await tool.tool.catalog.get(link.custom.resource_id!))!;
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      student.locator(`a[data-link="${link.id}"]`).click(),
    ]);
    await expect.poll(() => opened.url()).toBe(resource.url);
    await opened.close();
  }

  // The district retires one resource; its link now shows the retired page with the replacement.
  const feed = await tool.tool.catalog.feed();
  const retiring = (await tool.tool.catalog.get('khan-ms-physics'))!;
  await tool.tool.catalog.import({
    ...feed,
    resources: [
      {
        ...retiring,
        status: 'retired',
        retirement: {
          reason: 'Replaced by a district lab.',
          replacementId: 'phet-forces-and-motion-basics',
          retiredAt: '2026-11-27',
        },
      },
    ],
  });
  const retiredLink = platform.links().find((l) => l.custom.resource_id === 'khan-ms-physics')!;
  const [retiredPage] = await Promise.all([
    context.waitForEvent('page'),
    student.locator(`a[data-link="${retiredLink.id}"]`).click(),
  ]);
  await expect(retiredPage.getByRole('heading', { level: 1 })).toContainText('has been retired');
  await expect(retiredPage.getByText('Replaced by a district lab.')).toBeVisible();
  await context.close();
});

test('hostile catalog text shows as text in the picker and never runs', async () => {
  const hostile = {
    ...(await tool.tool.catalog.get('scratch'))!,
    id: 'hostile-record',
    title: '<img src=x onerror="window.__pwned=1">Hostile fractions',
    description: '<script>window.__pwned=2</script> & "quotes"',
  };
  // Written straight into the database, as if an older import had let it through: the picker must still be safe.
  await tool.store.db
    .insertInto('resources')
    .values({ id: hostile.id, data: JSON.stringify(hostile), status: 'active', updated_at: Date.now() })
    .execute();
  await tool.store.db
    .updateTable('catalog_meta')
    .set({ value: 'hostile-version' })
    .where('key', '=', 'version')
    .execute();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${platform.origin}/courses/${platform.courseId}?as=teacher`);
  await page.getByRole('link', { name: 'Add content' }).click();
  let picker = await pickerFrame(page);
  await picker.getByLabel('Search').fill('hostile fractions');
  await picker.getByRole('button', { name: 'Search' }).click();
  picker = await pickerFrame(page);
  const card = picker.locator('[data-resource-id="hostile-record"]');
  await expect(card.locator('.resource-title')).toHaveText('<img src=x onerror="window.__pwned=1">Hostile fractions');
  expect(await card.locator('img').count()).toBe(0);
  expect(await picker.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await context.close();
});

test('the picker preselects the cart the extension hands over (extension bridge simulated in the page), and reports the insertion', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen: Array<{ type: string; ids?: string[] }> = [];
  await context.exposeBinding(
    '__recordBridge',
    (_source, message: { type: string; ids?: string[] }) => void seen.push(message),
  );
  // Stands in for the extension's tool-bridge content script, which answers from the same window and origin.
  await context.addInitScript(() => {
    addEventListener('message', (event) => {
      const data = event.data as { type?: string; ids?: string[] };
      if (event.source !== window || !data?.type?.startsWith('iste:')) return;
      (window as unknown as { __recordBridge(m: unknown): void }).__recordBridge({ type: data.type, ids: data.ids });
      if (data.type === 'iste:cart-request')
        window.postMessage(
          { type: 'iste:cart', ids: ['phet-density', 'khan-ms-biology', 'not a valid id!'] },
          location.origin,
        );
    });
  });
  await page.goto(`${platform.origin}/courses/${platform.courseId}?as=teacher`);
  await page.getByRole('link', { name: 'Add content' }).click();
  await expect
    .poll(async () =>
      (await pickerFrame(page))
        .locator('#chosen-h')
        .textContent()
        .catch(() => ''),
    )
    .toContain('Chosen (2)');
  const picker = await pickerFrame(page);
  await expect(picker.locator('input[name="resource_id"][value="phet-density"]')).toBeChecked();
  await expect(picker.locator('input[name="resource_id"][value="khan-ms-biology"]')).toBeChecked();
  const before = platform.links().length;
  await picker.getByRole('button', { name: 'Add chosen resources to the course' }).click();
  await expect.poll(() => platform.links().length).toBe(before + 2);
  // The picker told the bridge what it inserted (the extension clears the cart once the course lists them).
  expect(seen.find((m) => m.type === 'iste:inserting')?.ids?.sort()).toEqual(['khan-ms-biology', 'phet-density']);
  await context.close();
});
