import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { emptyCandidate, findBestInRange, findNumericSplit, type LeafSums, leafGain, leafOutput, type SplitParams } from './split.js';

const params: SplitParams = { lambdaL1: 0, lambdaL2: 1, minChildWeight: 0.5, minDataInLeaf: 20, minSplitGain: 0, catSmooth: 10 };

/** A random [g, h] histogram of `bins` value bins plus the missing bin, and its leaf sums. */
function randomLeaf(rng: Rng, bins: number, missing: boolean): { hist: Float64Array; leaf: LeafSums } {
  const hist = new Float64Array((bins + 1) * 2);
  let g = 0;
  let h = 0;
  for (let b = 0; b <= bins; b++) {
    if ((b === bins && !missing) || rng.nextDouble() < 0.1) continue;
    hist[2 * b] = rng.nextNormal() * 3 - 0.4;
    hist[2 * b + 1] = 1 + rng.nextDouble() * 20;
    g += hist[2 * b]!;
    h += hist[2 * b + 1]!;
  }
  const count = Math.round(h * 2);
  return {
    hist,
    leaf: {
      g,
      h,
      count,
      lower: Number.NEGATIVE_INFINITY,
      upper: Number.POSITIVE_INFINITY,
      parentGain: leafGain(g, h, leafOutput(g, h, params, -Infinity, Infinity), params),
      countPerHessian: count / h,
    },
  };
}

/** Every bin and missing direction, scored with the general formulas; the first best wins. */
function bruteForce(hist: Float64Array, bins: number, leaf: LeafSums) {
  let best = { gain: Number.NEGATIVE_INFINITY, bin: -1, defaultLeft: false };
  const mg = hist[2 * bins]!;
  const mh = hist[2 * bins + 1]!;
  let lg = 0;
  let lh = 0;
  for (let b = 0; b < bins - 1; b++) {
    lg += hist[2 * b]!;
    lh += hist[2 * b + 1]!;
    // Until a bin holds rows there is no split (sending only the missing rows left is not one).
    if (lh === 0) continue;
    for (const left of mh > 0 ? [false, true] : [false]) {
      const cg = left ? lg + mg : lg;
      const ch = left ? lh + mh : lh;
      const lc = Math.round(ch * leaf.countPerHessian);
      if (lc < params.minDataInLeaf || leaf.count - lc < params.minDataInLeaf) continue;
      if (ch < params.minChildWeight || leaf.h - ch < params.minChildWeight) continue;
      const wl = leafOutput(cg, ch, params, -Infinity, Infinity);
      const wr = leafOutput(leaf.g - cg, leaf.h - ch, params, -Infinity, Infinity);
      const gain = leafGain(cg, ch, wl, params) + leafGain(leaf.g - cg, leaf.h - ch, wr, params) - leaf.parentGain;
      if (gain > params.minSplitGain && gain > best.gain + 1e-9 * Math.abs(gain)) best = { gain, bin: b, defaultLeft: left || (mh === 0 && ch > leaf.h - ch) };
    }
  }
  return best;
}

test('numeric split search matches brute force over every bin and missing direction', () => {
  const rng = new Rng(17);
  for (let rep = 0; rep < 300; rep++) {
    const bins = 2 + rng.nextInt(60);
    const { hist, leaf } = randomLeaf(rng, bins, rep % 2 === 0);
    const best = emptyCandidate();
    findNumericSplit(hist, 0, bins, 3, 0, leaf, params, best);
    const expected = bruteForce(hist, bins, leaf);
    assert.equal(best.bin, expected.bin, `rep ${rep}`);
    if (expected.bin < 0) continue;
    assert.equal(best.feature, 3);
    assert.equal(best.defaultLeft, expected.defaultLeft, `rep ${rep}`);
    assert.ok(Math.abs(best.gain - expected.gain) <= 1e-9 * Math.abs(expected.gain), `rep ${rep}: ${best.gain} vs ${expected.gain}`);
    assert.ok(Math.abs(best.leftOutput - -best.leftG / (best.leftH + params.lambdaL2)) < 1e-12);
  }
});

test('packed blocks without missing rows: the split search matches brute force on the unpacked sums, row-count limits binding', () => {
  const rng = new Rng(29);
  const q = { radix: 2 ** 20, scaleG: 0.01, scaleH: 0.002 };
  let limited = 0;
  for (let rep = 0; rep < 400; rep++) {
    const bins = 2 + rng.nextInt(80);
    const packed = new Float64Array(bins + 1);
    const hist = new Float64Array(2 * (bins + 1));
    for (let b = 0; b < bins; b++) {
      if (rng.nextDouble() < 0.15) continue;
      const gq = rng.nextInt(101) - 50;
      const hq = 1 + rng.nextInt(200);
      packed[b] = gq * q.radix + hq;
      hist[2 * b] = gq * q.scaleG;
      hist[2 * b + 1] = hq * q.scaleH;
    }
    let g = 0;
    let h = 0;
    for (let b = 0; b < bins; b++) {
      g += hist[2 * b]!;
      h += hist[2 * b + 1]!;
    }
    if (h === 0) continue;
    // Leaves of 20–400 rows: the 20-row minimum on each side often excludes bins at both ends.
    const count = 20 + rng.nextInt(381);
    const leaf: LeafSums = {
      g,
      h,
      count,
      lower: Number.NEGATIVE_INFINITY,
      upper: Number.POSITIVE_INFINITY,
      parentGain: leafGain(g, h, leafOutput(g, h, params, -Infinity, Infinity), params),
      countPerHessian: count / h,
    };
    const best = emptyCandidate();
    const specs = [{ type: 'number' as const, binCount: bins, otherBin: -1 }];
    findBestInRange(packed, 0, Int32Array.of(0, bins + 1), specs, Int32Array.of(0), 0, 1, new Int8Array(1), leaf, params, q, new Float64Array(512), best);
    const expected = bruteForce(hist, bins, leaf);
    if (count < 80) limited++;
    assert.equal(best.bin, expected.bin, `rep ${rep}`);
    if (expected.bin < 0) continue;
    assert.equal(best.defaultLeft, expected.defaultLeft, `rep ${rep}`);
    assert.ok(Math.abs(best.gain - expected.gain) <= 1e-9 * Math.abs(expected.gain), `rep ${rep}: ${best.gain} vs ${expected.gain}`);
  }
  assert.ok(limited > 30, `${limited}`);
});

test('a monotone constraint keeps the child outputs in order', () => {
  const rng = new Rng(18);
  let constrainedAway = 0;
  for (let rep = 0; rep < 200; rep++) {
    const { hist, leaf } = randomLeaf(rng, 30, false);
    const free = emptyCandidate();
    findNumericSplit(hist, 0, 30, 0, 0, leaf, params, free);
    const increasing = emptyCandidate();
    findNumericSplit(hist, 0, 30, 0, 1, leaf, params, increasing);
    if (increasing.bin >= 0) assert.ok(increasing.leftOutput <= increasing.rightOutput);
    if (free.bin >= 0 && free.leftOutput > free.rightOutput) constrainedAway++;
  }
  // The constraint did bind: unconstrained searches chose decreasing splits.
  assert.ok(constrainedAway > 10, `${constrainedAway}`);
});
