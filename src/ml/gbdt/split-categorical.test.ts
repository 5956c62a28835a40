import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import {
  emptyCandidate,
  findBestInRange,
  findCategoricalSplit,
  findNumericSplit,
  type LeafSums,
  type SplitCandidate,
  type SplitFeature,
  type SplitParams,
} from './split.js';

/**
 * Categorical split finding on tiny leaves: a partition worked by hand, Fisher's (1958) theorem checked by
 * brute force over every subset of categories (with squared-error gains, λ = 0 and no smoothing, the best
 * of all 2^k partitions is a prefix of the categories sorted by g/h), and `findBestInRange`'s dispatch,
 * ranges and packed histograms against the single-feature finders.
 */

const plain: SplitParams = { lambdaL1: 0, lambdaL2: 1, minChildWeight: 0, minDataInLeaf: 1, minSplitGain: 0, catSmooth: 0 };

/** Leaf sums of a histogram block (value bins and the missing bin) with the gain G²/(H + λ) of no split. */
function leafOf(hist: Float64Array, params: SplitParams, countPerHessian = 100): LeafSums {
  let g = 0;
  let h = 0;
  for (let k = 0; k < hist.length; k += 2) {
    g += hist[k]!;
    h += hist[k + 1]!;
  }
  const lower = Number.NEGATIVE_INFINITY;
  const upper = Number.POSITIVE_INFINITY;
  return { g, h, count: Math.round(h * countPerHessian), lower, upper, parentGain: (g * g) / (h + params.lambdaL2), countPerHessian };
}

test('a partition worked by hand: categories ordered by g/h, the other bin kept right, missing rows sent left', () => {
  // [g, h] of value bins 0–3, the other bin 4 (capped categories) and the missing bin 5.
  // G = 1 + 1 + 5 + 2 + 4 − 6 = 7, H = 2 + 3 + 2 + 1 + 1 + 2 = 11, λ = 1: no split scores 49/12.
  // Order by g/h: bin 1 (1/3), bin 0 (1/2), bin 3 (2), bin 2 (5/2). Best prefix {1, 0} with the missing rows:
  // left G = −4, H = 7 → 16/8 = 2; right G = 11, H = 4 → 121/5; gain 2 + 24.2 − 49/12 = 1327/60.
  // (Brute force over all 16 subsets × 2 missing sides, other bin right: the next best is 307/210 lower.)
  const hist = Float64Array.of(1, 2, 1, 3, 5, 2, 2, 1, 4, 1, -6, 2);
  const leaf = leafOf(hist, plain);
  const best = emptyCandidate();
  findCategoricalSplit(hist, 0, 5, 4, 7, leaf, plain, best);
  assert.equal(best.feature, 7);
  assert.equal(best.categorical, true);
  assert.equal(best.bin, -1);
  assert.deepEqual(best.leftBins, [0, 1]);
  assert.equal(best.defaultLeft, true);
  assert.ok(Math.abs(best.gain - 1327 / 60) < 1e-12, `gain ${best.gain}`);
  assert.deepEqual([best.leftG, best.leftH], [-4, 7]);
  assert.ok(Math.abs(best.leftOutput - 0.5) < 1e-15 && Math.abs(best.rightOutput + 2.2) < 1e-15, `outputs ${best.leftOutput}, ${best.rightOutput}`);

  // Without the missing rows (G = 13, H = 9, no split 169/10) the best is again {1, 0} | {3, 2, other}:
  // left G = 2, H = 5 → 4/6; right G = 11, H = 4 → 121/5; gain 239/30 (brute force: next best 789/140).
  // With no missing rows in training, missing follows the child with more cover: left (5 > 4).
  const dry = Float64Array.of(1, 2, 1, 3, 5, 2, 2, 1, 4, 1, 0, 0);
  const dryBest = emptyCandidate();
  findCategoricalSplit(dry, 0, 5, 4, 7, leafOf(dry, plain), plain, dryBest);
  assert.deepEqual(dryBest.leftBins, [0, 1]);
  assert.ok(Math.abs(dryBest.gain - (2 / 3 + 24.2 - 16.9)) < 1e-12, `gain ${dryBest.gain}`);
  assert.equal(dryBest.defaultLeft, true);
});

test('a leaf with no category holding rows, or only the other bin, has no categorical split', () => {
  const hist = Float64Array.of(0, 0, 3, 2, 0, 0, -1, 1);
  const best = emptyCandidate();
  findCategoricalSplit(hist, 0, 3, 1, 2, leafOf(hist, plain), plain, best);
  assert.equal(best.feature, -1);
  assert.equal(best.gain, Number.NEGATIVE_INFINITY);
});

/** The gain of sending `leftSet` (a bit mask over the used categories) and, if asked, the missing rows left. */
function subsetGain(hist: Float64Array, used: readonly number[], mask: number, missingLeft: boolean, leaf: LeafSums, missing: number): number {
  let g = missingLeft ? hist[2 * missing]! : 0;
  let h = missingLeft ? hist[2 * missing + 1]! : 0;
  for (let k = 0; k < used.length; k++) {
    if ((mask & (1 << k)) === 0) continue;
    g += hist[2 * used[k]!]!;
    h += hist[2 * used[k]! + 1]!;
  }
  const rg = leaf.g - g;
  const rh = leaf.h - h;
  return (g * g) / h + (rg * rg) / rh - leaf.parentGain;
}

test('Fisher: with λ = 0 and no smoothing the best prefix is the best of all 2^k partitions (brute force, 400 leaves)', () => {
  const rng = new Rng(1958);
  const params: SplitParams = { ...plain, lambdaL2: 0 };
  let missingLeft = 0;
  for (let trial = 0; trial < 400; trial++) {
    const bins = 2 + rng.nextInt(7);
    const hist = new Float64Array((bins + 1) * 2);
    const used: number[] = [];
    for (let b = 0; b < bins; b++) {
      if (rng.nextDouble() < 0.2) continue;
      hist[2 * b] = rng.nextNormal() * 3;
      hist[2 * b + 1] = 0.5 + rng.nextDouble() * 5;
      used.push(b);
    }
    const withMissing = rng.nextDouble() < 0.5;
    if (withMissing) {
      hist[2 * bins] = rng.nextNormal() * 3;
      hist[2 * bins + 1] = 0.5 + rng.nextDouble() * 5;
    }
    const leaf = leafOf(hist, params, 1000);
    let bruteGain = Number.NEGATIVE_INFINITY;
    for (let mask = 1; mask < 1 << used.length; mask++)
      for (const left of withMissing ? [false, true] : [false]) {
        // every category and the missing rows left is no split
        if (mask === (1 << used.length) - 1 && (left || !withMissing)) continue;
        bruteGain = Math.max(bruteGain, subsetGain(hist, used, mask, left, leaf, bins));
      }
    const best = emptyCandidate();
    findCategoricalSplit(hist, 0, bins, -1, 1, leaf, params, best);
    if (used.length < 2 && !withMissing) {
      assert.equal(best.feature, -1, `trial ${trial}: one category, no split`);
      continue;
    }
    if (!(bruteGain > 1e-9)) continue;
    assert.equal(best.feature, 1, `trial ${trial}: a split (brute force gain ${bruteGain})`);
    assert.ok(Math.abs(best.gain - bruteGain) <= 1e-9 * Math.max(1, bruteGain), `trial ${trial}: gain ${best.gain}, brute force ${bruteGain}`);
    // The reported partition (left bins, missing side) scores the reported gain.
    const mask = best.leftBins.reduce((m, b) => m | (1 << used.indexOf(b)), 0);
    const sendsMissingLeft = withMissing && best.defaultLeft;
    if (sendsMissingLeft) missingLeft++;
    const own = subsetGain(hist, used, mask, sendsMissingLeft, leaf, bins);
    assert.ok(Math.abs(own - best.gain) <= 1e-9 * Math.max(1, bruteGain), `trial ${trial}: left ${best.leftBins} scores ${own}`);
    assert.ok(Math.abs(best.leftOutput + best.leftG / best.leftH) < 1e-12, `trial ${trial}: left output`);
  }
  assert.ok(missingLeft > 30, `${missingLeft} partitions send the missing rows left`);
});

/** A block of `bins` value bins plus the missing bin from [g, h] pairs. */
const block = (...pairs: number[]) => Float64Array.from(pairs);

test('findBestInRange: the features in range, in the order given, each by its own finder; a later feature must do strictly better', () => {
  const params: SplitParams = { ...plain, catSmooth: 1 };
  // Three features on one leaf (G = 2, H = 8 in every block): numeric 3 bins, categorical 3 bins (other bin 2), numeric 2 bins.
  const blocks = [block(-3, 2, 1, 3, 4, 2, 0, 1), block(2, 3, -2, 2, 1, 2, 1, 1), block(-1, 4, 3, 3, 0, 1)];
  const specs: SplitFeature[] = [
    { type: 'number', binCount: 3, otherBin: -1 },
    { type: 'category', binCount: 3, otherBin: 2 },
    { type: 'number', binCount: 2, otherBin: -1 },
  ];
  const offsets = Int32Array.of(0, 8, 16);
  const base = 5;
  const hist = new Float64Array(base + 22);
  for (const [f, b] of blocks.entries()) hist.set(b, base + offsets[f]!);
  const leaf = leafOf(blocks[0]!, params);
  const monotone = new Int8Array(3);
  const expected = (order: readonly number[]): SplitCandidate => {
    const best = emptyCandidate();
    for (const f of order) {
      const spec = specs[f]!;
      if (spec.type === 'number') findNumericSplit(blocks[f]!, 0, spec.binCount, f, 0, leaf, params, best);
      else findCategoricalSplit(blocks[f]!, 0, spec.binCount, spec.otherBin, f, leaf, params, best);
    }
    return best;
  };
  const features = Int32Array.of(2, 1, 0);
  const scratch = new Float64Array(512);
  for (const [from, to] of [
    [0, 3],
    [1, 3],
    [0, 1],
    [1, 2],
  ] as const) {
    const best = emptyCandidate();
    findBestInRange(hist, base, offsets, specs, features, from, to, monotone, leaf, params, null, scratch, best);
    assert.deepEqual(best, expected([...features.slice(from, to)]), `features ${from}..${to}`);
  }
  // Each feature's own winner, worked by hand (λ = 1, no split scores 4/9):
  // feature 0: bin 0 left, missing right: left G = −3, H = 2 → 3; right G = 5, H = 6 → 25/7 (the other three
  // candidates score 5.97, 4.22 and 5.46 with the missing rows left or bins ≤ 1 left).
  const numeric = emptyCandidate();
  findBestInRange(hist, base, offsets, specs, Int32Array.of(0), 0, 1, monotone, leaf, params, null, scratch, numeric);
  assert.deepEqual([numeric.feature, numeric.bin, numeric.categorical, numeric.defaultLeft], [0, 0, false, false]);
  assert.ok(Math.abs(numeric.gain - (3 + 25 / 7 - 4 / 9)) < 1e-12, `feature 0 gain ${numeric.gain}`);
  // feature 1: categories 0 (2/(3 + 1)) and 1 (−2/(2 + 1)) sorted {1, 0}, the other bin right; {1} left, missing right
  // (G = −2, H = 2 → 4/3; the rest G = 4, H = 6 → 16/7); with the missing rows left it scores 1.31, {1, 0} 0.56.
  const categorical = emptyCandidate();
  findBestInRange(hist, base, offsets, specs, Int32Array.of(1), 0, 1, monotone, leaf, params, null, scratch, categorical);
  assert.deepEqual([categorical.feature, categorical.bin, categorical.categorical, categorical.leftBins], [1, -1, true, [1]]);
  assert.ok(Math.abs(categorical.gain - (4 / 3 + 16 / 7 - 4 / 9)) < 1e-12, `feature 1 gain ${categorical.gain}`);
  // An earlier range's winner stays unless beaten strictly: feature 0 again after itself does not replace it.
  const held = emptyCandidate();
  findBestInRange(hist, base, offsets, specs, Int32Array.of(0, 0), 0, 2, monotone, leaf, params, null, scratch, held);
  held.feature = 9;
  findBestInRange(hist, base, offsets, specs, Int32Array.of(0), 0, 1, monotone, leaf, params, null, scratch, held);
  assert.equal(held.feature, 9);
});

test('findBestInRange on packed histograms (gq·R + hq) gives the unpacked answer at the tree scales', () => {
  const params: SplitParams = { ...plain, catSmooth: 2 };
  const q = { radix: 1024, scaleG: 0.25, scaleH: 0.5 };
  // Integer [gq, hq] of a numeric feature (3 bins + missing) and a categorical one (4 bins, no other bin, + missing),
  // both summing to the leaf's Σgq = 2, Σhq = 16.
  const integers = [
    [-6, 4, 2, 6, 8, 2, -2, 4],
    [4, 2, -8, 6, 12, 2, -4, 4, -2, 2],
  ];
  const specs: SplitFeature[] = [
    { type: 'number', binCount: 3, otherBin: -1 },
    { type: 'category', binCount: 4, otherBin: -1 },
  ];
  const packed = new Float64Array(3 + 9);
  const packedOffsets = Int32Array.of(0, 4);
  const unpacked = new Float64Array(18);
  const unpackedOffsets = Int32Array.of(0, 8);
  integers.forEach((pairs, f) => {
    for (let b = 0; 2 * b < pairs.length; b++) {
      const gq = pairs[2 * b]!;
      const hq = pairs[2 * b + 1]!;
      packed[3 + packedOffsets[f]! + b] = gq * q.radix + hq;
      unpacked[unpackedOffsets[f]! + 2 * b] = gq * q.scaleG;
      unpacked[unpackedOffsets[f]! + 2 * b + 1] = hq * q.scaleH;
    }
  });
  const leaf = leafOf(unpacked.subarray(0, 8), params);
  const features = Int32Array.of(0, 1);
  const monotone = new Int8Array(2);
  for (const f of [0, 1]) {
    const fromPacked = emptyCandidate();
    findBestInRange(packed, 3, packedOffsets, specs, features, f, f + 1, monotone, leaf, params, q, new Float64Array(512), fromPacked);
    const fromUnpacked = emptyCandidate();
    findBestInRange(unpacked, 0, unpackedOffsets, specs, features, f, f + 1, monotone, leaf, params, null, new Float64Array(512), fromUnpacked);
    assert.ok(fromUnpacked.feature === f, `feature ${f} splits`);
    assert.deepEqual(fromPacked, fromUnpacked, `feature ${f}`);
  }
});

test('findBestInRange on a packed numeric block with empty bins, zero-hessian and zero-gradient bins: the unpacked answer, plain or constrained', () => {
  const q = { radix: 256, scaleG: 0.125, scaleH: 0.375 };
  // Integer [gq, hq] of 8 value bins and the missing bin: bins 1, 4 and 5 are empty, bin 2 has hq = 0, bin 6 gq = 0.
  const pairs = [-5, 3, 0, 0, 7, 0, -9, 6, 0, 0, 0, 0, 0, 4, 8, 2, -3, 5];
  const bins = pairs.length / 2 - 1;
  const packed = new Float64Array(bins + 1);
  const unpacked = new Float64Array(pairs.length);
  for (let b = 0; b <= bins; b++) {
    packed[b] = pairs[2 * b]! * q.radix + pairs[2 * b + 1]!;
    unpacked[2 * b] = pairs[2 * b]! * q.scaleG;
    unpacked[2 * b + 1] = pairs[2 * b + 1]! * q.scaleH;
  }
  const specs: SplitFeature[] = [{ type: 'number', binCount: bins, otherBin: -1 }];
  const leaf = leafOf(unpacked, plain, 1);
  const features = Int32Array.of(0);
  for (const constraint of [0, 1, -1]) {
    const monotone = Int8Array.of(constraint);
    const fromPacked = emptyCandidate();
    findBestInRange(packed, 0, Int32Array.of(0), specs, features, 0, 1, monotone, leaf, plain, q, new Float64Array(512), fromPacked);
    const fromUnpacked = emptyCandidate();
    findBestInRange(unpacked, 0, Int32Array.of(0), specs, features, 0, 1, monotone, leaf, plain, null, new Float64Array(512), fromUnpacked);
    assert.deepEqual(fromPacked, fromUnpacked, `monotone ${constraint}`);
  }
  // The plain scan's winner, worked by hand (leaf G = −2/8, H = 20·0.375, λ = 1): bins ≤ 6 and the missing rows
  // left, G = (−5 + 7 − 9 − 3)/8, H = (3 + 6 + 4 + 5)·0.375, gain 0.7657 (bins ≤ 4 or ≤ 5 with missing left: 0.5503).
  const best = emptyCandidate();
  findBestInRange(packed, 0, Int32Array.of(0), specs, features, 0, 1, new Int8Array(1), leaf, plain, q, new Float64Array(512), best);
  assert.equal(best.feature, 0);
  assert.equal(best.bin, 6);
  assert.equal(best.defaultLeft, true);
  assert.equal(best.leftG, -10 * 0.125);
  assert.equal(best.leftH, 18 * 0.375);
  assert.ok(Math.abs(best.gain - 0.7656885) < 1e-6, `gain ${best.gain}`);
});
