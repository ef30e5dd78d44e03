import type { CatalogFeedInput } from '../model/feed';
import type { ResourceInput } from '../model/resource';
import type { GradeBand } from '../model/vocabulary';
import { lookupIste } from '../standards/iste';
import { GRADE_PHRASES, SYNTHETIC_ADJECTIVES, SYNTHETIC_TOPICS, SYNTHETIC_TYPES } from './synthetic-vocab';

/**
 * Seeded synthetic catalogs for benchmarks and load tests. Each judged query has facets (topic and some of: resource
 * type, grade band, ISTE code, an extra concept); exactly five "planted" resources match all of its facets, and the
 * generator rejects any other resource that would, so recall@10 has an exact answer while partial matches abound.
 */

export interface QueryFacets {
  readonly topic: string;
  readonly type?: string;
  readonly band?: GradeBand;
  readonly iste?: string;
  readonly extra?: string;
}

export interface JudgedQuery {
  readonly id: string;
  readonly text: string;
  readonly typoText: string;
  readonly facets: QueryFacets;
  readonly relevant: readonly string[];
}

export interface BenchQuery {
  readonly text: string;
  readonly typo: boolean;
  readonly judgedId?: string;
}

export interface SyntheticCatalog {
  readonly feed: CatalogFeedInput & { resources: ResourceInput[] };
  readonly judged: readonly JudgedQuery[];
  /** 200 queries: 150 clean (40 judged + 110 from templates) and 50 with typos (the 40 judged and 10 others). */
  readonly queries: readonly BenchQuery[];
}

const JUDGED: ReadonlyArray<{ text: string } & QueryFacets> = [
  { text: 'photosynthesis lab grade 7', topic: 'photosynthesis', type: 'lab', band: '6-8' },
  { text: 'fractions on a number line grade 4', topic: 'fractions', extra: 'number line', band: '3-5' },
  {
    text: 'persuasive writing lesson plan high school',
    topic: 'persuasive writing',
    type: 'lesson plan',
    band: '9-12',
  },
  { text: 'water cycle video for kindergarten', topic: 'water cycle', type: 'video', band: 'K-2' },
  { text: 'ISTE 1.2.b online safety lesson plan', topic: 'online safety', type: 'lesson plan', iste: '1.2.b' },
  { text: 'electric circuits simulation middle school', topic: 'electric circuits', type: 'simulation', band: '6-8' },
  { text: 'mitosis cell division simulation', topic: 'mitosis', type: 'simulation', extra: 'cell division' },
  { text: 'linear equations slope game grade 8', topic: 'linear equations', type: 'game', extra: 'slope', band: '6-8' },
  { text: 'phonics sight words game kindergarten', topic: 'phonics', type: 'game', extra: 'sight words', band: 'K-2' },
  { text: 'american revolution primary source set', topic: 'american revolution', type: 'primary source set' },
  { text: 'block coding loops activity grade 3', topic: 'block coding', type: 'activity', extra: 'loops', band: '3-5' },
  {
    text: 'cyberbullying upstanders lesson plan middle school',
    topic: 'cyberbullying',
    type: 'lesson plan',
    extra: 'upstanders',
    band: '6-8',
  },
  { text: 'probability dice experiments worksheet', topic: 'probability', type: 'worksheet', extra: 'dice' },
  {
    text: 'plate tectonics earthquakes video high school',
    topic: 'plate tectonics',
    type: 'video',
    extra: 'earthquakes',
    band: '9-12',
  },
  {
    text: 'poetry figurative language quiz grade 6',
    topic: 'poetry',
    type: 'quiz',
    extra: 'figurative language',
    band: '6-8',
  },
  { text: 'us constitution bill of rights game', topic: 'us constitution', type: 'game', extra: 'bill of rights' },
  {
    text: 'python programming lists project high school',
    topic: 'python programming',
    type: 'project',
    extra: 'lists',
    band: '9-12',
  },
  { text: 'media literacy fake news ISTE 1.3.b', topic: 'media literacy', extra: 'fake news', iste: '1.3.b' },
  { text: 'states of matter interactive grade 2', topic: 'states of matter', type: 'interactive', band: 'K-2' },
  {
    text: 'nutrition food groups lesson plan elementary',
    topic: 'nutrition',
    type: 'lesson plan',
    extra: 'food groups',
    band: '3-5',
  },
  { text: 'genetics punnett squares worksheet', topic: 'genetics', type: 'worksheet', extra: 'punnett squares' },
  { text: 'solar system planets video grade 5', topic: 'solar system', type: 'video', extra: 'planets', band: '3-5' },
  { text: 'algorithms sorting unplugged activity', topic: 'algorithms', type: 'activity', extra: 'sorting' },
  {
    text: 'civil rights movement reading passage grade 8',
    topic: 'civil rights movement',
    type: 'reading passage',
    band: '6-8',
  },
  { text: 'area and perimeter project grade 3', topic: 'area and perimeter', type: 'project', band: '3-5' },
  {
    text: 'chemical reactions balancing equations lab',
    topic: 'chemical reactions',
    type: 'lab',
    extra: 'balancing equations',
  },
  {
    text: 'digital footprint social media lesson plan ISTE 1.2.a',
    topic: 'digital footprint',
    type: 'lesson plan',
    extra: 'social media',
    iste: '1.2.a',
  },
  { text: 'music composition rhythm game', topic: 'music composition', type: 'game', extra: 'rhythm' },
  { text: 'bridge design engineering project middle school', topic: 'bridge design', type: 'project', band: '6-8' },
  { text: 'spanish vocabulary family quiz', topic: 'spanish vocabulary', type: 'quiz', extra: 'family' },
  {
    text: 'artificial intelligence machine learning lesson plan high school',
    topic: 'artificial intelligence',
    type: 'lesson plan',
    extra: 'machine learning',
    band: '9-12',
  },
  { text: 'statistics box plots dataset', topic: 'statistics', type: 'dataset', extra: 'box plots' },
  {
    text: 'forces and motion friction lab grade 6',
    topic: 'forces and motion',
    type: 'lab',
    extra: 'friction',
    band: '6-8',
  },
  {
    text: 'reading comprehension main idea passage grade 4',
    topic: 'reading comprehension',
    type: 'reading passage',
    extra: 'main idea',
    band: '3-5',
  },
  { text: 'ancient egypt pyramids slideshow', topic: 'ancient egypt', type: 'slideshow', extra: 'pyramids' },
  {
    text: 'mindfulness breathing video for kids',
    topic: 'mindfulness',
    type: 'video',
    extra: 'breathing',
    band: 'K-2',
  },
  {
    text: 'quadratic functions parabolas interactive',
    topic: 'quadratic functions',
    type: 'interactive',
    extra: 'parabolas',
  },
  {
    text: 'copyright creative commons lesson ISTE 1.2.c',
    topic: 'copyright',
    extra: 'creative commons',
    iste: '1.2.c',
  },
  {
    text: 'renewable energy solar panels project high school',
    topic: 'renewable energy',
    type: 'project',
    extra: 'solar panels',
    band: '9-12',
  },
  {
    text: 'climate change greenhouse gases escape room',
    topic: 'climate change',
    type: 'escape room',
    extra: 'greenhouse gases',
  },
];

const ISTE_STUDENT_CODES = (() => {
  const codes: string[] = [];
  for (let s = 1; s <= 7; s++) for (const l of 'abcd') codes.push(`1.${s}.${l}`);
  return codes;
})();

const CERTS: ReadonlyArray<{ standard: string; version: string; role: string }> = [
  { standard: 'lti', version: '1.3', role: 'tool' },
  { standard: 'lti-advantage', version: '1.3', role: 'tool' },
  { standard: 'oneroster', version: '1.2', role: 'consumer' },
  { standard: 'common-cartridge', version: '1.3', role: 'publisher' },
  { standard: 'thin-common-cartridge', version: '1.3', role: 'publisher' },
  { standard: 'qti', version: '3.0', role: 'delivery' },
  { standard: 'case', version: '1.1', role: 'consumer' },
  { standard: 'caliper', version: '1.2', role: 'sensor' },
];

const BANDS: GradeBand[] = ['PreK', 'K-2', '3-5', '6-8', '9-12'];
const DATE = '2026-01-01T00:00:00Z';

/** mulberry32: small, fast and good enough for reproducible test data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof createRandom>;

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

/** One or two edits (transposition, deletion, doubling, keyboard-neighbour substitution) on words of 4+ letters. */
export function addTypos(text: string, random: Random): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^[a-z]{4,}$/.test(w));
  if (!candidates.length) return text;
  const edits = 1 + random.int(2);
  for (let e = 0; e < edits; e++) {
    const { i } = random.pick(candidates);
    const word = words[i]!;
    const p = 1 + random.int(word.length - 2);
    const op = random.int(4);
    const ch = word[p]!;
    if (op === 0) words[i] = word.slice(0, p) + word[p + 1] + ch + word.slice(p + 2);
    else if (op === 1) words[i] = word.slice(0, p) + word.slice(p + 1);
    else if (op === 2) words[i] = word.slice(0, p) + ch + word.slice(p);
    else words[i] = word.slice(0, p) + random.pick([...(KEYBOARD_NEIGHBOURS[ch] ?? ch)]) + word.slice(p + 1);
  }
  return words.join(' ');
}

interface Draft {
  topic: string;
  type: string;
  bands: GradeBand[];
  iste: string[];
  extra: string[];
}

/**
 * Relevance is what a reader of the record can see: the topic and the resource type in its title, the grade band in
 * its bands, the ISTE code in its alignments, the extra concept in its title or keywords.
 */
export function matchesFacets(resource: ResourceInput, facets: QueryFacets): boolean {
  const title = resource.title.toLowerCase();
  return (
    title.includes(facets.topic) &&
    (!facets.type || title.includes(facets.type)) &&
    (!facets.band || resource.gradeBands.includes(facets.band)) &&
    (!facets.iste || (resource.alignments ?? []).some((a) => a.framework === 'ISTE' && a.code === facets.iste)) &&
    (!facets.extra || title.includes(facets.extra) || (resource.keywords ?? []).includes(facets.extra))
  );
}

function contiguousBands(random: Random, must?: GradeBand): GradeBand[] {
  const length = 1 + random.int(3);
  let start = random.int(BANDS.length - length + 1);
  if (must) {
    const at = BANDS.indexOf(must);
    start = Math.max(0, Math.min(at - random.int(length), BANDS.length - length));
  }
  return BANDS.slice(start, start + length);
}

function toResource(id: string, draft: Draft, random: Random): ResourceInput {
  const info = SYNTHETIC_TOPICS.find((t) => t.topic === draft.topic)!;
  const typeInfo = SYNTHETIC_TYPES.find((t) => t.word === draft.type)!;
  const related = [...draft.extra, ...info.related.filter((r) => !draft.extra.includes(r))];
  const title = `${random.pick(SYNTHETIC_ADJECTIVES)} ${cap(draft.topic)} ${cap(draft.type)}: ${cap(related[0] ?? draft.topic)}`;
  const band = draft.bands[0]!;
  const phrase =
    band in GRADE_PHRASES ? random.pick(GRADE_PHRASES[band as keyof typeof GRADE_PHRASES]) : 'all learners';
  const iste = lookupIste({ set: 'students', version: '2016', code: draft.iste[0]! })!;
  const certs = Array.from({ length: random.int(4) }, () => random.pick(CERTS));
  const uniqueCerts = [...new Map(certs.map((c) => [c.standard, c])).values()];
  const keywords = [draft.topic, draft.type, ...related.slice(0, 2 + random.int(4))];
  const subjects = [info.subject];
  if (random.next() < 0.2) {
    const other = random.pick(SYNTHETIC_TOPICS).subject;
    if (other !== info.subject) subjects.push(other);
  }
  const provider = `Provider ${1 + random.int(400)}`;
  return {
    id,
    title,
    description:
      `Students explore ${draft.topic} through a ${draft.type} that connects ${related.slice(0, 2).join(' and ')}. ` +
      `Designed for ${phrase}. Supports ISTE ${iste.code} (${iste.standardName}).` +
      (random.next() < 0.3 ? ' Works in Canvas, Moodle and Schoology through LTI 1.3.' : ''),
    url: `https://resources.example.org/${id}`,
    provider: { name: provider },
    kind: typeInfo.kind,
    gradeBands: draft.bands,
    subjects,
    keywords: [...new Set(keywords)],
    licence: { access: random.pick(['free', 'free', 'freemium', 'paid'] as const) },
    alignments: draft.iste.map((code) => ({
      framework: 'ISTE' as const,
      set: 'students' as const,
      version: '2016',
      code,
      provenance: { source: 'vendor_claim' as const, assertedBy: provider, assertedAt: '2026-01-01' },
    })),
    certifications: uniqueCerts.map((c) => ({
      standard: c.standard as 'lti',
      version: c.version,
      role: c.role,
      status: 'claimed' as const,
      verifiedAt: random.next() < 0.5 ? '2026-06-01' : '2024-06-01',
      provenance: { source: 'vendor_claim' as const, assertedBy: provider, assertedAt: '2026-01-01' },
    })),
    updatedAt: DATE,
  };
}

const cap = (s: string) => s.replace(/\b([a-z])/g, (m) => m.toUpperCase());

export function generateSyntheticCatalog(options: { size: number; seed?: number }): SyntheticCatalog {
  const random = createRandom(options.seed ?? 20240607);
  const weights = SYNTHETIC_TOPICS.map((_, i) => (i + 1) ** -0.6);
  const order = SYNTHETIC_TOPICS.map((_, i) => i).sort(() => random.next() - 0.5);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickTopic = () => {
    let r = random.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return SYNTHETIC_TOPICS[order[i]!]!;
    }
    return SYNTHETIC_TOPICS[order[0]!]!;
  };

  const resources: ResourceInput[] = [];
  const judged: JudgedQuery[] = [];
  let n = 0;
  const nextId = () => `syn-${String(++n).padStart(6, '0')}`;

  JUDGED.forEach((facets, index) => {
    const relevant: string[] = [];
    for (let k = 0; k < 5; k++) {
      const info = SYNTHETIC_TOPICS.find((t) => t.topic === facets.topic)!;
      const draft: Draft = {
        topic: facets.topic,
        type: facets.type ?? random.pick(SYNTHETIC_TYPES).word,
        bands: contiguousBands(random, facets.band),
        iste: [...new Set([facets.iste ?? random.pick(ISTE_STUDENT_CODES), random.pick(ISTE_STUDENT_CODES)])],
        extra: [facets.extra ?? random.pick(info.related)],
      };
      const id = nextId();
      const resource = toResource(id, draft, random);
      if (!matchesFacets(resource, facets)) throw new TypeError(`planted resource ${id} does not match ${facets.text}`);
      resources.push(resource);
      relevant.push(id);
    }
    judged.push({
      id: `q${String(index + 1).padStart(2, '0')}`,
      text: facets.text,
      typoText: addTypos(facets.text, random),
      facets,
      relevant,
    });
  });

  while (resources.length < options.size) {
    const info = pickTopic();
    const draft: Draft = {
      topic: info.topic,
      type: random.pick(SYNTHETIC_TYPES).word,
      bands: contiguousBands(random),
      iste: [...new Set(Array.from({ length: 1 + random.int(4) }, () => random.pick(ISTE_STUDENT_CODES)))],
      extra: [random.pick(info.related)],
    };
    const resource = toResource(`syn-${String(n + 1).padStart(6, '0')}`, draft, random);
    if (JUDGED.some((facets) => facets.topic === draft.topic && matchesFacets(resource, facets))) continue;
    nextId();
    resources.push(resource);
  }

  // Planted items must not sit together at the front: shuffle with the same seeded source.
  for (let i = resources.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [resources[i], resources[j]] = [resources[j]!, resources[i]!];
  }

  const templated: BenchQuery[] = [];
  const templates = [
    (t: string, ty: string, g: string) => `${t} ${ty} ${g}`,
    (t: string, ty: string) => `${ty} on ${t}`,
    (t: string) => `ISTE ${random.pick(ISTE_STUDENT_CODES)} ${t}`,
    (t: string, _ty: string, g: string) => `teaching ${t} to ${g} students`,
    (t: string, _ty: string, g: string) => `${t} for ${g}`,
    (t: string, ty: string) => `${random.pick(SYNTHETIC_TOPICS.find((x) => x.topic === t)!.related)} ${ty}`,
  ];
  while (templated.length < 110) {
    const info = pickTopic();
    const band = random.pick(['K-2', '3-5', '6-8', '9-12'] as const);
    const text = random.pick(templates)(
      info.topic,
      random.pick(SYNTHETIC_TYPES).word,
      random.pick(GRADE_PHRASES[band]),
    );
    templated.push({ text, typo: false });
  }
  const queries: BenchQuery[] = [
    ...judged.map((q) => ({ text: q.text, typo: false, judgedId: q.id })),
    ...templated,
    ...judged.map((q) => ({ text: q.typoText, typo: true, judgedId: q.id })),
    ...templated.slice(0, 10).map((q) => ({ text: addTypos(q.text, random), typo: true })),
  ];

  return {
    feed: {
      schemaVersion: 1,
      publisher: { name: `Synthetic catalog (seed ${options.seed ?? 20240607}, ${options.size} resources)` },
      generatedAt: DATE,
      sample: true,
      resources,
    },
    judged,
    queries,
  };
}
