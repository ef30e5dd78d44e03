import type { UnitContext } from '../model/unit-context';
import type { GradeBand, ResourceKind, Subject } from '../model/vocabulary';
import { findIsteCodesInText } from '../standards/iste';
import { KIND_WORDS, parseFacets, SUBJECT_WORDS } from './facets';
import type { SpellingCorrector } from './spelling';
import { isBoilerplate, isStopWord, stem, words } from './text';

/** A query, ready for scoring: weighted stemmed terms, soft facets, and the words fuse.js should re-rank by. */
export interface AnalysedQuery {
  terms: Array<{ term: string; weight: number; surface: string }>;
  bands: Set<GradeBand>;
  subjects: Set<Subject>;
  kinds: Set<ResourceKind>;
  isteCodes: Set<string>;
  /** Topic words as typed (typos repaired), for the fuse.js re-rank and for explanations. */
  residual: string;
  corrections: Array<{ from: string; to: string }>;
}

const GRADE_WORDS = [
  'grade',
  'grades',
  'graders',
  'kindergarten',
  'elementary',
  'middle',
  'school',
  'high',
  'year',
  'preschool',
  'college',
  'university',
  'secondary',
  'primary',
  'upper',
  'early',
];

/** Words the corrector may repair a typo into even when the catalog never uses them (grade phrases, subjects). */
export const QUERY_VOCABULARY: readonly string[] = [
  ...GRADE_WORDS,
  ...Object.keys(SUBJECT_WORDS).filter((w) => !w.includes(' ')),
  ...Object.keys(KIND_WORDS).filter((w) => !w.includes(' ')),
];

/**
 * A word the catalog does not use is either a typo or simply a word the catalog does not use ("tense" is not a typo of
 * "sense"). Typed queries are repaired from 4 letters; page text, which is rarely mistyped, only from 6, and weakly.
 */
function repair(
  list: string[],
  corrector: SpellingCorrector,
  corrections: AnalysedQuery['corrections'],
  page: boolean,
): Array<{ word: string; weight: number }> {
  const out: Array<{ word: string; weight: number }> = [];
  const minLength = page ? 6 : 4;
  const weight = page ? 0.6 : 0.85;
  for (const word of list) {
    if (
      isStopWord(word) ||
      corrector.has(stem(word)) ||
      corrector.has(word) ||
      word.length < minLength ||
      /\d/.test(word)
    ) {
      out.push({ word, weight: 1 });
      continue;
    }
    const found = corrector.correct(stem(word));
    if (!found.length) {
      out.push({ word, weight: 1 });
      continue;
    }
    // Several equally close words all count, a little less than an exact word would.
    for (const c of found) {
      out.push({ word: c.term, weight: weight / found.length ** 0.5 });
      corrections.push({ from: word, to: c.term });
    }
  }
  return out;
}

function analyseWords(
  sources: Array<{ text: string; weight: number; boilerplate: boolean }>,
  corrector: SpellingCorrector,
): AnalysedQuery {
  const query: AnalysedQuery = {
    terms: [],
    bands: new Set(),
    subjects: new Set(),
    kinds: new Set(),
    isteCodes: new Set(),
    residual: '',
    corrections: [],
  };
  const byTerm = new Map<string, { term: string; weight: number; surface: string }>();
  const residual: string[] = [];
  for (const source of sources) {
    const repaired = repair(words(source.text), corrector, query.corrections, source.boilerplate);
    const list = repaired.map((r) => r.word);
    const facets = parseFacets(list);
    for (const b of facets.bands) query.bands.add(b);
    for (const s of facets.subjects) query.subjects.add(s);
    for (const k of facets.kinds) query.kinds.add(k);
    for (const c of facets.isteCodes) query.isteCodes.add(c);
    repaired.forEach(({ word, weight }, i) => {
      if (facets.consumed.has(i) || isStopWord(word) || (word.length < 2 && !/\d/.test(word))) return;
      if (source.boilerplate && isBoilerplate(word)) return;
      if (/^\d+$/.test(word)) return;
      const term = stem(word);
      const w = weight * source.weight;
      const seen = byTerm.get(term);
      if (seen) seen.weight = Math.max(seen.weight, w) + Math.min(w, seen.weight) * 0.25;
      else byTerm.set(term, { term, weight: w, surface: word });
      if (source.weight >= 2 || sources.length === 1) residual.push(word);
    });
  }
  for (const code of sources.flatMap((s) => findIsteCodesInText(s.text))) query.isteCodes.add(code);
  query.terms = [...byTerm.values()];
  // One Bitap pattern is at most 32 characters; longer patterns cost a second pass per string.
  query.residual = [...new Set(residual)].join(' ').slice(0, 32).trim();
  return query;
}

/** A search-box query. */
export function analyseText(text: string, corrector: SpellingCorrector): AnalysedQuery {
  return analyseWords([{ text, weight: 1, boilerplate: false }], corrector);
}

/**
 * The terms that matter on a page where a unit is being built: the unit title weighs most, then item titles, then the
 * editor's text (its most frequent topic words only), then the course name; LMS boilerplate and stop words go.
 * Grade and subject hints from the LMS adapter join the facets read from the words.
 */
export function analyseContext(context: UnitContext, corrector: SpellingCorrector): AnalysedQuery {
  const editorWords = words(context.editorText)
    .filter((w) => !isStopWord(w) && !isBoilerplate(w) && w.length > 2 && !/^\d+$/.test(w))
    .map(stem);
  const counts = new Map<string, number>();
  for (const w of editorWords) counts.set(w, (counts.get(w) ?? 0) + 1);
  const editorTop = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([w]) => w);
  const query = analyseWords(
    [
      { text: context.unitTitle ?? '', weight: 3, boilerplate: true },
      { text: context.itemTitles.join(' . '), weight: 2, boilerplate: true },
      { text: editorTop.join(' '), weight: 1, boilerplate: true },
      { text: context.courseName ?? '', weight: 0.5, boilerplate: true },
    ],
    corrector,
  );
  // Course names carry grade and subject ("Science 7"): read "<subject> <number>" as a grade.
  const course = words(context.courseName ?? '');
  for (let i = 0; i < course.length - 1; i++) {
    const n = Number(course[i + 1]);
    if (SUBJECT_WORDS[course[i]!] && Number.isInteger(n) && n >= 1 && n <= 12) {
      query.bands.add(n <= 2 ? 'K-2' : n <= 5 ? '3-5' : n <= 8 ? '6-8' : '9-12');
    }
  }
  for (const b of context.gradeHints) query.bands.add(b);
  for (const s of context.subjectHints) query.subjects.add(s);
  for (const hint of context.standardHints)
    for (const code of findIsteCodesInText(`ISTE ${hint}`)) query.isteCodes.add(code);
  for (const code of findIsteCodesInText(context.editorText)) query.isteCodes.add(code);
  return query;
}
