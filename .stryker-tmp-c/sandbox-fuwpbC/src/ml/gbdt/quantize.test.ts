// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { computeAuc } from '../metrics/index.js';
import { predictEnsembleRaw } from '../tree/index.js';
import { computeGradients, initialScore } from './objective.js';
import { packedG, packedH, quantizationFor, quantizeGradients, unpackHistogram } from './quantize.js';
import { creditTestFrame } from './test-frames.js';
import { trainGbdt } from './train.js';

test('the packing leaves every sum of n rows an exact double, with the most levels that allows', () => {
  for (const n of [1, 700, 4000, 65_535, 1_000_000, 4_000_000, 2 ** 23 - 1]) {
    const q = quantizationFor(n);
    assert.ok(q !== null, `n = ${n}`);
    // Worst case: every row at the largest |g| and h.
    assert.ok(n * q.hLevels < q.radix, `hessian sums stay below the radix (n = ${n})`);
    assert.ok(n * q.gLevels * q.radix + n * q.hLevels <= 2 ** 53, `packed sums stay exact (n = ${n})`);
    // Every bit is used: 2·⌈log2(n + 1)⌉ + bits(G) + bits(H) = 52, unless both sides are at the 15-bit cap.
    const bits = Math.log2((q.gLevels + 1) * (q.hLevels + 1));
    assert.ok(bits === 30 || bits + 2 * Math.ceil(Math.log2(n + 1)) === 52, `n = ${n}: ${bits} bits`);
  }
  assert.deepEqual({ g: quantizationFor(1_000_000)!.gLevels, h: quantizationFor(1_000_000)!.hLevels }, { g: 63, h: 63 });
  assert.deepEqual({ g: quantizationFor(1000)!.gLevels, h: quantizationFor(1000)!.hLevels }, { g: 2 ** 15 - 1, h: 2 ** 15 - 1 });
  assert.equal(quantizationFor(2 ** 23), null, 'too many rows for 3 bits a side: train exactly');
});

test('packed sums decode exactly to the integer sums, in any order', () => {
  const n = 20_000;
  const q = quantizationFor(n)!;
  const rng = new Rng(7);
  const g = Float64Array.from({ length: n }, () => rng.nextNormal());
  const h = Float64Array.from({ length: n }, () => rng.nextDouble() * 0.25);
  const packed = new Float64Array(n);
  const total = quantizeGradients(q, g, h, null, n, 8, packed);
  let sumG = 0;
  let sumH = 0;
  for (let k = 0; k < n; k++) {
    const gq = packedG(q, packed[k]!);
    const hq = packedH(q, packed[k]!);
    assert.ok(Number.isInteger(gq) && Math.abs(gq) <= q.gLevels && hq >= 0 && hq <= q.hLevels && Number.isInteger(hq));
    // Each value rounds to one of the two levels around it.
    assert.ok(Math.abs(gq * q.scaleG - g[k]!) < q.scaleG * (1 + 1e-9));
    assert.ok(Math.abs(hq * q.scaleH - h[k]!) < q.scaleH * (1 + 1e-9));
    sumG += gq;
    sumH += hq;
  }
  assert.equal(packedG(q, total), sumG);
  assert.equal(packedH(q, total), sumH);
  let backwards = 0;
  for (let k = n - 1; k >= 0; k--) backwards += packed[k]!;
  assert.equal(backwards, total, 'addition order does not matter');
  const out = new Float64Array(2);
  unpackHistogram(q, Float64Array.of(total), 0, 1, out);
  assert.deepEqual([...out], [sumG * q.scaleG, sumH * q.scaleH]);
});

test('stochastic rounding is unbiased and seeded', () => {
  const n = 100_000;
  const q = quantizationFor(n)!;
  // Three levels a side make the rounding coarse enough to see its bias, if any.
  const coarse = { ...q, gLevels: 3, hLevels: 3 };
  const g = new Float64Array(n).fill(0.1);
  g[0] = 1;
  const h = new Float64Array(n).fill(0.05);
  h[0] = 0.25;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  quantizeGradients(coarse, g, h, null, n, 1, a);
  quantizeGradients(coarse, g, h, null, n, 1, b);
  assert.deepEqual(a, b);
  let meanG = 0;
  let meanH = 0;
  for (let k = 1; k < n; k++) {
    meanG += packedG(coarse, a[k]!) * coarse.scaleG;
    meanH += packedH(coarse, a[k]!) * coarse.scaleH;
  }
  meanG /= n - 1;
  meanH /= n - 1;
  // 0.1 lies between levels 0 and 1/3: a Bernoulli(0.3) step of 1/3 has standard error 0.0015 here.
  assert.ok(Math.abs(meanG - 0.1) < 0.005, `mean g ${meanG}`);
  assert.ok(Math.abs(meanH - 0.05) < 0.0015, `mean h ${meanH}`);
});

test('quantised training keeps exact leaf outputs and matches exact training', () => {
  const train = creditTestFrame(20_000, 11);
  const holdout = creditTestFrame(5_000, 12);
  const y = holdout.numeric('bad').values;
  const o = { trees: 60, leaves: 15, seed: 3 };
  const quantised = trainGbdt({ frame: train, target: 'bad' }, o);
  const exact = trainGbdt({ frame: train, target: 'bad' }, { ...o, quantizedGradients: false });
  const aq = computeAuc(predictEnsembleRaw(quantised.ensemble, holdout), y);
  const ae = computeAuc(predictEnsembleRaw(exact.ensemble, holdout), y);
  assert.ok(Math.abs(aq - ae) < 0.003, `AUC quantised ${aq} vs exact ${ae}`);

  // A stump: the leaf outputs are −G/(H + λ)·η over each side's rows, from the exact gradients.
  const stump = trainGbdt({ frame: train, target: 'bad' }, { trees: 1, leaves: 2, seed: 3, learningRate: 0.5, lambdaL2: 2 });
  const tree = stump.ensemble.trees[0]!;
  const labels = train.numeric('bad').values;
  const n = train.rowCount;
  const score = new Float64Array(n).fill(stump.ensemble.baseScore);
  const gradients = new Float64Array(n);
  const hessians = new Float64Array(n);
  computeGradients('binary', score, labels, new Float64Array(n).fill(1), gradients, hessians, n);
  assert.equal(stump.ensemble.baseScore, initialScore('binary', labels, new Float64Array(n).fill(1)));
  const raw = predictEnsembleRaw(stump.ensemble, train);
  const sums = new Map<number, { g: number; h: number }>();
  for (let i = 0; i < n; i++) {
    const leafValue = raw[i]! - stump.ensemble.baseScore;
    const s = sums.get(leafValue) ?? { g: 0, h: 0 };
    s.g += gradients[i]!;
    s.h += hessians[i]!;
    sums.set(leafValue, s);
  }
  assert.equal(sums.size, 2);
  for (const [value, s] of sums) assert.ok(Math.abs(value - (-s.g / (s.h + 2)) * 0.5) < 1e-12, `leaf ${value} vs ${(-s.g / (s.h + 2)) * 0.5}`);
  assert.equal(tree.value.length, 3, 'root and two leaves');
});
