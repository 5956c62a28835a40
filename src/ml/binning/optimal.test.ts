import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
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

test('the DP and the MIP match exhaustive search with minimum rate differences and maximum bin sizes', async () => {
  const rng = new Rng(20261202);
  let feasible = 0;
  for (let t = 0; t < 60; t++) {
    const n = 2 + rng.nextInt(7);
    const counts = randomCounts(rng, n);
    const total = counts.goods.reduce((s, x) => s + x, 0) + counts.bads.reduce((s, x) => s + x, 0);
    const c: PartitionConstraints = {
      monotone: trends[t % trends.length] as MonotoneTrend,
      minRateDiff: [0, 0.02, 0.05, 0.1][t % 4] as number,
      ...(t % 3 === 0 ? { maxBinSize: total * 0.45 } : {}),
      ...(t % 5 === 0 ? { minBins: 2, maxBins: 3 } : {}),
    };
    const expected = bruteForce(counts, c);
    const dp = optimalPartitionDp(counts, c);
    // the MIP takes none, ascending and descending only, and is the slower: every other case
    const mip = c.monotone === 'peak' || c.monotone === 'valley' || t % 2 === 1 ? undefined : await optimalPartitionMip(counts, c);
    if (expected === null) {
      assert.equal(dp, null, `case ${t}`);
      if (mip !== undefined) assert.equal(mip, null, `case ${t}`);
      continue;
    }
    feasible++;
    assert.ok(dp !== null && partitionFeasible(counts, dp.ends, c), `case ${t}: DP ${dp?.ends}`);
    assert.ok(Math.abs(dp.iv - expected) < 1e-12, `case ${t} (${c.monotone}): DP ${dp.iv} vs brute force ${expected}`);
    if (mip !== undefined) {
      assert.ok(mip !== null && partitionFeasible(counts, mip.ends, c), `case ${t}: MIP ${mip?.ends}`);
      assert.ok(Math.abs(mip.iv - expected) < 1e-9, `case ${t} (${c.monotone}): MIP ${mip.iv} vs brute force ${expected}`);
    }
  }
  assert.ok(feasible > 30, `only ${feasible} feasible cases`);
});

test('a hand-checkable case: an ascending trend forces merging the dip', async () => {
  // Bad rates .1, .3, .2, .5 (100 rows each): ascending must merge pre-bins 1 and 2 (rate .25).
  const counts = { goods: Float64Array.from([90, 70, 80, 50]), bads: Float64Array.from([10, 30, 20, 50]) };
  assert.deepEqual(optimalPartitionDp(counts, { monotone: 'ascending' })?.ends, [1, 3, 4]);
  // Without a trend, keeping every pre-bin maximises IV (splitting never lowers IV).
  assert.deepEqual(optimalPartitionDp(counts, { monotone: 'none' })?.ends, [1, 2, 3, 4]);
  assert.equal(optimalPartitionDp(counts, { minBins: 5 }), null);
  // no trend given means none
  assert.deepEqual(optimalPartitionDp(counts, {})?.ends, [1, 2, 3, 4]);
  assert.deepEqual((await optimalPartitionMip(counts, {}))?.ends, [1, 2, 3, 4]);
});

test('the MIP refuses peak and valley trends, and finds nothing when no bin is admissible or a pre-bin cannot be covered', async () => {
  const counts = { goods: Float64Array.from([50, 5, 40]), bads: Float64Array.from([50, 5, 10]) };
  for (const monotone of ['peak', 'valley'] as const) {
    await assert.rejects(
      optimalPartitionMip(counts, { monotone }),
      (e: unknown) => e instanceof CredoError && e.code === 'E_INTERNAL' && e.message.includes(`the MIP binner supports no ${monotone} trend (use the DP)`),
    );
  }
  // no bin of 1,000 rows among 160
  assert.equal(await optimalPartitionMip(counts, { minBinSize: 1000 }), null);
  assert.equal(optimalPartitionDp(counts, { minBinSize: 1000 }), null);
  // pre-bin 0 alone has 100 rows: no bin of at most 60 rows covers it
  assert.equal(await optimalPartitionMip(counts, { maxBinSize: 60 }), null);
  assert.equal(optimalPartitionDp(counts, { maxBinSize: 60 }), null);
  // bins of 50 to 110 rows: {0, 1} {2} or {0} {1, 2}, and
  // IV of {0,1} {2} = (55/95 − 55/65)·ln((55/95)/(55/65)) + (40/95 − 10/65)·ln((40/95)/(10/65)) is the larger
  const iv = (g: number, b: number) => (g / 95 - b / 65) * Math.log(g / 95 / (b / 65));
  const best = await optimalPartitionMip(counts, { minBinSize: 50, maxBinSize: 110 });
  assert.deepEqual(best?.ends, [2, 3]);
  assert.ok(Math.abs((best?.iv as number) - (iv(55, 55) + iv(40, 10))) < 1e-12);
  assert.ok(iv(55, 55) + iv(40, 10) > iv(50, 50) + iv(45, 15));
  assert.deepEqual(optimalPartitionDp(counts, { minBinSize: 50, maxBinSize: 110 })?.ends, [2, 3]);
});

test('a trend allows equal bad rates in consecutive bins (≤, not <), in the DP and the MIP', async () => {
  // rates .1, .1, .2 (10 rows each); three bins forced
  const up = { goods: Float64Array.from([9, 9, 8]), bads: Float64Array.from([1, 1, 2]) };
  const down = { goods: Float64Array.from([8, 9, 9]), bads: Float64Array.from([2, 1, 1]) };
  assert.deepEqual(optimalPartitionDp(up, { monotone: 'ascending', minBins: 3 })?.ends, [1, 2, 3]);
  assert.deepEqual(optimalPartitionDp(down, { monotone: 'descending', minBins: 3 })?.ends, [1, 2, 3]);
  assert.deepEqual((await optimalPartitionMip(up, { monotone: 'ascending', minBins: 3 }))?.ends, [1, 2, 3]);
  assert.deepEqual((await optimalPartitionMip(down, { monotone: 'descending', minBins: 3 }))?.ends, [1, 2, 3]);
  // and the other way round they are infeasible
  assert.equal(optimalPartitionDp(up, { monotone: 'descending', minBins: 3 }), null);
  assert.equal(await optimalPartitionMip(down, { monotone: 'ascending', minBins: 3 }), null);
});

test('the MIP honours a minimum rate difference on both trends (cases where it binds)', async () => {
  const cases: [number[], number[], PartitionConstraints][] = [
    [[52, 25, 19, 21, 28], [9, 5, 6, 22, 39], { monotone: 'ascending', minRateDiff: 0.03 }],
    [[46, 28, 43, 17], [31, 11, 11, 11], { monotone: 'descending', minRateDiff: 0.03 }],
  ];
  for (const [g, b, c] of cases) {
    const counts = { goods: Float64Array.from(g), bads: Float64Array.from(b) };
    const expected = bruteForce(counts, c) as number;
    const got = await optimalPartitionMip(counts, c);
    assert.ok(got !== null && partitionFeasible(counts, got.ends, c), `${c.monotone}: ${got?.ends}`);
    assert.ok(Math.abs(got.iv - expected) < 1e-9, `${c.monotone}: MIP ${got.iv} vs brute force ${expected}`);
  }
});
