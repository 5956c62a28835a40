// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { optimalPartitionDp } from './optimal-dp.js';
import { optimalPartitionMip } from './optimal-mip.js';
import { type MonotoneTrend, type PartitionConstraints, type PrebinCounts, partitionFeasible, partitionIv } from './partition.js';

/** Best feasible IV over all 2^(n−1) contiguous partitions (the reference the solvers must match). */
function bruteForce(counts: PrebinCounts, c: PartitionConstraints): number | null {
  const n = counts.goods.length;
  let best: number | null = null;
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const ends: number[] = [];
    for (let k = 1; k < n; k++) if (mask & (1 << (k - 1))) ends.push(k);
    ends.push(n);
    if (!partitionFeasible(counts, ends, c)) continue;
    const iv = partitionIv(counts, ends);
    if (best === null || iv > best) best = iv;
  }
  return best;
}

function randomCounts(rng: Rng, n: number): PrebinCounts {
  const goods = new Float64Array(n);
  const bads = new Float64Array(n);
  // A noisy trend so that monotone constraints bind.
  const shape = rng.nextInt(3);
  for (let k = 0; k < n; k++) {
    const size = 20 + rng.nextInt(60);
    const t = k / Math.max(1, n - 1);
    const base = shape === 0 ? 0.1 + 0.4 * t : shape === 1 ? 0.5 - 0.4 * t : 0.1 + 0.6 * t * (1 - t);
    const p = Math.min(0.95, Math.max(0.02, base + 0.15 * (rng.nextDouble() - 0.5)));
    let bad = 0;
    for (let r = 0; r < size; r++) if (rng.nextDouble() < p) bad++;
    bads[k] = bad;
    goods[k] = size - bad;
  }
  return { goods, bads };
}

const trends: MonotoneTrend[] = ['none', 'ascending', 'descending', 'peak', 'valley'];

test('the DP finds the exhaustive-search optimum on 200 random small cases (≤ 10 pre-bins)', () => {
  const rng = new Rng(20261123);
  let feasible = 0;
  for (let t = 0; t < 200; t++) {
    const n = 2 + rng.nextInt(9);
    const counts = randomCounts(rng, n);
    const total = counts.goods.reduce((s, x) => s + x, 0) + counts.bads.reduce((s, x) => s + x, 0);
    const c: PartitionConstraints = {
      monotone: trends[t % trends.length] as MonotoneTrend,
      ...(t % 3 === 0 ? { maxBins: 2 + rng.nextInt(3) } : {}),
      ...(t % 4 === 0 ? { minBins: 2 } : {}),
      ...(t % 5 === 0 ? { minBinSize: total * 0.15 } : {}),
      ...(t % 7 === 0 ? { minBads: 15, minGoods: 15 } : {}),
    };
    const expected = bruteForce(counts, c);
    const got = optimalPartitionDp(counts, c);
    if (expected === null) {
      assert.equal(got, null, `case ${t}`);
      continue;
    }
    feasible++;
    assert.ok(got !== null, `case ${t}: DP found nothing`);
    assert.ok(partitionFeasible(counts, got.ends, c), `case ${t}: infeasible ${got.ends}`);
    assert.ok(Math.abs(got.iv - expected) < 1e-12, `case ${t} (${c.monotone}): DP ${got.iv} vs brute force ${expected}`);
    assert.ok(Math.abs(partitionIv(counts, got.ends) - got.iv) < 1e-12);
  }
  assert.ok(feasible > 150, `only ${feasible} feasible cases`);
});

test('the HiGHS MIP finds the exhaustive-search optimum (none, ascending, descending)', async () => {
  const rng = new Rng(7);
  for (let t = 0; t < 36; t++) {
    const n = 3 + rng.nextInt(8);
    const counts = randomCounts(rng, n);
    const c: PartitionConstraints = {
      monotone: (['none', 'ascending', 'descending'] as const)[t % 3] as MonotoneTrend,
      ...(t % 4 === 0 ? { maxBins: 3 } : {}),
      ...(t % 5 === 0 ? { minBins: 2, minBads: 10 } : {}),
    };
    const expected = bruteForce(counts, c);
    const got = await optimalPartitionMip(counts, c);
    if (expected === null) {
      assert.equal(got, null);
      continue;
    }
    assert.ok(got !== null && partitionFeasible(counts, got.ends, c), `case ${t}`);
    assert.ok(Math.abs(got.iv - expected) < 1e-9, `case ${t} (${c.monotone}): MIP ${got.iv} vs brute force ${expected}`);
  }
});

test('a hand-checkable case: an ascending trend forces merging the dip', () => {
  // Bad rates .1, .3, .2, .5 (100 rows each): ascending must merge pre-bins 1 and 2 (rate .25).
  const counts = { goods: Float64Array.from([90, 70, 80, 50]), bads: Float64Array.from([10, 30, 20, 50]) };
  assert.deepEqual(optimalPartitionDp(counts, { monotone: 'ascending' })?.ends, [1, 3, 4]);
  // Without a trend, keeping every pre-bin maximises IV (splitting never lowers IV).
  assert.deepEqual(optimalPartitionDp(counts, { monotone: 'none' })?.ends, [1, 2, 3, 4]);
  assert.equal(optimalPartitionDp(counts, { minBins: 5 }), null);
});
