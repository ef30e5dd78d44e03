import type { Kysely } from 'kysely';
import { formatListProblem, validateListsFeed } from '../../shared/catalog/lists-feed';
import { AppError } from '../../shared/errors';
import type { CuratedList } from '../../shared/model/curated-list';
import type { CoachPick } from '../../shared/search/engine';
import type { Database } from '../db/schema';

/** Coach and district lists: what teachers see first, and what exports as a Thin Common Cartridge. */
export function createListStore(db: Kysely<Database>) {
  return {
    /** Imports lists one by one: a bad list is reported and leaves the stored version of that list as it was. */
    async import(raw: unknown): Promise<{ imported: number; problems: string[] }> {
      const result = validateListsFeed(raw);
      if (!result.envelopeValid) throw new AppError('CATALOG_INVALID', 'a lists file is {"lists": [...]}');
      for (const list of result.lists) {
        const row = { data: JSON.stringify(list), updated_at: Date.parse(list.updatedAt) };
        await db
          .insertInto('curated_lists')
          .values({ id: list.id, ...row })
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
      }
      return { imported: result.lists.length, problems: result.problems.map(formatListProblem) };
    },

    async all(): Promise<CuratedList[]> {
      const rows = await db.selectFrom('curated_lists').select('data').orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.data) as CuratedList);
    },

    async get(id: string): Promise<CuratedList | undefined> {
      const row = await db.selectFrom('curated_lists').select('data').where('id', '=', id).executeTakeFirst();
      return row && (JSON.parse(row.data) as CuratedList);
    },

    /** Each listed resource with the first published list that recommends it, for ranking and "recommended by". */
    async coachPicks(): Promise<Map<string, CoachPick>> {
      const picks = new Map<string, CoachPick>();
      for (const list of await this.all()) {
        if (list.status !== 'published') continue;
        for (const item of list.items) {
          if (!picks.has(item.resourceId))
            picks.set(item.resourceId, { listId: list.id, listTitle: list.title, note: item.note });
        }
      }
      return picks;
    },
  };
}

export type ListStore = ReturnType<typeof createListStore>;
