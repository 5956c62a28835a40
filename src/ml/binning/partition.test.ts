import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { CHI2_95_DF1, chiMergePartition, chiSquare2x2 } from './chimerge.js';
import { binAdmissible, binIv, partitionFeasible, partitionIv, prefixSums, trendHolds } from './partition.js';
import { treePartition } from './tree-bins.js';

const f = (v: number[]) => Float64Array.from(v);
const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `expected ${b}, got ${a}`);

test('binIv, hand-worked, and its zero cells counted as 0.5', () => {
  // g = 30 of G = 100, b = 10 of B = 50: (0.3 − 0.2)·ln 1.5
  close(binIv(30, 10, 100, 50), 0.1 * Math.log(1.5));
  close(binIv(30, 10, 100, 50), 0.04054651081081644);
  // no bads: b counted as 0.5 → pb = 0.01; (0.2 − 0.01)·ln 20 = 0.19 · 2.995732273553991
  close(binIv(20, 0, 100, 50), 0.5691891319752583);
  // no goods: g counted as 0.5 → pg = 0.005; (0.005 − 0.1)·ln 0.05 = 0.095 · 2.995732273553991
  close(binIv(0, 5, 100, 50), 0.2845945659876291);
});

test('prefixSums and partitionIv: the IV of a partition, hand-worked', () => {
  const counts = { goods: f([40, 30, 10]), bads: f([5, 10, 15]) };
  assert.deepEqual(prefixSums(counts), { g: f([0, 40, 70, 80]), b: f([0, 5, 15, 30]) });
  // every pre-bin its own bin: the WOE table of binning-basics.test (IV 0.8909721081)
  close(partitionIv(counts, [1, 2, 3]), 0.8909721081283448);
  // {0,1} {2}: goods .875/.125, bads .5/.5 → .375·ln 1.75 + .375·ln 4
  close(partitionIv(counts, [2, 3]), 0.375 * Math.log(1.75) + 0.375 * Math.log(4));
  // one bin: shares 1 and 1, IV 0
  assert.equal(partitionIv(counts, [3]), 0);
});

test('binAdmissible: each bound is inclusive, an empty bin never admissible', () => {
  assert.equal(binAdmissible(0, 0, {}), false);
  assert.equal(binAdmissible(1, 0, {}), true);
  assert.equal(binAdmissible(0, 1, {}), true);
  assert.equal(binAdmissible(3, 2, { minBinSize: 5 }), true);
  assert.equal(binAdmissible(3, 1, { minBinSize: 5 }), false);
  assert.equal(binAdmissible(3, 2, { maxBinSize: 5 }), true);
  assert.equal(binAdmissible(3, 3, { maxBinSize: 5 }), false);
  assert.equal(binAdmissible(5, 2, { minBads: 2 }), true);
  assert.equal(binAdmissible(5, 1, { minBads: 2 }), false);
  assert.equal(binAdmissible(2, 5, { minGoods: 2 }), true);
  assert.equal(binAdmissible(1, 5, { minGoods: 2 }), false);
});

test('trendHolds: ascending, descending, peak, valley and the minimum rate difference', () => {
  assert.equal(trendHolds([0.3, 0.1, 0.5], 'none'), true);
  assert.equal(trendHolds([0.1, 0.3, 0.2], 'none'), true);
  assert.equal(trendHolds([0.1, 0.2, 0.2], 'ascending'), true);
  assert.equal(trendHolds([0.1, 0.3, 0.2], 'ascending'), false);
  assert.equal(trendHolds([0.3, 0.2, 0.2], 'descending'), true);
  assert.equal(trendHolds([0.3, 0.1, 0.2], 'descending'), false);
  // differences exactly equal to the minimum pass (binary-exact rates)
  assert.equal(trendHolds([0.25, 0.5], 'ascending', 0.25), true);
  assert.equal(trendHolds([0.25, 0.375], 'ascending', 0.25), false);
  assert.equal(trendHolds([0.5, 0.25], 'descending', 0.25), true);
  assert.equal(trendHolds([0.5, 0.375], 'descending', 0.25), false);
  // peak: up then down; a purely rising or purely falling run is a degenerate peak
  assert.equal(trendHolds([0.1, 0.3, 0.2], 'peak'), true);
  assert.equal(trendHolds([0.1, 0.2, 0.3], 'peak'), true);
  assert.equal(trendHolds([0.3, 0.2, 0.1], 'peak'), true);
  assert.equal(trendHolds([0.3, 0.1, 0.2], 'peak'), false);
  assert.equal(trendHolds([0.1, 0.3, 0.2, 0.4], 'peak'), false);
  assert.equal(trendHolds([0.25, 0.5, 0.375], 'peak', 0.25), false);
  assert.equal(trendHolds([0.25, 0.5, 0.25], 'peak', 0.25), true);
  // valley: down then up
  assert.equal(trendHolds([0.3, 0.1, 0.2], 'valley'), true);
  assert.equal(trendHolds([0.1, 0.3, 0.2], 'valley'), false);
  assert.equal(trendHolds([0.3, 0.1, 0.2, 0.1], 'valley'), false);
});

test('partitionFeasible: bin-count limits, per-bin limits and the trend', () => {
  // rates 0, .5, 2/3 (20 rows, 20 rows, 30 rows)
  const counts = { goods: f([20, 10, 10]), bads: f([0, 10, 20]) };
  assert.equal(partitionFeasible(counts, [3], {}), true);
  assert.equal(partitionFeasible(counts, [], {}), false);
  assert.equal(partitionFeasible(counts, [3], { minBins: 2 }), false);
  assert.equal(partitionFeasible(counts, [1, 3], { minBins: 2, maxBins: 2 }), true);
  assert.equal(partitionFeasible(counts, [1, 2, 3], { maxBins: 2 }), false);
  assert.equal(partitionFeasible(counts, [1, 2, 3], { monotone: 'ascending' }), true);
  assert.equal(partitionFeasible(counts, [1, 2, 3], { monotone: 'descending' }), false);
  // .5 → 2/3 rises by 1/6 only
  assert.equal(partitionFeasible(counts, [1, 2, 3], { monotone: 'ascending', minRateDiff: 0.4 }), false);
  assert.equal(partitionFeasible(counts, [1, 3], { monotone: 'ascending', minRateDiff: 0.4 }), true);
  assert.equal(partitionFeasible(counts, [1, 2, 3], { minBinSize: 25 }), false);
  assert.equal(partitionFeasible(counts, [2, 3], { minBinSize: 25 }), true);
  assert.equal(partitionFeasible(counts, [1, 3], { minBads: 1 }), false);
  // a second bin's bads are b[2] − b[1]: rates .5 then .25, so descending only
  const two = { goods: f([5, 15]), bads: f([5, 5]) };
  assert.equal(partitionFeasible(two, [1, 2], { monotone: 'ascending' }), false);
  assert.equal(partitionFeasible(two, [1, 2], { monotone: 'descending' }), true);
});

test('χ² of 2×2 tables, hand-worked, and 0 on an empty margin', () => {
  // [[90,10],[80,20]]: n = 200, d = 1000 → 200·10⁶ / (100·100·170·30)
  close(chiSquare2x2(90, 10, 80, 20), 200e6 / (100 * 100 * 170 * 30));
  // [[80,20],[50,50]]: d = 3000, margins 100, 100, 130, 70 → 200·9·10⁶ / (100·100·130·70)
  close(chiSquare2x2(80, 20, 50, 50), (200 * 9e6) / (100 * 100 * 130 * 70));
  assert.equal(chiSquare2x2(0, 0, 5, 5), 0);
  assert.equal(chiSquare2x2(5, 5, 0, 0), 0);
  assert.equal(chiSquare2x2(0, 5, 0, 5), 0);
  assert.equal(chiSquare2x2(5, 0, 5, 0), 0);
  // scipy.stats.chi2.ppf(0.95, 1)
  assert.equal(CHI2_95_DF1, 3.841458820694124);
});

test('ChiMerge: the threshold, the bin limit, and small bins absorbed by their closer neighbour', () => {
  // χ² of neighbours: (0,1) 3.92, (1,2) 19.78, (2,3) 19.78 — all above 3.84: nothing merges by default
  const counts = { goods: f([90, 80, 50, 20]), bads: f([10, 20, 50, 80]) };
  assert.deepEqual(chiMergePartition(counts), [1, 2, 3, 4]);
  // threshold 4: (0,1) merges; then [[170,30],[50,50]] has χ² 41.8 and stays
  assert.deepEqual(chiMergePartition(counts, { threshold: 4 }), [2, 3, 4]);
  // two bins at most: (0,1) merges first (smallest χ²), then (2,3) (19.78 < 41.8)
  assert.deepEqual(chiMergePartition(counts, { maxBins: 2 }), [2, 4]);
  assert.deepEqual(chiMergePartition(counts, { maxBins: 4 }), [1, 2, 3, 4]);
  assert.deepEqual(chiMergePartition(counts, { maxBins: 1 }), [4]);
  // a small first bin goes right, a small last bin goes left
  assert.deepEqual(chiMergePartition({ goods: f([5, 90, 50, 20]), bads: f([0, 10, 50, 80]) }, { minBinSize: 50 }), [2, 3, 4]);
  assert.deepEqual(chiMergePartition({ goods: f([90, 50, 20, 5]), bads: f([10, 50, 80, 0]) }, { minBinSize: 50 }), [1, 2, 4]);
  // a small middle bin joins the neighbour with the smaller χ²: left 4.234 (105·22500/558000) < right 4.454 (105·40000/943000)
  const middle = { goods: f([90, 3, 20]), bads: f([10, 2, 80]) };
  assert.deepEqual(chiMergePartition(middle, { minBinSize: 10, threshold: 0 }), [2, 3]);
  // a bin exactly at the minimum size is not small
  assert.deepEqual(chiMergePartition(middle, { minBinSize: 5, threshold: 0 }), [1, 2, 3]);
  // equal χ² on both sides (mirror-image tables): the left neighbour absorbs it
  assert.deepEqual(chiMergePartition({ goods: f([90, 3, 90]), bads: f([10, 2, 10]) }, { minBinSize: 10, threshold: 0 }), [2, 3]);
  assert.deepEqual(chiMergePartition({ goods: f([7]), bads: f([3]) }), [1]);
});

test('tree binning matches scikit-learn best-first CART (gini, max_leaf_nodes, min_weight_fraction_leaf)', () => {
  // Peer: sklearn DecisionTreeClassifier on the pre-bin index with the counts as sample weights,
  // max_leaf_nodes = maxBins and min_weight_fraction_leaf = minBinSize / 600; ends = ceil(thresholds) + [6].
  const counts = { goods: f([95, 80, 70, 40, 30, 5]), bads: f([5, 20, 30, 60, 70, 95]) };
  assert.deepEqual(treePartition(counts, { maxBins: 2 }), [3, 6]);
  assert.deepEqual(treePartition(counts, { maxBins: 3 }), [3, 5, 6]);
  assert.deepEqual(treePartition(counts, { maxBins: 4 }), [1, 3, 5, 6]);
  assert.deepEqual(treePartition(counts, { maxBins: 5 }), [1, 2, 3, 5, 6]);
  assert.deepEqual(treePartition(counts, { maxBins: 1 }), [6]);
  assert.deepEqual(treePartition(counts), [1, 2, 3, 4, 5, 6]);
  // every pre-bin has 100 rows: a minimum of 100 allows every split, 101 only halves of 300
  assert.deepEqual(treePartition(counts, { minBinSize: 100 }), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(treePartition(counts, { minBinSize: 101 }), [3, 6]);
  assert.deepEqual(treePartition(counts, { minBinSize: 100, maxBins: 4 }), [1, 3, 5, 6]);
  // no split keeps both children at 301 of 600 rows
  assert.deepEqual(treePartition(counts, { minBinSize: 301 }), [6]);
  // children with the parent's bad rate reduce no impurity: no split (and none of an empty pre-bin)
  assert.deepEqual(treePartition({ goods: f([40, 40, 10, 10]), bads: f([10, 10, 40, 40]) }), [2, 4]);
  assert.deepEqual(treePartition({ goods: f([40, 0, 10]), bads: f([10, 0, 40]) }), [1, 3]);
});

/**
 * ChiMerge written out on the partition alone (Kerber 1992): every step recomputes each bin's counts from the
 * pre-bins and the current ends. Same rules: the first smallest χ², the first small bin, its left neighbour on a tie.
 */
function referenceChiMerge(goods: number[], bads: number[], threshold: number, maxBins: number, minSize: number): number[] {
  const ends = goods.map((_, k) => k + 1);
  const sum = (xs: number[], s: number, e: number) => xs.slice(s, e).reduce((a, x) => a + x, 0);
  const bin = (i: number): [number, number] => {
    const s = i === 0 ? 0 : (ends[i - 1] as number);
    return [sum(goods, s, ends[i] as number), sum(bads, s, ends[i] as number)];
  };
  while (ends.length > 1) {
    const chis = ends.slice(0, -1).map((_, i) => chiSquare2x2(...bin(i), ...bin(i + 1)));
    const smallest = chis.indexOf(Math.min(...chis));
    const tiny = ends.findIndex((_, i) => bin(i)[0] + bin(i)[1] < minSize);
    let at: number;
    if (tiny >= 0) {
      const left = tiny > 0 ? (chis[tiny - 1] as number) : Number.POSITIVE_INFINITY;
      const right = tiny < chis.length ? (chis[tiny] as number) : Number.POSITIVE_INFINITY;
      at = left <= right ? tiny - 1 : tiny;
    } else if (ends.length > maxBins || (chis[smallest] as number) < threshold) at = smallest;
    else break;
    // merging bins `at` and `at + 1` removes the end of bin `at`
    ends.splice(at, 1);
  }
  return ends;
}

test('ChiMerge equals the written-out reference on 300 random cases', () => {
  const rng = new Rng(20261202);
  for (let t = 0; t < 300; t++) {
    const n = 1 + rng.nextInt(12);
    const goods = Array.from({ length: n }, () => (rng.nextInt(4) === 0 ? 0 : rng.nextInt(60)));
    const bads = Array.from({ length: n }, () => (rng.nextInt(4) === 0 ? 0 : rng.nextInt(30)));
    const threshold = [CHI2_95_DF1, 0, 10][t % 3] as number;
    const maxBins = t % 4 === 0 ? 1 + rng.nextInt(4) : Number.POSITIVE_INFINITY;
    const minSize = t % 5 === 0 ? rng.nextInt(80) : 0;
    const got = chiMergePartition(
      { goods: f(goods), bads: f(bads) },
      { threshold, ...(Number.isFinite(maxBins) ? { maxBins } : {}), ...(minSize > 0 ? { minBinSize: minSize } : {}) },
    );
    assert.deepEqual(got, referenceChiMerge(goods, bads, threshold, maxBins, minSize), `case ${t}: ${goods} / ${bads}`);
  }
});
