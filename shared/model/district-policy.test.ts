import { describe, expect, it } from 'vitest';
import { parseDistrictPolicy } from './district-policy';

describe('district policy parsing', () => {
  it('applies defaults to an empty policy', () => {
    const { policy, problems } = parseDistrictPolicy({});
    expect(problems).toEqual([]);
    expect(policy.catalogUrls).toEqual([]);
    expect(policy.maxSuggestions).toBe(8);
  });

  it('keeps the good fields when one has the wrong type, and says which one', () => {
    const { policy, problems } = parseDistrictPolicy({
      districtId: 'district-042',
      catalogUrls: ['https://catalog.district.example/feed.json'],
      maxSuggestions: 'lots',
      surprise: true,
    });
    expect(policy.districtId).toBe('district-042');
    expect(policy.catalogUrls).toEqual(['https://catalog.district.example/feed.json']);
    expect(policy.maxSuggestions).toBe(8);
    expect(problems.map((p) => p.key)).toEqual(['maxSuggestions', 'surprise']);
  });

  it('refuses insecure catalog URLs', () => {
    const { policy, problems } = parseDistrictPolicy({ catalogUrls: ['http://catalog.example.org/feed.json'] });
    expect(policy.catalogUrls).toEqual([]);
    expect(problems[0]!.message).toMatch(/https/);
  });

  it('treats a non-object policy as empty', () => {
    expect(parseDistrictPolicy('nope').problems).toEqual([{ key: '(policy)', message: 'policy must be an object' }]);
  });
});
