import type { QueryClient } from '@tanstack/query-core';
import { formatListProblem, validateListsFeed } from '../../shared/catalog/lists-feed';
import type { CuratedList } from '../../shared/model/curated-list';
import type { SyncOutcome } from './catalog-sync';
import { type CatalogSource, type SuggestionsDB, setMeta } from './db';
import { fetchFeed } from './feed-fetch';

export interface ListSyncDeps {
  db: SuggestionsDB;
  queryClient: QueryClient;
  fetch: typeof fetch;
  now: () => number;
}

const MAX_PROBLEMS_KEPT = 50;
const emptySource = (id: string): CatalogSource => ({
  id,
  sample: false,
  total: 0,
  good: 0,
  badRecords: 0,
  problems: [],
});

async function storeLists(db: SuggestionsDB, source: CatalogSource, lists: CuratedList[]): Promise<void> {
  const tx = db.transaction(['lists', 'listSources'], 'readwrite');
  const store = tx.objectStore('lists');
  for (const key of await store.index('bySource').getAllKeys(source.id)) await store.delete(key);
  for (const [position, list] of lists.entries()) {
    await store.put({ key: `${source.id}|${list.id}`, source: source.id, position, list });
  }
  await tx.objectStore('listSources').put(source);
  await tx.done;
}

const bump = (deps: ListSyncDeps) =>
  setMeta(deps.db, 'listsVersion', `${deps.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);

/**
 * Brings the district's coach lists (its tools' `/api/lists`) up to date, like the catalog: ETag revalidation, list by
 * list validation (a bad list is counted and skipped), and a failing or invalid feed never replaces the last good
 * lists. `prune` drops feeds no longer configured; pass false when the policy could not be read.
 */
export async function syncLists(
  urls: readonly string[],
  deps: ListSyncDeps,
  options: { prune: boolean },
): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const id of urls) {
    const previous = await deps.db.get('listSources', id);
    try {
      const fetched = await deps.queryClient.fetchQuery({
        queryKey: ['list-feed', id],
        queryFn: () => fetchFeed(deps.fetch, id, previous?.etag, 'coach lists'),
        retry: 1,
        retryDelay: 300,
        staleTime: 0,
        networkMode: 'always',
      });
      if (fetched.notModified) {
        await deps.db.put('listSources', { ...previous!, lastAttemptAt: deps.now(), lastError: undefined });
        outcomes.push({ source: id, status: 'not-modified' });
        continue;
      }
      const result = validateListsFeed(fetched.body);
      if (!result.envelopeValid) {
        const message = result.problems.map(formatListProblem).join('; ');
        await deps.db.put('listSources', {
          ...(previous ?? emptySource(id)),
          lastAttemptAt: deps.now(),
          lastError: `the lists feed is invalid: ${message}`,
        });
        outcomes.push({ source: id, status: 'invalid', message });
        continue;
      }
      await storeLists(
        deps.db,
        {
          id,
          etag: fetched.etag,
          lastAttemptAt: deps.now(),
          lastGoodAt: deps.now(),
          sample: false,
          total: result.total,
          good: result.lists.length,
          badRecords: result.total - result.lists.length,
          problems: result.problems.slice(0, MAX_PROBLEMS_KEPT),
        },
        result.lists,
      );
      await bump(deps);
      outcomes.push({ source: id, status: 'updated' });
    } catch (error) {
      const message = (error as Error).message;
      await deps.db.put('listSources', {
        ...(previous ?? emptySource(id)),
        lastAttemptAt: deps.now(),
        lastError: message,
      });
      outcomes.push({ source: id, status: 'failed', message });
    }
  }
  if (options.prune) {
    for (const source of await deps.db.getAllKeys('listSources')) {
      if (urls.includes(source)) continue;
      await storeLists(deps.db, emptySource(source), []);
      await deps.db.delete('listSources', source);
      await bump(deps);
    }
  }
  return outcomes;
}

/** The published lists, feeds in the configured order; a list id seen twice keeps its first feed's version. */
export async function loadLists(db: SuggestionsDB, order: readonly string[]): Promise<CuratedList[]> {
  const rows = await db.getAll('lists');
  const rank = (source: string) => {
    const i = order.indexOf(source);
    return i < 0 ? order.length : i;
  };
  rows.sort((a, b) => rank(a.source) - rank(b.source) || a.position - b.position);
  const seen = new Set<string>();
  return rows.flatMap(({ list }) => {
    if (list.status !== 'published' || seen.has(list.id)) return [];
    seen.add(list.id);
    return [list];
  });
}
