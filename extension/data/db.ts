import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { RecordProblem } from '../../shared/catalog/validate';
import type { CuratedList } from '../../shared/model/curated-list';
import type { Resource } from '../../shared/model/resource';
import type { IndexColumns } from '../../shared/search/index-data';

/**
 * The extension's storage, one typed and versioned IndexedDB schema shared by the background and the extension pages
 * (they are one origin). A content script never opens it: its IndexedDB would be the LMS page's.
 */
export const DB_NAME = 'iste-suggestions';
export const DB_VERSION = 2;

export interface CatalogSource {
  /** The feed URL, or `bundled:sample` for the catalog shipped in the extension. */
  id: string;
  etag?: string;
  lastAttemptAt?: number;
  lastGoodAt?: number;
  lastError?: string;
  publisher?: string;
  sample: boolean;
  total: number;
  good: number;
  badRecords: number;
  problems: RecordProblem[];
}

export interface CartItem {
  resourceId: string;
  addedAt: number;
}

export interface Cart {
  unitKey: string;
  lms: string;
  unitTitle?: string;
  courseName?: string;
  items: CartItem[];
  updatedAt: number;
}

export interface StoredResource {
  key: string;
  source: string;
  resource: Resource;
}

export interface StoredList {
  key: string;
  source: string;
  /** Its place in the feed: the district's order is the order teachers see. */
  position: number;
  list: CuratedList;
}

export interface SuggestionsSchema extends DBSchema {
  resources: { key: string; value: StoredResource; indexes: { bySource: string } };
  sources: { key: string; value: CatalogSource };
  index: { key: string; value: { catalogVersion: string; columns: IndexColumns } };
  carts: { key: string; value: Cart; indexes: { byUpdated: number } };
  meta: { key: string; value: { key: string; value: string } };
  /** Coach lists from the district's list feeds (v2), and each feed's health. */
  lists: { key: string; value: StoredList; indexes: { bySource: string } };
  listSources: { key: string; value: CatalogSource };
}

export type SuggestionsDB = IDBPDatabase<SuggestionsSchema>;

export function openSuggestionsDb(): Promise<SuggestionsDB> {
  return openDB<SuggestionsSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each step migrates from one version to the next; add a step per version, never edit a past one.
      if (oldVersion < 1) {
        const resources = db.createObjectStore('resources', { keyPath: 'key' });
        resources.createIndex('bySource', 'source');
        db.createObjectStore('sources', { keyPath: 'id' });
        db.createObjectStore('index');
        const carts = db.createObjectStore('carts', { keyPath: 'unitKey' });
        carts.createIndex('byUpdated', 'updatedAt');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const lists = db.createObjectStore('lists', { keyPath: 'key' });
        lists.createIndex('bySource', 'source');
        db.createObjectStore('listSources', { keyPath: 'id' });
      }
    },
  });
}

export async function getMeta(db: SuggestionsDB, key: string): Promise<string | undefined> {
  return (await db.get('meta', key))?.value;
}

export async function setMeta(db: SuggestionsDB, key: string, value: string): Promise<void> {
  await db.put('meta', { key, value });
}
