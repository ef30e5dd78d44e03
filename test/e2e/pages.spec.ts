import { axeViolations } from './axe';
import { EXTENSION_ID, expect, test } from './extension-fixtures';

test('the side panel searches the whole catalog, typo-tolerant, and is axe-clean', async ({ page }) => {
  await page.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
  await expect(page.getByRole('heading', { name: 'Browse the catalog' })).toBeVisible();
  await page.getByLabel('Search the catalog').fill('photosyntesis');
  await expect(page.getByRole('heading', { name: /Results for “photosyntesis”/ })).toBeVisible();
  const results = page.getByRole('region', { name: /Results for/ });
  await expect(results.locator('[data-resource-id="khan-ms-biology"]')).toBeVisible();
  await expect(results.locator('.why').first()).toContainText('photosynthesis');
  await page.getByLabel('Grades').selectOption('9-12');
  await expect(results.locator('[data-resource-id="khan-hs-biology"]')).toBeVisible();
  // With the sample catalog come the sample coach lists; a resource in both keeps unique ids on the page.
  await page.locator('details.coach-list summary').first().click();
  const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.length).toBe(new Set(ids).size);
  expect(await axeViolations(page)).toEqual([]);
});

test('the options page shows the catalog state and is axe-clean', async ({ page }) => {
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(page.locator('tr[data-source="bundled:sample"] .good')).toHaveText('245');
  await expect(page.getByText('No district policy is set for this browser.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
