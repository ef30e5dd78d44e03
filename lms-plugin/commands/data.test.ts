import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateCatalogFeed } from '../../shared/catalog/validate';
import { unpackCartridge, xmllint } from '../../test/setup/xmllint';

const run = promisify(execFile);
const SAMPLE = 'shared/catalog/sample-catalog.json';
const LISTS = 'shared/catalog/sample-lists.json';

/** A fresh SQLite file per test: the CLI opens and migrates it like a district's database. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'tool-data-'));
  const databaseUrl = `sqlite:${join(dir, 'tool.db')}`;
  const tool = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node_modules/.bin/tsx', ['lms-plugin/cli.ts', ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL: 'https://tool.riverbend.example' },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const write = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const exported = async () =>
    JSON.parse((await tool('catalog', 'export')).stdout) as {
      resources: Array<{ id: string; url: string; title: string }>;
    };
  return { dir, tool, write, exported };
}

const sample = () => JSON.parse(readFileSync(SAMPLE, 'utf8')) as { resources: Array<Record<string, unknown>> };

describe('npm run tool -- catalog import | export', () => {
  it('imports a feed and exports it back as a valid feed with the same resources', async () => {
    const w = workspace();
    const imported = await w.tool('catalog', 'import', SAMPLE);
    expect(imported.stderr).toMatch(/imported 245, skipped 0 invalid/);
    expect(imported.code).toBe(0);
    const feed = await w.exported();
    const check = validateCatalogFeed(feed);
    expect(check.problems).toEqual([]);
    expect(feed.resources.map((r) => r.id).sort()).toEqual(
      sample()
        .resources.map((r) => r.id as string)
        .sort(),
    );
  });

  it('skips and lists bad records, keeps the stored version of a record that went bad, and exits 1', async () => {
    const w = workspace();
    await w.tool('catalog', 'import', SAMPLE);
    const feed = sample();
    const victim = feed.resources[3]!;
    const goodUrl = victim.url;
    victim.url = 'javascript:alert(1)';
    (feed.resources[4] as Record<string, unknown>).title = 'A better title';
    const result = await w.tool('catalog', 'import', w.write('bad.json', feed));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`id="${victim.id}" url: must be an https URL`));
    expect(result.stderr).toMatch(/imported 244, skipped 1 invalid/);
    const after = await w.exported();
    expect(after.resources.find((r) => r.id === victim.id)?.url).toBe(goodUrl);
    expect(after.resources.find((r) => r.id === feed.resources[4]!.id)?.title).toBe('A better title');
  });

  it('changes nothing when the envelope is bad or the file is not JSON', async () => {
    const w = workspace();
    await w.tool('catalog', 'import', SAMPLE);
    const bad = await w.tool('catalog', 'import', w.write('envelope.json', { schemaVersion: 99, resources: [] }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error CATALOG_INVALID/);
    const garbage = await w.tool('catalog', 'import', w.write('garbage.json', '{ nope'));
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toMatch(/not readable JSON/);
    expect((await w.exported()).resources).toHaveLength(245);
  });

  it('removes resources the feed no longer lists only with --prune', async () => {
    const w = workspace();
    await w.tool('catalog', 'import', SAMPLE);
    const feed = sample();
    feed.resources = feed.resources.slice(0, 200);
    const file = w.write('smaller.json', feed);
    await w.tool('catalog', 'import', file);
    expect((await w.exported()).resources).toHaveLength(245);
    const pruned = await w.tool('catalog', 'import', file, '--prune');
    expect(pruned.stderr).toMatch(/removed 45 no longer listed/);
    expect((await w.exported()).resources).toHaveLength(200);
  });
});

describe('npm run tool -- lists import | list | export-cc', () => {
  it('exports a coach list as a Thin CC 1.3 of LTI links through the tool, valid against the 1EdTech schemas', async () => {
    const w = workspace();
    await w.tool('catalog', 'import', SAMPLE);
    expect((await w.tool('lists', 'import', LISTS)).code).toBe(0);
    const listed = await w.tool('lists', 'list');
    expect(listed.stdout).toMatch(/^sample-grade7-life-science\tpublished\t\d+ items/m);

    const out = join(w.dir, 'life-science.imscc');
    const exported = await w.tool('lists', 'export-cc', 'sample-grade7-life-science', '--out', out);
    expect(exported.code).toBe(0);
    const dir = unpackCartridge(readFileSync(out));
    xmllint(join(dir, 'imsmanifest.xml'), 'ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd');
    // The 1.3 LTI-link namespace has no published XSD; the shim maps it onto the official 1.0 link schema (SOURCES.md).
    xmllint(join(dir, 'lti/RES_0001.xml'), 'local/imslticc_v1p3_UNOFFICIAL_shim.xsd');
    const link = readFileSync(join(dir, 'lti/RES_0001.xml'), 'utf8');
    expect(link).toContain('<blti:launch_url>https://tool.riverbend.example/lti/launch</blti:launch_url>');
    expect(link).toMatch(/<lticm:property name="resource_id">[a-z0-9-]+<\/lticm:property>/);
    expect(readFileSync(join(dir, 'imsmanifest.xml'), 'utf8')).toContain('Grade 7 life science: trusted picks');
  });

  it('exports CC 1.1 for Moodle and web links on request; leaves out retired resources and says so', async () => {
    const w = workspace();
    const feed = sample();
    const lists = JSON.parse(readFileSync(LISTS, 'utf8')) as {
      lists: Array<{ id: string; items: Array<{ resourceId: string }> }>;
    };
    const list = lists.lists[0]!;
    const retired = feed.resources.find((r) => r.id === list.items[0]!.resourceId)!;
    retired.status = 'retired';
    retired.retirement = { reason: 'Replaced by a newer edition', retiredAt: '2026-11-01' };
    await w.tool('catalog', 'import', w.write('feed.json', feed));
    await w.tool('lists', 'import', LISTS);
    const out = join(w.dir, 'moodle.imscc');
    const result = await w.tool('lists', 'export-cc', list.id, '--cc', '1.1', '--web-links', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`left out ${retired.id}: retired`);
    expect(result.stderr).toMatch(new RegExp(`${list.items.length - 1} of ${list.items.length} items`));
    const dir = unpackCartridge(readFileSync(out));
    xmllint(join(dir, 'imsmanifest.xml'), 'ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd');
    xmllint(join(dir, 'weblinks/RES_0001.xml'), 'ccv1p1/ccv1p1_imswl_v1p1.xsd');
  });

  it('refuses an unknown list, a wrong version and a bad lists file, changing nothing', async () => {
    const w = workspace();
    await w.tool('lists', 'import', LISTS);
    expect((await w.tool('lists', 'export-cc', 'no-such-list')).stderr).toMatch(/no list no-such-list/);
    expect((await w.tool('lists', 'export-cc', 'sample-grade7-life-science', '--cc', '2.0')).code).toBe(2);
    const bad = await w.tool('lists', 'import', w.write('lists.json', { lists: [{ id: 'x', title: '' }] }));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^list 0 id="x" title: /m);
    const json = JSON.parse((await w.tool('lists', 'list', '--json')).stdout) as { lists: unknown[] };
    expect(json.lists.length).toBe(JSON.parse(readFileSync(LISTS, 'utf8')).lists.length);
    expect(existsSync(join(w.dir, 'sample-grade7-life-science.imscc'))).toBe(false);
  });
});
