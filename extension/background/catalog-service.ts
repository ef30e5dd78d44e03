import { validateListsFeed } from '../../shared/catalog/lists-feed';
import sampleLists from '../../shared/catalog/sample-lists.json';
import type { CuratedList } from '../../shared/model/curated-list';
import type { Resource } from '../../shared/model/resource';
import type { UnitContext } from '../../shared/model/unit-context';
import type { CoachPick, SearchEngine, SearchResult } from '../../shared/search/engine';
import { loadCatalog, SAMPLE_SOURCE } from '../data/catalog-sync';
import { type CatalogSource, getMeta, type SuggestionsDB } from '../data/db';
import { loadEngine } from '../data/engine';
import { loadLists } from '../data/list-sync';
import type { PolicyRead } from '../data/policy';

export interface SuggestRequest {
  context: UnitContext | null;
  q: string;
  band: string;
  subject: string;
  limit?: number;
}

export interface Suggestion {
  result: SearchResult;
  resource: Resource;
}

/** A coach list with the resources of it the catalog holds (active ones), for browsing. */
export interface ListView {
  list: CuratedList;
  resources: Resource[];
}

export interface SuggestReply {
  suggestions: Suggestion[];
  sample: boolean;
  catalogSize: number;
}

/**
 * The catalog and its engine, held by the background. The overlay runs in a frame inside the LMS page, a third-party
 * context where Chromium may deny IndexedDB (third-party storage blocked), so every view reads through here.
 */
export function createCatalogService(deps: { db: () => Promise<SuggestionsDB>; policy: () => Promise<PolicyRead> }) {
  let loaded:
    | Promise<{
        version: string;
        engine: SearchEngine;
        byId: Map<string, Resource>;
        sample: boolean;
        lists: CuratedList[];
        coach: Map<string, CoachPick>;
      }>
    | undefined;

  async function current() {
    const db = await deps.db();
    const version = `${(await getMeta(db, 'catalogVersion')) ?? 'empty'}/${(await getMeta(db, 'listsVersion')) ?? 'none'}`;
    const cached = loaded && (await loaded);
    if (cached && cached.version === version) return cached;
    loaded = (async () => {
      const policy = await deps.policy();
      const order = policy.policy.catalogUrls.length ? policy.policy.catalogUrls : [SAMPLE_SOURCE];
      const resources = await loadCatalog(db, order);
      const engine = await loadEngine(db, version, async () => resources);
      const sources = await db.getAll('sources');
      const sample = sources.some((s) => s.sample);
      // The district's coach lists when it configures list feeds; the sample lists only with the sample catalog.
      const lists = policy.policy.listUrls.length
        ? await loadLists(db, policy.policy.listUrls)
        : sample
          ? validateListsFeed(sampleLists).lists.filter((l) => l.status === 'published')
          : [];
      return {
        version,
        engine,
        byId: new Map(resources.map((r) => [r.id, r])),
        sample,
        lists,
        coach: coachPicks(lists),
      };
    })();
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  }

  return {
    async suggest(request: SuggestRequest): Promise<SuggestReply> {
      const [state, read] = await Promise.all([current(), deps.policy()]);
      const { policy } = read;
      const options = {
        limit: Math.min(request.limit ?? policy.maxSuggestions, 50),
        coach: state.coach,
        filters: {
          bands: request.band ? [request.band as never] : undefined,
          subjects: request.subject ? [request.subject as never] : undefined,
        },
        policy: {
          blockedIds: new Set(policy.blockedResourceIds),
          blockedProviders: new Set(policy.blockedProviders),
          requiredCerts: policy.requiredCertifications,
          preferredProviders: new Set(policy.preferredProviders),
        },
      };
      const results = request.q.trim()
        ? state.engine.searchText(request.q.slice(0, 200), options)
        : request.context
          ? state.engine.searchContext(request.context, options)
          : state.engine.searchText('', options);
      return {
        suggestions: results.flatMap((result) => {
          const resource = state.byId.get(result.id);
          return resource ? [{ result, resource }] : [];
        }),
        sample: state.sample,
        catalogSize: state.byId.size,
      };
    },
    async resources(ids: readonly string[]): Promise<Resource[]> {
      const state = await current();
      return ids.flatMap((id) => {
        const r = state.byId.get(id);
        return r ? [r] : [];
      });
    },
    async sources(): Promise<CatalogSource[]> {
      return (await deps.db()).getAll('sources');
    },
    async listSources(): Promise<CatalogSource[]> {
      return (await deps.db()).getAll('listSources');
    },
    /** The coach lists teachers see, each with its resources that are in the catalog and active. */
    async lists(): Promise<ListView[]> {
      const state = await current();
      return state.lists.map((list) => ({
        list,
        resources: list.items.flatMap((item) => {
          const resource = state.byId.get(item.resourceId);
          return resource && resource.status === 'active' ? [resource] : [];
        }),
      }));
    },
  };
}

/** Each listed resource with the first list that recommends it: coach picks rank first and say who recommends them. */
function coachPicks(lists: readonly CuratedList[]): Map<string, CoachPick> {
  const picks = new Map<string, CoachPick>();
  for (const list of lists) {
    for (const item of list.items) {
      if (!picks.has(item.resourceId))
        picks.set(item.resourceId, { listId: list.id, listTitle: list.title, note: item.note });
    }
  }
  return picks;
}

export type CatalogService = ReturnType<typeof createCatalogService>;
