import { describe, expect, it } from 'vitest';
import sample from '../../shared/catalog/sample-catalog.json';
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
});
