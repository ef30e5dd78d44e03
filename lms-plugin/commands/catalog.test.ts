import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { injectBadRecords } from '../../test/fixtures/catalog/bad-records';

const run = promisify(execFile);
const SAMPLE = 'shared/catalog/sample-catalog.json';

/** Runs the real CLI as a user would (`npm run tool -- ...` runs the same file through tsx). */
async function tool(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['lms-plugin/cli.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run tool -- catalog validate', () => {
  it('finds 0 errors in the sample catalog and exits 0', async () => {
    const result = await tool('catalog', 'validate', SAMPLE);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/245 records, 245 valid, 0 invalid/);
    expect(result.code).toBe(0);
  });

  it('prints one line per bad record (index, id, path, message) and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, 'bad.json');
    const { feed, badIndexes } = injectBadRecords(JSON.parse(readFileSync(SAMPLE, 'utf8')));
    writeFileSync(file, JSON.stringify(feed));
    const result = await tool('catalog', 'validate', file);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    const indexes = lines.map((line) => Number(/^record (\d+) /.exec(line)?.[1]));
    expect([...new Set(indexes)].sort((a, b) => a - b)).toEqual(badIndexes);
    expect(lines.find((l) => l.includes('bad-javascript-url'))).toMatch(
      /^record \d+ id="bad-javascript-url" url: must be an https URL/,
    );
    expect(result.stderr).toMatch(/252 records, 245 valid, 7 invalid/);
  });

  it('explains unreadable input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    writeFileSync(join(dir, 'x.json'), '{ not json');
    const result = await tool('catalog', 'validate', join(dir, 'x.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not readable JSON/);
  });
});
