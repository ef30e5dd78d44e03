import type { Resource } from '../model/resource';
import {
  GRADE_BANDS,
  type GradeBand,
  RESOURCE_KINDS,
  type ResourceKind,
  SUBJECTS,
  type Subject,
} from '../model/vocabulary';
import { isCertificationStale } from '../standards/certifications';
import { terms } from './text';

/**
 * The search index as plain columns and typed arrays: what IndexedDB stores (structured clone copies typed arrays
 * without parsing) and what loads back without rebuilding. Postings are doc ids in ascending order per term, with
 * the best field weight of that term in that doc (title 3, keywords 2, description and provider 1).
 */
export const INDEX_FORMAT_VERSION = 2;

export interface IndexColumns {
  formatVersion: number;
  /** When the index was built, and from which catalog version: a stale index is rebuilt, not trusted. */
  catalogVersion: string;
  ids: string[];
  titles: string[];
  /** Keywords per doc, joined with U+001F. */
  keywords: string[];
  providers: string[];
  bands: Uint8Array;
  subjects: Uint16Array;
  kinds: Uint8Array;
  /** bit 0: ISTE Seal · bit 1: retired · bit 2: deleted (tombstone after an update) */
  flags: Uint8Array;
  /** ISTE codes (version-agnostic) per doc, joined with a space. */
  iste: string[];
  /** Certification standards with a fresh (≤ 12 months) verification, per doc, joined with a space. */
  certs: string[];
  languages: string[];
  terms: string[];
  offsets: Uint32Array;
  postings: Int32Array;
  weights: Uint8Array;
}

export const FLAG_SEAL = 1;
export const FLAG_RETIRED = 2;
export const FLAG_DELETED = 4;
export const KEYWORD_SEPARATOR = '\u001f';

export const bandBit = (band: GradeBand): number => 1 << GRADE_BANDS.indexOf(band);
export const subjectBit = (subject: Subject): number => 1 << SUBJECTS.indexOf(subject);
export const kindIndex = (kind: ResourceKind): number => RESOURCE_KINDS.indexOf(kind);

const FIELD_WEIGHTS = { title: 3, keywords: 2, description: 1, provider: 1 } as const;

export interface BuildOptions {
  catalogVersion?: string;
  now?: Date;
  /** Called between chunks; awaiting a macrotask there keeps a page responsive while a large index builds. */
  yieldEvery?: number;
  onYield?: () => Promise<void>;
}

/** Builds index columns from resources. Async so that large catalogs can yield; synchronous work per chunk. */
export async function buildIndexColumns(
  resources: readonly Resource[],
  options: BuildOptions = {},
): Promise<IndexColumns> {
  const now = options.now ?? new Date();
  const n = resources.length;
  const columns = {
    formatVersion: INDEX_FORMAT_VERSION,
    catalogVersion: options.catalogVersion ?? '',
    ids: new Array<string>(n),
    titles: new Array<string>(n),
    keywords: new Array<string>(n),
    providers: new Array<string>(n),
    bands: new Uint8Array(n),
    subjects: new Uint16Array(n),
    kinds: new Uint8Array(n),
    flags: new Uint8Array(n),
    iste: new Array<string>(n),
    certs: new Array<string>(n),
    languages: new Array<string>(n),
  };
  const lists = new Map<string, { docs: number[]; weights: number[] }>();
  const add = (term: string, doc: number, weight: number) => {
    const list = lists.get(term) ?? { docs: [], weights: [] };
    if (list.docs.length === 0) lists.set(term, list);
    const last = list.docs.length - 1;
    if (list.docs[last] === doc) {
      if (weight > list.weights[last]!) list.weights[last] = weight;
    } else {
      list.docs.push(doc);
      list.weights.push(weight);
    }
  };

  const every = options.yieldEvery ?? 2000;
  for (let doc = 0; doc < n; doc++) {
    if (options.onYield && doc > 0 && doc % every === 0) await options.onYield();
    const r = resources[doc]!;
    columns.ids[doc] = r.id;
    columns.titles[doc] = r.title;
    columns.keywords[doc] = r.keywords.join(KEYWORD_SEPARATOR);
    columns.providers[doc] = r.provider.name;
    columns.languages[doc] = r.language;
    let bands = 0;
    for (const b of r.gradeBands) bands |= bandBit(b);
    columns.bands[doc] = bands;
    let subjects = 0;
    for (const s of r.subjects) subjects |= subjectBit(s);
    columns.subjects[doc] = subjects;
    columns.kinds[doc] = kindIndex(r.kind);
    let flags = r.status === 'retired' ? FLAG_RETIRED : 0;
    const codes = new Set<string>();
    for (const a of r.alignments) {
      if (a.framework !== 'ISTE') continue;
      codes.add(a.code);
      if (a.provenance.source === 'iste_seal') flags |= FLAG_SEAL;
    }
    columns.flags[doc] = flags;
    columns.iste[doc] = [...codes].join(' ');
    columns.certs[doc] = [
      ...new Set(r.certifications.filter((c) => !isCertificationStale(c.verifiedAt, now)).map((c) => c.standard)),
    ].join(' ');

    // Descriptions and providers first, so that a title or keyword weight overrides theirs for the same term.
    for (const t of terms(r.description)) add(t, doc, FIELD_WEIGHTS.description);
    for (const t of terms(r.provider.name)) add(t, doc, FIELD_WEIGHTS.provider);
    for (const k of r.keywords) for (const t of terms(k)) add(t, doc, FIELD_WEIGHTS.keywords);
    for (const t of terms(r.title)) add(t, doc, FIELD_WEIGHTS.title);
  }

  const sortedTerms = [...lists.keys()].sort();
  let total = 0;
  for (const t of sortedTerms) total += lists.get(t)!.docs.length;
  const offsets = new Uint32Array(sortedTerms.length + 1);
  const postings = new Int32Array(total);
  const weights = new Uint8Array(total);
  let at = 0;
  sortedTerms.forEach((t, i) => {
    const list = lists.get(t)!;
    offsets[i] = at;
    postings.set(list.docs, at);
    weights.set(list.weights, at);
    at += list.docs.length;
  });
  offsets[sortedTerms.length] = at;
  return { ...columns, terms: sortedTerms, offsets, postings, weights };
}
