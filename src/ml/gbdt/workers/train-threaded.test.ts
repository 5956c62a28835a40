import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predictEnsembleRaw, saveEnsemble } from '../../tree/index.js';
import { exactChunks } from '../buffers.js';
import { creditTestFrame } from '../test-frames.js';
import { trainGbdt } from '../train.js';
import { HistogramWorkerPool } from './histogram-pool.js';
import { trainGbdtThreaded } from './train-threaded.js';

test('2 and 3 worker threads give bit-identical models to 1 thread (with subsampling, categories and monotone constraints)', async () => {
  const frame = creditTestFrame(5000, 11);
  const options = { trees: 15, leaves: 15, subsample: 0.8, colsample: 0.8, seed: 3, monotone: { delinq: 1, bureau: -1 } };
  const one = trainGbdt({ frame, target: 'bad' }, options);
  // minParallelWork 0: every histogram goes through the workers (the path under test).
  const pool2 = new HistogramWorkerPool(2, 0);
  const pool3 = new HistogramWorkerPool(3, 0);
  const two = trainGbdt({ frame, target: 'bad' }, options, { builder: pool2, shared: true });
  const three = trainGbdt({ frame, target: 'bad' }, options, { builder: pool3, shared: true });
  // Each root alone, then each split's children in one job (build, subtraction, split search), but the last split of a tree.
  assert.ok(pool2.parallelJobs === 15 && pool3.parallelJobs === 15);
  assert.ok(pool2.parallelChildJobs > 100 && pool2.parallelChildJobs <= 15 * 13);
  assert.equal(pool3.parallelChildJobs, pool2.parallelChildJobs);
  // Every split's partition through the workers too (both phases in one job): 15 trees of at most 14 splits.
  assert.ok(pool2.parallelPartitions > 100 && pool2.parallelPartitions <= 15 * 14);
  assert.equal(pool3.parallelPartitions, pool2.parallelPartitions);
  await Promise.all([pool2.close(), pool3.close()]);
  // The public entry point (small leaves on the calling thread) gives the same model too.
  const viaEntry = await trainGbdtThreaded({ frame, target: 'bad' }, options, 2);
  assert.deepEqual(saveEnsemble(viaEntry.ensemble), saveEnsemble(one.ensemble));
  assert.deepEqual(saveEnsemble(two.ensemble), saveEnsemble(one.ensemble));
  assert.deepEqual(saveEnsemble(three.ensemble), saveEnsemble(one.ensemble));
  assert.deepEqual(predictEnsembleRaw(two.ensemble, frame), predictEnsembleRaw(one.ensemble, frame));
});

test('row passes split over threads (several blocks of rows) give bit-identical models, quantised or exact', async () => {
  // Four blocks of 16,384 rows: every row pass runs in parallel.
  const frame = creditTestFrame(50_000, 12);
  for (const quantizedGradients of [true, false]) {
    const options = { trees: 4, leaves: 7, seed: 5, quantizedGradients };
    const one = trainGbdt({ frame, target: 'bad' }, options);
    const pool2 = new HistogramWorkerPool(2);
    const pool3 = new HistogramWorkerPool(3);
    const two = trainGbdt({ frame, target: 'bad' }, options, { builder: pool2, shared: true });
    const three = trainGbdt({ frame, target: 'bad' }, options, { builder: pool3, shared: true });
    // Per tree: gradients, the ordered copy (exact; quantised, the root's build packs the rows), and each row's leaf (with the leaf sums, quantised).
    assert.equal(pool2.parallelRowJobs, quantizedGradients ? 4 * 2 : 4 * 3);
    assert.ok(pool3.parallelRowJobs > 0);
    await Promise.all([pool2.close(), pool3.close()]);
    assert.deepEqual(saveEnsemble(two.ensemble), saveEnsemble(one.ensemble));
    assert.deepEqual(saveEnsemble(three.ensemble), saveEnsemble(one.ensemble));
  }
});

test('exact gradients: row-chunk histograms on 2 and 3 threads give the 1-thread model bit for bit, and chunk sums match a row-order sum', async () => {
  // 40,000 rows: the root's histograms take ten row chunks of 4,096 (exactChunks), claimed by any thread.
  const frame = creditTestFrame(40_000, 13);
  const options = { trees: 6, leaves: 15, seed: 9, quantizedGradients: false, monotone: { delinq: 1 } };
  assert.equal(exactChunks(40_000).chunks, 10);
  const one = trainGbdt({ frame, target: 'bad' }, options);
  const pool2 = new HistogramWorkerPool(2, 0);
  const pool3 = new HistogramWorkerPool(3, 0);
  const two = trainGbdt({ frame, target: 'bad' }, options, { builder: pool2, shared: true });
  const three = trainGbdt({ frame, target: 'bad' }, options, { builder: pool3, shared: true });
  // Every histogram of more than one chunk through the workers (each root and the larger children), and the
  // row passes (gradients, ordered copy, leaves) too.
  assert.ok(pool2.parallelJobs > 6 && pool3.parallelJobs > 6);
  assert.equal(pool2.parallelRowJobs, 6 * 3);
  await Promise.all([pool2.close(), pool3.close()]);
  assert.deepEqual(saveEnsemble(two.ensemble), saveEnsemble(one.ensemble));
  assert.deepEqual(saveEnsemble(three.ensemble), saveEnsemble(one.ensemble));
  // The first tree's root: leaf covers are hessian sums; the chunked sum equals a plain row-order sum to rounding.
  const p = 1 / (1 + Math.exp(-one.ensemble.baseScore));
  const root = one.ensemble.trees[0]!;
  assert.ok(Math.abs(root.cover[0]! - 40_000 * p * (1 - p)) < 1e-9 * 40_000);
});
