import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config';
import { openStore, type Store } from '../db/connect';
import type { CommandIo } from './io';

/** The flag every data command takes; DATABASE_URL otherwise, then the embedded default. */
export const dbFlags = { 'database-url': { type: 'string' } } as const;

/** Opens (and migrates) the configured database for one command, and closes it afterwards. */
export async function withStore<T>(databaseUrl: string | undefined, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig({ 'database-url': databaseUrl }).databaseUrl);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** A JSON file's content, or undefined after saying plainly why it could not be read. */
export async function readJsonFile(file: string, io: CommandIo): Promise<{ value: unknown } | undefined> {
  try {
    return { value: JSON.parse(await readFile(file, 'utf8')) };
  } catch (error) {
    io.err(`${file}: not readable JSON: ${(error as Error).message}`);
    return undefined;
  }
}
