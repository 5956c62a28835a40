/**
 * The one tree representation shared by every tree model in Credo: Credo's GBDT, random forests,
 * and models imported from XGBoost and LightGBM. Flat structure-of-arrays, node 0 is the root.
 *
 * Routing at an internal node n testing feature f = `feature[n]`:
 * - numeric split: missing (NaN) follows `defaultLeft[n]`; otherwise x < `threshold[n]` goes left
 *   (strict, as XGBoost; LightGBM's `<=` is converted on import to the next representable double);
 * - categorical split (`categoryStart[n] >= 0`): missing follows `defaultLeft[n]`; a category code
 *   listed in `categories[categoryStart[n] .. categoryStart[n] + categoryCount[n])` goes left,
 *   every other code (including codes unseen in training) goes right.
 */
// @ts-nocheck

// 

export interface Tree {
  /** Feature index per node; -1 marks a leaf. */
  readonly feature: Int32Array;
  /** Numeric threshold per internal node (unused at leaves and categorical nodes). */
  readonly threshold: Float64Array;
  /** Left child per internal node (-1 at leaves). */
  readonly left: Int32Array;
  /** Right child per internal node (-1 at leaves). */
  readonly right: Int32Array;
  /** 1 when missing values go left at this node. */
  readonly defaultLeft: Uint8Array;
  /** Start of this node's category list in `categories`, or -1 for a numeric split / leaf. */
  readonly categoryStart: Int32Array;
  /** Length of this node's category list (0 for numeric splits and leaves). */
  readonly categoryCount: Int32Array;
  /** Concatenated sorted category codes of all categorical splits. */
  readonly categories: Int32Array;
  /** Leaf output on the raw (margin) scale; at internal nodes, the cover-weighted value (for display). */
  readonly value: Float64Array;
  /** Training cover per node (sum of hessians, or row count for forests): TreeSHAP needs it. */
  readonly cover: Float64Array;
  /** Loss reduction of the split per internal node (0 at leaves): gain importance. */
  readonly gain: Float64Array;
  /**
   * Optional (LightGBM imports, missing type "Zero"): 1 at a numeric node where a value with
   * |x| ≤ 1e-35 counts as missing and follows `defaultLeft`. Absent = never.
   */
  readonly missingZero?: Uint8Array;
}

/** LightGBM's kZeroThreshold: |x| at or below it is "zero" for missing type Zero. */
export const ZERO_THRESHOLD = 1e-35;

/** A feature as a tree model sees it: its training column, type and (for categories) dictionary. */
export interface TreeFeature {
  readonly name: string;
  readonly type: 'number' | 'category';
  /** Training dictionary for categorical features: code k is `categories[k]`. */
  readonly categories?: readonly string[];
}

/**
 * A tree ensemble: raw margin = `baseScore` + Σ tree outputs (or their mean when `averaging`).
 * For `binary` objectives the probability is the logistic of the margin.
 */
export interface TreeEnsemble {
  readonly trees: readonly Tree[];
  readonly features: readonly TreeFeature[];
  /** Added to every prediction on the raw scale (XGBoost's base_score as a margin). */
  readonly baseScore: number;
  readonly objective: 'binary' | 'regression';
  /** True for random forests: the margin is the mean of the trees rather than the sum. */
  readonly averaging: boolean;
  /** When 'float32', inputs are rounded to float32 before comparisons (XGBoost parity). */
  readonly inputPrecision: 'float64' | 'float32';
}

/** Number of nodes in a tree. */
export function nodeCount(tree: Tree): number {
  return tree.feature.length;
}

/** True when node `n` is a leaf. */
export function isLeaf(tree: Tree, n: number): boolean {
  return (tree.feature[n] as number) < 0;
}

/**
 * The routing decision at internal node `n` for feature value `x` (a number, or a category code
 * as a number with NaN/-1 for missing categories): true = go left. The reference semantics every
 * fast predictor, SHAP and SQL compiler must agree with.
 */
export function goesLeft(tree: Tree, n: number, x: number): boolean {
  const start = tree.categoryStart[n] as number;
  if (start >= 0) {
    if (Number.isNaN(x) || x < 0) return tree.defaultLeft[n] === 1;
    const end = start + (tree.categoryCount[n] as number);
    for (let k = start; k < end; k++) if (tree.categories[k] === x) return true;
    return false;
  }
  if (Number.isNaN(x)) return tree.defaultLeft[n] === 1;
  if (tree.missingZero !== undefined && tree.missingZero[n] === 1 && Math.abs(x) <= ZERO_THRESHOLD) return tree.defaultLeft[n] === 1;
  return x < (tree.threshold[n] as number);
}

/** The leaf reached by a row whose feature values are given by `featureValue(featureIndex)`. */
export function leafFor(tree: Tree, featureValue: (feature: number) => number): number {
  let n = 0;
  while ((tree.feature[n] as number) >= 0)
    n = goesLeft(tree, n, featureValue(tree.feature[n] as number)) ? (tree.left[n] as number) : (tree.right[n] as number);
  return n;
}
