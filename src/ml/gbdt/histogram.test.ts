import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { bindKernel, histogramOffsets, MAX_KERNEL_WIDTH, passWidths } from './histogram.js';

const rows = 3000;
const binCounts = [5, 255, 1, 17, 64, 3, 200, 9, 31, 2];
const rng = new Rng(21);
const bins = new Uint8Array(rows * binCounts.length);
binCounts.forEach((count, f) => {
  // Bin `count` is the missing bin.
  for (let i = 0; i < rows; i++) bins[f * rows + i] = rng.nextInt(count + 1);
});
const g = Float64Array.from({ length: rows }, () => rng.nextNormal());
const h = Float64Array.from({ length: rows }, () => rng.nextDouble());
// A leaf: every third row, ascending, from position 5 of the index array.
const leafRows = Array.from({ length: Math.ceil(rows / 3) }, (_, k) => 3 * k);
const leaf = Int32Array.from([0, 0, 0, 0, 0, ...leafRows]);
const leafCount = leafRows.length;

/** Brute force: one feature's [g, h] (or packed g only) sums by bin, in row order. */
function bruteForce(f: number, entries: 1 | 2, indexed: boolean): number[] {
  const out = new Array((binCounts[f]! + 1) * entries).fill(0);
  const count = indexed ? leafCount : rows;
  for (let k = 0; k < count; k++) {
    const i = indexed ? leaf[5 + k]! : k;
    const b = bins[f * rows + i]!;
    out[b * entries]! += g[k]!;
    if (entries === 2) out[b * 2 + 1]! += h[k]!;
  }
  return out;
}

test('every kernel width gives the brute-force sums, for exact and packed histograms, all rows or a leaf, in chunks', () => {
  const features = Int32Array.from(binCounts.keys()).reverse();
  for (const entries of [1, 2] as const) {
    const offsets = histogramOffsets(binCounts, entries);
    const size = offsets[binCounts.length]!;
    for (const indexed of [false, true]) {
      for (let width = 1; width <= MAX_KERNEL_WIDTH; width++) {
        for (let at = 0; at + width <= features.length; at += width) {
          // In two chunks of the leaf's rows: kernels add to what the blocks hold (zero here).
          const hist = new Float64Array(size + 7);
          const count = indexed ? leafCount : rows;
          const half = count >> 1;
          // Gradients at the rows' positions in the leaf order (5 onwards when indexed).
          const from = indexed ? 5 : 0;
          const ordered = (x: Float64Array) => Float64Array.from({ length: from + count }, (_, k) => (k < from ? Number.NaN : x[k - from]!));
          const kernel = bindKernel(width, entries, { bins, rowCount: rows, indices: leaf, g: ordered(g), h: ordered(h), hist, offsets });
          kernel(features, at, !indexed, from, half, 7);
          kernel(features, at, !indexed, from + half, count - half, 7);
          for (let j = at; j < at + width; j++) {
            const f = features[j]!;
            assert.deepEqual(
              [...hist.subarray(7 + offsets[f]!, 7 + offsets[f + 1]!)],
              bruteForce(f, entries, indexed),
              `entries ${entries} width ${width} f ${f}`,
            );
          }
        }
      }
    }
  }
});

test('passes split features as evenly as possible, at most eight a pass', () => {
  assert.deepEqual(passWidths(30), [7, 8, 7, 8]);
  assert.deepEqual(passWidths(15), [7, 8]);
  assert.deepEqual(passWidths(8), [8]);
  assert.deepEqual(passWidths(3), [3]);
  assert.deepEqual(passWidths(0), []);
  for (let n = 1; n < 100; n++) {
    const widths = passWidths(n);
    assert.equal(
      widths.reduce((a, b) => a + b, 0),
      n,
    );
    assert.equal(widths.length, Math.ceil(n / MAX_KERNEL_WIDTH));
    assert.ok(Math.max(...widths) - Math.min(...widths) <= 1);
  }
});
