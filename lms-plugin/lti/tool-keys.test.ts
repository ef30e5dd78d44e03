import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDatabase, sqliteFileUrl } from '../../test/setup/databases';
import { openStore, type Store } from '../db/connect';
import { createToolKeys } from './tool-keys';

describe.each([
  ['SQLite', () => sqliteFileUrl('keys')],
  ['PostgreSQL', () => createPostgresDatabase('keys')],
])('tool keys on %s', (_engine, url) => {
  let store: Store;
  afterEach(() => store?.close());

  it('publishes the next key before it signs, and keeps the old key for the grace period', async () => {
    store = await openStore(await url());
    let now = Date.parse('2026-11-27T10:00:00Z');
    const keys = createToolKeys(store.db, () => now);
    await keys.ensure();
    const before = await keys.publicJwks();
    expect(before.keys).toHaveLength(2);
    const signer = await keys.signingKey();
    expect(before.keys[0]!.kid).toBe(signer.kid);
    const nextKid = before.keys[1]!.kid;
    const oldToken = await new SignJWT({ hello: 'world' })
      .setProtectedHeader({ alg: 'RS256', kid: signer.kid })
      .sign(signer.key);

    const rotated = await keys.rotate(7 * 86_400_000);
    expect(rotated.current).toBe(nextKid);
    expect((await keys.signingKey()).kid).toBe(nextKid);
    const during = await keys.publicJwks();
    expect(during.keys.map((k) => k.kid).sort()).toEqual([signer.kid, nextKid, rotated.next].sort());
    // A response signed just before the rotation still verifies against what we publish.
    await expect(jwtVerify(oldToken, createLocalJWKSet(during))).resolves.toBeTruthy();
    for (const key of during.keys) expect(key).not.toHaveProperty('d');

    now += 8 * 86_400_000;
    const after = await keys.publicJwks();
    expect(after.keys.map((k) => k.kid)).not.toContain(signer.kid);
    await expect(jwtVerify(oldToken, createLocalJWKSet(after))).rejects.toThrow();
  });

  it('creates one signing key even when two instances start together', async () => {
    store = await openStore(await url());
    const a = createToolKeys(store.db, Date.now);
    const b = createToolKeys(store.db, Date.now);
    await Promise.all([a.ensure(), b.ensure()]);
    expect((await a.publicJwks()).keys).toHaveLength(2);
    expect((await a.signingKey()).kid).toBe((await b.signingKey()).kid);
  });
});
