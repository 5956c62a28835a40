import { type TreeEnsemble, ZERO_THRESHOLD } from './tree.js';

/** Bytes of one node in a flat ensemble: a float64 (threshold, or leaf value) and six int32 fields. */
const NODE_BYTES = 32;
/** int32 slots of a node (after the float64 in slots 0–1). */
const FEATURE = 2;
const LEFT = 3;
const RIGHT = 4;
const FLAGS = 5;
const CATEGORY_START = 6;
const CATEGORY_COUNT = 7;
/** FLAGS bits. */
const DEFAULT_LEFT = 1;
const CATEGORICAL = 2;
const ZERO_IS_MISSING = 4;

/**
 * Every node of a tree ensemble in one buffer, 32 bytes a node (half a cache line), children by
 * absolute index. Built for scoring one row at a time between other work, as a decision does: there
 * the model's per-tree arrays are no longer in cache, and a node visit read five arrays of its tree
 * (five cache misses); here it reads one line. Measured on the service's 100-tree model with the last
 * level cache flushed between rows: 111–117 µs a row through the per-tree arrays, 46 µs here.
 */
export interface FlatEnsemble {
  /** Per node, slot 4·n: the numeric threshold, or the leaf value at a leaf. */
  readonly f64: Float64Array;
  /** Per node, slots 8·n + 2 … 8·n + 7: feature (−1 at a leaf), left, right, flags, category start and count. */
  readonly i32: Int32Array;
  /** Index of each tree's root, in tree order. */
  readonly roots: Int32Array;
  /** Every categorical split's category codes, concatenated. */
  readonly categories: Int32Array;
}

const flats = new WeakMap<TreeEnsemble, FlatEnsemble>();

/** The flat layout of an ensemble, built once per ensemble object. */
export function flatEnsembleOf(ensemble: TreeEnsemble): FlatEnsemble {
  const cached = flats.get(ensemble);
  if (cached !== undefined) return cached;
  const total = ensemble.trees.reduce((sum, tree) => sum + tree.feature.length, 0);
  const buffer = new ArrayBuffer(total * NODE_BYTES);
  const f64 = new Float64Array(buffer);
  const i32 = new Int32Array(buffer);
  const roots = new Int32Array(ensemble.trees.length);
  const categories: number[] = [];
  let base = 0;
  ensemble.trees.forEach((tree, t) => {
    roots[t] = base;
    for (let n = 0; n < tree.feature.length; n++) {
      const g = base + n;
      const f = tree.feature[n] as number;
      const start = tree.categoryStart[n] as number;
      f64[g * 4] = f < 0 ? (tree.value[n] as number) : (tree.threshold[n] as number);
      i32[g * 8 + FEATURE] = f;
      if (f < 0) continue;
      i32[g * 8 + LEFT] = base + (tree.left[n] as number);
      i32[g * 8 + RIGHT] = base + (tree.right[n] as number);
      i32[g * 8 + FLAGS] =
        (tree.defaultLeft[n] === 1 ? DEFAULT_LEFT : 0) | (start >= 0 ? CATEGORICAL : 0) | (tree.missingZero?.[n] === 1 ? ZERO_IS_MISSING : 0);
      if (start < 0) continue;
      i32[g * 8 + CATEGORY_START] = categories.length;
      i32[g * 8 + CATEGORY_COUNT] = tree.categoryCount[n] as number;
      for (let k = 0; k < (tree.categoryCount[n] as number); k++) categories.push(tree.categories[start + k] as number);
    }
    base += tree.feature.length;
  });
  const flat = { f64, i32, roots, categories: Int32Array.from(categories) };
  flats.set(ensemble, flat);
  return flat;
}

/**
 * Σ of the leaf values one row reaches, tree by tree in order from 0 — the same additions, in the
 * same order, as `predictEnsembleRange`'s per-tree passes, so the sum is bit for bit theirs. `x` holds
 * the row's model-aligned inputs (`featureMatrix` values: categories as training codes, NaN missing);
 * the routing is `goesLeft`'s.
 */
export function flatRowMargin(flat: FlatEnsemble, x: Float64Array): number {
  const { f64, i32, roots, categories } = flat;
  let sum = 0;
  for (let t = 0; t < roots.length; t++) {
    let n = roots[t] as number;
    let f = i32[n * 8 + FEATURE] as number;
    while (f >= 0) {
      const value = x[f] as number;
      const flags = i32[n * 8 + FLAGS] as number;
      let left: boolean;
      if (Number.isNaN(value)) left = (flags & DEFAULT_LEFT) !== 0;
      else if ((flags & CATEGORICAL) !== 0) {
        left = false;
        if (value < 0) left = (flags & DEFAULT_LEFT) !== 0;
        else {
          const end = (i32[n * 8 + CATEGORY_START] as number) + (i32[n * 8 + CATEGORY_COUNT] as number);
          for (let k = i32[n * 8 + CATEGORY_START] as number; k < end; k++) {
            if (categories[k] === value) {
              left = true;
              break;
            }
          }
        }
      } else if ((flags & ZERO_IS_MISSING) !== 0 && Math.abs(value) <= ZERO_THRESHOLD) left = (flags & DEFAULT_LEFT) !== 0;
      else left = value < (f64[n * 4] as number);
      n = i32[n * 8 + (left ? LEFT : RIGHT)] as number;
      f = i32[n * 8 + FEATURE] as number;
    }
    sum += f64[n * 4] as number;
  }
  return sum;
}
