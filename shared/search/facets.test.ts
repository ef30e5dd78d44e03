import { describe, expect, it } from 'vitest';
import { parseFacets } from './facets';
import { words } from './text';

const facets = (text: string) => {
  const f = parseFacets(words(text));
  return { bands: [...f.bands], subjects: [...f.subjects], kinds: [...f.kinds], iste: [...f.isteCodes] };
};

describe("facets in teachers' words", () => {
  it.each([
    ['Grade 7 Science', ['6-8'], ['science']],
    ['AP Biology', ['9-12'], ['science']],
    ['for 3rd graders', ['3-5'], []],
    ['middle school math', ['6-8'], ['math']],
    ['Year 8 history', ['6-8'], ['social-studies']],
    ['K-2 phonics', ['K-2'], ['ela']],
    ['kindergarten coding', ['K-2'], ['computer-science']],
    ['seventh grade', ['6-8'], []],
    ['grades 9-12 chemistry', ['9-12'], ['science']],
    ['high school economics', ['9-12'], ['social-studies']],
  ])('%s', (text, bands, subjects) => {
    const f = facets(text);
    expect(f.bands).toEqual(bands);
    expect(f.subjects).toEqual(subjects);
  });

  it('reads ISTE codes and resource kinds', () => {
    expect(facets('ISTE 1.2.b online safety video')).toMatchObject({ iste: ['1.2.b'], kinds: ['video'] });
    expect(facets('primary sources on the revolution').kinds).toEqual(['primary-sources']);
  });

  it('consumes grade words but keeps topic words', () => {
    const list = words('photosynthesis lab grade 7');
    const f = parseFacets(list);
    expect([...f.consumed].map((i) => list[i])).toEqual(['grade', '7']);
  });
});
