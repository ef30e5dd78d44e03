import { describe, expect, it } from 'vitest';
import { Resource } from '../model/resource';
import { generateSyntheticCatalog } from './synthetic';

describe('synthetic catalog generator', () => {
  const catalog = generateSyntheticCatalog({ size: 1000, seed: 7 });

  it('is reproducible for a seed', () => {
    const again = generateSyntheticCatalog({ size: 1000, seed: 7 });
    expect(again.feed.resources.map((r) => r.title)).toEqual(catalog.feed.resources.map((r) => r.title));
    expect(generateSyntheticCatalog({ size: 1000, seed: 8 }).feed.resources[0]!.title).not.toBe(
      catalog.feed.resources[0]!.title,
    );
  });

  it('makes valid resources', () => {
    expect(catalog.feed.resources).toHaveLength(1000);
    for (const record of catalog.feed.resources.slice(0, 200)) expect(Resource.safeParse(record).success).toBe(true);
  });

  it('plants five relevant resources per judged query', () => {
    expect(catalog.judged).toHaveLength(40);
    const ids = new Set(catalog.feed.resources.map((r) => r.id));
    for (const query of catalog.judged) {
      expect(query.relevant).toHaveLength(5);
      for (const id of query.relevant) expect(ids.has(id)).toBe(true);
      const planted = catalog.feed.resources.find((r) => r.id === query.relevant[0])!;
      expect(planted.title.toLowerCase()).toContain(query.facets.topic);
      if (query.facets.band) expect(planted.gradeBands).toContain(query.facets.band);
    }
  });

  it('has 200 queries, a quarter of them with typos', () => {
    expect(catalog.queries).toHaveLength(200);
    expect(catalog.queries.filter((q) => q.typo)).toHaveLength(50);
    const typoed = catalog.judged.filter((q) => q.typoText !== q.text);
    expect(typoed.length).toBeGreaterThan(35);
  });
});
