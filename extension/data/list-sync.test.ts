import { QueryClient } from '@tanstack/query-core';
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import sampleLists from '../../shared/catalog/sample-lists.json';
import { DB_NAME, getMeta, openSuggestionsDb, type SuggestionsDB } from './db';
import { loadLists, syncLists } from './list-sync';
import { scriptedFetch } from './scripted-fetch';

const URL_A = 'https://tool.district.example/api/lists';
const URL_B = 'https://coaches.district.example/lists.json';
const json = (body: unknown, etag?: string) => () =>
  new Response(JSON.stringify(body), { headers: etag ? { etag } : {} });
const [first, second] = sampleLists.lists;

// Coach-list sync over fake-indexeddb with a scripted fetch (mocked HTTP: the browser tests cover real fetches).
describe('coach-list sync (mocked fetch)', () => {
  let db: SuggestionsDB | undefined;
  afterEach(async () => {
    db?.close();
    await deleteDB(DB_NAME);
  });

  it('stores valid lists, counts bad ones, and revalidates with the ETag', async () => {
    db = await openSuggestionsDb();
    const bad = { ...first, id: 'bad-list', title: '' };
    const { fetch, calls } = scriptedFetch([
      json({ lists: [first, bad, second] }, '"v1"'),
      () => new Response(null, { status: 304 }),
    ]);
    const deps = { db, fetch, queryClient: new QueryClient(), now: Date.now };
    expect(await syncLists([URL_A], deps, { prune: true })).toEqual([{ source: URL_A, status: 'updated' }]);
    const source = (await db.get('listSources', URL_A))!;
    expect(source).toMatchObject({ total: 3, good: 2, badRecords: 1, etag: '"v1"' });
    expect(source.problems[0]).toMatchObject({ index: 1, id: 'bad-list', path: 'title' });
    expect((await loadLists(db, [URL_A])).map((l) => l.id)).toEqual([first!.id, second!.id]);
    const version = await getMeta(db, 'listsVersion');

    expect(await syncLists([URL_A], deps, { prune: true })).toEqual([{ source: URL_A, status: 'not-modified' }]);
    expect(calls[1]!.headers['if-none-match']).toBe('"v1"');
    expect(await getMeta(db, 'listsVersion')).toBe(version);
  });

  it('keeps the last good lists when the feed fails or is not a lists document', async () => {
    db = await openSuggestionsDb();
    const { fetch } = scriptedFetch([
      json({ lists: [first] }),
      // Two failures: the sync retries once.
      () => new Response('oops', { status: 500 }),
      () => new Response('oops', { status: 500 }),
      json({ catalog: 'wrong document' }),
    ]);
    const deps = { db, fetch, queryClient: new QueryClient(), now: Date.now };
    await syncLists([URL_A], deps, { prune: true });
    const failed = await syncLists([URL_A], deps, { prune: true });
    expect(failed[0]).toMatchObject({ status: 'failed', message: 'the coach lists server answered HTTP 500' });
    const invalid = await syncLists([URL_A], deps, { prune: true });
    expect(invalid[0]).toMatchObject({ status: 'invalid' });
    expect((await loadLists(db, [URL_A])).map((l) => l.id)).toEqual([first!.id]);
    expect((await db.get('listSources', URL_A))!.lastError).toMatch(/invalid/);
  });

  it('shows only published lists, first feed first, and drops feeds the district removed', async () => {
    db = await openSuggestionsDb();
    const draft = { ...second, id: 'draft', status: 'draft' };
    const changed = { ...first, title: 'Same id from the second feed' };
    const { fetch } = scriptedFetch([json({ lists: [first, draft] }), json({ lists: [changed] })]);
    const deps = { db, fetch, queryClient: new QueryClient(), now: Date.now };
    await syncLists([URL_A, URL_B], deps, { prune: true });
    const lists = await loadLists(db, [URL_A, URL_B]);
    expect(lists.map((l) => [l.id, l.title])).toEqual([[first!.id, first!.title]]);
    await syncLists([], deps, { prune: true });
    expect(await loadLists(db, [])).toEqual([]);
    expect(await db.getAllKeys('listSources')).toEqual([]);
  });
});

describe('the storage schema upgrade', () => {
  afterEach(() => deleteDB(DB_NAME));

  it('keeps every cart when version 1 storage is upgraded to version 2', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(raw) {
        raw.createObjectStore('resources', { keyPath: 'key' }).createIndex('bySource', 'source');
        raw.createObjectStore('sources', { keyPath: 'id' });
        raw.createObjectStore('index');
        raw.createObjectStore('carts', { keyPath: 'unitKey' }).createIndex('byUpdated', 'updatedAt');
        raw.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    const cart = {
      unitKey: 'canvas:x:1:module:2',
      lms: 'canvas',
      items: [{ resourceId: 'scratch', addedAt: 1 }],
      updatedAt: 1,
    };
    await v1.put('carts', cart);
    v1.close();
    const db = await openSuggestionsDb();
    expect(await db.get('carts', cart.unitKey)).toEqual(cart);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['lists', 'listSources']));
    db.close();
  });
});
