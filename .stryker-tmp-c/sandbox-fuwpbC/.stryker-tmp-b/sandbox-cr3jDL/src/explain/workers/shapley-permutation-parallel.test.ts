// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame } from '../../frame/index.js';
import { creditTestFrame } from '../../ml/gbdt/test-frames.js';
import { trainMlp } from '../../ml/mlp/index.js';
import type { CredoModel } from '../../ml/model.js';
import { shapleyPermutation } from '../shapley-permutation.js';
import { shapleyPermutationParallel } from './shapley-permutation-parallel.js';

const features = ['delinq', 'bureau', 'noise', 'income', 'region'];
const train = creditTestFrame(600, 31);
const schema = train.select(features).schema();

function mlp(seed: number): CredoModel {
  const body = trainMlp(train, train.numeric('bad').values, features, { hidden: [6], epochs: 4, seed });
  return { kind: 'mlp', schema, target: 'bad', params: {}, metrics: {}, createdAt: '', body } as CredoModel;
}

const network = mlp(5);
const ensemble = {
  kind: 'ensemble',
  schema,
  target: 'bad',
  params: {},
  metrics: {},
  createdAt: '',
  body: { version: 1, method: 'average', members: [network, mlp(6)], weights: [0.4, 0.6], intercept: 0, folds: 0 },
} as CredoModel;

const bytes = (a: Float64Array | undefined) => Buffer.from((a as Float64Array).buffer, (a as Float64Array).byteOffset, (a as Float64Array).byteLength);

for (const [name, model] of [
  ['mlp', network],
  ['ensemble', ensemble],
] as const) {
  test(`permutation Shapley of an ${name} on 1, 2 and 3 worker threads: the same bytes as the single-thread explainer`, async () => {
    // the explained rows carry a column the model does not use; the background comes from other rows
    const rows = new Frame([...creditTestFrame(7, 77).columns], 7);
    const reference = creditTestFrame(300, 78);
    const options = { samples: 6, background: 25, seed: 3, rowOffset: 11 };
    const direct = shapleyPermutation(model, rows, reference, options);
    for (const threads of [1, 2, 3]) {
      let reports = 0;
      const parallel = await shapleyPermutationParallel(model, rows, reference, options, threads, () => reports++);
      // one report on the calling thread, one per worker's range (each under 8 rows) otherwise: the workers ran
      assert.equal(reports, threads);
      assert.deepEqual(parallel.features, direct.features);
      assert.equal(parallel.expectedValue, direct.expectedValue);
      assert.equal(parallel.rowCount, 7);
      assert.ok(bytes(parallel.values).equals(bytes(direct.values)), `values, ${threads} threads`);
      assert.ok(bytes(parallel.standardErrors).equals(bytes(direct.standardErrors)), `standard errors, ${threads} threads`);
    }
  });
}

test('permutation Shapley in parallel: row i of a slice explained at rowOffset i gets its whole-file values', async () => {
  const rows = creditTestFrame(9, 79);
  const options = { samples: 4, background: 10, seed: 1 };
  const all = await shapleyPermutationParallel(network, rows, rows, options, 2);
  const one = await shapleyPermutationParallel(network, rows.slice(5, 6), rows, { ...options, rowOffset: 5 }, 2);
  const p = features.length;
  assert.ok(bytes(one.values).equals(bytes(all.values.subarray(5 * p, 6 * p))));
});
