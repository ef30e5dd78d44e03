import type { Resource } from '../../shared/model/resource';
import { SearchEngine } from '../../shared/search/engine';
import { INDEX_FORMAT_VERSION } from '../../shared/search/index-data';
import type { SuggestionsDB } from './db';

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The search engine for the current catalog: loaded from IndexedDB when the stored index matches the catalog version
 * (no rebuild), else built in slices that yield to the page, then stored. An index of another format is rebuilt.
 */
export async function loadEngine(
  db: SuggestionsDB,
  version: string,
  resources: () => Promise<Resource[]>,
): Promise<SearchEngine> {
  const stored = await db.get('index', 'main');
  if (stored && stored.catalogVersion === version && stored.columns.formatVersion === INDEX_FORMAT_VERSION) {
    try {
      return SearchEngine.load(stored.columns);
    } catch {
      // fall through to a rebuild
    }
  }
  const engine = await SearchEngine.build(await resources(), {
    catalogVersion: version,
    yieldEvery: 1000,
    onYield: yieldToPage,
  });
  await db.put('index', { catalogVersion: version, columns: engine.columns }, 'main');
  return engine;
}
