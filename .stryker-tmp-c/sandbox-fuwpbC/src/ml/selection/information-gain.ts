// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Column } from '../../frame/index.js';
import type { FittedBinning } from '../binning/index.js';
import { chiSquareSurvival } from '../metrics/index.js';

/** Information gain of one feature about the 0/1 target, on a stated discretisation. */
export interface InformationGain {
  readonly feature: string;
  /** Levels with at least one row (bins, or categories plus missing). */
  readonly levels: number;
  /** I(X;Y) = H(Y) − H(Y|X), in bits (log base 2); × ln 2 gives nats (scikit-learn's unit). */
  readonly ig: number;
  /** Quinlan's gain ratio IG / H(X) (0 when X is constant). */
  readonly gainRatio: number;
  /** Symmetric uncertainty 2·IG / (H(X) + H(Y)), in [0, 1] (0 when both entropies are 0). */
  readonly symmetricUncertainty: number;
  /** G statistic 2·n·I(X;Y) in nats: χ² with (levels − 1) degrees of freedom under independence. */
  readonly g: number;
  /** P(χ²(levels − 1) > G), the G-test of independence (1 when levels ≤ 1). */
  readonly pValue: number;
}

/** Entropy in bits of a vector of counts (zero counts contribute 0; 0 for an empty vector). */
export function entropyBits(counts: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i] as number;
  if (n <= 0) return 0;
  let h = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number;
    if (c > 0) h -= (c / n) * Math.log2(c / n);
  }
  return h;
}

/**
 * Information gain, gain ratio, symmetric uncertainty and the G-test from a level × outcome table
 * (`goods[k]`, `bads[k]` = rows of level k with target 0 and 1). Entropy-based (Quinlan 1986 for
 * the gain ratio; Press et al., Numerical Recipes §14.7 for symmetric uncertainty; the G statistic
 * 2n·I in nats is Wilks' likelihood-ratio test of independence).
 */
export function informationGain(feature: string, goods: ArrayLike<number>, bads: ArrayLike<number>): InformationGain {
  let good = 0;
  let bad = 0;
  let levels = 0;
  const sizes = new Float64Array(goods.length);
  let conditional = 0;
  for (let k = 0; k < goods.length; k++) {
    const g = goods[k] as number;
    const b = bads[k] as number;
    good += g;
    bad += b;
    sizes[k] = g + b;
    if (g + b > 0) levels++;
  }
  const n = good + bad;
  for (let k = 0; k < goods.length; k++) {
    const size = sizes[k] as number;
    if (size > 0) conditional += (size / n) * entropyBits([goods[k] as number, bads[k] as number]);
  }
  const hy = entropyBits([good, bad]);
  const hx = entropyBits(sizes);
  // Clamp the rounding residue: I(X;Y) ≥ 0 and ≤ min(H(X), H(Y)).
  const ig = Math.min(Math.max(0, hy - conditional), hy, hx);
  const g = 2 * n * ig * Math.LN2;
  return {
    feature,
    levels,
    ig,
    gainRatio: hx > 0 ? ig / hx : 0,
    symmetricUncertainty: hx + hy > 0 ? (2 * ig) / (hx + hy) : 0,
    g,
    pValue: levels > 1 ? chiSquareSurvival(g, levels - 1) : 1,
  };
}

/**
 * The level × outcome table information gain is computed on, so that it is comparable with the IV:
 * a numeric feature uses the rows of its fitted IV binning (regular, special and missing bins); a
 * categorical feature uses every category on its own, with missing as one more level (the binning
 * groups categories, which can only lower the gain). Rows with a missing label are ignored.
 */
export function levelCounts(column: Column, labels: Float64Array, binning?: FittedBinning): { goods: Float64Array; bads: Float64Array } {
  if (column.type === 'number') {
    if (binning === undefined)
      throw new CredoError('E_INPUT_VALIDATION', { summary: `numeric feature "${column.name}" needs its IV binning for information gain` });
    return { goods: Float64Array.from(binning.rows, (r) => r.goods), bads: Float64Array.from(binning.rows, (r) => r.bads) };
  }
  const levels = column.dictionary.length + 1;
  const goods = new Float64Array(levels);
  const bads = new Float64Array(levels);
  for (let i = 0; i < column.codes.length; i++) {
    const y = labels[i] as number;
    if (Number.isNaN(y)) continue;
    // Level 0 is missing, category code c is level c + 1.
    const level = (column.codes[i] as number) + 1;
    if (y === 1) bads[level] = (bads[level] as number) + 1;
    else goods[level] = (goods[level] as number) + 1;
  }
  return { goods, bads };
}
