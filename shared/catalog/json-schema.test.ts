import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { injectBadRecords } from '../../test/fixtures/catalog/bad-records';
import { catalogFeedJsonSchemaText } from './json-schema';
import sample from './sample-catalog.json';

const committedPath = new URL('./catalog-feed.schema.json', import.meta.url);

function compile() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(committedPath, 'utf8')));
}

describe('catalog-feed.schema.json', () => {
  it('is up to date with the zod model (run `npm run schema:generate` if this fails)', () => {
    expect(readFileSync(committedPath, 'utf8')).toBe(catalogFeedJsonSchemaText());
  });

  it('validates the sample catalog with a standard JSON Schema validator', () => {
    const validate = compile();
    expect(validate(sample), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects the feed with injected bad records', () => {
    const validate = compile();
    expect(validate(injectBadRecords(sample).feed)).toBe(false);
  });

  it('rejects each bad record on its own, except the duplicate id that JSON Schema cannot express', () => {
    const validate = compile();
    const { feed, kinds } = injectBadRecords(sample);
    for (const [kind, index] of Object.entries(kinds)) {
      const single = { ...sample, resources: [feed.resources[index]] };
      expect(validate(single), kind).toBe(kind === 'duplicate id');
    }
  });

  it('knows which ISTE codes exist per set and version', () => {
    const validate = compile();
    const withCode = (version: string, code: string) => {
      const record = structuredClone(sample.resources[0]!) as Record<string, unknown>;
      record.alignments = [
        {
          framework: 'ISTE',
          set: 'students',
          version,
          code,
          provenance: { source: 'curator', assertedBy: 'x', assertedAt: '2026-01-01' },
        },
      ];
      return { ...sample, resources: [record] };
    };
    expect(validate(withCode('2024', '1.2.e'))).toBe(true);
    expect(validate(withCode('2016', '1.2.e'))).toBe(false);
    expect(validate(withCode('2016', 'ISTE.1.2c'))).toBe(true);
  });
});
