// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predictEnsembleRaw, saveEnsemble } from '../../tree/index.js';
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
  assert.ok(pool2.parallelJobs > 100 && pool3.parallelJobs > 100);
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
    assert.equal(pool2.parallelRowJobs, quantizedGradients ? 4 * 3 : 4);
    assert.ok(pool3.parallelRowJobs > 0);
    await Promise.all([pool2.close(), pool3.close()]);
    assert.deepEqual(saveEnsemble(two.ensemble), saveEnsemble(one.ensemble));
    assert.deepEqual(saveEnsemble(three.ensemble), saveEnsemble(one.ensemble));
  }
});
