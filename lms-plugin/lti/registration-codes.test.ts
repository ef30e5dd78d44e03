import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDatabase, sqliteFileUrl } from '../../test/setup/databases';
import { openStore, type Store } from '../db/connect';
import { createRegistrationCodes } from './registration-codes';

describe.each([
  ['SQLite', () => sqliteFileUrl('codes')],
  ['PostgreSQL', () => createPostgresDatabase('codes')],
])('registration codes on %s', (_engine, databaseUrl) => {
  let store: Store;
  afterEach(() => store?.close());

  it('are claimed by one attempt at a time, given back on failure, and spent on success', async () => {
    store = await openStore(await databaseUrl());
    let t = 1_000_000;
    const codes = createRegistrationCodes(store.db, () => t);
    const code = await codes.issue({ ttlMs: 60_000, label: 'Riverbend Canvas' });
    const racing = await Promise.allSettled([codes.claim(code), codes.claim(code), codes.claim(code)]);
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await codes.release(code);
    await codes.claim(code);
    await codes.complete(code, 'https://canvas.instructure.com');
    await codes.release(code);
    await expect(codes.claim(code)).rejects.toMatchObject({ code: 'DR_CODE_INVALID' });

    const late = await codes.issue({ ttlMs: 60_000 });
    t += 60_001;
    await expect(codes.claim(late)).rejects.toMatchObject({ code: 'DR_CODE_INVALID' });
    await expect(codes.claim(undefined)).rejects.toMatchObject({ code: 'DR_CODE_INVALID' });
    // Only a hash is stored.
    const rows = await store.db.selectFrom('registration_codes').selectAll().execute();
    expect(rows.map((r) => r.code_hash)).not.toContain(code);
  });
});
