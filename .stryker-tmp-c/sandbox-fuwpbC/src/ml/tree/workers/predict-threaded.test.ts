// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainGbdt } from '../../gbdt/index.js';
import { creditTestFrame } from '../../gbdt/test-frames.js';
import { predictEnsembleRaw } from '../predict.js';
import { predictEnsembleRawThreaded } from './predict-threaded.js';

test('threaded prediction equals single-threaded prediction, bit for bit', async () => {
  const model = trainGbdt({ frame: creditTestFrame(2000, 1), target: 'bad' }, { trees: 10, seed: 1 });
  const frame = creditTestFrame(45_000, 2);
  const one = predictEnsembleRaw(model.ensemble, frame);
  const two = await predictEnsembleRawThreaded(model.ensemble, frame, 2);
  assert.deepEqual(two, one);
});
