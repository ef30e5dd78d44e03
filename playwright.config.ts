import { defineConfig } from '@playwright/test';

/** Browser tests: Debian's Chromium with the built extension (`wxt build` runs first in `npm test`). */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off' },
});
