// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../../random/index.js';
import { simulatePortfolio } from '../simulate-portfolio.js';
import { parallelKernelRunner } from './run-kernel-parallel.js';

test('1 and 2 worker threads give identical results for the same seed', async () => {
  const rng = new Rng(1);
  const n = 2000;
  const loans = {
    pd: Float64Array.from({ length: n }, () => 0.001 + 0.1 * rng.nextDouble()),
    lgd: new Float64Array(n).fill(0.45),
    ead: Float64Array.from({ length: n }, () => 1000 + 9000 * rng.nextDouble()),
    segment: Int32Array.from({ length: n }, () => rng.nextInt(2)),
    segments: ['a', 'b'],
  };
  const options = { scenarios: 1000, seed: 42, importanceShift: -2, lgdSd: 0.1 };
  const [one] = await simulatePortfolio(loans, options, parallelKernelRunner(1));
  const [two] = await simulatePortfolio(loans, options, parallelKernelRunner(2));
  const [three] = await simulatePortfolio(loans, options, parallelKernelRunner(3));
  assert.deepEqual(two, one);
  assert.deepEqual(three, one);
  assert.ok(one!.estimates.el.value > 0);
});
