import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../../shared/errors';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

const INT8_OID = 20;

/** `sqlite:./data/tool.db`, `sqlite::memory:` or `postgres://user@host:port/db`. */
export function parseDatabaseUrl(url: string): { engine: Engine; target: string } {
  if (url.startsWith('sqlite:')) return { engine: 'sqlite', target: url.slice('sqlite:'.length) };
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', target: url };
  throw new AppError(
    'CONFIG_INVALID',
    `DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:")`,
  );
}

export async function openStore(url: string): Promise<Store> {
  const { engine, target } = parseDatabaseUrl(url);
  let db: Kysely<Database>;
  if (engine === 'sqlite') {
    if (target !== ':memory:') mkdirSync(dirname(resolve(target)), { recursive: true });
    const database = new SQLite(target);
    // WAL lets readers run beside the one writer; busy_timeout waits out a second process's write instead of failing.
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  } else {
    const pool = new pg.Pool({
      connectionString: target,
      max: 10,
      // Times are bigint epoch milliseconds; read them back as numbers, as SQLite does.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new AppError('CONFIG_INVALID', `database migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  }
  return { db, engine, close: () => db.destroy() };
}
