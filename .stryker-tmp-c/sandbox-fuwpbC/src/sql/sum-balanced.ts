/** Most terms one `+` chain adds: engines cap expression depth (DuckDB 1,000; Spark's generated methods 64 KB). */
// @ts-nocheck

export const SUM_BATCH = 50;

/**
 * SQL adding `terms`: at most `SUM_BATCH` per parenthesised `+` chain, chains of chains for more,
 * with batch sizes as equal as possible (a balanced tree of depth ⌈log₅₀ n⌉). Each chain adds
 * left to right. Floating-point addition is not associative, so the result may differ from a
 * strictly sequential sum in the last bits (≤ n·ε relative).
 */
export function sumBalanced(terms: readonly string[]): string {
  if (terms.length === 0) return '0';
  if (terms.length === 1) return terms[0] as string;
  if (terms.length <= SUM_BATCH) return `(${terms.join(' + ')})`;
  const batches = Math.ceil(terms.length / SUM_BATCH);
  const out: string[] = [];
  for (let b = 0; b < batches; b++) {
    const from = Math.floor((b * terms.length) / batches);
    const to = Math.floor(((b + 1) * terms.length) / batches);
    out.push(sumBalanced(terms.slice(from, to)));
  }
  return sumBalanced(out);
}
