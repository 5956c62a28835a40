// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import type { BinnedData, FeatureBins } from './bin.js';
import { allocateBuffers, serialHistogramBuilder } from './buffers.js';
import { type BinnedTree, binnedTreeOutput, type GrowParams, growTree, leafSumsByRange, renewLeafOutputs } from './grow.js';
import { histogramOffsets } from './histogram.js';
import { emptyCandidate, findBestInRange, leafGain, leafOutput, type SplitCandidate } from './split.js';

/** Random binned data: numeric features of 2..12 bins and one categorical feature, some values missing. */
function randomData(rng: Rng, n: number, numeric: number, categorical: boolean): BinnedData {
  const features: FeatureBins[] = [];
  const count = numeric + (categorical ? 1 : 0);
  const bins = new Uint8Array(count * n);
  for (let f = 0; f < count; f++) {
    const isCat = categorical && f === count - 1;
    const binCount = isCat ? 5 : 2 + Math.floor(rng.nextDouble() * 11);
    features.push({
      type: isCat ? 'category' : 'number',
      binCount,
      thresholds: isCat ? new Float64Array(0) : Float64Array.from({ length: binCount - 1 }, (_, b) => b + 0.5),
      binOfCode: isCat ? Int32Array.from({ length: binCount }, (_, b) => b) : new Int32Array(0),
      codeOfBin: isCat ? Int32Array.from({ length: binCount }, (_, b) => b) : new Int32Array(0),
      otherBin: -1,
    });
    for (let i = 0; i < n; i++) bins[f * n + i] = rng.nextDouble() < 0.08 ? binCount : Math.floor(rng.nextDouble() * binCount);
  }
  return { rowCount: n, featureCount: count, bins, features };
}

interface RefLeaf {
  node: number;
  rows: number[];
  depth: number;
  g: number;
  h: number;
  lower: number;
  upper: number;
  output: number;
  best: SplitCandidate;
}

interface RefTree {
  feature: number[];
  bin: number[];
  defaultLeft: boolean[];
  leftBins: (number[] | null)[];
  left: number[];
  right: number[];
  value: number[];
  cover: number[];
  gain: number[];
  leaves: RefLeaf[];
}

/**
 * Leaf-wise growth written out: each leaf's histogram summed from its own rows (no subtraction
 * trick, no slots), its best split from the split finder, the leaf with the largest gain split
 * next (first in the list on ties; a split leaf is replaced by its left child, the right child
 * appended), rows partitioned stably, monotone bounds at the children's mid-point.
 */
function referenceGrow(
  data: BinnedData,
  g: Float64Array,
  h: Float64Array,
  rows: number[],
  params: GrowParams,
  monotone: Int8Array,
  features: Int32Array,
): RefTree {
  const tree: RefTree = { feature: [], bin: [], defaultLeft: [], leftBins: [], left: [], right: [], value: [], cover: [], gain: [], leaves: [] };
  const offsets = histogramOffsets(data.features.map((f) => f.binCount));
  const scratch = new Float64Array(512);
  const newLeaf = (rowsOf: number[], depth: number, sg: number, sh: number, lower: number, upper: number, output: number): RefLeaf => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.bin.push(-1);
    tree.defaultLeft.push(false);
    tree.leftBins.push(null);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(output * params.learningRate);
    tree.cover.push(sh);
    tree.gain.push(0);
    const leaf: RefLeaf = { node, rows: rowsOf, depth, g: sg, h: sh, lower, upper, output, best: emptyCandidate() };
    const limited = params.maxDepth > 0 && depth >= params.maxDepth;
    if (!limited && rowsOf.length >= 2 * params.minDataInLeaf && sh >= 2 * params.minChildWeight) {
      const hist = new Float64Array(offsets[offsets.length - 1]!);
      for (const i of rowsOf) {
        for (let f = 0; f < data.featureCount; f++) {
          const at = offsets[f]! + 2 * data.bins[f * data.rowCount + i]!;
          hist[at] = hist[at]! + g[i]!;
          hist[at + 1] = hist[at + 1]! + h[i]!;
        }
      }
      const sums = {
        g: sg,
        h: sh,
        count: rowsOf.length,
        lower,
        upper,
        parentGain: leafGain(sg, sh, output, params),
        countPerHessian: sh > 0 ? rowsOf.length / sh : 0,
      };
      findBestInRange(hist, 0, offsets, data.features, features, 0, features.length, monotone, sums, params, null, scratch, leaf.best);
    }
    return leaf;
  };
  let sg = 0;
  let sh = 0;
  for (const i of rows) {
    sg += g[i]!;
    sh += h[i]!;
  }
  const leaves = [newLeaf(rows, 0, sg, sh, -Infinity, Infinity, leafOutput(sg, sh, params, -Infinity, Infinity))];
  while (leaves.length < params.maxLeaves) {
    let pick = -1;
    leaves.forEach((leaf, k) => {
      if (leaf.best.gain > -Infinity && (pick < 0 || leaf.best.gain > leaves[pick]!.best.gain)) pick = k;
    });
    if (pick < 0) break;
    const parent = leaves[pick]!;
    const b = parent.best;
    const spec = data.features[b.feature]!;
    const goesLeft = (i: number) => {
      const bin = data.bins[b.feature * data.rowCount + i]!;
      if (bin === spec.binCount) return b.defaultLeft;
      return b.categorical ? b.leftBins.includes(bin) : bin <= b.bin;
    };
    const n = parent.node;
    tree.feature[n] = b.feature;
    tree.bin[n] = b.bin;
    tree.defaultLeft[n] = b.defaultLeft;
    tree.gain[n] = b.gain;
    tree.leftBins[n] = b.categorical ? [...b.leftBins].sort((x, y) => x - y) : null;
    let [lowerL, upperL, lowerR, upperR] = [parent.lower, parent.upper, parent.lower, parent.upper];
    const mid = (b.leftOutput + b.rightOutput) / 2;
    if (monotone[b.feature]! > 0) [upperL, lowerR] = [Math.min(upperL, mid), Math.max(lowerR, mid)];
    if (monotone[b.feature]! < 0) [lowerL, upperR] = [Math.max(lowerL, mid), Math.min(upperR, mid)];
    const left = newLeaf(
      parent.rows.filter((i) => goesLeft(i)),
      parent.depth + 1,
      b.leftG,
      b.leftH,
      lowerL,
      upperL,
      b.leftOutput,
    );
    const right = newLeaf(
      parent.rows.filter((i) => !goesLeft(i)),
      parent.depth + 1,
      parent.g - b.leftG,
      parent.h - b.leftH,
      lowerR,
      upperR,
      b.rightOutput,
    );
    tree.left[n] = left.node;
    tree.right[n] = right.node;
    leaves[pick] = left;
    leaves.push(right);
  }
  tree.leaves = leaves;
  return tree;
}

function assertSameTree(got: BinnedTree, ref: RefTree, indices: Int32Array, label: string): void {
  assert.deepEqual(got.feature, ref.feature, `${label}: features`);
  assert.deepEqual(got.bin, ref.bin, `${label}: bins`);
  assert.deepEqual(got.defaultLeft, ref.defaultLeft, `${label}: missing directions`);
  assert.deepEqual(got.left, ref.left, `${label}: left children`);
  assert.deepEqual(got.right, ref.right, `${label}: right children`);
  got.leftMask.forEach((mask, n) => {
    const bins = mask === null ? null : [...mask.keys()].filter((b) => mask[b] === 1);
    assert.deepEqual(bins, ref.leftBins[n], `${label}: categories left at node ${n}`);
  });
  assert.deepEqual(got.value, ref.value, `${label}: node values`);
  assert.deepEqual(got.cover, ref.cover, `${label}: node covers`);
  assert.deepEqual(got.gain, ref.gain, `${label}: node gains`);
  assert.equal(got.leaves.length, ref.leaves.length, `${label}: leaf count`);
  got.leaves.forEach((leaf, l) => {
    const r = ref.leaves[l]!;
    assert.equal(leaf.node, r.node, `${label}: leaf ${l} node`);
    assert.deepEqual([...indices.subarray(leaf.start, leaf.start + leaf.count)], r.rows, `${label}: rows of leaf ${l} (stable order)`);
    assert.deepEqual([leaf.lower, leaf.upper], [r.lower, r.upper], `${label}: bounds of leaf ${l}`);
  });
}

const base: GrowParams = {
  lambdaL1: 0,
  lambdaL2: 1,
  minChildWeight: 1e-3,
  minDataInLeaf: 5,
  minSplitGain: 0,
  catSmooth: 1,
  maxLeaves: 12,
  maxDepth: 0,
  learningRate: 0.3,
};

const configs: { name: string; params: GrowParams; monotone: (f: number) => number; categorical: boolean; sample: boolean }[] = [
  { name: 'plain', params: base, monotone: () => 0, categorical: false, sample: false },
  { name: 'depth 2, 31 leaves allowed', params: { ...base, maxDepth: 2, maxLeaves: 31 }, monotone: () => 0, categorical: false, sample: false },
  { name: 'size limits', params: { ...base, minDataInLeaf: 30, minChildWeight: 4, maxLeaves: 20 }, monotone: () => 0, categorical: false, sample: true },
  {
    name: 'monotone +1/−1 with L1',
    params: { ...base, lambdaL1: 0.5, maxLeaves: 16 },
    monotone: (f) => (f === 0 ? 1 : f === 1 ? -1 : 0),
    categorical: false,
    sample: false,
  },
  { name: 'categorical, sampled rows', params: { ...base, maxLeaves: 10 }, monotone: () => 0, categorical: true, sample: true },
  { name: 'gain floor stops early', params: { ...base, minSplitGain: 4, maxLeaves: 30 }, monotone: () => 0, categorical: true, sample: false },
];

test('growTree equals a written-out leaf-wise grower (histograms from each leaf’s rows, no subtraction): structure, values, covers, rows and bounds of every leaf', () => {
  const rng = new Rng(19);
  for (const config of configs) {
    for (let rep = 0; rep < 6; rep++) {
      const label = `${config.name} #${rep}`;
      const n = 300 + Math.floor(rng.nextDouble() * 300);
      const data = randomData(rng, n, 4, config.categorical);
      const monotone = Int8Array.from({ length: data.featureCount }, (_, f) => config.monotone(f));
      const features = Int32Array.from({ length: data.featureCount }, (_, f) => f);
      const buffers = allocateBuffers(data, config.params.maxLeaves, false);
      for (let i = 0; i < n; i++) {
        // A signal on the first two features (so splits carry gain) plus noise.
        const x0 = data.bins[i]!;
        const x1 = data.bins[n + i]!;
        // Multiples of 1/64: every sum is exact in any order, so the subtraction trick gives the reference's bits.
        buffers.gradients[i] = Math.round(((x0 > 3 ? -0.6 : 0.4) + (x1 > 2 ? 0.5 : -0.3) + rng.nextNormal() * 0.5) * 64) / 64;
        buffers.hessians[i] = (3 + Math.floor(rng.nextDouble() * 13)) / 64;
      }
      const rows = config.sample ? [...Array(n).keys()].filter(() => rng.nextDouble() < 0.7) : [...Array(n).keys()];
      buffers.indices.set(rows);
      const allRows = rows.length === n;
      const tree = growTree(buffers, serialHistogramBuilder, config.params, monotone, features, rows.length, allRows);
      const ref = referenceGrow(data, buffers.gradients, buffers.hessians, rows, config.params, monotone, features);
      assert.ok(ref.leaves.length >= 3, `${label}: the reference grew ${ref.leaves.length} leaves`);
      assertSameTree(tree, ref, buffers.indices, label);
      if (config.params.maxDepth > 0) assert.ok(Math.max(...ref.leaves.map((l) => l.depth)) <= config.params.maxDepth);
      // Every row (in the bag or not) is routed to the leaf whose rows hold it.
      const leafOfRow = new Map<number, number>();
      ref.leaves.forEach((leaf, l) => {
        for (const i of leaf.rows) leafOfRow.set(i, l);
      });
      for (let i = 0; i < n; i++) {
        const out = binnedTreeOutput(tree, data, i);
        const l = leafOfRow.get(i);
        if (l !== undefined) assert.equal(out, tree.value[ref.leaves[l]!.node], `${label}: output of row ${i}`);
        if (allRows) assert.equal(buffers.leafOf[i], l, `${label}: leafOf row ${i}`);
      }
      // The exact leaf sums by range are the sums over each leaf's rows, in row order.
      const sums = leafSumsByRange(tree, buffers);
      ref.leaves.forEach((leaf, l) => {
        let lg = 0;
        let lh = 0;
        for (const i of leaf.rows) {
          lg += buffers.gradients[i]!;
          lh += buffers.hessians[i]!;
        }
        assert.equal(sums[2 * l], lg, `${label}: Σg of leaf ${l}`);
        assert.equal(sums[2 * l + 1], lh, `${label}: Σh of leaf ${l}`);
      });
    }
  }
});

test('renewLeafOutputs: leaf values from the given sums within each leaf’s bounds, covers summed up the tree', () => {
  const rng = new Rng(5);
  const data = randomData(rng, 400, 3, false);
  const params: GrowParams = { ...base, lambdaL1: 0.2, maxLeaves: 9 };
  const monotone = Int8Array.from([1, -1, 0]);
  const buffers = allocateBuffers(data, params.maxLeaves, false);
  for (let i = 0; i < 400; i++) {
    buffers.gradients[i] = (data.bins[i]! > 4 ? -1 : 1) + rng.nextNormal();
    buffers.hessians[i] = 0.1 + rng.nextDouble();
  }
  buffers.indices.set([...Array(400).keys()]);
  const tree = growTree(buffers, serialHistogramBuilder, params, monotone, Int32Array.from([0, 1, 2]), 400, true);
  const sums = Float64Array.from({ length: 2 * tree.leaves.length }, (_, k) => (k % 2 === 0 ? rng.nextNormal() * 20 : 1 + rng.nextDouble() * 30));
  renewLeafOutputs(tree, sums, params);
  tree.leaves.forEach((leaf, l) => {
    assert.equal(tree.value[leaf.node], leafOutput(sums[2 * l]!, sums[2 * l + 1]!, params, leaf.lower, leaf.upper) * params.learningRate);
    assert.equal(tree.cover[leaf.node], sums[2 * l + 1]);
  });
  let clamped = 0;
  tree.leaves.forEach((leaf, l) => {
    const free = leafOutput(sums[2 * l]!, sums[2 * l + 1]!, params, -Infinity, Infinity);
    if (free < leaf.lower || free > leaf.upper) clamped++;
  });
  assert.ok(clamped > 0, 'no leaf was held by its bounds: the bounds were not exercised');
  for (let node = 0; node < tree.feature.length; node++) {
    if (tree.feature[node]! >= 0) assert.equal(tree.cover[node], tree.cover[tree.left[node]!]! + tree.cover[tree.right[node]!]!);
  }
  assert.ok(tree.feature.filter((f) => f >= 0).length >= 3);
});

test('splitFeatures restricts every leaf’s split search to the features it returns (per-split sampling), called once per searched leaf', () => {
  const rng = new Rng(23);
  const data = randomData(rng, 400, 4, false);
  const buffers = allocateBuffers(data, 8, false);
  for (let i = 0; i < 400; i++) {
    // The strongest signal is on feature 0; only feature 2 may be used.
    buffers.gradients[i] = (data.bins[i]! > 3 ? -1 : 1) + (data.bins[800 + i]! > 2 ? -0.25 : 0.25) + Math.round(rng.nextNormal() * 16) / 64;
    buffers.hessians[i] = 0.25;
  }
  buffers.indices.set([...Array(400).keys()]);
  let calls = 0;
  const only2 = () => {
    calls++;
    return Int32Array.from([2]);
  };
  const tree = growTree(
    buffers,
    serialHistogramBuilder,
    { ...base, maxLeaves: 8 },
    new Int8Array(4),
    Int32Array.from([0, 1, 2, 3]),
    400,
    false,
    undefined,
    only2,
  );
  const used = tree.feature.filter((f) => f >= 0);
  assert.ok(used.length >= 2, `${used.length} splits`);
  assert.deepEqual(new Set(used), new Set([2]));
  // root, then at most both children of every split (the last split's children are not searched when the tree is full)
  assert.ok(calls > used.length && calls <= 1 + 2 * used.length, `${calls} calls for ${used.length} splits`);
});
