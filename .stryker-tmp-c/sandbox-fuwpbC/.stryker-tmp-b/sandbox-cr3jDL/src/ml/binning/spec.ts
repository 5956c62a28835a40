/**
 * A feature's binning, as plain versioned JSON the user can read, edit and re-apply
 * (`credo binning apply --spec`). Bin layout, the same in fit, transform, scoring, PSI and
 * reason codes: regular bins first (numeric intervals or category groups), then one bin per
 * special value, then the missing bin (always present, possibly empty).
 *
 * Numeric intervals are left-closed, after optbinning/numpy.digitize: with ascending splits
 * s_0 < … < s_{k−1}, bin 0 = (−∞, s_0), bin j = [s_{j−1}, s_j), bin k = [s_{k−1}, ∞). A value
 * equal to a split belongs to the bin on its right, in fit and transform alike.
 */
// @ts-nocheck

// 

export interface NumericBinSpec {
  readonly feature: string;
  readonly type: 'number';
  /** Strictly ascending finite split points. */
  readonly splits: readonly number[];
  /** Special values (e.g. −1 = "no bureau file"), each in its own bin, never in an interval. */
  readonly specials: readonly number[];
}

/**
 * Categorical binning: each regular bin is a group of category labels. Categories never seen
 * when the spec was made go to the missing bin (`unseen: 'missing'`, the default) or raise an
 * input error (`unseen: 'error'`).
 */
export interface CategoryBinSpec {
  readonly feature: string;
  readonly type: 'category';
  /** Disjoint groups of labels, one per regular bin. */
  readonly groups: readonly (readonly string[])[];
  /** Special labels, each in its own bin. */
  readonly specials: readonly string[];
  readonly unseen: 'missing' | 'error';
}

/** Either kind of bin spec. */
export type BinSpec = NumericBinSpec | CategoryBinSpec;

/** Number of regular bins of a spec. */
export function regularBinCount(spec: BinSpec): number {
  return spec.type === 'number' ? spec.splits.length + 1 : spec.groups.length;
}

/** Total number of bins: regular + specials + the missing bin. */
export function binCount(spec: BinSpec): number {
  return regularBinCount(spec) + spec.specials.length + 1;
}

/** Index of the missing bin (the last). */
export function missingBin(spec: BinSpec): number {
  return binCount(spec) - 1;
}

/** Human labels of every bin, e.g. `[-inf, 2.5)`, `[2.5, inf)`, `special -1`, `missing`; groups as `{a, b}`. */
export function binLabels(spec: BinSpec): string[] {
  const labels: string[] = [];
  if (spec.type === 'number') {
    const s = spec.splits;
    for (let j = 0; j <= s.length; j++) labels.push(`[${j === 0 ? '-inf' : fmt(s[j - 1] as number)}, ${j === s.length ? 'inf' : fmt(s[j] as number)})`);
  } else {
    for (const group of spec.groups) labels.push(`{${group.join(', ')}}`);
  }
  for (const v of spec.specials) labels.push(`special ${v}`);
  labels.push('missing');
  return labels;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(10)));
}
