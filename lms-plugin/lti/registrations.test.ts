import { afterEach, describe, expect, it } from 'vitest';
import { sqliteFileUrl } from '../../test/setup/databases';
import { openStore, type Store } from '../db/connect';
import { createRegistry } from './registrations';

const base = {
  issuer: 'https://lms.example.edu',
  clientId: 'client-1',
  authUrl: 'https://lms.example.edu/auth',
  jwksUrl: 'https://lms.example.edu/jwks',
  tokenUrl: 'https://lms.example.edu/token',
};

describe('platform registrations', () => {
  let store: Store;
  afterEach(() => store?.close());

  it('keys platforms by (issuer, client_id) and deployments by (issuer, client_id, deployment_id)', async () => {
    store = await openStore(sqliteFileUrl('reg'));
    const registry = createRegistry(store.db, Date.now);
    const a = await registry.add({ ...base, deploymentIds: ['d1'] });
    await registry.add({ ...base, clientId: 'client-2', deploymentIds: ['d1'] });
    expect(await registry.hasDeployment(a, 'd1')).toBe(true);
    expect(await registry.hasDeployment(a, 'd2')).toBe(false);
    expect(await registry.findByIssuer(base.issuer)).toHaveLength(2);
    expect(await registry.remove(base.issuer, 'client-2')).toBe(true);
    expect(await registry.findByIssuer(base.issuer)).toHaveLength(1);
  });

  it('requires https platform URLs except on loopback hosts', async () => {
    store = await openStore(sqliteFileUrl('reg'));
    const registry = createRegistry(store.db, Date.now);
    await expect(registry.add({ ...base, jwksUrl: 'http://lms.example.edu/jwks' })).rejects.toMatchObject({
      code: 'REGISTRATION_INVALID',
      message: expect.stringMatching(/jwks-url must be an https URL/),
    });
    await expect(
      registry.add({ ...base, issuer: 'http://127.0.0.1:8080', jwksUrl: 'http://localhost:8080/jwks' }),
    ).resolves.toBeTruthy();
    await expect(registry.add({ ...base, authUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'REGISTRATION_INVALID',
    });
  });
});
