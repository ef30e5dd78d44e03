import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import type { Launch } from './launch';
import { randomToken, sha256 } from './random';

/** A teacher may spend a while choosing resources in the picker. */
export const SESSION_TTL_MS = 2 * 60 * 60_000;

/**
 * Server-side launch sessions, referenced by a token the page carries (a hidden field or header), not only a cookie:
 * LMS iframes often block third-party cookies. Only the token's hash is stored.
 */
export function createSessions(db: Kysely<Database>, now: () => number) {
  return {
    async create(launch: Launch, options: { confirmed: boolean; state?: string }): Promise<string> {
      const token = randomToken(32);
      const t = now();
      await db
        .insertInto('sessions')
        .values({
          token_hash: sha256(token),
          issuer: launch.issuer,
          client_id: launch.clientId,
          deployment_id: launch.deploymentId,
          message_type: launch.messageType,
          launch: JSON.stringify(launch),
          confirmed: options.confirmed ? 1 : 0,
          binding_state: options.state ? sha256(options.state) : null,
          created_at: t,
          expires_at: t + SESSION_TTL_MS,
        })
        .execute();
      if (Math.random() < 0.02) await db.deleteFrom('sessions').where('expires_at', '<', t).execute();
      return token;
    },

    /** The launch behind a token; throws SESSION_MISSING / SESSION_EXPIRED. Unconfirmed sessions are refused. */
    async get(token: string | undefined): Promise<Launch> {
      if (!token) throw new AppError('SESSION_MISSING');
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!row) throw new AppError('SESSION_MISSING');
      if (row.expires_at < now()) throw new AppError('SESSION_EXPIRED');
      if (row.confirmed !== 1)
        throw new AppError('SESSION_MISSING', 'This session is waiting for the LMS to confirm it.');
      return JSON.parse(row.launch) as Launch;
    },

    /** Confirms a session once the platform's storage returned the same state this login stored there. */
    async confirm(token: string, state: string): Promise<boolean> {
      const result = await db
        .updateTable('sessions')
        .set({ confirmed: 1 })
        .where('token_hash', '=', sha256(token))
        .where('binding_state', '=', sha256(state))
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
