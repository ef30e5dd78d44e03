import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import sample from '../../shared/catalog/sample-catalog.json';
import sampleLists from '../../shared/catalog/sample-lists.json';
import { sqliteFileUrl } from '../../test/setup/databases';
import { createTool } from '../app';
import { openStore } from '../db/connect';
import { silentLogger } from '../log';

async function tool() {
  const store = await openStore(sqliteFileUrl('catalog'));
  return {
    store,
    tool: await createTool({
      store,
      config: { publicUrl: 'http://127.0.0.1:9', keyGraceDays: 7 },
      log: silentLogger,
      seedCatalog: sample,
      seedLists: sampleLists,
    }),
  };
}

describe('the district catalog in the tool', () => {
  it('serves the feed with an ETag (304 when unchanged) and allows cross-origin reads', async () => {
    const { store, tool: t } = await tool();
    const first = await t.app.request('/api/catalog');
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const etag = first.headers.get('etag')!;
    expect((await first.json()).resources).toHaveLength(sample.resources.length);
    expect((await t.app.request('/api/catalog', { headers: { 'if-none-match': etag } })).status).toBe(304);
    await t.catalog.import({ ...sample, resources: sample.resources.slice(0, 1) });
    expect((await t.app.request('/api/catalog', { headers: { 'if-none-match': etag } })).status).toBe(200);
    await store.close();
  });

  it('keeps the last good version of a record that arrives broken, and changes nothing on a bad envelope', async () => {
    const { store, tool: t } = await tool();
    const original = (await t.catalog.get('scratch'))!;
    const broken = { ...original, url: 'javascript:alert(1)' };
    const report = await t.catalog.import({ ...sample, resources: [broken] }, { prune: true });
    expect(report).toMatchObject({ imported: 0, skipped: 1 });
    expect((await t.catalog.get('scratch'))!.url).toBe(original.url);
    expect(await t.catalog.count()).toBe(1);
    await expect(t.catalog.import({ ...sample, schemaVersion: 3 })).rejects.toMatchObject({ code: 'CATALOG_INVALID' });
    expect(await t.catalog.count()).toBe(1);
    await store.close();
  });

  it('serves the published coach lists with an ETag, and each as a cartridge of LTI links through the tool', async () => {
    const { store, tool: t } = await tool();
    const first = await t.app.request('/api/lists');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await first.json()) as { lists: Array<{ id: string; status: string; items: unknown[] }> };
    expect(body.lists.length).toBeGreaterThan(0);
    expect(body.lists.every((l) => l.status === 'published')).toBe(true);
    const etag = first.headers.get('etag')!;
    expect((await t.app.request('/api/lists', { headers: { 'if-none-match': etag } })).status).toBe(304);

    const list = body.lists[0]!;
    const cartridge = await t.app.request(`/api/lists/${list.id}/cartridge`);
    expect(cartridge.status).toBe(200);
    expect(cartridge.headers.get('content-disposition')).toBe(`attachment; filename="${list.id}.imscc"`);
    const files = unzipSync(new Uint8Array(await cartridge.arrayBuffer()));
    expect(Object.keys(files).filter((f) => f.startsWith('lti/'))).toHaveLength(list.items.length);
    expect(strFromU8(files['lti/RES_0001.xml']!)).toContain(
      '<blti:launch_url>http://127.0.0.1:9/lti/launch</blti:launch_url>',
    );
    const moodle = unzipSync(
      new Uint8Array(await (await t.app.request(`/api/lists/${list.id}/cartridge?cc=1.1&links=web`)).arrayBuffer()),
    );
    expect(strFromU8(moodle['imsmanifest.xml']!)).toContain('imsccv1p1');
    expect(Object.keys(moodle).some((f) => f.startsWith('weblinks/'))).toBe(true);

    // A draft is the coach's work in progress: not served.
    await t.lists.import({ lists: [{ ...sampleLists.lists[0], id: 'draft-list', status: 'draft' }] });
    expect((await t.app.request('/api/lists/draft-list/cartridge')).status).toBe(404);
    const after = (await (await t.app.request('/api/lists')).json()) as { lists: Array<{ id: string }> };
    expect(after.lists.map((l) => l.id)).not.toContain('draft-list');
    expect((await t.app.request('/api/lists', { headers: { 'if-none-match': etag } })).status).toBe(304);
    await store.close();
  });
});
