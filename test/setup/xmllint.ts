import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

const SCHEMAS = resolve('test/fixtures/cc-schemas');

/** Validates an XML file with xmllint against a 1EdTech XSD, offline (the catalog maps official URLs to local copies). */
export function xmllint(file: string, schema: string): void {
  execFileSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMAS, schema), file], {
    env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
    stdio: 'pipe',
  });
}

/** Unzips a cartridge into a temporary folder and returns it. */
export function unpackCartridge(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'imscc-'));
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), strFromU8(data));
  }
  return dir;
}
