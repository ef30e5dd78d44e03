import { describe, expect, it } from 'vitest';
import { editDistance, SpellingCorrector } from './spelling';

describe('spelling repair', () => {
  const corrector = new SpellingCorrector(
    new Map([
      ['photosynthesis', 40],
      ['grade', 900],
      ['fractions', 60],
      ['fraction', 10],
      ['circuits', 30],
    ]),
  );

  it('counts a transposition as one edit', () => {
    expect(editDistance('grdae', 'grade', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
  });

  it.each([
    ['photosyntesis', 'photosynthesis'],
    ['photosynthsis', 'photosynthesis'],
    ['grdae', 'grade'],
    ['circiuts', 'circuits'],
  ])('repairs %s to %s', (typo, word) => {
    expect(corrector.correct(typo)[0]?.term).toBe(word);
  });

  it('leaves known, short and numeric words alone, and words too far from anything', () => {
    expect(corrector.correct('grade')).toEqual([]);
    expect(corrector.correct('lab')).toEqual([]);
    expect(corrector.correct('1.2b')).toEqual([]);
    expect(corrector.correct('volcano')).toEqual([]);
  });
});
