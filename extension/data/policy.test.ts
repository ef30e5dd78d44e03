import { describe, expect, it } from 'vitest';
import { readManagedPolicy } from './policy';

describe('reading the managed policy', () => {
  it('applies what the district set and lists it as managed', async () => {
    const read = await readManagedPolicy({
      get: async () => ({ districtId: 'd-1', catalogUrls: ['https://c.example/feed.json'] }),
    });
    expect(read).toMatchObject({ status: 'ok', managedKeys: ['districtId', 'catalogUrls'] });
    expect(read.policy.catalogUrls).toEqual(['https://c.example/feed.json']);
  });

  it('gives up on a managed store that never answers (Chromium can hang) and says so', async () => {
    const read = await readManagedPolicy({ get: () => new Promise(() => {}) }, 50);
    expect(read.status).toBe('timeout');
    expect(read.policy.catalogUrls).toEqual([]);
  });

  it('treats a throwing store (Firefox with nothing configured) as no policy', async () => {
    const read = await readManagedPolicy({
      get: async () => Promise.reject(new Error('Managed storage manifest not found')),
    });
    expect(read.status).toBe('none');
  });

  it('reports wrong types and keeps the rest', async () => {
    const read = await readManagedPolicy({ get: async () => ({ maxSuggestions: 'lots', districtName: 'Riverbend' }) });
    expect(read.problems.map((p) => p.key)).toEqual(['maxSuggestions']);
    expect(read.policy.districtName).toBe('Riverbend');
  });
});
