import { describe, expect, it } from 'vitest';
import { injectBadRecords } from '../../test/fixtures/catalog/bad-records';
import sample from './sample-catalog.json';
import { formatProblem, validateCatalogFeed } from './validate';

describe('catalog feed validation', () => {
  it('accepts the sample catalog with no problems', () => {
    const result = validateCatalogFeed(sample);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.resources.length).toBeGreaterThanOrEqual(150);
    expect(result.envelope?.sample).toBe(true);
  });

  it('reports exactly the injected bad records and keeps every good one', () => {
    const { feed, badIndexes, kinds } = injectBadRecords(sample);
    const result = validateCatalogFeed(feed);
    const reported = [...new Set(result.problems.map((p) => p.index))].sort((a, b) => a - b);
    expect(reported).toEqual(badIndexes);
    expect(result.badRecords).toBe(badIndexes.length);
    expect(result.resources.length).toBe(sample.resources.length);

    const at = (kind: string) => result.problems.filter((p) => p.index === kinds[kind]);
    expect(at('wrong type')[0]).toMatchObject({ path: 'gradeBands', id: 'bad-wrong-type' });
    expect(at('javascript: URL')[0]!.message).toMatch(/https URL/);
    expect(at('HTML in a title')[0]).toMatchObject({ path: 'title', message: 'must be plain text, not HTML' });
    expect(at('unknown ISTE code')[0]).toMatchObject({ path: 'alignments.0.code', code: 'ISTE_CODE_UNKNOWN' });
    expect(at('duplicate id')[0]).toMatchObject({ code: 'CATALOG_DUPLICATE_ID' });
    expect(at('missing URL')[0]).toMatchObject({ path: 'url' });
    expect(at('invented certification')[0]).toMatchObject({ path: 'certifications.0.standard' });
  });

  it('rejects a feed whose envelope is wrong, and reads no record from it', () => {
    const result = validateCatalogFeed({ ...sample, schemaVersion: 2 });
    expect(result.envelopeValid).toBe(false);
    expect(result.resources).toEqual([]);
    expect(result.problems[0]).toMatchObject({ index: -1, path: 'schemaVersion', code: 'CATALOG_INVALID' });
    expect(validateCatalogFeed('not a feed').envelopeValid).toBe(false);
  });

  it('reports progress for large feeds', () => {
    const seen: number[] = [];
    validateCatalogFeed(sample, { onProgress: (done) => seen.push(done), progressEvery: 100 });
    expect(seen).toEqual([100, 200, sample.resources.length]);
  });
});
