// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { computeGradientRange, computeGradients, initialScore, meanLoss } from './objective.js';

/**
 * Outside references for the objectives: gradients and hessians against central finite differences
 * of the loss written out independently here (log loss −w[y ln σ(s) + (1 − y) ln(1 − σ(s))], half
 * squared error ½w(s − y)²), and the hessian also against the finite difference of the gradient.
 * The log loss is evaluated as w·(softplus(s) − y·s), the same function without cancellation.
 */

const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const logLoss = (s: number, y: number, w: number) => w * (softplus(s) - y * s);
const halfSquare = (s: number, y: number, w: number) => 0.5 * w * (s - y) ** 2;

/** One row's [g, h] through the production kernel. */
function gradientOf(objective: 'binary' | 'regression', s: number, y: number, w: number): [number, number] {
  const g = new Float64Array(1);
  const h = new Float64Array(1);
  computeGradients(objective, Float64Array.of(s), Float64Array.of(y), Float64Array.of(w), g, h, 1);
  return [g[0]!, h[0]!];
}

const rng = new Rng(19);
const cases = Array.from({ length: 300 }, () => ({ s: -9 + 18 * rng.nextDouble(), y: rng.nextDouble() < 0.5 ? 1 : 0, w: 0.1 + 4 * rng.nextDouble() }));
cases.push({ s: 0, y: 1, w: 1 }, { s: 0, y: 0, w: 2.5 }, { s: 3, y: 1, w: 0.5 }, { s: -3, y: 0, w: 1 });

test('binary log loss: g is the central difference of the loss, h the central difference of g and the second difference of the loss', () => {
  const eps = 1e-4;
  for (const { s, y, w } of cases) {
    const [g, h] = gradientOf('binary', s, y, w);
    const fdG = (logLoss(s + eps, y, w) - logLoss(s - eps, y, w)) / (2 * eps);
    const fdH = (gradientOf('binary', s + eps, y, w)[0] - gradientOf('binary', s - eps, y, w)[0]) / (2 * eps);
    const fdH2 = (logLoss(s + eps, y, w) - 2 * logLoss(s, y, w) + logLoss(s - eps, y, w)) / (eps * eps);
    assert.ok(Math.abs(g - fdG) <= 1e-7 * (1 + Math.abs(g)), `g at s=${s} y=${y} w=${w}: ${g} vs ${fdG}`);
    assert.ok(Math.abs(h - fdH) <= 1e-7 * (1 + h), `h at s=${s}: ${h} vs ${fdH}`);
    assert.ok(Math.abs(h - fdH2) <= 1e-4 * (1 + h), `h at s=${s}: ${h} vs second difference ${fdH2}`);
  }
  // Hand-worked: at s = 0, p = ½, so g = (½ − y)·w and h = w/4.
  assert.deepEqual(gradientOf('binary', 0, 1, 2), [-1, 0.5]);
  assert.deepEqual(gradientOf('binary', 0, 0, 1), [0.5, 0.25]);
});

test('binary hessian floor: saturated margins keep h ≥ 1e-16·w, not zero', () => {
  const [g, h] = gradientOf('binary', 60, 1, 3);
  assert.equal(h, 3e-16);
  assert.ok(Math.abs(g) < 1e-20);
});

test('regression half squared error: g and h are its central differences', () => {
  const eps = 1e-3;
  for (const { s, y, w } of cases) {
    const label = y + s / 3;
    const [g, h] = gradientOf('regression', s, label, w);
    const fdG = (halfSquare(s + eps, label, w) - halfSquare(s - eps, label, w)) / (2 * eps);
    const fdH = (gradientOf('regression', s + eps, label, w)[0] - gradientOf('regression', s - eps, label, w)[0]) / (2 * eps);
    assert.ok(Math.abs(g - fdG) <= 1e-9 * (1 + Math.abs(g)), `g ${g} vs ${fdG}`);
    assert.ok(Math.abs(h - fdH) <= 1e-9 * (1 + h), `h ${h} vs ${fdH}`);
  }
});

test('gradient range: the tree shift moves margins first, and the maxima are the largest |g| and h', () => {
  const score = Float64Array.of(0, 1, -2);
  const label = Float64Array.of(1, 0, 1);
  const weight = Float64Array.of(1, 2, 1);
  const g = new Float64Array(3);
  const h = new Float64Array(3);
  const maxima = new Float64Array(4);
  computeGradientRange('binary', score, label, weight, g, h, 0, 3, maxima, 2, { leaf: Uint16Array.of(1, 0, 1), value: Float64Array.of(0.5, -1) });
  assert.deepEqual(Array.from(score), [-1, 1.5, -3]);
  const p = Array.from(score, (s) => 1 / (1 + Math.exp(-s)));
  assert.deepEqual(Array.from(g), [p[0]! - 1, 2 * p[1]!, p[2]! - 1]);
  assert.deepEqual(Array.from(h), [p[0]! * (1 - p[0]!), 2 * p[1]! * (1 - p[1]!), p[2]! * (1 - p[2]!)]);
  assert.equal(maxima[2], Math.max(...Array.from(g, Math.abs)));
  assert.equal(maxima[3], Math.max(...h));
  assert.deepEqual([maxima[0], maxima[1]], [0, 0]);
});

test('initial score minimises the weighted loss: the summed gradient there is zero; mean loss matches the written-out loss', () => {
  const label = Float64Array.from(cases, (c) => c.y);
  const weight = Float64Array.from(cases, (c) => c.w);
  for (const objective of ['binary', 'regression'] as const) {
    const s0 = initialScore(objective, label, weight);
    const g = new Float64Array(cases.length);
    const h = new Float64Array(cases.length);
    computeGradients(objective, new Float64Array(cases.length).fill(s0), label, weight, g, h, cases.length);
    assert.ok(Math.abs(g.reduce((a, b) => a + b, 0)) < 1e-9, objective);
  }
  // Hand-worked: weighted mean label ¾ → log-odds ln 3.
  assert.ok(Math.abs(initialScore('binary', Float64Array.of(1, 0), Float64Array.of(3, 1)) - Math.log(3)) < 1e-15);
  const score = Float64Array.from(cases, (c) => c.s);
  const total = cases.reduce((a, c) => a + logLoss(c.s, c.y, c.w), 0) / weight.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(meanLoss('binary', score, label, weight) - total) < 1e-12);
  const mse = cases.reduce((a, c) => a + 2 * halfSquare(c.s, c.y, c.w), 0) / weight.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(meanLoss('regression', score, label, weight) - mse) < 1e-12);
});

test('regression gradient range: shifted margins, g = (s − y)·w, h = w, maxima; rows outside the range untouched', () => {
  const score = Float64Array.of(1, 2, 3, 4);
  const label = Float64Array.of(0, 5, 1, 9);
  const weight = Float64Array.of(2, 0.5, 3, 1);
  const g = new Float64Array(4).fill(7);
  const h = new Float64Array(4).fill(7);
  const maxima = new Float64Array(2);
  computeGradientRange('regression', score, label, weight, g, h, 0, 3, maxima, 0, { leaf: Uint16Array.of(1, 0, 1, 0), value: Float64Array.of(-0.5, 2) });
  assert.deepEqual(Array.from(score), [3, 1.5, 5, 4]);
  assert.deepEqual(Array.from(g), [6, -1.75, 12, 7]);
  assert.deepEqual(Array.from(h), [2, 0.5, 3, 7]);
  assert.deepEqual(Array.from(maxima), [12, 3]);
});

test('edge cases: all-bad labels keep a finite start (clamped at 1 − 1e-15); zero total weight gives 0; extreme margins keep the loss finite', () => {
  const top = 1 - 1e-15;
  assert.equal(initialScore('binary', Float64Array.of(1, 1), Float64Array.of(1, 1)), Math.log(top / (1 - top)));
  assert.equal(initialScore('binary', Float64Array.of(0, 0), Float64Array.of(1, 1)), Math.log(1e-15 / (1 - 1e-15)));
  assert.equal(initialScore('regression', Float64Array.of(3), Float64Array.of(0)), 0);
  assert.equal(meanLoss('binary', new Float64Array(0), new Float64Array(0), new Float64Array(0)), 0);
  // s = ±800: log(1 + e^800) must come out as 800, not Infinity, on both sides of the stable formula.
  assert.equal(meanLoss('binary', Float64Array.of(800), Float64Array.of(0), Float64Array.of(1)), 800);
  assert.equal(meanLoss('binary', Float64Array.of(-800), Float64Array.of(1), Float64Array.of(1)), 800);
  assert.equal(meanLoss('binary', Float64Array.of(-800), Float64Array.of(0), Float64Array.of(1)), 0);
  assert.equal(meanLoss('binary', Float64Array.of(800), Float64Array.of(1), Float64Array.of(1)), 0);
});
