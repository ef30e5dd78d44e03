/**
 * Extension budget: the content scripts' size (min + gzip) and their main-thread time when an LMS page loads, with and
 * without the extension, on the Canvas fixture page. Needs `npm run build` first and Debian's Chromium.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { launchWithExtension, lmsUrl } from '../e2e/extension-fixtures';
import { startFixtureServer } from '../e2e/lms-server';
import { percentile } from './metrics';

export interface ExtensionBench {
  contentScriptGzipKB: number;
  contentScriptMs: { p50: number; max: number };
  taskMsWith: number;
  taskMsWithout: number;
}

async function pageTaskMs(page: import('@playwright/test').Page, url: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForTimeout(1200);
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

export async function runExtensionBench(runs = 7): Promise<ExtensionBench> {
  const dir = resolve('.output/chrome-mv3/content-scripts');
  const gzip = readdirSync(dir).reduce(
    (sum, f) => sum + gzipSync(readFileSync(resolve(dir, f)), { level: 9 }).length,
    0,
  );
  const server = await startFixtureServer();
  const url = lmsUrl('canvas', '/courses/1207/modules');
  const own: number[] = [];
  const withExt: number[] = [];
  const { context, userDataDir } = await launchWithExtension(server);
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    withExt.push(await pageTaskMs(page, url));
    own.push(
      await page.evaluate(
        () => performance.getEntriesByName('iste-suggestions:content-script')[0]?.duration ?? Number.NaN,
      ),
    );
    await page.close();
  }
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  const plain = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--host-resolver-rules=MAP riverbend.instructure.com 127.0.0.1:${server.port}`,
      '--no-sandbox',
      '--disable-gpu',
    ],
  });
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await plain.newPage();
    without.push(await pageTaskMs(page, url));
    await page.close();
  }
  await plain.close();
  await server.close();
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  return {
    contentScriptGzipKB: Number((gzip / 1024).toFixed(1)),
    contentScriptMs: { p50: Number(median(own).toFixed(2)), max: Number(Math.max(...own).toFixed(2)) },
    taskMsWith: Number(median(withExt).toFixed(1)),
    taskMsWithout: Number(median(without).toFixed(1)),
  };
}

export function printExtensionBench(b: ExtensionBench): void {
  console.log('\nExtension budget on the Canvas modules fixture (median of 7 page loads)');
  console.table([
    { measure: 'content scripts, min+gzip (budget 15 KB)', value: `${b.contentScriptGzipKB} KB` },
    {
      measure: 'content script main-thread time at load (budget 5 ms)',
      value: `p50 ${b.contentScriptMs.p50} ms, max ${b.contentScriptMs.max} ms`,
    },
    { measure: 'page main-thread task time, with the extension', value: `${b.taskMsWith} ms` },
    { measure: 'page main-thread task time, without the extension', value: `${b.taskMsWithout} ms` },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) printExtensionBench(await runExtensionBench());
