import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { allIsteEntries, findIsteCodesInText, isteKey, lookupIste, normaliseIsteCode } from './iste';

describe('ISTE code normalisation', () => {
  it.each([
    ['1.1.a', '1.1.a'],
    ['1.1a', '1.1.a'],
    ['ISTE.1.4.c', '1.4.c'],
    ['ISTE 1.2.C', '1.2.c'],
    ['iste-s-1.3.d', '1.3.d'],
    [' 1.6 ', '1.6'],
  ])('reads %s as %s in the 2016 students set', (raw, code) => {
    const entry = normaliseIsteCode(raw, { set: 'students', version: '2016' });
    expect(entry.code).toBe(code);
    expect(entry.key).toBe(`ISTE:students-2016:${code}`);
  });

  it('reads ISTE2.1.a as an educators code', () => {
    expect(normaliseIsteCode('ISTE2.1.a', { version: '2017' }).key).toBe('ISTE:educators-2017:2.1.a');
  });

  it('keys 2016 and 2024 apart, because 2024 re-used codes with new meanings', () => {
    const old = normaliseIsteCode('1.2.c', { set: 'students', version: '2016' });
    const current = normaliseIsteCode('1.2.c', { set: 'students', version: '2024' });
    expect(old.key).not.toBe(current.key);
    expect(old.label).toMatch(/intellectual property/i);
    expect(current.label).toMatch(/well-being/i);
  });

  it.each([
    ['1.8.a', 'students', '2016', /standards run 1.1 to 1.7/],
    ['1.3.e', 'students', '2016', /1.3 has indicators a, b, c, d/],
    ['1.2.e', 'students', '2016', /1.2 has indicators a, b, c, d/],
    ['2.1.a', 'students', '2016', /educators set/],
    ['1.1.a', 'students', '2019', /known versions: 2016, 2024/],
  ] as const)('rejects %s in %s %s with a clear error', (raw, set, version, message) => {
    const attempt = () => normaliseIsteCode(raw, { set, version });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('ISTE_CODE_UNKNOWN');
    }
  });

  it.each(['', 'ISTE', 'standard 7', '1-1-a', '6.1.a', '1.1.aa'])('rejects %j as malformed', (raw) => {
    expect(() => normaliseIsteCode(raw, { set: 'students', version: '2016' })).toThrow(
      expect.objectContaining({ code: 'ISTE_CODE_MALFORMED' }),
    );
  });
});

describe('ISTE vocabulary', () => {
  it('has the published indicator counts where standards.md verified them', () => {
    const count = (set: string, version: string, prefix: string) =>
      [...allIsteEntries()].filter(
        (e) => e.set === set && e.version === version && e.code.startsWith(prefix) && e.code.length === 5,
      ).length;
    expect(count('students', '2016', '1.')).toBe(28);
    expect(count('educators', '2017', '2.')).toBe(24);
    expect(count('students', '2024', '1.1')).toBe(4);
    expect(count('leaders', '2018', '3.2')).toBe(5);
    expect(count('ct', '2018', '5.1')).toBe(5);
  });

  it('marks unverified labels instead of guessing silently', () => {
    expect(lookupIste({ set: 'students', version: '2016', code: '1.1.a' })!.verified).toBe(true);
    expect(lookupIste({ set: 'students', version: '2016', code: '1.5.d' })!.verified).toBe(false);
    expect(lookupIste({ set: 'ct', version: '2018', code: '5.3.a' })!.verified).toBe(false);
  });

  it('never ships long indicator text: labels are short and our own', () => {
    for (const entry of allIsteEntries()) {
      expect(entry.label.length, entry.key).toBeLessThanOrEqual(60);
      expect(entry.url).toMatch(/^https:\/\/iste\.org\/standards\//);
    }
  });

  it('names sets and standards', () => {
    const entry = lookupIste({ set: 'leaders', version: '2024', code: '3.1' })!;
    expect(entry.standardName).toBe('Digital Citizenship Advocate');
    expect(isteKey(entry)).toBe('ISTE:leaders-2024:3.1');
  });
});

describe('finding ISTE codes in page text', () => {
  it('finds the spellings teachers type', () => {
    expect(findIsteCodesInText('Aligned to ISTE 1.3.d and ISTE.1.4c; also standard 1.2.b. Not 1.2.3 or 12.5.')).toEqual(
      ['1.3.d', '1.4.c', '1.2.b'],
    );
  });
});
