import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame, numericColumn } from '../../../frame/index.js';
import { Rng } from '../../../random/index.js';
import { binFeatures } from '../bin.js';
import { creditTestFrame } from '../test-frames.js';
import { HistogramWorkerPool } from './histogram-pool.js';

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
