import Fuse from 'fuse.js';
import type { Resource } from '../model/resource';
import type { UnitContext } from '../model/unit-context';
import {
  GRADE_BANDS,
  type GradeBand,
  RESOURCE_KINDS,
  type ResourceKind,
  SUBJECTS,
  type Subject,
} from '../model/vocabulary';
import {
  type BuildOptions,
  bandBit,
  buildIndexColumns,
  FLAG_DELETED,
  FLAG_RETIRED,
  FLAG_SEAL,
  INDEX_FORMAT_VERSION,
  type IndexColumns,
  KEYWORD_SEPARATOR,
  kindIndex,
  subjectBit,
} from './index-data';
import { type AnalysedQuery, analyseContext, analyseText, QUERY_VOCABULARY } from './query';
import { SpellingCorrector } from './spelling';

/**
 * Ranking = prefilter (an inverted index over terms, with grade band, subject, kind, ISTE code, certification,
 * language and district rules as filters and soft facets) → fuse.js over the best candidates only → boosts (coach
 * lists, ISTE Seal, certifications the district requires, providers it prefers). Every result says why it ranks.
 */

export interface SearchFilters {
  bands?: readonly GradeBand[];
  subjects?: readonly Subject[];
  kinds?: readonly ResourceKind[];
  /** ISTE codes (version-agnostic, e.g. 1.3.d); a resource must align to one of them. */
  iste?: readonly string[];
  /** Certification standards (fresh); a resource must hold one of them. */
  certs?: readonly string[];
  language?: string;
}

export interface CoachPick {
  listId: string;
  listTitle: string;
  note?: string;
}

export interface SearchPolicy {
  blockedIds?: ReadonlySet<string>;
  blockedProviders?: ReadonlySet<string>;
  requiredCerts?: readonly string[];
  preferredProviders?: ReadonlySet<string>;
}

export interface SearchOptions {
  limit?: number;
  filters?: SearchFilters;
  policy?: SearchPolicy;
  coach?: ReadonlyMap<string, CoachPick>;
  includeRetired?: boolean;
}

export type Boost = 'coach' | 'iste-seal' | 'required-certification' | 'preferred-provider';

export interface Explanation {
  /** Query words found in the resource, as the teacher wrote them. */
  terms: string[];
  bands: GradeBand[];
  subjects: Subject[];
  kinds: ResourceKind[];
  iste: string[];
  boosts: Boost[];
  coach?: CoachPick;
  corrections: Array<{ from: string; to: string }>;
}

export interface SearchResult {
  id: string;
  score: number;
  explanation: Explanation;
}

const FUSE_CANDIDATES = 32;
/**
 * Facet weights are in term units (a title word scores about idf × 3 ≈ 6-10): an explicit ISTE code weighs like a title
 * word, a grade band a little less. fuse.js only re-orders near ties: its whole-query Bitap match is sensitive to word
 * order and must not push a resource that matches every facet below one that does not.
 */
const W = { band: 2.5, subject: 1.5, kind: 2, iste: 6, fuse: 0.1, otherBand: 0.6, otherSubject: 0.7 } as const;
/** Boosts multiply: a weak match stays weak however trusted it is. */
const BOOST: Record<Boost, number> = {
  coach: 1.5,
  'iste-seal': 1.05,
  'required-certification': 1.1,
  'preferred-provider': 1.1,
};

class TermIndex {
  readonly lookup: Map<string, number>;
  constructor(readonly columns: IndexColumns) {
    this.lookup = new Map(columns.terms.map((t, i) => [t, i]));
  }
  df(term: string): number {
    const i = this.lookup.get(term);
    return i === undefined ? 0 : this.columns.offsets[i + 1]! - this.columns.offsets[i]!;
  }
}

interface Candidate {
  doc: number;
  score: number;
  matched: number;
}

export class SearchEngine {
  #main: TermIndex;
  #delta?: SearchEngine;
  #corrector: SpellingCorrector;
  #scores: Float32Array;
  #matched: Uint32Array;
  #touched: Int32Array;
  #live: number;

  private constructor(columns: IndexColumns, delta?: SearchEngine) {
    this.#main = new TermIndex(columns);
    this.#delta = delta;
    const n = columns.ids.length;
    this.#scores = new Float32Array(n);
    this.#matched = new Uint32Array(n);
    this.#touched = new Int32Array(n);
    this.#live = columns.flags.reduce((count, f) => count + ((f & FLAG_DELETED) === 0 ? 1 : 0), 0);
    const frequency = new Map<string, number>();
    columns.terms.forEach((t, i) => {
      frequency.set(t, columns.offsets[i + 1]! - columns.offsets[i]!);
    });
    for (const t of delta?.columns.terms ?? []) if (!frequency.has(t)) frequency.set(t, 1);
    // Grade and subject words win typo ties ("gade 6" is "grade 6", not "game 6"): teachers type them constantly.
    for (const w of QUERY_VOCABULARY) frequency.set(w, Math.max(frequency.get(w) ?? 0, n));
    this.#corrector = new SpellingCorrector(frequency);
  }

  static async build(resources: readonly Resource[], options: BuildOptions = {}): Promise<SearchEngine> {
    return new SearchEngine(await buildIndexColumns(resources, options));
  }

  /** Loads stored columns without rebuilding; refuses an index of another format (the caller rebuilds). */
  static load(columns: IndexColumns): SearchEngine {
    if (columns.formatVersion !== INDEX_FORMAT_VERSION) {
      throw new TypeError(`search index format ${columns.formatVersion} is not ${INDEX_FORMAT_VERSION}`);
    }
    return new SearchEngine(columns);
  }

  get columns(): IndexColumns {
    return this.#main.columns;
  }

  get size(): number {
    return this.#live + (this.#delta?.size ?? 0);
  }

  /**
   * Applies a catalog delta without rebuilding: changed or removed resources are tombstoned in the main index and
   * changed or new ones go to a small delta index, searched alongside. Callers rebuild when the delta grows large.
   */
  async applyChanges(
    upserts: readonly Resource[],
    removedIds: readonly string[],
    options: BuildOptions = {},
  ): Promise<SearchEngine> {
    const gone = new Set([...removedIds, ...upserts.map((r) => r.id)]);
    const flags = this.columns.flags.slice();
    this.columns.ids.forEach((id, doc) => {
      if (gone.has(id)) flags[doc]! |= FLAG_DELETED;
    });
    const previous: Resource[] = this.#delta ? this.#delta.#resourcesKept(gone) : [];
    const delta = [...previous, ...upserts];
    const deltaEngine = delta.length ? await SearchEngine.build(delta, options) : undefined;
    if (deltaEngine) deltaEngine.#deltaResources = delta;
    return new SearchEngine({ ...this.columns, flags }, deltaEngine);
  }

  #deltaResources: Resource[] = [];
  #resourcesKept(gone: Set<string>): Resource[] {
    return this.#deltaResources.filter((r) => !gone.has(r.id));
  }

  /** How large the delta is relative to the main index: rebuild when it passes ~10%. */
  get deltaRatio(): number {
    return (this.#delta?.size ?? 0) / Math.max(1, this.#live);
  }

  searchText(text: string, options: SearchOptions = {}): SearchResult[] {
    return this.search(analyseText(text, this.#corrector), options);
  }

  searchContext(context: UnitContext, options: SearchOptions = {}): SearchResult[] {
    return this.search(analyseContext(context, this.#corrector), options);
  }

  analyse(text: string): AnalysedQuery {
    return analyseText(text, this.#corrector);
  }

  search(query: AnalysedQuery, options: SearchOptions = {}, idfSource?: TermIndex, liveCount?: number): SearchResult[] {
    const limit = options.limit ?? 10;
    const stats = idfSource ?? this.#main;
    const n = liveCount ?? this.size;
    const own = this.#collect(query, options, stats, n, Math.max(limit, FUSE_CANDIDATES));
    const fromDelta = this.#delta
      ? this.#delta.#collect(query, options, stats, n, Math.max(limit, FUSE_CANDIDATES))
      : [];
    const pool = [
      ...own.map((c) => ({ engine: this as SearchEngine, c })),
      ...fromDelta.map((c) => ({ engine: this.#delta!, c })),
    ].sort((a, b) => b.c.score - a.c.score);
    const top = pool.slice(0, Math.max(limit, FUSE_CANDIDATES));
    const maxScore = this.#maxPossible(query, stats, n);

    let fuseScores = new Map<number, number>();
    if (query.residual && top.length) {
      const fuse = new Fuse(
        // Keywords as one string: fuse's cost grows with the number of strings it scans per record.
        top.map(({ engine, c }) => ({
          title: engine.columns.titles[c.doc]!,
          keywords: engine.columns.keywords[c.doc]!.replaceAll(KEYWORD_SEPARATOR, ' · '),
        })),
        {
          keys: [
            { name: 'title', weight: 3 },
            { name: 'keywords', weight: 2 },
          ],
          threshold: 0.35,
          ignoreLocation: true,
          includeScore: true,
        },
      );
      fuseScores = new Map(fuse.search(query.residual).map((r) => [r.refIndex, r.score ?? 1]));
    }

    const required = options.policy?.requiredCerts ?? [];
    const results = top.map(({ engine, c }, i) => {
      const col = engine.columns;
      const id = col.ids[c.doc]!;
      const boosts: Boost[] = [];
      const coach = options.coach?.get(id);
      if (coach) boosts.push('coach');
      if (col.flags[c.doc]! & FLAG_SEAL) boosts.push('iste-seal');
      const certs = col.certs[c.doc]!.split(' ');
      if (required.length && required.every((r) => certs.includes(r))) boosts.push('required-certification');
      if (options.policy?.preferredProviders?.has(col.providers[c.doc]!)) boosts.push('preferred-provider');
      const fuse = fuseScores.has(i) ? 1 - fuseScores.get(i)! : 0;
      const score =
        ((maxScore > 0 ? c.score / maxScore : 0) + W.fuse * fuse) * boosts.reduce((s, b) => s * BOOST[b], 1);
      return { engine, c, id, score, boosts, coach };
    });
    // Coach picks come first when, without their boost, they fit the query nearly as well as the best match does.
    const base = (r: (typeof results)[number]) => r.score / (r.coach ? BOOST.coach : 1);
    const best = Math.max(0, ...results.map(base));
    const tier = (r: (typeof results)[number]) => (r.coach && base(r) >= best * 0.6 ? 1 : 0);
    results.sort((a, b) => tier(b) - tier(a) || b.score - a.score || a.id.localeCompare(b.id));
    return results.slice(0, limit).map((r) => ({
      id: r.id,
      score: Number(r.score.toFixed(4)),
      explanation: r.engine.#explain(r.c.doc, query, r.boosts, r.coach),
    }));
  }

  #passes(doc: number, options: SearchOptions): boolean {
    const col = this.columns;
    const flags = col.flags[doc]!;
    if (flags & FLAG_DELETED) return false;
    if (flags & FLAG_RETIRED && !options.includeRetired) return false;
    const f = options.filters;
    if (f) {
      if (f.bands?.length && !(col.bands[doc]! & f.bands.reduce((m, b) => m | bandBit(b), 0))) return false;
      if (f.subjects?.length && !(col.subjects[doc]! & f.subjects.reduce((m, s) => m | subjectBit(s), 0))) return false;
      if (f.kinds?.length && !f.kinds.some((k) => kindIndex(k) === col.kinds[doc])) return false;
      if (f.iste?.length) {
        const codes = col.iste[doc]!.split(' ');
        if (!f.iste.some((code) => codes.includes(code) || codes.some((c) => c.startsWith(`${code}.`)))) return false;
      }
      if (f.certs?.length) {
        const certs = col.certs[doc]!.split(' ');
        if (!f.certs.some((c) => certs.includes(c))) return false;
      }
      if (f.language && !col.languages[doc]!.startsWith(f.language)) return false;
    }
    const p = options.policy;
    if (p?.blockedIds?.has(col.ids[doc]!)) return false;
    if (p?.blockedProviders?.has(col.providers[doc]!)) return false;
    return true;
  }

  /** Facet matches add to the score; a resource for other grades or another subject keeps only part of it. */
  #facetScore(doc: number, query: AnalysedQuery): { add: number; factor: number } {
    const col = this.columns;
    let score = 0;
    let factor = 1;
    if (query.bands.size) {
      if ([...query.bands].some((b) => col.bands[doc]! & bandBit(b))) score += W.band;
      else factor *= W.otherBand;
    }
    if (query.subjects.size) {
      if ([...query.subjects].some((s) => col.subjects[doc]! & subjectBit(s))) score += W.subject;
      else factor *= W.otherSubject;
    }
    if (query.kinds.size && [...query.kinds].some((k) => kindIndex(k) === col.kinds[doc])) score += W.kind;
    if (query.isteCodes.size) {
      const codes = col.iste[doc]!;
      if ([...query.isteCodes].some((c) => codes.split(' ').some((d) => d === c || d.startsWith(`${c}.`))))
        score += W.iste;
    }
    return { add: score, factor };
  }

  #maxPossible(query: AnalysedQuery, stats: TermIndex, n: number): number {
    let max = 0;
    for (const t of query.terms) max += t.weight * idf(stats.df(t.term), n) * 3;
    if (query.bands.size) max += W.band;
    if (query.subjects.size) max += W.subject;
    if (query.kinds.size) max += W.kind;
    if (query.isteCodes.size) max += W.iste;
    return max;
  }

  /** Scores every document that shares a term with the query, then keeps the best `k`. */
  #collect(query: AnalysedQuery, options: SearchOptions, stats: TermIndex, n: number, k: number): Candidate[] {
    const col = this.columns;
    const scores = this.#scores;
    const matched = this.#matched;
    const touched = this.#touched;
    let count = 0;
    const terms = query.terms
      .map((t) => ({ ...t, index: this.#main.lookup.get(t.term), df: stats.df(t.term) }))
      .filter((t) => t.index !== undefined)
      .sort((a, b) => a.df - b.df);
    // Very common terms only add to documents that rarer terms already found (they rarely decide, and cost most).
    const commonAt = Math.max(2000, n * 0.1);
    terms.forEach((t, bit) => {
      const from = col.offsets[t.index!]!;
      const to = col.offsets[t.index! + 1]!;
      const w = t.weight * idf(t.df, n);
      const boostOnly = count > 0 && to - from > commonAt;
      if (boostOnly) {
        for (let i = 0; i < count; i++) {
          const doc = touched[i]!;
          const at = binarySearch(col.postings, from, to, doc);
          if (at >= 0) {
            scores[doc]! += w * col.weights[at]!;
            matched[doc]! |= 1 << Math.min(bit, 31);
          }
        }
        return;
      }
      for (let p = from; p < to; p++) {
        const doc = col.postings[p]!;
        if (matched[doc] === 0 && scores[doc] === 0) touched[count++] = doc;
        scores[doc]! += w * col.weights[p]!;
        matched[doc]! |= 1 << Math.min(bit, 31);
      }
    });

    const heap = new TopK(k);
    if (count === 0 && terms.length === 0) {
      // No topic words: rank by facets alone (e.g. "grade 7 science"), or everything when there are none.
      for (let doc = 0; doc < col.ids.length; doc++) {
        if (!this.#passes(doc, options)) continue;
        const facets = this.#facetScore(doc, query);
        heap.push({ doc, score: facets.add * facets.factor, matched: 0 });
      }
      return heap.sorted();
    }
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      if (this.#passes(doc, options)) {
        const facets = this.#facetScore(doc, query);
        heap.push({ doc, score: (scores[doc]! + facets.add) * facets.factor, matched: matched[doc]! });
      }
      scores[doc] = 0;
      matched[doc] = 0;
    }
    return heap.sorted();
  }

  #explain(doc: number, query: AnalysedQuery, boosts: Boost[], coach?: CoachPick): Explanation {
    const col = this.columns;
    const words = new Set<string>();
    for (const t of query.terms) {
      const i = this.#main.lookup.get(t.term);
      if (i !== undefined && binarySearch(col.postings, col.offsets[i]!, col.offsets[i + 1]!, doc) >= 0)
        words.add(t.surface);
    }
    const codes = col.iste[doc]!.split(' ');
    return {
      terms: [...words].slice(0, 4),
      bands: GRADE_BANDS.filter((b) => query.bands.has(b) && col.bands[doc]! & bandBit(b)),
      subjects: SUBJECTS.filter((s) => query.subjects.has(s) && col.subjects[doc]! & subjectBit(s)),
      kinds: RESOURCE_KINDS.filter((k) => query.kinds.has(k) && kindIndex(k) === col.kinds[doc]),
      iste: [...query.isteCodes].flatMap((c) => codes.filter((d) => d === c || d.startsWith(`${c}.`))),
      boosts,
      coach,
      corrections: query.corrections,
    };
  }
}

const idf = (df: number, n: number): number => Math.log(1 + n / (df + 0.5));

function binarySearch(array: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = array[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Keeps the k best candidates (a min-heap on score). */
class TopK {
  #items: Candidate[] = [];
  constructor(readonly k: number) {}
  push(c: Candidate) {
    const items = this.#items;
    if (items.length < this.k) {
      items.push(c);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (items[parent]!.score <= items[i]!.score) break;
        [items[parent], items[i]] = [items[i]!, items[parent]!];
        i = parent;
      }
      return;
    }
    if (c.score <= items[0]!.score) return;
    items[0] = c;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < items.length && items[l]!.score < items[min]!.score) min = l;
      if (r < items.length && items[r]!.score < items[min]!.score) min = r;
      if (min === i) break;
      [items[min], items[i]] = [items[i]!, items[min]!];
      i = min;
    }
  }
  sorted(): Candidate[] {
    return [...this.#items].sort((a, b) => b.score - a.score);
  }
}
