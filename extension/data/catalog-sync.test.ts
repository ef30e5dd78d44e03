import { QueryClient } from '@tanstack/query-core';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import sample from '../../shared/catalog/sample-catalog.json';
import { loadCatalog, SAMPLE_SOURCE, syncCatalogs } from './catalog-sync';
import { DB_NAME, getMeta, openSuggestionsDb as openDb, type SuggestionsDB } from './db';
import { scriptedFetch } from './scripted-fetch';

const URL_A = 'https://catalog.district.example/feed.json';

const feed = (resources: unknown[]) => ({
  schemaVersion: 1,
  publisher: { name: 'District' },
  generatedAt: '2026-11-27T00:00:00Z',
  resources,
});

// Catalog sync over fake-indexeddb with a scripted fetch (mocked HTTP: the browser tests cover real fetches).
describe('catalog sync (mocked fetch)', () => {
  let opened: SuggestionsDB | undefined;
  const openSuggestionsDb = async () => {
    opened = await openDb();
    return opened;
  };
  afterEach(async () => {
    opened?.close();
    await deleteDB(DB_NAME);
  });

  it('uses the bundled sample when the district sets no feed', async () => {
    const db = await openSuggestionsDb();
    const { fetch, calls } = scriptedFetch([]);
    const outcomes = await syncCatalogs(
      [],
      { db, fetch, queryClient: new QueryClient(), now: Date.now, bundledSample: () => sample },
      { prune: true },
    );
    expect(outcomes).toEqual([{ source: SAMPLE_SOURCE, status: 'updated' }]);
    expect(calls).toEqual([]);
    expect((await loadCatalog(db, [SAMPLE_SOURCE])).length).toBe(sample.resources.length);
  });

  it('revalidates with the ETag, and a 304 keeps the catalog', async () => {
    const db = await openSuggestionsDb();
    const good = sample.resources.slice(0, 10);
    const { fetch, calls } = scriptedFetch([
      () => new Response(JSON.stringify(feed(good)), { headers: { etag: '"abc"' } }),
      () => new Response(null, { status: 304 }),
    ]);
    const deps = { db, fetch, queryClient: new QueryClient(), now: Date.now, bundledSample: () => sample };
    expect((await syncCatalogs([URL_A], deps, { prune: true }))[0]!.status).toBe('updated');
    const version = await getMeta(db, 'catalogVersion');
    expect((await syncCatalogs([URL_A], deps, { prune: true }))[0]!.status).toBe('not-modified');
    expect(calls[1]!.headers['if-none-match']).toBe('"abc"');
    expect(await getMeta(db, 'catalogVersion')).toBe(version);
    expect(await loadCatalog(db, [URL_A])).toHaveLength(10);
  });

  it('never replaces the last good catalog with a bad feed or a failure', async () => {
    const db = await openSuggestionsDb();
    const good = sample.resources.slice(0, 5);
    const { fetch } = scriptedFetch([
      () => new Response(JSON.stringify(feed(good))),
      () => new Response(JSON.stringify({ ...feed(good), schemaVersion: 99 })),
      // Each failing fetch is retried once (query-core), hence two of each.
      () => new Response('<html>', { status: 200 }),
      () => new Response('<html>', { status: 200 }),
      () => new Response('down', { status: 503 }),
      () => new Response('down', { status: 503 }),
    ]);
    const deps = {
      db,
      fetch,
      queryClient: new QueryClient({ defaultOptions: { queries: { retryDelay: 1 } } }),
      now: Date.now,
      bundledSample: () => sample,
    };
    await syncCatalogs([URL_A], deps, { prune: true });
    expect((await syncCatalogs([URL_A], deps, { prune: true }))[0]).toMatchObject({ status: 'invalid' });
    expect((await syncCatalogs([URL_A], deps, { prune: true }))[0]).toMatchObject({
      status: 'failed',
      message: 'the catalog is not valid JSON',
    });
    expect((await syncCatalogs([URL_A], deps, { prune: true }))[0]).toMatchObject({
      status: 'failed',
      message: 'the catalog server answered HTTP 503',
    });
    expect(await loadCatalog(db, [URL_A])).toHaveLength(5);
    expect((await db.get('sources', URL_A))!.lastError).toMatch(/HTTP 503/);
  });

  it('skips and counts bad records, keeping the good ones', async () => {
    const db = await openSuggestionsDb();
    const records = [...sample.resources.slice(0, 3), { id: 'broken', title: '<b>x</b>' }];
    const { fetch } = scriptedFetch([() => new Response(JSON.stringify(feed(records)))]);
    await syncCatalogs(
      [URL_A],
      { db, fetch, queryClient: new QueryClient(), now: Date.now, bundledSample: () => sample },
      { prune: true },
    );
    const source = (await db.get('sources', URL_A))!;
    expect(source).toMatchObject({ good: 3, badRecords: 1, total: 4 });
    expect(source.problems[0]).toMatchObject({ index: 3, id: 'broken' });
  });

  it('drops feeds the district removed, but not when the policy could not be read', async () => {
    const db = await openSuggestionsDb();
    const { fetch } = scriptedFetch([() => new Response(JSON.stringify(feed(sample.resources.slice(0, 2))))]);
    const deps = { db, fetch, queryClient: new QueryClient(), now: Date.now, bundledSample: () => sample };
    await syncCatalogs([URL_A], deps, { prune: true });
    await syncCatalogs([], deps, { prune: false });
    expect(await loadCatalog(db, [URL_A])).toHaveLength(2 + sample.resources.length - 2);
    await syncCatalogs([], deps, { prune: true });
    expect(await db.get('sources', URL_A)).toBeUndefined();
  });
});
