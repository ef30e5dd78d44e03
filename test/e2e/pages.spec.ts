import { axeViolations } from './axe';
import { EXTENSION_ID, expect, test } from './extension-fixtures';

test('the side panel searches the whole catalog, typo-tolerant, and is axe-clean', async ({ page }) => {
  await page.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
  await expect(page.getByRole('heading', { name: 'Browse the catalog' })).toBeVisible();
  await page.getByLabel('Search the catalog').fill('photosyntesis');
  await expect(page.getByRole('heading', { name: /Results for “photosyntesis”/ })).toBeVisible();
  await expect(page.locator('[data-resource-id="khan-ms-biology"]')).toBeVisible();
  await expect(page.locator('.why').first()).toContainText('photosynthesis');
  await page.getByLabel('Grades').selectOption('9-12');
  await expect(page.locator('[data-resource-id="khan-hs-biology"]')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the options page shows the catalog state and is axe-clean', async ({ page }) => {
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(page.locator('tr[data-source="bundled:sample"] .good')).toHaveText('245');
  await expect(page.getByText('No district policy is set for this browser.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
