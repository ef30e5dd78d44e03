import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from './random';

const ALG = 'RS256';

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

async function newKey(now: number) {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
  const kid = `${new Date(now).toISOString().slice(0, 10)}-${randomToken(6)}`;
  const pub = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  const priv = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
  return { kid, private_jwk: JSON.stringify(priv), public_jwk: JSON.stringify(pub), created_at: now };
}

/**
 * The tool's RSA keys, kept in the database so every instance signs with the same key. A `next` key is published
 * before it signs anything (platforms cache key sets, Canvas fetches on each response); `keys rotate` promotes it and
 * keeps the old key published for a grace period so responses signed just before the rotation still verify.
 */
export function createToolKeys(db: Kysely<Database>, now: () => number) {
  const imported = new Map<string, CryptoKey>();

  async function ensure(): Promise<void> {
    try {
      await createMissing();
    } catch (error) {
      // Another instance created the same role's key first (unique index): theirs is as good as ours.
      if (
        (await db.selectFrom('tool_keys').select('kid').where('status', 'in', ['current', 'next']).execute()).length < 2
      )
        throw error;
    }
  }

  async function createMissing(): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('tool_keys').select(['status']).execute();
      if (!rows.some((r) => r.status === 'current')) {
        await tx
          .insertInto('tool_keys')
          .values({ ...(await newKey(now())), status: 'current', retire_after: null })
          .execute();
      }
      if (!rows.some((r) => r.status === 'next')) {
        await tx
          .insertInto('tool_keys')
          .values({ ...(await newKey(now())), status: 'next', retire_after: null })
          .execute();
      }
    });
  }

  return {
    ensure,

    /** Promotes `next` to `current`, retires the old `current` after `graceMs`, and publishes a fresh `next`. */
    async rotate(graceMs: number): Promise<{ current: string; retired: string[]; next: string }> {
      await ensure();
      return db.transaction().execute(async (tx) => {
        const t = now();
        const current = await tx
          .selectFrom('tool_keys')
          .select('kid')
          .where('status', '=', 'current')
          .executeTakeFirstOrThrow();
        const next = await tx
          .selectFrom('tool_keys')
          .select('kid')
          .where('status', '=', 'next')
          .executeTakeFirstOrThrow();
        await tx
          .updateTable('tool_keys')
          .set({ status: 'retired', retire_after: t + graceMs })
          .where('kid', '=', current.kid)
          .execute();
        await tx.updateTable('tool_keys').set({ status: 'current' }).where('kid', '=', next.kid).execute();
        const fresh = await newKey(t);
        await tx
          .insertInto('tool_keys')
          .values({ ...fresh, status: 'next', retire_after: null })
          .execute();
        await tx.deleteFrom('tool_keys').where('status', '=', 'retired').where('retire_after', '<', t).execute();
        return { current: next.kid, retired: [current.kid], next: fresh.kid };
      });
    },

    /** The published key set: current, next, and retired keys still in their grace period. */
    async publicJwks(): Promise<{ keys: JWK[] }> {
      const t = now();
      const rows = await db.selectFrom('tool_keys').select(['public_jwk', 'status', 'retire_after']).execute();
      const order = { current: 0, next: 1, retired: 2 } as const;
      return {
        keys: rows
          .filter((r) => r.status !== 'retired' || (r.retire_after ?? 0) > t)
          .sort((a, b) => order[a.status] - order[b.status])
          .map((r) => JSON.parse(r.public_jwk) as JWK),
      };
    },

    async signingKey(): Promise<SigningKey> {
      let row = await db
        .selectFrom('tool_keys')
        .select(['kid', 'private_jwk'])
        .where('status', '=', 'current')
        .executeTakeFirst();
      if (!row) {
        await ensure();
        row = await db
          .selectFrom('tool_keys')
          .select(['kid', 'private_jwk'])
          .where('status', '=', 'current')
          .executeTakeFirstOrThrow();
      }
      let key = imported.get(row.kid);
      if (!key) {
        key = (await importJWK(JSON.parse(row.private_jwk) as JWK, ALG)) as CryptoKey;
        imported.set(row.kid, key);
      }
      return { kid: row.kid, key };
    },
  };
}

export type ToolKeys = ReturnType<typeof createToolKeys>;
