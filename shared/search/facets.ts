import { type GradeBand, gradeBandOf, type ResourceKind, type Subject } from '../model/vocabulary';
import { parseIsteCodeSpelling } from '../standards/iste';

/**
 * What a teacher's words say about grade, subject, resource kind and standards: "Grade 7 Science", "AP Biology",
 * "3rd graders", "middle school", "year 8", "ISTE 1.3.d", "video". Grade words are consumed (they are not topics);
 * subject and kind words stay terms too, because "algebra" or "video" also describe what to find.
 */
export interface Facets {
  bands: Set<GradeBand>;
  subjects: Set<Subject>;
  kinds: Set<ResourceKind>;
  isteCodes: Set<string>;
  /** Indexes of words that were grade phrases or standard codes, not topic words. */
  consumed: Set<number>;
}

const ORDINAL = /^(\d{1,2})(st|nd|rd|th)$/;
const NUMBER_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const BAND_TOKENS: Record<string, GradeBand[]> = {
  'k-2': ['K-2'],
  'k-5': ['K-2', '3-5'],
  '3-5': ['3-5'],
  '6-8': ['6-8'],
  '9-12': ['9-12'],
  'k-12': ['K-2', '3-5', '6-8', '9-12'],
  prek: ['PreK'],
  'pre-k': ['PreK'],
  preschool: ['PreK'],
  kindergarten: ['K-2'],
  kinder: ['K-2'],
  elementary: ['K-2', '3-5'],
  primary: ['K-2', '3-5'],
  secondary: ['9-12'],
  college: ['HE'],
  university: ['HE'],
  undergraduate: ['HE'],
  freshman: ['9-12'],
  sophomore: ['9-12'],
  junior: ['9-12'],
  senior: ['9-12'],
};
const TWO_WORD_BANDS: Record<string, GradeBand[]> = {
  'middle school': ['6-8'],
  'middle grades': ['6-8'],
  'junior high': ['6-8'],
  'high school': ['9-12'],
  'early elementary': ['K-2'],
  'upper elementary': ['3-5'],
  'lower elementary': ['K-2'],
  'early childhood': ['PreK', 'K-2'],
  'higher education': ['HE'],
  'professional development': ['PD'],
  'professional learning': ['PD'],
};

export const SUBJECT_WORDS: Record<string, Subject> = {
  science: 'science',
  biology: 'science',
  bio: 'science',
  chemistry: 'science',
  chem: 'science',
  physics: 'science',
  ecology: 'science',
  astronomy: 'science',
  geology: 'science',
  'earth science': 'science',
  'life science': 'science',
  'physical science': 'science',
  anatomy: 'science',
  math: 'math',
  maths: 'math',
  mathematics: 'math',
  algebra: 'math',
  geometry: 'math',
  calculus: 'math',
  statistics: 'math',
  stats: 'math',
  arithmetic: 'math',
  trigonometry: 'math',
  precalculus: 'math',
  ela: 'ela',
  english: 'ela',
  reading: 'ela',
  writing: 'ela',
  literature: 'ela',
  literacy: 'ela',
  grammar: 'ela',
  poetry: 'ela',
  'language arts': 'ela',
  phonics: 'ela',
  history: 'social-studies',
  civics: 'social-studies',
  government: 'social-studies',
  geography: 'social-studies',
  economics: 'social-studies',
  'social studies': 'social-studies',
  'us history': 'social-studies',
  psychology: 'social-studies',
  coding: 'computer-science',
  programming: 'computer-science',
  'computer science': 'computer-science',
  cs: 'computer-science',
  'digital citizenship': 'digital-citizenship',
  'media literacy': 'digital-citizenship',
  'online safety': 'digital-citizenship',
  cyberbullying: 'digital-citizenship',
  art: 'arts',
  arts: 'arts',
  music: 'arts',
  theater: 'arts',
  theatre: 'arts',
  drama: 'arts',
  dance: 'arts',
  health: 'health-pe',
  pe: 'health-pe',
  'physical education': 'health-pe',
  nutrition: 'health-pe',
  fitness: 'health-pe',
  spanish: 'world-languages',
  french: 'world-languages',
  german: 'world-languages',
  chinese: 'world-languages',
  mandarin: 'world-languages',
  'world languages': 'world-languages',
  'foreign language': 'world-languages',
  engineering: 'engineering',
  robotics: 'engineering',
  library: 'library-media',
};

export const KIND_WORDS: Record<string, ResourceKind> = {
  simulation: 'simulation',
  simulations: 'simulation',
  sim: 'simulation',
  sims: 'simulation',
  interactive: 'interactive',
  interactives: 'interactive',
  video: 'video',
  videos: 'video',
  game: 'game',
  games: 'game',
  textbook: 'textbook',
  ebook: 'textbook',
  book: 'textbook',
  course: 'course',
  curriculum: 'curriculum',
  dataset: 'dataset',
  data: 'dataset',
  assessment: 'assessment',
  quiz: 'assessment',
  quizzes: 'assessment',
  'primary source': 'primary-sources',
  'primary sources': 'primary-sources',
  'lesson plan': 'lesson',
  'lesson plans': 'lesson',
};

const gradeToBand = (n: number): GradeBand | undefined => (n >= 0 && n <= 12 ? gradeBandOf(n) : undefined);

/** Reads facets from a sequence of normalised words (see text.ts `words`). */
export function parseFacets(list: readonly string[]): Facets {
  const facets: Facets = {
    bands: new Set(),
    subjects: new Set(),
    kinds: new Set(),
    isteCodes: new Set(),
    consumed: new Set(),
  };
  const addBands = (bands: readonly GradeBand[] | undefined, ...indexes: number[]) => {
    if (!bands) return false;
    for (const b of bands) facets.bands.add(b);
    for (const i of indexes) facets.consumed.add(i);
    return true;
  };
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    const next = list[i + 1];
    const pair = next ? `${w} ${next}` : '';
    if (pair && TWO_WORD_BANDS[pair]) {
      addBands(TWO_WORD_BANDS[pair], i, i + 1);
      i++;
      continue;
    }
    if (pair && SUBJECT_WORDS[pair]) facets.subjects.add(SUBJECT_WORDS[pair]!);
    if (pair && KIND_WORDS[pair]) facets.kinds.add(KIND_WORDS[pair]!);
    if (SUBJECT_WORDS[w]) facets.subjects.add(SUBJECT_WORDS[w]!);
    if (KIND_WORDS[w]) facets.kinds.add(KIND_WORDS[w]!);
    if (w === 'ap' && next && SUBJECT_WORDS[next]) addBands(['9-12'], i);
    if (/^[1-5]\.[1-9](\.?[a-e])?$/.test(w)) {
      const parsed = parseIsteCodeSpelling(w);
      if (parsed) facets.isteCodes.add(parsed.code);
      facets.consumed.add(i);
      if (list[i - 1] === 'iste') facets.consumed.add(i - 1);
      continue;
    }
    // "primary sources" are documents, not grades.
    const isSourceWord = next === 'source' || next === 'sources' || next === 'document' || next === 'documents';
    if (!((w === 'primary' || w === 'secondary') && isSourceWord) && addBands(BAND_TOKENS[w], i)) continue;
    // "grade 7", "grades 6-8", "gr 3", "year 8" (UK years run one ahead of US grades)
    if ((w === 'grade' || w === 'grades' || w === 'gr' || w === 'year' || w === 'yr') && next) {
      const offset = w === 'year' || w === 'yr' ? 1 : 0;
      if (next === 'k' || next === 'kindergarten') {
        addBands(['K-2'], i, i + 1);
        i++;
        continue;
      }
      if (BAND_TOKENS[next] && /-/.test(next)) {
        addBands(BAND_TOKENS[next], i, i + 1);
        i++;
        continue;
      }
      const n = /^\d{1,2}$/.test(next)
        ? Number(next) - offset
        : ORDINAL.test(next)
          ? Number(ORDINAL.exec(next)![1])
          : NaN;
      const band = gradeToBand(n);
      if (band) {
        addBands([band], i, i + 1);
        i++;
        continue;
      }
    }
    // "7th grade", "3rd graders", "seventh grade"
    const ord = ORDINAL.exec(w)?.[1] ?? (NUMBER_WORDS[w] !== undefined ? String(NUMBER_WORDS[w]) : undefined);
    if (ord && (next === 'grade' || next === 'graders' || next === 'grader')) {
      const band = gradeToBand(Number(ord));
      if (band) {
        addBands([band], i, i + 1);
        i++;
        continue;
      }
    }
    if (w === 'grade' || w === 'grades' || w === 'graders' || w === 'iste' || w === 'standard' || w === 'standards') {
      facets.consumed.add(i);
    }
  }
  return facets;
}
