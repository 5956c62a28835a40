import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { numericBins } from './bin.js';
import { allocateBuffers } from './buffers.js';
import { leafSumsByBlock } from './grow.js';
import { quantizationFor } from './quantize.js';
import { blockCount, ROW_BLOCK, ROW_LEAF_SUMS, runRowBlocks } from './row-passes.js';

test('the leaf-sums pass sets every row’s leaf and sums each leaf’s exact gradients, the same bits whichever thread runs which block', () => {
  const rng = new Rng(23);
  // Three blocks of positions, leaves straddling block edges, one leaf with no position.
  const n = 2 * ROW_BLOCK + 1_000;
  const data = { rowCount: n, featureCount: 1, bins: new Uint8Array(n), features: [numericBins(Float64Array.of(0.5))] };
  const buffers = allocateBuffers(data, 7, false, quantizationFor(n));
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = n - 1; k > 0; k--) {
    const j = rng.nextInt(k + 1);
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  buffers.indices.set(order);
  for (let i = 0; i < n; i++) {
    buffers.gradients[i] = rng.nextNormal();
    buffers.hessians[i] = rng.nextDouble() / 4;
  }
  // Leaf ranges by start: leaf 3 holds positions 0..9,999, leaf 0 the next 20,000, leaf 5 the rest (leaves 1, 2, 4, 6 none).
  const ranges = [
    [0, 3],
    [10_000, 0],
    [30_000, 5],
  ];
  ranges.forEach(([start, leaf], k) => {
    buffers.leafRanges[2 * k] = start!;
    buffers.leafRanges[2 * k + 1] = leaf!;
  });
  const job = { op: ROW_LEAF_SUMS, objective: 'binary', applyTree: false, leaves: ranges.length, seed: 0 } as const;
  const blocks = blockCount(n);
  assert.equal(blocks, 3);
  // Blocks in reverse order, one at a time, as threads claiming them might.
  for (let b = blocks - 1; b >= 0; b--) runRowBlocks(buffers, job, b, b + 1);
  const reversed = leafSumsByBlock(buffers, 7);
  runRowBlocks(buffers, job, 0, blocks);
  const sums = leafSumsByBlock(buffers, 7);
  assert.deepEqual(sums, reversed);

  const leafAt = (k: number) => (k < 10_000 ? 3 : k < 30_000 ? 0 : 5);
  const expected = new Float64Array(14);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    assert.equal(buffers.leafOf[i], leafAt(k), `leaf of row ${i}`);
    expected[2 * leafAt(k)]! += buffers.gradients[i]!;
    expected[2 * leafAt(k) + 1]! += buffers.hessians[i]!;
  }
  for (let s = 0; s < 14; s++) {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected[s]!));
    assert.ok(Math.abs(sums[s]! - expected[s]!) <= tolerance, `slot ${s}: ${sums[s]} vs ${expected[s]}`);
  }
  // Leaves with no position sum to zero; the others are far from it.
  for (const leaf of [1, 2, 4, 6]) assert.deepEqual([sums[2 * leaf], sums[2 * leaf + 1]], [0, 0]);
  assert.ok(sums[7]! > 1_000);
});
