import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt } from '../../test/bench/metrics';
import { LABELLED_CONTEXTS } from '../../test/fixtures/relevance/labelled-contexts';
import sample from '../catalog/sample-catalog.json';
import { generateSyntheticCatalog } from '../catalog/synthetic';
import { CatalogFeed } from '../model/feed';
import { Resource } from '../model/resource';
import { UnitContext } from '../model/unit-context';
import { SearchEngine } from './engine';

const resources = CatalogFeed.parse(sample).resources;
const engine = await SearchEngine.build(resources);
const ids = (results: Array<{ id: string }>) => results.map((r) => r.id);

describe('suggestion engine on the sample catalog', () => {
  it('ranks by topic, grade and subject, and explains each result', () => {
    const [first] = engine.searchText('electric circuits middle school', { limit: 3 });
    expect(first!.id).toBe('phet-circuit-construction-kit-dc');
    expect(first!.explanation).toMatchObject({ terms: ['electric', 'circuits'], bands: ['6-8'] });
  });

  it('tolerates typos and says what it repaired', () => {
    const results = engine.searchText('photosyntesis', { limit: 8 });
    expect(ids(results)).toContain('khan-ms-biology');
    expect(results[0]!.explanation.corrections).toEqual([{ from: 'photosyntesis', to: 'photosynthesis' }]);
  });

  it('matches ISTE codes named in the query', () => {
    const results = engine.searchText('ISTE 1.2.b online safety', { limit: 5 });
    expect(results[0]!.explanation.iste).toContain('1.2.b');
  });

  it('applies hard filters: grade band, ISTE code and fresh certification', () => {
    expect(ids(engine.searchText('fractions', { limit: 20, filters: { bands: ['6-8'] } }))).not.toContain(
      'phet-fraction-matcher',
    );
    for (const r of engine.searchText('coding', { limit: 20, filters: { iste: ['1.5.d'] } })) {
      expect(
        resources.find((x) => x.id === r.id)!.alignments.some((a) => a.framework === 'ISTE' && a.code === '1.5.d'),
      ).toBe(true);
    }
    // ChemVantage's only certifications are from 2019-2020: stale, so it does not count as certified.
    expect(engine.searchText('chemistry', { filters: { certs: ['lti-advantage'] } })).toEqual([]);
  });

  it('drops what the district blocks', () => {
    const blocked = engine.searchText('circuits', {
      limit: 20,
      policy: { blockedIds: new Set(['phet-circuit-construction-kit-dc']), blockedProviders: new Set(['Autodesk']) },
    });
    expect(ids(blocked)).not.toContain('phet-circuit-construction-kit-dc');
    expect(ids(blocked)).not.toContain('tinkercad');
  });

  it('puts a coach pick first among similar resources and says so', () => {
    const without = engine.searchText('photosynthesis', { limit: 5 });
    expect(without[0]!.id).not.toBe('amoeba-sisters');
    const coach = new Map([['amoeba-sisters', { listId: 'l1', listTitle: 'Grade 7 life science picks' }]]);
    const [first] = engine.searchText('photosynthesis', { limit: 5, coach });
    expect(first!.id).toBe('amoeba-sisters');
    expect(first!.explanation.boosts).toContain('coach');
    expect(first!.explanation.coach?.listTitle).toBe('Grade 7 life science picks');
  });

  it('reads a unit context: unit title, items and course name', () => {
    const context = UnitContext.parse({
      lms: 'moodle',
      pageKind: 'module-list',
      unitKey: 'k',
      courseName: 'Science 7',
      unitTitle: 'Photosynthesis',
      itemTitles: ['Plants and light'],
    });
    const results = engine.searchContext(context, { limit: 5 });
    expect(ids(results)).toContain('khan-ms-biology');
    expect(results.find((r) => r.id === 'khan-ms-biology')!.explanation.bands).toEqual(['6-8']);
  });

  it('reaches nDCG@5 ≥ 0.8 on the labelled real-data contexts', () => {
    const scores = LABELLED_CONTEXTS.map((l) =>
      ndcgAt(5, ids(engine.searchContext(UnitContext.parse(l.context), { limit: 5 })), l.relevant),
    );
    expect(LABELLED_CONTEXTS.length).toBeGreaterThanOrEqual(40);
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('index life', () => {
  it('serialises, loads without rebuilding, and answers the same', () => {
    const loaded = SearchEngine.load(structuredClone(engine.columns));
    expect(ids(loaded.searchText('persuasive writing grade 8', { limit: 5 }))).toEqual(
      ids(engine.searchText('persuasive writing grade 8', { limit: 5 })),
    );
  });

  it('refuses an index of another format instead of misreading it', () => {
    expect(() => SearchEngine.load({ ...engine.columns, formatVersion: 1 })).toThrow(TypeError);
  });

  it('applies catalog deltas incrementally: new, changed and removed resources', async () => {
    const base = resources.find((r) => r.id === 'scratch')!;
    const added = Resource.parse({
      ...base,
      id: 'volcano-sim',
      title: 'Volcano eruption simulator',
      keywords: ['volcanoes', 'magma'],
      description: 'Erupt a volcano.',
    });
    const changed = { ...resources.find((r) => r.id === 'phet-density')!, title: 'Density and buoyancy lab (PhET)' };
    const next = await engine.applyChanges([added, changed], ['phet-friction']);
    expect(ids(next.searchText('volcano magma', { limit: 3 }))[0]).toBe('volcano-sim');
    expect(ids(next.searchText('friction heat', { limit: 20 }))).not.toContain('phet-friction');
    expect(ids(next.searchText('buoyancy', { limit: 5 }))[0]).toBe('phet-density');
    expect(next.size).toBe(engine.size);
    expect(ids(engine.searchText('friction heat', { limit: 20 }))).toContain('phet-friction');
  });

  it('yields while building a large index, so a page stays responsive', async () => {
    let yields = 0;
    await SearchEngine.build(resources, { yieldEvery: 50, onYield: async () => void yields++ });
    expect(yields).toBe(Math.floor((resources.length - 1) / 50));
  });
});

describe('synthetic catalog recall', () => {
  it('finds the planted items for clean and typo queries at 1k', async () => {
    const synthetic = generateSyntheticCatalog({ size: 1000, seed: 11 });
    const small = await SearchEngine.build(synthetic.feed.resources.map((r) => Resource.parse(r)));
    const recall = (typo: boolean) =>
      synthetic.judged.reduce(
        (sum, q) => sum + recallAt(10, ids(small.searchText(typo ? q.typoText : q.text)), q.relevant),
        0,
      ) / synthetic.judged.length;
    expect(recall(false)).toBeGreaterThanOrEqual(0.95);
    expect(recall(true)).toBeGreaterThanOrEqual(0.9);
  });
});
