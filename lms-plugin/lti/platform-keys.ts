import { importJWK, type JWK } from 'jose';
import { AppError } from '../../shared/errors';

export interface PlatformKeysOptions {
  fetch?: typeof fetch;
  now?: () => number;
  userAgent: string;
  /** At most one refetch per key set in this window after a kid miss (a bad kid must not hammer the LMS). */
  refetchCooldownMs?: number;
  /** Key sets older than this are fetched again on the next launch. */
  maxAgeMs?: number;
}

interface CachedSet {
  keys: Map<string, JWK>;
  fetchedAt: number;
}

/**
 * Platform key sets, cached per JWKS URL and keyed by `kid`; one rate-limited refetch on a miss (platforms rotate:
 * Canvas hourly, Brightspace publishes many keys). A cache, not state: a second instance simply fetches its own.
 */
export function createPlatformKeys(options: PlatformKeysOptions) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cooldown = options.refetchCooldownMs ?? 30_000;
  const maxAge = options.maxAgeMs ?? 3_600_000;
  const cache = new Map<string, CachedSet>();
  const inflight = new Map<string, Promise<CachedSet>>();
  let fetches = 0;

  async function load(url: string): Promise<CachedSet> {
    const pending = inflight.get(url);
    if (pending) return pending;
    const promise = (async () => {
      fetches += 1;
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { accept: 'application/json', 'user-agent': options.userAgent },
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new AppError(
          'JWKS_UNAVAILABLE',
          `the platform key set at ${url} could not be fetched`,
          {},
          { cause: error },
        );
      }
      if (!response.ok)
        throw new AppError('JWKS_UNAVAILABLE', `the platform key set at ${url} answered ${response.status}`);
      const body = (await response.json().catch(() => undefined)) as { keys?: unknown } | undefined;
      if (!body || !Array.isArray(body.keys))
        throw new AppError('JWKS_UNAVAILABLE', `${url} is not a JSON Web Key Set`);
      const keys = new Map<string, JWK>();
      for (const key of body.keys as JWK[]) if (key && typeof key.kid === 'string') keys.set(key.kid, key);
      const set = { keys, fetchedAt: now() };
      cache.set(url, set);
      return set;
    })();
    inflight.set(url, promise);
    try {
      return await promise;
    } finally {
      inflight.delete(url);
    }
  }

  return {
    /** The public key for `kid`, or undefined when the platform does not publish it even after one refetch. */
    async find(url: string, kid: string): Promise<{ jwk: JWK; key?: CryptoKey } | undefined> {
      let set = cache.get(url);
      if (!set || now() - set.fetchedAt > maxAge) set = await load(url);
      let jwk = set.keys.get(kid);
      if (!jwk && now() - set.fetchedAt >= cooldown) {
        set = await load(url);
        jwk = set.keys.get(kid);
      }
      if (!jwk) return undefined;
      // A key that is not an RSA key cannot verify RS256: the caller reports SIGNATURE_INVALID.
      const key = (await importJWK(jwk, 'RS256').catch(() => undefined)) as CryptoKey | undefined;
      return { jwk, key };
    },
    /** For tests and metrics: how many key-set fetches went out. */
    get fetchCount() {
      return fetches;
    },
  };
}

export type PlatformKeys = ReturnType<typeof createPlatformKeys>;
