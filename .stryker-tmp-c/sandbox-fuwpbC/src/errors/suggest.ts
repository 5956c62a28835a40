// @ts-nocheck
import { CredoError, type ErrorDetails } from './credo-error.js';

/**
 * Edit distance between two strings counting insertions, deletions, substitutions and swaps of
 * two adjacent characters as 1 each (optimal string alignment, Damerau 1964): "trian" is 1 from
 * "train".
 */
export function editDistance(a: string, b: string): number {
  // Three rows: the swap looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The candidates nearest to `name`, best first: a case-insensitive match counts as distance 0,
 * otherwise the edit distance of the lower-cased names. Only candidates within `maxDistance`
 * (default: a third of the name's length, at least 1) are kept; ties keep the candidates' order.
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3, maxDistance = Math.max(1, Math.floor(name.length / 3))): string[] {
  const lower = name.toLowerCase();
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: editDistance(lower, candidate.toLowerCase()) }))
    .filter((c) => c.distance <= maxDistance)
    .sort((x, y) => x.distance - y.distance || x.index - y.index)
    .slice(0, limit)
    .map((c) => c.candidate);
}

/** A "did you mean" hint for an unknown name (`did you mean "bad"?`), or undefined when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[], quote = (s: string) => `"${s}"`): string | undefined {
  const close = closestNames(name, candidates);
  if (close.length === 0) return undefined;
  return `did you mean ${close.map(quote).join(' or ')}?`;
}

/**
 * `E_INPUT_COLUMN_MISSING` for `column` not found in `source`, with the closest `available`
 * columns as a hint (`did you mean "BAD"?`), or when none is close, the columns there are (up to 8).
 */
export function missingColumnError(column: string, source: string, available: readonly string[], extra: ErrorDetails = {}): CredoError {
  const close = didYouMean(column, available);
  const listed = available.length <= 8 ? available.join(', ') : `${available.slice(0, 8).join(', ')}, … ${available.length - 8} more`;
  const hint = close ?? (available.length > 0 ? `columns there: ${listed}` : undefined);
  return new CredoError(
    'E_INPUT_COLUMN_MISSING',
    hint === undefined ? { ...extra, column, source } : { ...extra, column, source, hint, closest: closestNames(column, available) },
  );
}
