/** How stable a selection is over repeated runs (e.g. the CV folds). */
// @ts-nocheck

export interface SelectionStability {
  /** Runs compared. */
  readonly runs: number;
  /** Share of runs that chose each candidate, in [0, 1], in candidate order. */
  readonly frequency: ReadonlyMap<string, number>;
  /** Mean Jaccard index |A ∩ B| / |A ∪ B| over all pairs of runs (1 = identical sets; two empty sets count 1). */
  readonly jaccard: number;
}

/** Jaccard index of two sets of names (1 when both are empty). */
export function jaccardIndex(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let both = 0;
  for (const x of left) if (right.has(x)) both++;
  const union = left.size + right.size - both;
  return union === 0 ? 1 : both / union;
}

/**
 * Selection frequency of every candidate and the mean pairwise Jaccard stability of the selected
 * sets (Kalousis, Prados & Hilario 2007). One run has stability 1 by convention.
 */
export function selectionStability(sets: readonly (readonly string[])[], candidates: readonly string[]): SelectionStability {
  const frequency = new Map<string, number>();
  for (const c of candidates) frequency.set(c, sets.length === 0 ? 0 : sets.filter((s) => s.includes(c)).length / sets.length);
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) {
      total += jaccardIndex(sets[i] as string[], sets[j] as string[]);
      pairs++;
    }
  return { runs: sets.length, frequency, jaccard: pairs === 0 ? 1 : total / pairs };
}
