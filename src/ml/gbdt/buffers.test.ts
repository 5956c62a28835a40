import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import type { BinnedData } from './bin.js';
import { buildFeatureRange, exactChunks, type HistogramBuffers, MAX_EXACT_CHUNKS, MIN_EXACT_CHUNK_ROWS } from './buffers.js';
import { histogramOffsets } from './histogram.js';

test('exactChunks depends on the row count alone: at least 4,096 rows a chunk, at most 32 chunks, covering every row', () => {
  assert.deepEqual(exactChunks(100), { chunks: 1, rows: MIN_EXACT_CHUNK_ROWS });
  assert.deepEqual(exactChunks(4096), { chunks: 1, rows: 4096 });
  assert.deepEqual(exactChunks(4097), { chunks: 2, rows: 4096 });
  assert.deepEqual(exactChunks(100_000), { chunks: 25, rows: 4096 });
  assert.deepEqual(exactChunks(1_000_000), { chunks: 32, rows: 31_250 });
  for (const n of [1, 5000, 16_385, 99_999, 262_145, 3_000_001]) {
    const { chunks, rows } = exactChunks(n);
    assert.ok(chunks <= MAX_EXACT_CHUNKS && (chunks - 1) * rows < n && chunks * rows >= n, `n ${n}`);
  }
});

test('exact histograms over several row chunks: each chunk summed from zero in row order, the chunks added in order', () => {
  const rows = 20_000;
  const binCounts = [3, 255, 40];
  const rng = new Rng(5);
  const bins = new Uint8Array(rows * binCounts.length);
  for (let k = 0; k < bins.length; k++) bins[k] = rng.nextInt(binCounts[Math.floor(k / rows)]! + 1);
  // A leaf of 18,000 rows (five chunks: four of 4,096 and one of 1,616) from position 1,000, in a shuffled order.
  const start = 1000;
  const count = 18_000;
  const indices = Int32Array.from({ length: rows }, (_, i) => i);
  for (let k = rows - 1; k > 0; k--) {
    const j = rng.nextInt(k + 1);
    [indices[k], indices[j]] = [indices[j]!, indices[k]!];
  }
  const orderedG = Float64Array.from({ length: rows }, () => rng.nextNormal() * 0.3);
  const orderedH = Float64Array.from({ length: rows }, () => rng.nextDouble() * 0.25);
  const offsets = histogramOffsets(binCounts, 2);
  const histSize = offsets[binCounts.length]!;
  const buffers: HistogramBuffers = {
    data: { bins, rowCount: rows } as BinnedData,
    indices,
    orderedG,
    orderedH,
    quantization: null,
    hist: new Float64Array(2 * histSize).fill(7),
    chunkHist: new Float64Array(histSize).fill(3),
    histSize,
    offsets,
  };
  buildFeatureRange(buffers, 1, start, count, false, Int32Array.of(0, 1, 2), 0, 3);
  const { chunks, rows: chunkRows } = exactChunks(count);
  assert.equal(chunks, 5);
  for (let f = 0; f < binCounts.length; f++) {
    const total = new Array((binCounts[f]! + 1) * 2).fill(0);
    const plain = new Array((binCounts[f]! + 1) * 2).fill(0);
    for (let c = 0; c < chunks; c++) {
      const part = new Array((binCounts[f]! + 1) * 2).fill(0);
      for (let k = start + c * chunkRows; k < Math.min(start + count, start + (c + 1) * chunkRows); k++) {
        const b = bins[f * rows + indices[k]!]!;
        part[2 * b] += orderedG[k]!;
        part[2 * b + 1] += orderedH[k]!;
        plain[2 * b] += orderedG[k]!;
        plain[2 * b + 1] += orderedH[k]!;
      }
      for (let j = 0; j < total.length; j++) total[j] += part[j];
    }
    const got = [...buffers.hist.subarray(histSize + offsets[f]!, histSize + offsets[f + 1]!)];
    assert.deepEqual(got, total, `feature ${f}`);
    for (let j = 0; j < got.length; j++) assert.ok(Math.abs(got[j]! - plain[j]) < 1e-9, `feature ${f} entry ${j}`);
  }
  // Slot 0 untouched.
  assert.ok(buffers.hist.subarray(0, histSize).every((v) => v === 7));
});
