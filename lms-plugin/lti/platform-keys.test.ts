import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createPlatformKeys } from './platform-keys';

/** The key-set fetch is replaced by a counting function here: this test is about caching, not HTTP (mocked fetch). */
describe('platform key sets (mocked fetch)', () => {
  it('caches by kid, refetches once on a miss after the cooldown, and sends a User-Agent', async () => {
    const { publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1' };
    const calls: string[] = [];
    let now = 0;
    const keys = createPlatformKeys({
      userAgent: 'test-agent',
      now: () => now,
      refetchCooldownMs: 30_000,
      fetch: (async (_url: string, init: RequestInit) => {
        calls.push(new Headers(init.headers).get('user-agent')!);
        return new Response(JSON.stringify({ keys: [jwk] }));
      }) as typeof fetch,
    });
    expect((await keys.find('https://lms/jwks', 'k1'))?.key).toBeTruthy();
    expect(await keys.find('https://lms/jwks', 'k1')).toBeTruthy();
    expect(calls).toEqual(['test-agent']);
    expect(await keys.find('https://lms/jwks', 'missing')).toBeUndefined();
    expect(calls).toHaveLength(1);
    now += 31_000;
    expect(await keys.find('https://lms/jwks', 'missing')).toBeUndefined();
    expect(await keys.find('https://lms/jwks', 'missing')).toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it('reports an unreachable key set as JWKS_UNAVAILABLE', async () => {
    const keys = createPlatformKeys({
      userAgent: 'x',
      fetch: (async () => new Response('nope', { status: 503 })) as unknown as typeof fetch,
    });
    await expect(keys.find('https://lms/jwks', 'k')).rejects.toMatchObject({ code: 'JWKS_UNAVAILABLE' });
  });
});
