import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame, numericColumn } from '../../../frame/index.js';
import { Rng } from '../../../random/index.js';
import { binFeatures, binNumericColumns } from '../bin.js';
import { creditTestFrame } from '../test-frames.js';
import { binJobCuts, claimBinFeature, claimBinFeatures, claimFrontBinFeatures, shareBinJob, workerBinFeatures } from './bin-job.js';
import { HistogramWorkerPool } from './histogram-pool.js';
import { CTRL } from './protocol.js';

/** The credit frame's features plus heavily tied and constant numeric columns (few cut points, none). */
function binTestColumns(rows: number) {
  const rng = new Rng(21);
  const frame = creditTestFrame(rows, 17);
  const tied = Float64Array.from({ length: rows }, () => Math.floor(rng.nextDouble() * 4));
  const withZeros = Float64Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : rng.nextNormal()));
  const all = new Frame([
    ...frame.columns,
    numericColumn('tied', tied),
    numericColumn('zeros', withZeros),
    numericColumn('constant', new Float64Array(rows).fill(7)),
  ]);
  return all.names.filter((n) => n !== 'bad').map((n) => all.column(n));
}

/** The 64-bit words of doubles. */
function bits(values: Float64Array): BigUint64Array {
  return new BigUint64Array(Float64Array.from(values).buffer);
}

test('numeric binning shared with 2 and 3 threads gives the serial cut points and bins, from every row or from a sample', async () => {
  const rows = 20_000;
  const columns = binTestColumns(rows);
  // sampleRows ≥ rows: the threads sort whole columns and write the bins; below it, they sketch the sample only.
  for (const sampleRows of [200_000, 5_000]) {
    const options = { maxBins: 63, sampleRows, seed: 4 };
    const serial = binFeatures(columns, rows, options);
    assert.ok(serial.features.some((f) => f.type === 'category'));
    for (const threads of [2, 3]) {
      const pool = new HistogramWorkerPool(threads);
      const parallel = binFeatures(columns, rows, { ...options, shared: true }, pool.binNumeric.bind(pool));
      assert.equal(pool.parallelBinJobs, 1);
      await pool.close();
      // The first row × feature whose bin differs (−1: none): a failing deepEqual of 160,000 bins takes minutes to print its diff.
      assert.equal(
        parallel.bins.findIndex((b, i) => b !== serial.bins[i]),
        -1,
      );
      assert.equal(parallel.features.length, serial.features.length);
      parallel.features.forEach((f, k) => {
        const s = serial.features[k]!;
        assert.equal(f.type, s.type);
        assert.equal(f.binCount, s.binCount);
        // Cut points bit for bit (their IEEE-754 words: −0 and +0 differ).
        assert.deepEqual(bits(f.thresholds), bits(s.thresholds), `feature ${k}`);
        assert.deepEqual(Array.from(f.binOfCode), Array.from(s.binOfCode));
      });
    }
  }
});

test('binning claims: each feature once, the back only down to the shared ones; both ends give the serial cut points and bins', () => {
  const rows = 6_000;
  const columns = binTestColumns(rows);
  const features = columns.flatMap((c, f) => (c.type === 'number' ? [f] : []));
  const n = features.length;
  assert.equal(workerBinFeatures(n, 2), Math.ceil(0.4 * n));
  for (const sample of [undefined, Int32Array.from({ length: 1_500 }, (_, k) => 4 * k)]) {
    const serialBins = new Uint8Array(columns.length * rows);
    const serial = binNumericColumns({ columns, features, sample, maxBins: 31, rowCount: rows, bins: serialBins });
    const bins = new Uint8Array(new SharedArrayBuffer(columns.length * rows));
    const job = { columns, features, sample, maxBins: 31, rowCount: rows, bins };
    const shared = shareBinJob(job, 5);
    assert.equal(shared.first, n - 5);
    const ctrl = new Int32Array(new SharedArrayBuffer(CTRL.SIZE * 4));
    // A worker first (it takes only the five shared features, from the back), then the calling thread the rest.
    claimBinFeatures(ctrl, shared);
    assert.equal(ctrl[CTRL.NEXT_CHUNK], 5 << 16);
    const own = claimFrontBinFeatures(ctrl, job);
    assert.equal(claimBinFeature(ctrl, n, false, 0), -1);
    assert.equal(claimBinFeature(ctrl, n, true, 0), -1);
    assert.deepEqual(
      own.map((c) => c !== undefined),
      features.map((_, k) => k < n - 5),
    );
    features.forEach((f, k) => {
      const cuts = own[k] ?? binJobCuts(shared, k);
      assert.deepEqual(bits(cuts), bits(serial[k]!), `feature ${k}`);
      if (sample !== undefined) return;
      const range = [f * rows, (f + 1) * rows] as const;
      assert.equal(
        bins.subarray(...range).findIndex((b, i) => b !== serialBins[range[0] + i]),
        -1,
        `bins of feature ${k}`,
      );
    });
  }
  // Interleaved claims from both ends meet in the middle without a feature claimed twice.
  const ctrl = new Int32Array(new SharedArrayBuffer(CTRL.SIZE * 4));
  const claimed: number[] = [];
  const backs: number[] = [];
  // Every third claim from the back (floor 6), the others from the front, until both ends are done.
  for (let step = 0, dry = 0; dry < 2; step++) {
    const fromBack = step % 3 === 0;
    const k = claimBinFeature(ctrl, 9, fromBack, 6);
    dry = k < 0 ? dry + 1 : 0;
    if (k < 0) continue;
    claimed.push(k);
    if (fromBack) backs.push(k);
  }
  assert.deepEqual(
    claimed.sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8],
  );
  assert.ok(backs.length > 0 && backs.every((k) => k >= 6), `${backs}`);
});
