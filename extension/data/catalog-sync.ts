import type { QueryClient } from '@tanstack/query-core';
import { formatProblem, validateCatalogFeed } from '../../shared/catalog/validate';
import type { Resource } from '../../shared/model/resource';
import { type CatalogSource, getMeta, type SuggestionsDB, setMeta } from './db';
import { fetchFeed } from './feed-fetch';

export const SAMPLE_SOURCE = 'bundled:sample';
const MAX_PROBLEMS_KEPT = 50;

export interface SyncDeps {
  db: SuggestionsDB;
  queryClient: QueryClient;
  fetch: typeof fetch;
  now: () => number;
  /** The catalog bundled with the extension, used when the district configures none. */
  bundledSample: () => unknown;
}

export interface SyncOutcome {
  source: string;
  status: 'updated' | 'not-modified' | 'failed' | 'invalid';
  message?: string;
}

/** Replaces one source's records in one transaction: readers see the old set or the new one, never a mix. */
async function storeSource(deps: SyncDeps, source: CatalogSource, resources: Resource[]): Promise<void> {
  const tx = deps.db.transaction(['resources', 'sources'], 'readwrite');
  const store = tx.objectStore('resources');
  for (const key of await store.index('bySource').getAllKeys(source.id)) await store.delete(key);
  for (const resource of resources)
    await store.put({ key: `${source.id}|${resource.id}`, source: source.id, resource });
  await tx.objectStore('sources').put(source);
  await tx.done;
}

async function bumpVersion(deps: SyncDeps): Promise<void> {
  await setMeta(deps.db, 'catalogVersion', `${deps.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
}

/** Validates a feed record by record; a bad envelope changes nothing, bad records are counted and skipped. */
async function applyFeed(
  deps: SyncDeps,
  id: string,
  raw: unknown,
  previous: CatalogSource | undefined,
  etag?: string,
): Promise<SyncOutcome> {
  const result = validateCatalogFeed(raw);
  const base: CatalogSource = previous ?? { id, sample: false, total: 0, good: 0, badRecords: 0, problems: [] };
  if (!result.envelopeValid) {
    const message = result.problems.map(formatProblem).slice(0, 3).join('; ');
    await deps.db.put('sources', { ...base, lastAttemptAt: deps.now(), lastError: `the feed is invalid: ${message}` });
    return { source: id, status: 'invalid', message };
  }
  await storeSource(
    deps,
    {
      id,
      etag,
      lastAttemptAt: deps.now(),
      lastGoodAt: deps.now(),
      publisher: result.envelope!.publisher.name,
      sample: result.envelope!.sample,
      total: result.total,
      good: result.resources.length,
      badRecords: result.badRecords,
      problems: result.problems.slice(0, MAX_PROBLEMS_KEPT),
    },
    result.resources,
  );
  await bumpVersion(deps);
  return { source: id, status: 'updated' };
}

/**
 * Brings the local catalog up to date with the district's feeds (or the bundled sample when there are none). Uses
 * ETags so an unchanged feed costs a 304; a failing feed never replaces the last good copy, so it works offline.
 * `prune` drops sources no longer configured; pass false when the policy could not be read.
 */
export async function syncCatalogs(
  urls: readonly string[],
  deps: SyncDeps,
  options: { prune: boolean; hideSample?: boolean },
): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  const wanted = urls.length ? [...urls] : options.hideSample ? [] : [SAMPLE_SOURCE];
  for (const id of wanted) {
    const previous = await deps.db.get('sources', id);
    if (id === SAMPLE_SOURCE) {
      if (previous?.lastGoodAt && (await getMeta(deps.db, 'sampleBundled')) === 'v1') {
        outcomes.push({ source: id, status: 'not-modified' });
        continue;
      }
      outcomes.push(await applyFeed(deps, id, deps.bundledSample(), previous));
      await setMeta(deps.db, 'sampleBundled', 'v1');
      continue;
    }
    try {
      const fetched = await deps.queryClient.fetchQuery({
        queryKey: ['catalog-feed', id],
        queryFn: () => fetchFeed(deps.fetch, id, previous?.etag, 'catalog'),
        retry: 1,
        retryDelay: 300,
        staleTime: 0,
        networkMode: 'always',
      });
      if (fetched.notModified) {
        await deps.db.put('sources', { ...previous!, lastAttemptAt: deps.now(), lastError: undefined });
        outcomes.push({ source: id, status: 'not-modified' });
      } else {
        outcomes.push(await applyFeed(deps, id, fetched.body, previous, fetched.etag));
      }
    } catch (error) {
      const message = (error as Error).message;
      await deps.db.put('sources', {
        ...(previous ?? { id, sample: false, total: 0, good: 0, badRecords: 0, problems: [] }),
        lastAttemptAt: deps.now(),
        lastError: message,
      });
      outcomes.push({ source: id, status: 'failed', message });
    }
  }
  if (options.prune) {
    for (const source of await deps.db.getAllKeys('sources')) {
      if (wanted.includes(source)) continue;
      await storeSource(deps, { id: source, sample: false, total: 0, good: 0, badRecords: 0, problems: [] }, []);
      await deps.db.delete('sources', source);
      await bumpVersion(deps);
    }
  }
  return outcomes;
}

/** Every stored resource, one per id, sources in the configured order. */
export async function loadCatalog(db: SuggestionsDB, order: readonly string[]): Promise<Resource[]> {
  const rows = await db.getAll('resources');
  const rank = (source: string) => {
    const i = order.indexOf(source);
    return i < 0 ? order.length : i;
  };
  rows.sort((a, b) => rank(a.source) - rank(b.source));
  const seen = new Set<string>();
  const resources: Resource[] = [];
  for (const row of rows) {
    if (seen.has(row.resource.id)) continue;
    seen.add(row.resource.id);
    resources.push(row.resource);
  }
  return resources;
}
