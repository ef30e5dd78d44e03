import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpackCartridge, xmllint } from '../setup/xmllint';
import { axeViolations } from './axe';
import { EXTENSION_ID, expect, lmsUrl, overlayFrame, test } from './extension-fixtures';

/** What a teacher building each fixture's unit would expect among the first five suggestions. */
const PAGES = [
  {
    lms: 'canvas',
    path: '/courses/1207/modules',
    unit: 'Photosynthesis and Plant Energy',
    expected: ['khan-ms-biology', 'amoeba-sisters', 'gizmos'],
    other: '/courses/1207/grades',
  },
  {
    lms: 'moodle',
    path: '/course/view.php?id=4',
    unit: 'Equivalent fractions',
    expected: ['phet-fractions-equality', 'phet-fraction-matcher', 'fraction-talks', 'khan-grade-4-math'],
    other: '/course/view.php?id=4&view=1',
  },
  {
    lms: 'schoology',
    path: '/course/7781/materials?f=3301',
    unit: 'Forces and Motion',
    expected: ['phet-forces-and-motion-basics', 'khan-ms-physics', 'phet-friction'],
    other: '/home',
  },
  {
    lms: 'brightspace',
    path: '/d2l/le/content/6606/Home',
    unit: 'Persuasive Essay',
    expected: ['readwritethink-persuasion-map', 'quill'],
    other: '/d2l/home/6606',
  },
  {
    lms: 'blackboard',
    path: '/ultra/courses/_1234_1/outline',
    unit: 'Being Safe Online',
    expected: ['interland', 'be-internet-awesome', 'common-sense-digital-citizenship'],
    other: '/ultra/stream',
  },
  {
    lms: 'blackboard',
    path: '/webapps/blackboard/content/listContentEditable.jsp?content_id=_55_1&course_id=_12_1',
    unit: 'The American Revolution',
    expected: ['mission-us', 'loc-classroom-materials', 'gilder-lehrman'],
    other: '/ultra/stream',
  },
] as const;

for (const fixture of PAGES) {
  test(`${fixture.lms} ${fixture.path}: overlay with the expected top five, and none on other pages`, async ({
    page,
  }) => {
    await page.goto(lmsUrl(fixture.lms, fixture.path));
    const overlay = await overlayFrame(page);
    await expect(overlay.getByRole('heading', { level: 1 })).toContainText(fixture.unit);
    const cards = overlay.locator('.results .resource-card');
    await expect(cards.first()).toBeVisible();
    const top5 = (await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-resource-id')))).slice(0, 5);
    expect(top5).toEqual(expect.arrayContaining([...fixture.expected]));
    await expect(overlay.locator('.results .why').first()).not.toBeEmpty();

    await page.goto(lmsUrl(fixture.lms, fixture.other));
    await page.waitForTimeout(1500);
    expect(await page.locator('iste-suggestions').count()).toBe(0);
  });
}

test('the cart survives a reload, and the overlay works by keyboard alone', async ({ page }) => {
  await page.goto(lmsUrl('schoology', '/course/7781/materials?f=3301'));
  let overlay = await overlayFrame(page);
  await expect(overlay.locator('.results .resource-card').first()).toBeVisible();
  // Keyboard only: from the search box, Tab to the first "Add to unit" button and press Enter.
  await overlay.getByLabel('Search the catalog').focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const label = await overlay.evaluate(() => document.activeElement?.textContent ?? '');
    if (label.startsWith('Add to unit')) break;
  }
  const chosen = await overlay.evaluate(() =>
    document.activeElement?.closest('[data-resource-id]')?.getAttribute('data-resource-id'),
  );
  expect(chosen).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(overlay.locator(`[data-cart-item="${chosen}"]`)).toBeVisible();
  const focusVisible = await overlay.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(focusVisible).not.toBe('none');

  await page.reload();
  overlay = await overlayFrame(page);
  await expect(overlay.locator(`[data-cart-item="${chosen}"]`)).toBeVisible();
  await expect(overlay.getByRole('heading', { name: /This unit's cart \(1\)/ })).toBeVisible();

  // Hide by keyboard, then bring it back from the launcher by keyboard.
  await overlay.getByRole('button', { name: 'Hide suggestions' }).focus();
  await page.keyboard.press('Enter');
  const frameElement = await overlay.frameElement();
  await expect.poll(() => frameElement.isVisible()).toBe(false);
  await page.locator('body').focus();
  let onLauncher = false;
  for (let i = 0; i < 30 && !onLauncher; i++) {
    await page.keyboard.press('Tab');
    onLauncher = await page.evaluate(() => document.activeElement?.tagName === 'ISTE-SUGGESTIONS');
  }
  expect(onLauncher).toBe(true);
  await page.keyboard.press('Enter');
  overlay = await overlayFrame(page);
  await expect(overlay.locator('.results .resource-card').first()).toBeVisible();
});

test('single-page navigation re-reads the unit: another module, a non-unit page, and back', async ({ page }) => {
  await page.goto(lmsUrl('canvas', '/courses/1207/modules'));
  const overlay = await overlayFrame(page);
  const heading = overlay.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Unit 3: Photosynthesis');
  // As Canvas's router does: change the address without a load, then re-render.
  const navigate = (url: string) =>
    page.evaluate((to) => {
      history.pushState({}, '', to);
      document.querySelector('#content')?.append(document.createElement('span'));
    }, url);
  await navigate('/courses/1207/modules#module_881');
  await expect(heading).toContainText('Unit 2: Cells and Microscopes');
  await navigate('/courses/1207/grades');
  await expect(page.locator('iste-suggestions')).toHaveCount(0);
  await navigate('/courses/1207/modules#module_882');
  await expect((await overlayFrame(page)).getByRole('heading', { level: 1 })).toContainText('Unit 3: Photosynthesis');
});

test('typing in the page editor re-reads the unit and the suggestions follow the text', async ({ page, ext }) => {
  await page.goto(lmsUrl('canvas', '/courses/1207/pages/photosynthesis-lab/edit'));
  const overlay = await overlayFrame(page);
  const topIds = () =>
    overlay
      .locator('.results .resource-card')
      .evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-resource-id')));
  await expect.poll(topIds).not.toEqual([]);
  const fractions = ['fraction-talks', 'phet-fraction-matcher', 'phet-fractions-equality'];
  const before = await topIds();
  expect(before.filter((id) => fractions.includes(id!))).toEqual([]);
  // The teacher rewrites the body (TinyMCE's same-origin iframe): the unit is re-read from what they type...
  const editor = page.frameLocator('#wiki_page_body_ifr').locator('body');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(
    'Equivalent fractions on a number line: students compare fraction strips and build equal fractions.',
  );
  const published = () =>
    ext.worker.evaluate(async () => {
      const session = (self as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } })
        .chrome.storage.session;
      return JSON.stringify(await session.get(null));
    });
  await expect.poll(published).toContain('Equivalent fractions on a number line');
  // ...and, once they retitle the page too, the suggestions follow.
  await page.locator('#title').fill('Fractions warm-up');
  await expect
    .poll(async () => (await topIds()).filter((id) => fractions.includes(id!)).length)
    .toBeGreaterThanOrEqual(2);
  expect((await topIds()).filter((id) => before.includes(id))).toEqual([]);
});

test('the overlay is axe-clean (WCAG 2.1 AA)', async ({ page }) => {
  await page.goto(lmsUrl('canvas', '/courses/1207/modules'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('.results .resource-card').first()).toBeVisible();
  expect(await axeViolations(overlay)).toEqual([]);
});

test('the overlay never covers the LMS editor controls', async ({ page }) => {
  for (const [lms, path, toolbar] of [
    ['canvas', '/courses/1207/pages/photosynthesis-lab/edit', '.tox-editor-header'],
    ['moodle', '/course/modedit.php?add=page&course=4&section=2', '.tox-editor-header'],
  ] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(lmsUrl(lms, path));
    const overlay = await overlayFrame(page);
    const frameBox = await (await overlay.frameElement()).boundingBox();
    const controls = [
      await page.locator(toolbar).boundingBox(),
      await page.locator('.form-actions, #fgroup_id_buttonar').first().boundingBox(),
    ];
    for (const c of controls) {
      if (!c || !frameBox) continue;
      const overlaps =
        frameBox.x < c.x + c.width &&
        frameBox.x + frameBox.width > c.x &&
        frameBox.y < c.y + c.height &&
        frameBox.y + frameBox.height > c.y;
      expect(overlaps, `${lms}: overlay ${JSON.stringify(frameBox)} vs control ${JSON.stringify(c)}`).toBe(false);
    }
  }
});

test('a hostile LMS page can neither read the overlay nor post into the cart', async ({ page, ext }) => {
  await page.goto(lmsUrl('canvas', '/courses/1207/modules'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('.results .resource-card').first()).toBeVisible();
  await page.waitForTimeout(1500);
  const hostile = await page.evaluate(() => (window as unknown as { __hostile: Record<string, unknown> }).__hostile);
  expect(hostile.iframes).toBe(0);
  expect(hostile.shadow).toBe('null');
  // The overlay's window is either invisible to the page (no frame) or walled off (cross-origin).
  expect(hostile.frameRead === null || String(hostile.frameRead).startsWith('blocked')).toBe(true);
  expect(hostile.runtime).toBe(false);
  expect(await overlay.locator('[data-cart-item="evil-resource"]').count()).toBe(0);
  const forged = await ext.worker.evaluate(() =>
    (
      self as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.session.get('ctx:forgedkey123'),
  );
  expect(forged).toEqual({});
  void EXTENSION_ID;
});

test('no request leaves for anywhere but the LMS page itself, and none carries page text', async ({ page, ext }) => {
  const requests: Array<{ url: string; body: string }> = [];
  const record = (r: import('@playwright/test').Request) => requests.push({ url: r.url(), body: r.postData() ?? '' });
  ext.context.on('request', record);
  await page.goto(lmsUrl('canvas', '/courses/1207/pages/photosynthesis-lab/edit'));
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('.results .resource-card').first()).toBeVisible();
  await overlay.getByLabel('Search the catalog').fill('chlorophyll');
  await page.waitForTimeout(1000);
  ext.context.off('request', record);
  // The only network request is the teacher's own page load; the extension's files are local, and it sends nothing.
  const network = requests.filter((r) => !r.url.startsWith('chrome-extension://'));
  expect(network.map((r) => r.url)).toEqual([lmsUrl('canvas', '/courses/1207/pages/photosynthesis-lab/edit')]);
  expect(network[0]!.body).toBe('');
});

test('a cart downloads as a cartridge that validates against the 1EdTech schemas, and shows where to insert it', async ({
  page,
}) => {
  await page.goto(
    lmsUrl('blackboard', '/webapps/blackboard/content/listContentEditable.jsp?content_id=_55_1&course_id=_12_1'),
  );
  const overlay = await overlayFrame(page);
  const buttons = overlay.getByRole('button', { name: /^Add to unit/ });
  await expect(buttons.first()).toBeVisible();
  for (let i = 0; i < 3; i++) await buttons.nth(i).click();
  await expect(overlay.getByRole('heading', { name: /This unit's cart \(3\)/ })).toBeVisible();
  await expect(overlay.locator('.insert-path')).toContainText('Build Content');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    overlay.getByRole('button', { name: 'Download cartridge' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('The-American-Revolution.imscc');
  const dir = unpackCartridge(readFileSync(await download.path()));
  xmllint(join(dir, 'imsmanifest.xml'), 'ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd');
  for (const file of readdirSync(join(dir, 'weblinks')))
    xmllint(join(dir, 'weblinks', file), 'ccv1p3/ccv1p3_imswl_v1p3.xsd');
  expect(readdirSync(join(dir, 'weblinks'))).toHaveLength(3);
  expect(await axeViolations(overlay)).toEqual([]);
});
