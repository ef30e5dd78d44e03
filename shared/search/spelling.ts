/**
 * Typo repair at the vocabulary level, before any scoring: a query word the catalog never uses is replaced by the
 * catalog words within edit distance 1 (2 for words of 8+ letters). Candidates are found through a deletion index
 * (the SymSpell idea: words that share a deletion are close) and confirmed with the optimal-string-alignment distance,
 * which counts a transposition as one edit ("grdae" -> "grade").
 */
export interface Correction {
  term: string;
  distance: number;
}

function deletions(word: string, depth: number, out: Set<string>): Set<string> {
  if (depth === 0 || word.length <= 1) return out;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletions(d, depth - 1, out);
    }
  }
  return out;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

export const maxEditsFor = (word: string): number => (word.length >= 8 ? 2 : 1);

export class SpellingCorrector {
  readonly #frequency: Map<string, number>;
  #deletes?: Map<string, string[]>;

  /** `frequency`: each vocabulary word and how many documents use it (used to break ties). */
  constructor(frequency: Map<string, number>) {
    this.#frequency = frequency;
  }

  has(word: string): boolean {
    return this.#frequency.has(word);
  }

  /** Built on first use: most searches have no typo, and loading must stay fast. */
  #deleteIndex(): Map<string, string[]> {
    if (this.#deletes) return this.#deletes;
    const index = new Map<string, string[]>();
    for (const word of this.#frequency.keys()) {
      if (word.length < 3 || /\d/.test(word)) continue;
      for (const d of deletions(word, 1, new Set())) {
        const list = index.get(d);
        if (list) list.push(word);
        else index.set(d, [word]);
      }
    }
    this.#deletes = index;
    return index;
  }

  /**
   * Closest vocabulary words for an unknown word: the nearest distance only, most frequent first, and only those at
   * least a third as frequent as the best (a rare word at the same distance is usually not what was meant), at most 3.
   */
  correct(word: string): Correction[] {
    if (word.length < 4 || /\d/.test(word) || this.#frequency.has(word)) return [];
    const max = maxEditsFor(word);
    const index = this.#deleteIndex();
    const candidates = new Set<string>();
    const probes = deletions(word, max, new Set([word]));
    for (const probe of probes) {
      if (this.#frequency.has(probe)) candidates.add(probe);
      for (const w of index.get(probe) ?? []) candidates.add(w);
    }
    let best = max + 1;
    let found: Correction[] = [];
    for (const term of candidates) {
      const distance = editDistance(word, term, max);
      if (distance > max || distance > best) continue;
      if (distance < best) {
        best = distance;
        found = [];
      }
      found.push({ term, distance });
    }
    const freq = (t: string) => this.#frequency.get(t) ?? 0;
    found.sort((a, b) => freq(b.term) - freq(a.term));
    const top = freq(found[0]?.term ?? '');
    return found.filter((c) => freq(c.term) * 3 >= top).slice(0, 3);
  }
}
