import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { randomToken, sha256 } from './random';

export const REGISTER_PATH = '/lti/register';

/**
 * One-time codes for the dynamic-registration URL. The URL must be public (the LMS opens it), so the code is what an
 * administrator hands to the LMS: it stays valid until a registration succeeds with it or it expires.
 */
export function createRegistrationCodes(db: Kysely<Database>, now: () => number) {
  return {
    async issue(options: { ttlMs: number; label?: string }): Promise<string> {
      const code = randomToken(24);
      await db
        .insertInto('registration_codes')
        .values({
          code_hash: sha256(code),
          label: options.label ?? null,
          created_at: now(),
          expires_at: now() + options.ttlMs,
          used_at: null,
          used_by: null,
        })
        .execute();
      return code;
    },

    /**
     * Claims the code for one registration attempt, atomically (two LMS tabs cannot both register with it); throws
     * DR_CODE_INVALID unless it exists, is unclaimed and has not expired.
     */
    async claim(code: string | undefined): Promise<void> {
      const result = code
        ? await db
            .updateTable('registration_codes')
            .set({ used_at: now() })
            .where('code_hash', '=', sha256(code))
            .where('used_at', 'is', null)
            .where('expires_at', '>', now())
            .executeTakeFirst()
        : undefined;
      if (!result || Number(result.numUpdatedRows) !== 1) throw new AppError('DR_CODE_INVALID');
    },

    /** A failed attempt gives the code back, so the administrator can try again with the same link. */
    async release(code: string): Promise<void> {
      await db
        .updateTable('registration_codes')
        .set({ used_at: null })
        .where('code_hash', '=', sha256(code))
        .where('used_by', 'is', null)
        .execute();
    },

    async complete(code: string, issuer: string): Promise<void> {
      await db
        .updateTable('registration_codes')
        .set({ used_by: issuer })
        .where('code_hash', '=', sha256(code))
        .execute();
    },
  };
}

export type RegistrationCodes = ReturnType<typeof createRegistrationCodes>;
