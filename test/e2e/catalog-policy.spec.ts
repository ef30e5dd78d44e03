import { readFileSync, rmSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { injectBadRecords } from '../fixtures/catalog/bad-records';
import { axeViolations } from './axe';
import { EXTENSION_ID, launchWithExtension, lmsUrl, overlayFrame, writeManagedPolicy } from './extension-fixtures';
import { startFixtureServer } from './lms-server';

/**
 * District policy and catalog sync in a real browser: the policy file a district pushes, a feed with bad records
 * (good ones kept, bad ones counted and shown), then the feed going down (the last good catalog stays).
 */
base(
  'a district feed with bad records, then an unreachable feed: the good records and the last good catalog stay',
  async () => {
    const server = await startFixtureServer();
    const sample = JSON.parse(readFileSync('shared/catalog/sample-catalog.json', 'utf8'));
    const { feed } = injectBadRecords(sample);
    feed.publisher = { name: 'Riverbend School District' };
    feed.sample = false;
    let mode: 'ok' | 'down' = 'ok';
    server.extraRoutes.set('/district/catalog.json', (url) => {
      void url;
      if (mode === 'down') return { status: 503, type: 'text/plain', body: 'maintenance' };
      return {
        status: 200,
        type: 'application/json',
        body: JSON.stringify(feed),
        headers: { etag: '"v1"', 'access-control-allow-origin': '*' },
      };
    });
    const lists = JSON.parse(readFileSync('shared/catalog/sample-lists.json', 'utf8'));
    lists.lists.push({ ...lists.lists[0], id: 'broken-list', title: '' });
    server.extraRoutes.set('/district/lists.json', () => ({
      status: 200,
      type: 'application/json',
      body: JSON.stringify(lists),
      headers: { 'access-control-allow-origin': '*' },
    }));
    const feedUrl = `http://127.0.0.1:${server.port}/district/catalog.json`;
    const listsUrl = `http://127.0.0.1:${server.port}/district/lists.json`;
    writeManagedPolicy({
      districtId: 'riverbend',
      districtName: 'Riverbend School District',
      catalogUrls: [feedUrl],
      listUrls: [listsUrl],
      maxSuggestions: 'lots',
    });
    const { context, userDataDir } = await launchWithExtension(server);
    try {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await options.getByRole('button', { name: 'Sync now' }).click();
      const row = options.locator(`tr[data-source="${feedUrl}"]`);
      await expect(row.locator('.good')).toHaveText(String(sample.resources.length));
      await expect(row.locator('.bad')).toHaveText('7');
      await expect(options.getByText('set by your district').first()).toBeVisible();
      // Chromium drops the wrong-typed value against managed_schema.json (TESTING.md §5); the rest of the policy applies
      // and the setting falls back to its default. (Where a browser passes it through, the options page lists it.)
      await expect(options.getByText('Riverbend School District')).toBeVisible();
      await expect(options.locator('dd').nth(2)).toContainText('8');
      await options.getByText('What was refused (catalog feeds)').click();
      await expect(options.getByText(/bad-javascript-url/)).toBeVisible();
      // The coach-list feed: good lists kept, the broken one refused and shown.
      const listRow = options.locator(`tr[data-source="${listsUrl}"]`);
      await expect(listRow.locator('.good')).toHaveText(String(lists.lists.length - 1));
      await expect(listRow.locator('.bad')).toHaveText('1');
      expect(await axeViolations(options)).toEqual([]);

      // Teachers browse the district's coach lists in the side panel, with the coach's notes.
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
      await expect(panel.getByRole('heading', { name: `Coach lists (${lists.lists.length - 1})` })).toBeVisible();
      const first = lists.lists[0];
      await panel.locator(`details[data-list="${first.id}"] summary`).click();
      const firstItem = panel.locator(
        `details[data-list="${first.id}"] [data-resource-id="${first.items[0].resourceId}"]`,
      );
      await expect(firstItem).toBeVisible();
      await expect(firstItem.locator('.coach-note')).toContainText(first.items[0].note);
      expect(await axeViolations(panel)).toEqual([]);
      await panel.close();

      const page = await context.newPage();
      await page.goto(lmsUrl('canvas', '/courses/1207/modules'));
      const overlay = await overlayFrame(page);
      await expect(overlay.locator('.results .resource-card').first()).toBeVisible();
      await expect(overlay.getByText('Sample catalog')).toHaveCount(0);
      // Coach picks from the district's lists are boosted, and say who recommends them.
      await expect(overlay.locator('.results .why', { hasText: 'recommended in' }).first()).toBeVisible();
      expect(await overlay.locator('[data-resource-id^="bad-"]').count()).toBe(0);

      // The feed goes down: a sync fails, and the last good catalog is still there.
      mode = 'down';
      await options.getByRole('button', { name: 'Sync now' }).click();
      await expect(row.locator('.last-error')).toContainText('could not be reached');
      await expect(row.locator('.good')).toHaveText(String(sample.resources.length));
      await page.reload();
      const again = await overlayFrame(page);
      await expect(again.locator('.results .resource-card').first()).toBeVisible();
    } finally {
      await context.close();
      writeManagedPolicy(undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      await server.close();
    }
  },
);
