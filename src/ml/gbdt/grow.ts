import type { BinnedData } from './bin.js';
import { findSplitsSerial, type HistogramBuilder, partitionRows, type TrainBuffers } from './buffers.js';
import { packedG, packedH } from './quantize.js';
import { blockCount, blockStride, ROW_LEAF_OF, ROW_LEAF_SUMS, type RowJob, runRowBlocks } from './row-passes.js';
import { emptyCandidate, type LeafSums, leafGain, leafOutput, type SplitCandidate, type SplitParams } from './split.js';

/** Parameters of growing one tree. */
export interface GrowParams extends SplitParams {
  readonly maxLeaves: number;
  /** Maximum depth (root = depth 0); 0 = unlimited. */
  readonly maxDepth: number;
  readonly learningRate: number;
}

/**
 * A tree grown in bin space. Nodes are in creation order (root 0). At an internal node, a row
 * goes left when its bin is ≤ `bin` (numeric) or flagged in `leftMask` (categorical); the
 * missing bin follows `defaultLeft`. `value` is shrunk by the learning rate.
 */
export interface BinnedTree {
  readonly feature: number[];
  readonly bin: number[];
  readonly leftMask: (Uint8Array | null)[];
  readonly defaultLeft: boolean[];
  readonly left: number[];
  readonly right: number[];
  readonly value: number[];
  readonly cover: number[];
  readonly gain: number[];
  /** Leaves with their row ranges in `buffers.indices` and their monotone output bounds. */
  readonly leaves: { node: number; start: number; count: number; lower: number; upper: number }[];
}

interface Leaf extends LeafSums {
  node: number;
  start: number;
  count: number;
  depth: number;
  slot: number;
  output: number;
  best: SplitCandidate;
}

/**
 * Grows one tree leaf-wise (best-first, LightGBM): repeatedly splits the leaf with the largest
 * gain until `maxLeaves` leaves or no split gains. The rows are `buffers.indices[0..rowCount)`;
 * gradients are in `buffers.gradients`/`hessians`. Only the smaller child's histogram is built;
 * the larger one is the parent's minus it (the subtraction trick).
 * Monotone constraints use bound propagation: a split on a constrained feature caps the left
 * subtree's outputs at the mid-point of the two child outputs and floors the right's (or the
 * reverse for −1), which makes the whole tree monotone in that feature.
 * Source: Shi, Ke et al., LightGBM docs "monotone_constraints_method = basic".
 * With quantised buffers (`buffers.quantization`) the caller has either packed the rows' gradients
 * into `orderedG` and passes their `root` sums, or (a round on every row) set the tree's scales and
 * passes a `quantizeSeed`: the root's build then packs each chunk of rows as it adds it, and the root's
 * sums are read off its histogram (any one feature's bins hold every row: packed sums are exact). Splits
 * are chosen on the packed histograms and the caller then renews the leaf outputs from the exact
 * gradients (`renewLeafOutputs`). With exact
 * gradients, a given `root` likewise means the caller has filled `orderedG`/`orderedH` (the
 * threads' row passes); without it the rows' gradients are gathered and summed here.
 * `splitFeatures`, when given, is called once per leaf whose split is searched (root first, then
 * each split's left and right child) and restricts that search to the features it returns
 * (random forests' per-split sampling); histograms still cover all of `features`.
 */
export function growTree(
  buffers: TrainBuffers,
  builder: HistogramBuilder,
  params: GrowParams,
  monotone: Int8Array,
  features: Int32Array,
  rowCount: number,
  allRows: boolean,
  root?: { readonly g: number; readonly h: number } | { readonly quantizeSeed: number },
  splitFeatures?: () => Int32Array,
): BinnedTree {
  const data = buffers.data;
  const tree: BinnedTree = { feature: [], bin: [], leftMask: [], defaultLeft: [], left: [], right: [], value: [], cover: [], gain: [], leaves: [] };
  const freeSlots: number[] = [];
  for (let s = params.maxLeaves - 1; s >= 0; s--) freeSlots.push(s);
  const q = buffers.quantization;
  // One feature's block unpacked to [g, h] pairs: at most 255 value bins and the missing bin.
  const unpacked = new Float64Array(2 * 256);

  let g = 0;
  let h = 0;
  const slot = freeSlots.pop()!;
  if (root !== undefined && 'quantizeSeed' in root) {
    if (q === null || !allRows) throw new RangeError('growTree: packing in the root build needs quantised buffers and every row');
    builder.build(buffers, slot, 0, rowCount, allRows, features, root.quantizeSeed);
    const f = features[0]!;
    const from = slot * buffers.histSize + buffers.offsets[f]!;
    let total = 0;
    for (let k = from; k < slot * buffers.histSize + buffers.offsets[f + 1]!; k++) total += buffers.hist[k]!;
    g = packedG(q, total) * q.scaleG;
    h = packedH(q, total) * q.scaleH;
  } else if (root !== undefined) {
    g = root.g;
    h = root.h;
  } else if (q !== null) {
    throw new RangeError('growTree: quantised buffers need the packed root sums');
  } else if (allRows) {
    for (let i = 0; i < rowCount; i++) {
      g += buffers.gradients[i]!;
      h += buffers.hessians[i]!;
    }
    buffers.orderedG.set(buffers.gradients.subarray(0, rowCount));
    buffers.orderedH.set(buffers.hessians.subarray(0, rowCount));
  } else {
    gather(buffers, 0, rowCount);
    for (let k = 0; k < rowCount; k++) {
      g += buffers.orderedG[k]!;
      h += buffers.hessians[buffers.indices[k]!]!;
    }
  }
  const first = makeLeaf(tree, params, g, h, rowCount, 0, 0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  first.slot = slot;
  if (root === undefined || !('quantizeSeed' in root)) builder.build(buffers, slot, 0, rowCount, allRows, features);
  findBest(splitJobs([first], params), buffers, builder, params, monotone, features, unpacked, splitFeatures);

  const leaves: Leaf[] = [first];
  while (leaves.length < params.maxLeaves) {
    let pick = -1;
    for (let k = 0; k < leaves.length; k++) {
      const gain = leaves[k]!.best.gain;
      if (gain > Number.NEGATIVE_INFINITY && (pick < 0 || gain > leaves[pick]!.best.gain)) pick = k;
    }
    if (pick < 0) break;
    const parent = leaves[pick]!;
    const [left, right] = splitLeaf(tree, parent, data, buffers, builder, params, monotone);
    leaves[pick] = left;
    leaves.push(right);
    // The last split's children are never split: their histograms would go unused.
    if (leaves.length === params.maxLeaves) break;
    const small = left.count <= right.count ? left : right;
    const large = small === left ? right : left;
    small.slot = freeSlots.pop()!;
    large.slot = parent.slot;
    // Threads may do the three steps in one job (one hand-off instead of two); the same bits either way.
    const jobs = splitJobs([left, right], params);
    if (splitFeatures === undefined && builder.buildChildren?.(buffers, small, large.slot, features, jobs, params, monotone)) continue;
    builder.build(buffers, small.slot, small.start, small.count, false, features);
    subtractInPlace(buffers.hist, large.slot * buffers.histSize, small.slot * buffers.histSize, buffers.histSize);
    findBest(jobs, buffers, builder, params, monotone, features, unpacked, splitFeatures);
  }
  for (const leaf of leaves) tree.leaves.push({ node: leaf.node, start: leaf.start, count: leaf.count, lower: leaf.lower, upper: leaf.upper });
  // Only rounds on every row walk the rows through their leaf (sampled rounds use the ranges).
  if (allRows) assignLeaves(tree, buffers, builder);
  return tree;
}

/**
 * Sets `buffers.leafOf` of every row to its leaf's index in `tree.leaves`, by blocks of positions
 * in `indices` (a row pass: on the builder's threads when it has them). Empty leaves own no position.
 * Quantised, the same pass sums each leaf's exact gradients by block (`leafSumsByBlock` adds them up).
 */
function assignLeaves(tree: BinnedTree, buffers: TrainBuffers, builder: HistogramBuilder): void {
  const order = tree.leaves.map((_, l) => l).filter((l) => tree.leaves[l]!.count > 0);
  order.sort((a, b) => tree.leaves[a]!.start - tree.leaves[b]!.start);
  order.forEach((l, k) => {
    buffers.leafRanges[2 * k] = tree.leaves[l]!.start;
    buffers.leafRanges[2 * k + 1] = l;
  });
  const op = buffers.quantization === null ? ROW_LEAF_OF : ROW_LEAF_SUMS;
  const job: RowJob = { op, objective: 'binary', applyTree: false, leaves: order.length };
  if (builder.rows !== undefined) builder.rows(buffers, job);
  else runRowBlocks(buffers, job, 0, blockCount(buffers.data.rowCount));
}

/**
 * Quantised training: sets every leaf's output (within its monotone bounds) and cover from the
 * exact sums of its rows' gradients and hessians (`sums[2l]`, `sums[2l + 1]` for `tree.leaves[l]`),
 * then internal covers as sums of their children's (TreeSHAP weighs paths by cover). Children
 * are created after their parents, so a reverse sweep works.
 */
export function renewLeafOutputs(tree: BinnedTree, sums: Float64Array, params: GrowParams): void {
  tree.leaves.forEach((leaf, l) => {
    tree.value[leaf.node] = leafOutput(sums[2 * l]!, sums[2 * l + 1]!, params, leaf.lower, leaf.upper) * params.learningRate;
    tree.cover[leaf.node] = sums[2 * l + 1]!;
  });
  for (let n = tree.feature.length - 1; n >= 0; n--) if (tree.feature[n]! >= 0) tree.cover[n] = tree.cover[tree.left[n]!]! + tree.cover[tree.right[n]!]!;
}

/**
 * Exact [Σg, Σh] of each of `leaves` leaves from the blocks' partial sums of the last tree's
 * ROW_LEAF_SUMS pass (`assignLeaves`, rounds on every row), added in block order: the same bits on any
 * thread count.
 */
export function leafSumsByBlock(buffers: TrainBuffers, leaves: number): Float64Array {
  const sums = new Float64Array(2 * leaves);
  const stride = blockStride(buffers.leafValue.length);
  const blocks = blockCount(buffers.data.rowCount);
  for (let b = 0; b < blocks; b++) for (let k = 0; k < 2 * leaves; k++) sums[k]! += buffers.blockStats[b * stride + 2 + k]!;
  return sums;
}

/** Exact [Σg, Σh] of each leaf's rows, walking the leaves' row ranges (for rounds on a sample of the rows). */
export function leafSumsByRange(tree: BinnedTree, buffers: TrainBuffers): Float64Array {
  const { indices, gradients, hessians } = buffers;
  const sums = new Float64Array(2 * tree.leaves.length);
  tree.leaves.forEach((leaf, l) => {
    for (let k = leaf.start; k < leaf.start + leaf.count; k++) {
      const i = indices[k]!;
      sums[2 * l]! += gradients[i]!;
      sums[2 * l + 1]! += hessians[i]!;
    }
  });
  return sums;
}

function makeLeaf(tree: BinnedTree, params: GrowParams, g: number, h: number, count: number, start: number, depth: number, lower: number, upper: number): Leaf {
  const output = leafOutput(g, h, params, lower, upper);
  return makeLeafWithOutput(tree, params, g, h, count, start, depth, lower, upper, output);
}

function makeLeafWithOutput(
  tree: BinnedTree,
  params: GrowParams,
  g: number,
  h: number,
  count: number,
  start: number,
  depth: number,
  lower: number,
  upper: number,
  output: number,
): Leaf {
  const node = tree.feature.length;
  tree.feature.push(-1);
  tree.bin.push(-1);
  tree.leftMask.push(null);
  tree.defaultLeft.push(false);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(output * params.learningRate);
  tree.cover.push(h);
  tree.gain.push(0);
  return {
    node,
    start,
    count,
    depth,
    slot: -1,
    g,
    h,
    lower,
    upper,
    output,
    parentGain: leafGain(g, h, output, params),
    countPerHessian: h > 0 ? count / h : 0,
    best: emptyCandidate(),
  };
}

/** Whether a leaf may be split at all (depth, size and hessian limits); if not, its best split stays empty. */
function splittable(leaf: Leaf, params: GrowParams): boolean {
  if (params.maxDepth > 0 && leaf.depth >= params.maxDepth) return false;
  return leaf.count >= 2 * params.minDataInLeaf && leaf.h >= 2 * params.minChildWeight;
}

/** The leaves whose split is searched (`splittable`), in order; every one's best split is reset to empty. */
function splitJobs(leaves: readonly Leaf[], params: GrowParams): Leaf[] {
  const jobs: Leaf[] = [];
  for (const leaf of leaves) {
    leaf.best = emptyCandidate();
    if (splittable(leaf, params)) jobs.push(leaf);
  }
  return jobs;
}

/** Finds the best split of each of `jobs` (`splitJobs`): through the builder's `findSplits` when it has one (threads), else here. */
function findBest(
  jobs: readonly Leaf[],
  buffers: TrainBuffers,
  builder: HistogramBuilder,
  params: GrowParams,
  monotone: Int8Array,
  features: Int32Array,
  scratch: Float64Array,
  splitFeatures?: () => Int32Array,
): void {
  if (jobs.length === 0) return;
  if (splitFeatures !== undefined) {
    for (const leaf of jobs) findSplitsSerial(buffers, [leaf], splitFeatures(), params, monotone, scratch);
    return;
  }
  if (builder.findSplits !== undefined) builder.findSplits(buffers, jobs, features, params, monotone);
  else findSplitsSerial(buffers, jobs, features, params, monotone, scratch);
}

/** Gathers the gradients of rows `indices[start..start+count)` into the ordered buffers (at the same positions). */
function gather(buffers: TrainBuffers, start: number, count: number): void {
  const { indices, gradients, hessians, orderedG, orderedH } = buffers;
  for (let k = start; k < start + count; k++) {
    const i = indices[k]!;
    orderedG[k] = gradients[i]!;
    orderedH[k] = hessians[i]!;
  }
}

function subtractInPlace(hist: Float64Array, target: number, small: number, size: number): void {
  for (let k = 0; k < size; k++) hist[target + k] = hist[target + k]! - hist[small + k]!;
}

/** Turns `parent` into an internal node, stably partitions its rows and returns the two children. */
function splitLeaf(
  tree: BinnedTree,
  parent: Leaf,
  data: BinnedData,
  buffers: TrainBuffers,
  builder: HistogramBuilder,
  params: GrowParams,
  monotone: Int8Array,
): [Leaf, Leaf] {
  const best = parent.best;
  const f = best.feature;
  const spec = data.features[f]!;
  let mask: Uint8Array | null = null;
  if (best.categorical) {
    mask = new Uint8Array(256);
    for (const b of best.leftBins) mask[b] = 1;
  }
  const leftCount =
    mask === null && builder.partition !== undefined
      ? builder.partition(buffers, parent.start, parent.count, f, best.bin, best.defaultLeft, spec.binCount)
      : partitionRows(buffers, parent.start, parent.count, f, best.bin, mask, best.defaultLeft, spec.binCount);
  const n = parent.node;
  tree.feature[n] = f;
  tree.bin[n] = best.bin;
  tree.leftMask[n] = mask;
  tree.defaultLeft[n] = best.defaultLeft;
  tree.gain[n] = best.gain;

  let lowerL = parent.lower;
  let upperL = parent.upper;
  let lowerR = parent.lower;
  let upperR = parent.upper;
  const constraint = monotone[f]!;
  if (constraint !== 0) {
    const mid = (best.leftOutput + best.rightOutput) / 2;
    if (constraint > 0) {
      upperL = Math.min(upperL, mid);
      lowerR = Math.max(lowerR, mid);
    } else {
      lowerL = Math.max(lowerL, mid);
      upperR = Math.min(upperR, mid);
    }
  }
  const depth = parent.depth + 1;
  const left = makeLeafWithOutput(tree, params, best.leftG, best.leftH, leftCount, parent.start, depth, lowerL, upperL, best.leftOutput);
  const right = makeLeafWithOutput(
    tree,
    params,
    parent.g - best.leftG,
    parent.h - best.leftH,
    parent.count - leftCount,
    parent.start + leftCount,
    depth,
    lowerR,
    upperR,
    best.rightOutput,
  );
  tree.left[n] = left.node;
  tree.right[n] = right.node;
  return [left, right];
}

/** Output of a binned tree for row `row` of the binned data (used for out-of-bag rows). */
export function binnedTreeOutput(tree: BinnedTree, data: BinnedData, row: number): number {
  let n = 0;
  const bins = data.bins;
  while (tree.feature[n]! >= 0) {
    const f = tree.feature[n]!;
    const b = bins[f * data.rowCount + row]!;
    const mask = tree.leftMask[n]!;
    const goLeft = b === data.features[f]!.binCount ? tree.defaultLeft[n]! : mask === null ? b <= tree.bin[n]! : mask[b] === 1;
    n = goLeft ? tree.left[n]! : tree.right[n]!;
  }
  return tree.value[n]!;
}
