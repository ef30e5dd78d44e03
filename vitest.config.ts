import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    // Server, shared and cross-folder tests run in Node; extension tests get WXT's fake browser and a DOM.
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.{ts,tsx}', 'lms-plugin/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          globalSetup: ['test/setup/postgres-global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['extension/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
