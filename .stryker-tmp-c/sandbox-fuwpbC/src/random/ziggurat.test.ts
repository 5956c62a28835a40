// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextBeta } from './beta.js';
import { Rng } from './rng.js';
import { fillUniform32, fillZigguratNormal } from './ziggurat.js';
import { nextZigguratExponential } from './ziggurat-exponential.js';

test('ziggurat normals match N(0,1): moments and tail probabilities within sampling error', () => {
  const n = 1_000_000;
  const z = fillZigguratNormal(new Rng(11), new Float64Array(n));
  let m = 0;
  let m2 = 0;
  let m4 = 0;
  // P(Z < t) for t = −3, −1.96, −1, 0, 1, 2.5, 3.5 (tables)
  const cuts = [-3, -1.96, -1, 0, 1, 2.5, 3.5];
  const probs = [0.0013498980316301, 0.0249978951482204, 0.158655253931457, 0.5, 0.841344746068543, 0.99379033467422, 0.999767370920964];
  const below = new Array(cuts.length).fill(0);
  for (const v of z) {
    m += v;
    m2 += v * v;
    m4 += v ** 4;
    for (let k = 0; k < cuts.length; k++) if (v < (cuts[k] as number)) below[k]++;
  }
  assert.ok(Math.abs(m / n) < 0.005);
  assert.ok(Math.abs(m2 / n - 1) < 0.006);
  assert.ok(Math.abs(m4 / n - 3) < 0.05);
  for (let k = 0; k < cuts.length; k++) {
    const p = probs[k] as number;
    const sd = Math.sqrt((p * (1 - p)) / n);
    assert.ok(Math.abs(below[k] / n - p) < 4.5 * sd, `P(Z<${cuts[k]}) = ${below[k] / n}, expected ${p}`);
  }
});

test('ziggurat is deterministic per seed and reaches the tail beyond the base layer', () => {
  const a = fillZigguratNormal(new Rng(5), new Float64Array(1000));
  const b = fillZigguratNormal(new Rng(5), new Float64Array(1000));
  assert.deepEqual(a, b);
  const big = fillZigguratNormal(new Rng(3), new Float64Array(2_000_000));
  let beyond = 0;
  for (const v of big) if (Math.abs(v) > 3.442619855899) beyond++;
  // P(|Z| > 3.4426) = 5.7607e-4 → 1152 expected, sd ≈ 34
  assert.ok(Math.abs(beyond - 1152.1) < 150, String(beyond));
});

test('32-bit uniforms lie strictly inside (0, 1) with mean 1/2', () => {
  const u = fillUniform32(new Rng(9), new Float64Array(100_000));
  let sum = 0;
  for (const v of u) {
    assert.ok(v > 0 && v < 1);
    sum += v;
  }
  assert.ok(Math.abs(sum / u.length - 0.5) < 0.004);
});

test('beta deviates have the mean a/(a+b) and variance ab/((a+b)²(a+b+1))', () => {
  const rng = new Rng(21);
  for (const [a, b] of [
    [2, 3],
    [0.5, 0.8],
    [9, 1.5],
  ] as const) {
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = nextBeta(rng, a, b);
      s += x;
      s2 += x * x;
    }
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    assert.ok(Math.abs(s / n - mean) < 5 * Math.sqrt(variance / n), `mean a=${a} b=${b}`);
    assert.ok(Math.abs(s2 / n - (s / n) ** 2 - variance) < 0.05 * variance, `variance a=${a} b=${b}`);
  }
});

test('ziggurat exponentials match Exp(1): mean, variance and tail probabilities, beyond the base layer too', () => {
  const rng = new Rng(31);
  const n = 1_000_000;
  let sum = 0;
  let sumSq = 0;
  const cuts = [0.1, 1, 3, 7.697, 9];
  const above = new Array(cuts.length).fill(0);
  for (let i = 0; i < n; i++) {
    const x = nextZigguratExponential(rng);
    assert.ok(x >= 0);
    sum += x;
    sumSq += x * x;
    for (let k = 0; k < cuts.length; k++) if (x > (cuts[k] as number)) above[k]++;
  }
  assert.ok(Math.abs(sum / n - 1) < 0.005);
  assert.ok(Math.abs(sumSq / n - (sum / n) ** 2 - 1) < 0.01);
  for (let k = 0; k < cuts.length; k++) {
    const p = Math.exp(-(cuts[k] as number));
    const sd = Math.sqrt((p * (1 - p)) / n);
    assert.ok(Math.abs(above[k] / n - p) < 4.5 * sd + 1e-6, `P(X > ${cuts[k]}) = ${above[k] / n}, expected ${p}`);
  }
});
