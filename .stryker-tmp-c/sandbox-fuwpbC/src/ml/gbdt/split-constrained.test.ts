// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { emptyCandidate, findCategoricalSplit, findNumericSplit, type LeafSums, type SplitParams, thresholdL1 } from './split.js';

/**
 * The constrained numeric split path (L1, monotone constraint, output bounds, minimum rows and hessian,
 * minimum gain, missing values both ways) against a brute force written out here from the formulas:
 * w = clamp(−T(G)/(H + λ), lower, upper), leaf term −(2·T(G)·w + (H + λ)·w²), T the L1 soft threshold;
 * a split is kept when both children hold ≥ minDataInLeaf estimated rows (round(H·rows/H_leaf)) and
 * ≥ minChildWeight hessian, its outputs respect the constraint, and its gain beats minSplitGain.
 * Categorical splits the same way over prefixes of the categories sorted by g/(h + catSmooth).
 */

const soft = (g: number, l1: number) => Math.sign(g) * Math.max(Math.abs(g) - l1, 0);
const output = (g: number, h: number, p: SplitParams, lower: number, upper: number) =>
  Math.min(upper, Math.max(lower, -soft(g, p.lambdaL1) / (h + p.lambdaL2)));
const term = (g: number, h: number, w: number, p: SplitParams) => -(2 * soft(g, p.lambdaL1) * w + (h + p.lambdaL2) * w * w);

interface Case {
  hist: Float64Array;
  bins: number;
  leaf: LeafSums;
  params: SplitParams;
  monotone: number;
}

function randomCase(rng: Rng): Case {
  const bins = 2 + rng.nextInt(12);
  const missing = rng.nextDouble() < 0.5;
  const hist = new Float64Array((bins + 1) * 2);
  let g = 0;
  let h = 0;
  for (let b = 0; b <= bins; b++) {
    if ((b === bins && !missing) || rng.nextDouble() < 0.15) continue;
    hist[2 * b] = rng.nextNormal() * 4 + (b / bins - 0.5) * 6 * (rng.nextDouble() < 0.5 ? 1 : -1);
    hist[2 * b + 1] = 0.5 + rng.nextDouble() * 10;
    g += hist[2 * b]!;
    h += hist[2 * b + 1]!;
  }
  const params: SplitParams = {
    lambdaL1: rng.nextDouble() < 0.6 ? rng.nextDouble() * 3 : 0,
    lambdaL2: rng.nextDouble() * 4,
    minChildWeight: rng.nextDouble() * 3,
    minDataInLeaf: 1 + rng.nextInt(15),
    minSplitGain: rng.nextDouble() < 0.3 ? rng.nextDouble() * 2 : 0,
    catSmooth: 10,
  };
  const monotone = [-1, 0, 1][rng.nextInt(3)]!;
  const bounded = rng.nextDouble() < 0.4;
  const lower = bounded ? -0.2 - rng.nextDouble() : Number.NEGATIVE_INFINITY;
  const upper = bounded ? 0.2 + rng.nextDouble() : Number.POSITIVE_INFINITY;
  const count = Math.round(h * (2 + rng.nextDouble() * 4));
  const w = output(g, h, params, lower, upper);
  return { hist, bins, params, monotone, leaf: { g, h, count, lower, upper, parentGain: term(g, h, w, params), countPerHessian: count / h } };
}

/** Every bin and missing direction in order; the first strictly best candidate wins. */
function bruteForce({ hist, bins, leaf, params, monotone }: Case) {
  let best = { gain: Number.NEGATIVE_INFINITY, bin: -1, defaultLeft: false, wl: 0, wr: 0 };
  const mg = hist[2 * bins]!;
  const mh = hist[2 * bins + 1]!;
  let lg = 0;
  let lh = 0;
  for (let b = 0; b < bins - 1; b++) {
    lg += hist[2 * b]!;
    lh += hist[2 * b + 1]!;
    if (lh === 0) continue;
    for (const left of mh > 0 ? [false, true] : [false]) {
      const cg = left ? lg + mg : lg;
      const ch = left ? lh + mh : lh;
      const lc = Math.round(ch * leaf.countPerHessian);
      if (lc < params.minDataInLeaf || leaf.count - lc < params.minDataInLeaf) continue;
      if (ch < params.minChildWeight || leaf.h - ch < params.minChildWeight) continue;
      const wl = output(cg, ch, params, leaf.lower, leaf.upper);
      const wr = output(leaf.g - cg, leaf.h - ch, params, leaf.lower, leaf.upper);
      if ((monotone > 0 && wl > wr) || (monotone < 0 && wl < wr)) continue;
      const gain = term(cg, ch, wl, params) + term(leaf.g - cg, leaf.h - ch, wr, params) - leaf.parentGain;
      if (gain > params.minSplitGain && gain > best.gain + 1e-9 * Math.abs(gain))
        best = { gain, bin: b, defaultLeft: left || (mh === 0 && ch > leaf.h - ch), wl, wr };
    }
  }
  return best;
}

test('thresholdL1 is the soft threshold: shrinks towards zero by l1, zero inside [−l1, l1]', () => {
  assert.deepEqual(
    [5, -5, 1, -1, 2, -2, 0].map((g) => thresholdL1(g, 2)),
    [3, -3, 0, 0, 0, 0, 0],
  );
  assert.equal(thresholdL1(2.5, 2), 0.5);
  assert.equal(thresholdL1(-2.5, 2), -0.5);
});

test('constrained numeric splits equal the written-out brute force on 600 random leaves (L1, monotone, bounds, limits, missing)', () => {
  const rng = new Rng(1919);
  let found = 0;
  let withMissingLeft = 0;
  for (let trial = 0; trial < 600; trial++) {
    const c = randomCase(rng);
    const best = emptyCandidate();
    findNumericSplit(c.hist, 0, c.bins, 3, c.monotone, c.leaf, c.params, best);
    const expected = bruteForce(c);
    if (expected.bin < 0) {
      assert.equal(best.feature, -1, `trial ${trial}: expected no split, got bin ${best.bin}`);
      continue;
    }
    found++;
    if (expected.defaultLeft && c.hist[2 * c.bins + 1]! > 0) withMissingLeft++;
    assert.equal(best.feature, 3, `trial ${trial}`);
    assert.equal(best.categorical, false, `trial ${trial}: numeric`);
    assert.equal(best.bin, expected.bin, `trial ${trial}: bin`);
    assert.equal(best.defaultLeft, expected.defaultLeft, `trial ${trial}: default left`);
    assert.ok(Math.abs(best.gain - expected.gain) <= 1e-9 * Math.max(1, Math.abs(expected.gain)), `trial ${trial}: gain ${best.gain} vs ${expected.gain}`);
    assert.ok(Math.abs(best.leftOutput - expected.wl) <= 1e-12 && Math.abs(best.rightOutput - expected.wr) <= 1e-12, `trial ${trial}: outputs`);
    assert.ok(best.leftOutput >= c.leaf.lower && best.rightOutput <= c.leaf.upper);
  }
  // The random cases exercise both outcomes and missing values sent left.
  assert.ok(found > 200 && found < 600, `${found} splits found`);
  assert.ok(withMissingLeft > 20, `${withMissingLeft} splits send missing left`);
});

/** Categorical brute force: prefixes of the used bins sorted by g/(h + catSmooth), missing right then left. */
function bruteForceCategorical({ hist, bins, leaf, params }: Case, otherBin: number) {
  let best = { gain: Number.NEGATIVE_INFINITY, left: [] as number[], defaultLeft: false, wl: 0, wr: 0 };
  const used = Array.from({ length: bins }, (_, b) => b).filter((b) => b !== otherBin && hist[2 * b + 1]! > 0);
  const ratio = (b: number) => hist[2 * b]! / (hist[2 * b + 1]! + params.catSmooth);
  used.sort((a, b) => ratio(a) - ratio(b) || a - b);
  const mg = hist[2 * bins]!;
  const mh = hist[2 * bins + 1]!;
  let lg = 0;
  let lh = 0;
  for (let k = 0; k < used.length; k++) {
    lg += hist[2 * used[k]!]!;
    lh += hist[2 * used[k]! + 1]!;
    for (const left of mh > 0 ? [false, true] : [false]) {
      const cg = left ? lg + mg : lg;
      const ch = left ? lh + mh : lh;
      const lc = Math.round(ch * leaf.countPerHessian);
      if (lc < params.minDataInLeaf || leaf.count - lc < params.minDataInLeaf) continue;
      if (ch < params.minChildWeight || leaf.h - ch < params.minChildWeight) continue;
      const wl = output(cg, ch, params, leaf.lower, leaf.upper);
      const wr = output(leaf.g - cg, leaf.h - ch, params, leaf.lower, leaf.upper);
      const gain = term(cg, ch, wl, params) + term(leaf.g - cg, leaf.h - ch, wr, params) - leaf.parentGain;
      if (gain > params.minSplitGain && gain > best.gain + 1e-9 * Math.abs(gain))
        best = { gain, left: used.slice(0, k + 1).sort((a, b) => a - b), defaultLeft: left || (mh === 0 && lh > leaf.h - lh), wl, wr };
    }
  }
  return best;
}

test('categorical splits equal the written-out brute force on 600 random leaves (with and without L1 and bounds)', () => {
  const rng = new Rng(2019);
  let found = 0;
  let plain = 0;
  for (let trial = 0; trial < 600; trial++) {
    const c = randomCase(rng);
    const otherBin = rng.nextDouble() < 0.3 ? rng.nextInt(c.bins) : -1;
    const best = emptyCandidate();
    findCategoricalSplit(c.hist, 0, c.bins, otherBin, 5, c.leaf, c.params, best);
    const expected = bruteForceCategorical(c, otherBin);
    if (expected.left.length === 0) {
      assert.equal(best.feature, -1, `trial ${trial}: expected no split`);
      continue;
    }
    found++;
    if (c.params.lambdaL1 === 0 && c.leaf.lower === Number.NEGATIVE_INFINITY) plain++;
    assert.equal(best.feature, 5, `trial ${trial}`);
    assert.ok(best.categorical && best.bin === -1, `trial ${trial}: categorical`);
    assert.deepEqual(best.leftBins, expected.left, `trial ${trial}: left bins`);
    assert.equal(best.defaultLeft, expected.defaultLeft, `trial ${trial}: default left`);
    assert.ok(Math.abs(best.gain - expected.gain) <= 1e-9 * Math.max(1, Math.abs(expected.gain)), `trial ${trial}: gain ${best.gain} vs ${expected.gain}`);
    assert.ok(Math.abs(best.leftOutput - expected.wl) <= 1e-12 && Math.abs(best.rightOutput - expected.wr) <= 1e-12, `trial ${trial}: outputs`);
  }
  assert.ok(found > 200 && plain > 50, `${found} splits, ${plain} unconstrained`);
});

test('min child weight binds exactly: a child with hessian equal to it is allowed, one below it is not (plain and L1 paths, both sides)', () => {
  // Two value bins; the only split puts bin 0 left. Hessians [3, 1] then [1, 3]: the light child is 1.
  for (const hess of [
    [3, 1],
    [1, 3],
  ]) {
    const hist = Float64Array.of(-4, hess[0]!, 4, hess[1]!, 0, 0);
    for (const lambdaL1 of [0, 0.5]) {
      for (const [minChildWeight, splits] of [
        [1, true],
        [1.0000001, false],
      ] as const) {
        const params: SplitParams = { lambdaL1, lambdaL2: 1, minChildWeight, minDataInLeaf: 1, minSplitGain: 0, catSmooth: 10 };
        const leaf: LeafSums = { g: 0, h: 4, count: 400, lower: -Infinity, upper: Infinity, parentGain: 0, countPerHessian: 100 };
        const best = emptyCandidate();
        findNumericSplit(hist, 0, 2, 0, 0, leaf, params, best);
        assert.equal(best.bin === 0, splits, `hessians ${hess}, L1 ${lambdaL1}, min child weight ${minChildWeight}`);
      }
    }
  }
});
