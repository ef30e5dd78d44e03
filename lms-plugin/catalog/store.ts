import type { Kysely } from 'kysely';
import { formatProblem, type RecordProblem, validateCatalogFeed } from '../../shared/catalog/validate';
import { AppError } from '../../shared/errors';
import type { CatalogFeed } from '../../shared/model/feed';
import type { Resource } from '../../shared/model/resource';
import type { Database } from '../db/schema';
import { sha256 } from '../lti/random';

export interface ImportReport {
  imported: number;
  skipped: number;
  removed: number;
  problems: RecordProblem[];
}

/**
 * The district catalog in the tool's database: what the picker searches and what every inserted link resolves
 * through. An import validates record by record; bad records are reported and leave the stored version of that
 * resource as it was, and a bad envelope changes nothing at all.
 */
export function createCatalogStore(db: Kysely<Database>, now: () => number) {
  const setMeta = (tx: Kysely<Database>, key: string, value: string) =>
    tx
      .insertInto('catalog_meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();

  return {
    async import(raw: unknown, options: { prune?: boolean } = {}): Promise<ImportReport> {
      const result = validateCatalogFeed(raw);
      if (!result.envelopeValid) {
        throw new AppError('CATALOG_INVALID', result.problems.map(formatProblem).join('; '), {
          problems: result.problems,
        });
      }
      const t = now();
      let removed = 0;
      await db.transaction().execute(async (tx) => {
        for (const resource of result.resources) {
          const row = {
            data: JSON.stringify(resource),
            status: resource.status,
            updated_at: Date.parse(resource.updatedAt) || t,
          };
          await tx
            .insertInto('resources')
            .values({ id: resource.id, ...row })
            .onConflict((oc) => oc.column('id').doUpdateSet(row))
            .execute();
        }
        if (options.prune) {
          // Only records absent from the feed go; a record present but invalid keeps its last good version.
          const keep = new Set([
            ...result.resources.map((r) => r.id),
            ...result.problems.map((p) => p.id).filter((id): id is string => Boolean(id)),
          ]);
          const existing = await tx.selectFrom('resources').select('id').execute();
          const gone = existing.map((r) => r.id).filter((id) => !keep.has(id));
          for (let i = 0; i < gone.length; i += 500) {
            await tx
              .deleteFrom('resources')
              .where('id', 'in', gone.slice(i, i + 500))
              .execute();
          }
          removed = gone.length;
        }
        await setMeta(tx, 'publisher', JSON.stringify(result.envelope!.publisher));
        await setMeta(tx, 'generatedAt', result.envelope!.generatedAt);
        await setMeta(tx, 'sample', String(result.envelope!.sample));
        await setMeta(tx, 'version', sha256(`${t}:${result.resources.length}:${Math.random()}`));
      });
      return { imported: result.resources.length, skipped: result.badRecords, removed, problems: result.problems };
    },

    async get(id: string): Promise<Resource | undefined> {
      const row = await db.selectFrom('resources').select('data').where('id', '=', id).executeTakeFirst();
      return row && (JSON.parse(row.data) as Resource);
    },

    async all(): Promise<Resource[]> {
      const rows = await db.selectFrom('resources').select('data').orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.data) as Resource);
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('resources')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Changes with every import: the ETag of /api/catalog. */
    async version(): Promise<string> {
      const row = await db.selectFrom('catalog_meta').select('value').where('key', '=', 'version').executeTakeFirst();
      return row?.value ?? 'empty';
    },

    async meta(): Promise<{ sample: boolean; publisher?: string; generatedAt?: string }> {
      const rows = await db.selectFrom('catalog_meta').selectAll().execute();
      const meta: Record<string, string | undefined> = Object.fromEntries(rows.map((r) => [r.key, r.value]));
      return { sample: meta.sample === 'true', publisher: meta.publisher, generatedAt: meta.generatedAt };
    },

    async feed(): Promise<CatalogFeed> {
      const meta = await this.meta();
      return {
        schemaVersion: 1,
        publisher: meta.publisher ? JSON.parse(meta.publisher) : { name: 'District catalog' },
        generatedAt: meta.generatedAt ?? new Date(now()).toISOString(),
        sample: meta.sample,
        resources: await this.all(),
      };
    },
  };
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;
