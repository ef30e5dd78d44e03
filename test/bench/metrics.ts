/** Ranking quality measures used by the benchmark and the relevance tests. */

/** nDCG@k with graded relevance (gain 2^rel - 1). */
export function ndcgAt(k: number, ranked: readonly string[], relevant: Readonly<Record<string, number>>): number {
  const gain = (rel: number) => 2 ** rel - 1;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += gain(relevant[id] ?? 0) / Math.log2(i + 2);
  });
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, k);
  const idcg = ideal.reduce((sum, rel, i) => sum + gain(rel) / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Share of the relevant items found in the first k. */
export function recallAt(k: number, ranked: readonly string[], relevant: readonly string[]): number {
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
