import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, sqliteFileUrl } from '../setup/databases';
import { createHarness, type Harness, loadVectors, resolveVector } from './vector-harness';

const vectors = loadVectors();
const idTokens = [...vectors.values()].filter((v) => v.kind === 'id_token');
const logins = [...vectors.values()].filter((v) => v.kind === 'login_initiation');

describe.each([
  ['SQLite', () => sqliteFileUrl('vectors')],
  ['PostgreSQL', () => createPostgresDatabase('vectors')],
])('LTI vectors through the real HTTP endpoints (%s)', (_engine, databaseUrl) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(await databaseUrl());
  });
  afterAll(() => harness.close());

  it.each(idTokens.map((v) => [v.id, v] as const))('%s', async (_id, vector) => {
    const resolved = resolveVector(vector, vectors);
    const issuer = (resolved.registration as { issuer: string }).issuer;
    const sessionsBefore = await harness.sessionCount();
    const fetchesBefore = harness.jwksFetches.get(issuer) ?? 0;
    const outcomes = await harness.runIdToken(resolved);
    const last = outcomes[outcomes.length - 1]!;

    if (vector.expect === 'valid') {
      expect(last.status, JSON.stringify(last.body)).toBe(200);
      expect(await harness.sessionCount()).toBe(sessionsBefore + 1);
      const launch = last.body.launch as Record<string, unknown>;
      const asserts = (vector.assert ?? {}) as Record<string, unknown>;
      const read: Record<string, (l: Record<string, unknown>) => unknown> = {
        'platform.family': (l) => l.platformFamily,
        'roles.isInstructor': (l) => l.roleClass === 'instructor',
        'custom.resource_id': (l) => (l.custom as Record<string, string>).resource_id,
        'dl.acceptsLtiResourceLink': (l) =>
          (l.deepLinking as { acceptTypes: string[] }).acceptTypes.includes('ltiResourceLink'),
        'dl.acceptMultiple': (l) => (l.deepLinking as { acceptMultiple: boolean }).acceptMultiple,
        'dl.data': (l) => (l.deepLinking as { data?: string }).data ?? null,
        'user.anonymous': (l) => l.userId === undefined,
      };
      for (const [name, value] of Object.entries(asserts)) {
        if (read[name]) expect(read[name]!(launch), name).toEqual(value);
      }
      return;
    }
    const accepted = [vector.expect, ...(vector.also_acceptable ?? [])];
    if (vector.replay) expect(outcomes[0]!.status, 'the first post of a replayed launch is accepted').toBe(200);
    expect(last.status).toBeGreaterThanOrEqual(400);
    expect(last.status).toBeLessThan(500);
    expect(accepted).toContain(last.body.error);
    expect(typeof last.body.message).toBe('string');
    expect(await harness.sessionCount()).toBe(sessionsBefore + (vector.replay ? 1 : 0));
    if (vector.expect === 'KID_UNKNOWN') {
      expect((harness.jwksFetches.get(issuer) ?? 0) - fetchesBefore).toBeLessThanOrEqual(1);
    }
  });

  it.each(logins.map((v) => [v.id, v] as const))('%s', async (_id, vector) => {
    const outcome = await harness.runLogin(vector);
    if (vector.expect !== 'valid') {
      expect(outcome.status).toBeGreaterThanOrEqual(400);
      expect(outcome.status).toBeLessThan(500);
      expect([vector.expect, ...(vector.also_acceptable ?? [])]).toContain(outcome.body.error);
      return;
    }
    const expected = vector.expect_auth_request as { endpoint: string; params: Record<string, string> };
    expect(outcome.location, JSON.stringify(outcome.body)).toBeDefined();
    expect(`${outcome.location!.origin}${outcome.location!.pathname}`).toBe(expected.endpoint);
    for (const [key, value] of Object.entries(expected.params)) {
      const actual = outcome.location!.searchParams.get(key);
      if (value.startsWith('<')) {
        expect(actual, key).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      } else {
        expect(actual, key).toBe(value.split('https://tool.example.org').join(harness.toolUrl));
      }
    }
    expect(outcome.state).not.toBe(outcome.nonce);
  });
});
