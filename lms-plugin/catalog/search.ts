import { SearchEngine } from '../../shared/search/engine';
import type { CatalogStore } from './store';

/**
 * The same engine the extension uses, over the district catalog. Rebuilt when the catalog version changes; a cache
 * per instance (another instance builds its own), never state other instances need.
 */
export function createCatalogSearch(catalog: CatalogStore) {
  let current: { version: string; engine: Promise<SearchEngine> } | undefined;
  return {
    async engine(): Promise<SearchEngine> {
      const version = await catalog.version();
      if (!current || current.version !== version) {
        const engine = catalog.all().then((resources) => SearchEngine.build(resources, { catalogVersion: version }));
        current = { version, engine };
        engine.catch(() => {
          if (current?.engine === engine) current = undefined;
        });
      }
      return current.engine;
    },
  };
}

export type CatalogSearch = ReturnType<typeof createCatalogSearch>;
