import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { RecordProblem } from '../../shared/catalog/validate';
import type { Resource } from '../../shared/model/resource';
import type { IndexColumns } from '../../shared/search/index-data';

/**
 * The extension's storage, one typed and versioned IndexedDB schema shared by the background and the extension pages
 * (they are one origin). A content script never opens it: its IndexedDB would be the LMS page's.
 */
export const DB_NAME = 'iste-suggestions';
export const DB_VERSION = 1;

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

export interface SuggestionsSchema extends DBSchema {
  resources: { key: string; value: StoredResource; indexes: { bySource: string } };
  sources: { key: string; value: CatalogSource };
  index: { key: string; value: { catalogVersion: string; columns: IndexColumns } };
  carts: { key: string; value: Cart; indexes: { byUpdated: number } };
  meta: { key: string; value: { key: string; value: string } };
}

export type SuggestionsDB = IDBPDatabase<SuggestionsSchema>;

export function openSuggestionsDb(): Promise<SuggestionsDB> {
  return openDB<SuggestionsSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each case migrates from one version to the next; add a case per version, never edit a past one.
      switch (oldVersion) {
        case 0: {
          const resources = db.createObjectStore('resources', { keyPath: 'key' });
          resources.createIndex('bySource', 'source');
          db.createObjectStore('sources', { keyPath: 'id' });
          db.createObjectStore('index');
          const carts = db.createObjectStore('carts', { keyPath: 'unitKey' });
          carts.createIndex('byUpdated', 'updatedAt');
          db.createObjectStore('meta', { keyPath: 'key' });
        }
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
