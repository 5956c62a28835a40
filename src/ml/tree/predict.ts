import { Frame } from '../../frame/index.js';
import { type FeatureMatrix, featureMatrix } from './feature-matrix.js';
import { flatEnsembleOf, flatRowMargin } from './flat-ensemble.js';
import { goesLeft, type Tree, type TreeEnsemble } from './tree.js';

const BLOCK = 1024;
/** Up to this many rows are scored one at a time on the flat layout (a decision scores one). */
const FLAT_ROWS = 4;

/**
 * Raw margins of a tree ensemble: baseScore + Σ tree outputs (mean for averaging forests).
 * Accepts a frame (columns matched by name, see `featureMatrix`) or a prepared matrix. Same
 * routing as `goesLeft`; rows are processed in blocks so one block's inputs stay in cache while
 * every tree walks them.
 */
export function predictEnsembleRaw(ensemble: TreeEnsemble, input: Frame | FeatureMatrix): Float64Array {
  const m = input instanceof Frame ? featureMatrix(ensemble.features, input, ensemble.inputPrecision) : input;
  const out = new Float64Array(m.rowCount);
  predictEnsembleRange(ensemble, m, 0, m.rowCount, out);
  return out;
}

/**
 * Writes the raw margins of rows [from, to) of a prepared matrix into `out[from..to)` (for worker
 * threads). A few rows (a decision's one) walk the flat layout (`flatEnsembleOf`), which stays
 * fast when the model is out of cache; more go through the blocked per-tree passes. Both add the
 * same leaf values in the same order, so a row's margin does not depend on how many rows came with it.
 */
export function predictEnsembleRange(ensemble: TreeEnsemble, m: FeatureMatrix, from: number, to: number, out: Float64Array): void {
  const width = m.columns.length;
  if (to - from <= FLAT_ROWS) {
    const flat = flatEnsembleOf(ensemble);
    const row = new Float64Array(width);
    for (let i = from; i < to; i++) {
      for (let f = 0; f < width; f++) row[f] = m.columns[f]![i]!;
      out[i] = flatRowMargin(flat, row);
    }
    scaleMargins(ensemble, from, to, out);
    return;
  }
  // Row-major copy of one block: a row's features share cache lines while trees walk it. Sized to
  // the rows asked for, so a small batch does not allocate a 1,024-row block.
  const blockRows = Math.max(1, Math.min(BLOCK, to - from));
  const block = new Float64Array(blockRows * width);
  const blockOut = new Float64Array(blockRows);
  const plain = ensemble.trees.every((t) => t.categories.length === 0 && t.missingZero === undefined);
  out.fill(0, from, to);
  for (let start = from; start < to; start += BLOCK) {
    const end = Math.min(to, start + BLOCK);
    if (!plain) {
      for (const tree of ensemble.trees) addTreeOutput(tree, m.columns, start, end, out);
      continue;
    }
    const rows = end - start;
    for (let f = 0; f < width; f++) {
      const col = m.columns[f]!;
      for (let r = 0; r < rows; r++) block[r * width + f] = col[start + r]!;
    }
    blockOut.fill(0);
    for (const tree of ensemble.trees) addNumericTreeOutput(tree, block, width, rows, blockOut);
    for (let r = 0; r < rows; r++) out[start + r] = blockOut[r]!;
  }
  scaleMargins(ensemble, from, to, out);
}

/** Sums of tree outputs → raw margins: baseScore + sum (× 1/trees for averaging forests). */
function scaleMargins(ensemble: TreeEnsemble, from: number, to: number, out: Float64Array): void {
  const scale = ensemble.averaging && ensemble.trees.length > 0 ? 1 / ensemble.trees.length : 1;
  for (let i = from; i < to; i++) out[i] = ensemble.baseScore + out[i]! * scale;
}

/** A numeric tree laid out for interleaved walking: leaves point to themselves. */
interface WalkTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly defaultLeft: Uint8Array;
  readonly leaf: Uint8Array;
  readonly value: Float64Array;
}

const walkTrees = new WeakMap<Tree, WalkTree>();

function walkTreeOf(tree: Tree): WalkTree {
  let w = walkTrees.get(tree);
  if (w !== undefined) return w;
  const size = tree.feature.length;
  const feature = new Int32Array(size);
  const left = new Int32Array(size);
  const right = new Int32Array(size);
  const leaf = new Uint8Array(size);
  for (let n = 0; n < size; n++) {
    const f = tree.feature[n]!;
    leaf[n] = f < 0 ? 1 : 0;
    feature[n] = Math.max(0, f);
    left[n] = f < 0 ? n : tree.left[n]!;
    right[n] = f < 0 ? n : tree.right[n]!;
  }
  w = { feature, threshold: tree.threshold, left, right, defaultLeft: tree.defaultLeft, leaf, value: tree.value };
  walkTrees.set(tree, w);
  return w;
}

/**
 * Adds a numeric-only tree's output for the rows of a row-major block. Four rows walk the tree
 * together and each step picks the child arithmetically (left when x < threshold, or x is NaN
 * and the default is left), so the four independent walks overlap instead of stalling on
 * mispredicted branches; leaves point to themselves, so finished rows just stay put.
 */
function addNumericTreeOutput(tree: Tree, block: Float64Array, width: number, rows: number, out: Float64Array): void {
  const { feature, threshold, left, right, defaultLeft, leaf, value } = walkTreeOf(tree);
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const b0 = r * width;
    const b1 = b0 + width;
    const b2 = b1 + width;
    const b3 = b2 + width;
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    while ((leaf[n0]! & leaf[n1]! & leaf[n2]! & leaf[n3]!) === 0) {
      const x0 = block[b0 + feature[n0]!]!;
      const x1 = block[b1 + feature[n1]!]!;
      const x2 = block[b2 + feature[n2]!]!;
      const x3 = block[b3 + feature[n3]!]!;
      const c0 = +(x0 < threshold[n0]!) | (+Number.isNaN(x0) & defaultLeft[n0]!);
      const c1 = +(x1 < threshold[n1]!) | (+Number.isNaN(x1) & defaultLeft[n1]!);
      const c2 = +(x2 < threshold[n2]!) | (+Number.isNaN(x2) & defaultLeft[n2]!);
      const c3 = +(x3 < threshold[n3]!) | (+Number.isNaN(x3) & defaultLeft[n3]!);
      n0 = right[n0]! + ((left[n0]! - right[n0]!) & -c0);
      n1 = right[n1]! + ((left[n1]! - right[n1]!) & -c1);
      n2 = right[n2]! + ((left[n2]! - right[n2]!) & -c2);
      n3 = right[n3]! + ((left[n3]! - right[n3]!) & -c3);
    }
    out[r]! += value[n0]!;
    out[r + 1]! += value[n1]!;
    out[r + 2]! += value[n2]!;
    out[r + 3]! += value[n3]!;
  }
  for (; r < rows; r++) {
    const base = r * width;
    let n = 0;
    while (leaf[n] === 0) {
      const x = block[base + feature[n]!]!;
      n = (Number.isNaN(x) ? defaultLeft[n] === 1 : x < threshold[n]!) ? left[n]! : right[n]!;
    }
    out[r]! += value[n]!;
  }
}

/** Adds one tree's output for rows [start, end) to `out`. */
export function addTreeOutput(tree: Tree, columns: readonly Float64Array[], start: number, end: number, out: Float64Array): void {
  const { feature, threshold, left, right, defaultLeft, categoryStart, categoryCount, categories, value, missingZero } = tree;
  if (missingZero !== undefined) {
    // Rare (LightGBM imports with zero-as-missing): the reference routing.
    for (let i = start; i < end; i++) {
      let n = 0;
      while (feature[n]! >= 0) n = goesLeft(tree, n, columns[feature[n]!]![i]!) ? left[n]! : right[n]!;
      out[i]! += value[n]!;
    }
    return;
  }
  if (categories.length === 0) {
    for (let i = start; i < end; i++) {
      let n = 0;
      let f = feature[0]!;
      while (f >= 0) {
        const x = columns[f]![i]!;
        n = (Number.isNaN(x) ? defaultLeft[n] === 1 : x < threshold[n]!) ? left[n]! : right[n]!;
        f = feature[n]!;
      }
      out[i]! += value[n]!;
    }
    return;
  }
  for (let i = start; i < end; i++) {
    let n = 0;
    let f = feature[0]!;
    while (f >= 0) {
      const x = columns[f]![i]!;
      const cs = categoryStart[n]!;
      let goLeft: boolean;
      if (Number.isNaN(x)) goLeft = defaultLeft[n] === 1;
      else if (cs < 0) goLeft = x < threshold[n]!;
      else if (x < 0) goLeft = defaultLeft[n] === 1;
      else {
        goLeft = false;
        const ce = cs + categoryCount[n]!;
        for (let k = cs; k < ce; k++) {
          if (categories[k] === x) {
            goLeft = true;
            break;
          }
        }
      }
      n = goLeft ? left[n]! : right[n]!;
      f = feature[n]!;
    }
    out[i]! += value[n]!;
  }
}
