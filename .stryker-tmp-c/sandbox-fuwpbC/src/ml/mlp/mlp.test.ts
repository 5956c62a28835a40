// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { computeAuc } from '../metrics/index.js';
import { createScratch, initialNetwork, lossAndGradient, predictMlpLogit, trainMlp } from './index.js';

const features = ['delinq', 'bureau', 'noise', 'income', 'region'];

for (const activation of ['relu', 'tanh'] as const) {
  test(`mlp: back-propagated gradient matches central finite differences (${activation})`, () => {
    const sizes = [4, 5, 3, 1];
    const net = initialNetwork(sizes, activation, 9);
    const rng = new Rng(1);
    const rows = 7;
    const x = new Float64Array(rows * 4);
    for (let k = 0; k < x.length; k++) x[k] = rng.nextNormal();
    const y = Float64Array.from({ length: rows }, (_, i) => i % 2);
    const scratch = createScratch(sizes, rows);
    const grad = new Float64Array(net.theta.length);
    lossAndGradient(net, x, y, undefined, 0, rows, 0.01, scratch, grad);
    const scratchGrad = new Float64Array(net.theta.length);
    const h = 1e-6;
    for (let q = 0; q < net.theta.length; q++) {
      const saved = net.theta[q]!;
      net.theta[q] = saved + h;
      const up = lossAndGradient(net, x, y, undefined, 0, rows, 0.01, scratch, scratchGrad);
      net.theta[q] = saved - h;
      const down = lossAndGradient(net, x, y, undefined, 0, rows, 0.01, scratch, scratchGrad);
      net.theta[q] = saved;
      const numeric = (up - down) / (2 * h);
      assert.ok(Math.abs(numeric - grad[q]!) < 1e-7 * Math.max(1, Math.abs(numeric)), `parameter ${q}: ${numeric} vs ${grad[q]}`);
    }
  });
}

test('mlp: learns the credit signal, deterministic per seed, early stopping keeps the best epoch', () => {
  const train = creditTestFrame(3000, 31);
  const holdout = creditTestFrame(1500, 32);
  const options = { hidden: [16, 8], epochs: 30, patience: 4, seed: 5 };
  const a = trainMlp(train, train.numeric('bad').values, features, options);
  const b = trainMlp(train, train.numeric('bad').values, features, options);
  assert.deepEqual(a, b);
  const auc = computeAuc(predictMlpLogit(a, holdout), holdout.numeric('bad').values);
  assert.ok(auc > 0.78, `AUC ${auc}`);
  assert.equal(a.validLoss.length, a.epochs);
  const best = Math.min(...a.validLoss);
  assert.equal(a.validLoss[a.bestEpoch - 1], best);
  const c = trainMlp(train, train.numeric('bad').values, features, { ...options, seed: 6 });
  assert.notDeepEqual(a.theta, c.theta);
});
