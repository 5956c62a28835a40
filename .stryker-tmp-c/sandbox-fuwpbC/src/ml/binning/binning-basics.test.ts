// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { assignBins, assignNumericBins } from './assign-bins.js';
import { equalFrequencySplits, equalWidthSplits } from './equal-bins.js';
import { profileFrame } from './profile-frame.js';
import { computeCsi, computePsi } from './psi.js';
import { binLabels, type CategoryBinSpec, type NumericBinSpec } from './spec.js';
import { computeWoe } from './woe.js';

const f = (v: number[]) => Float64Array.from(v);
const close = (a: number, b: number, tol = 1e-12, label = '') => assert.ok(Math.abs(a - b) <= tol, `${label} expected ${b}, got ${a}`);

test('WOE and IV without smoothing: hand-computed table', () => {
  // goods 40/30/10 of G = 80 → .5/.375/.125; bads 5/10/15 of B = 30 → 1/6, 1/3, 1/2.
  // WOE = ln 3, ln 1.125, ln .25; IV = (1/3)·ln 3 + (1/24)·ln 1.125 + (3/8)·ln 4 = 0.8909721081.
  const t = computeWoe(f([40, 30, 10]), f([5, 10, 15]), { smoothing: 0 });
  close(t.woe[0] as number, Math.log(3));
  close(t.woe[1] as number, Math.log(1.125));
  close(t.woe[2] as number, Math.log(0.25));
  close(t.iv, 0.8909721081283448);
  // The opposite sign flips WOE only; IV is sign-independent.
  const flipped = computeWoe(f([40, 30, 10]), f([5, 10, 15]), { smoothing: 0, sign: 'bads-over-goods' });
  close(flipped.woe[0] as number, -Math.log(3));
  close(flipped.iv, t.iv);
});

test('WOE smoothing +0.5 applies to every non-empty bin; empty bins are neutral', () => {
  // goods 40.5/30.5/10.5 of 81.5, bads 5.5/10.5/15.5 of 31.5: WOE_1 = ln((40.5/81.5)/(5.5/31.5)).
  const t = computeWoe(f([40, 30, 10, 0]), f([5, 10, 15, 0]));
  close(t.woe[0] as number, Math.log(40.5 / 81.5 / (5.5 / 31.5)));
  close(t.woe[0] as number, 1.0459384074588387);
  close(t.woe[2] as number, -1.3400802411769528);
  assert.equal(t.woe[3], 0);
  close(t.iv, 0.8286264025838297);
  assert.equal(t.smoothing, 0.5);
  // A zero cell: finite WOE with smoothing, an input error without.
  assert.ok(Number.isFinite(computeWoe(f([10, 5]), f([0, 5])).woe[0] as number));
  assert.throws(() => computeWoe(f([10, 5]), f([0, 5]), { smoothing: 0 }), /no bads/);
});

test('WOE zero cells, hand-worked: +0.5 (default) and +1 smoothing of a bin with no bads, and of a bin with no goods', () => {
  // goods 10/5, bads 0/5, s = ½: G' = 10.5 + 5.5 = 16, B' = 0.5 + 5.5 = 6;
  // WOE = ln((10.5/16)/(0.5/6)) = ln 7.875, ln((5.5/16)/(5.5/6)) = ln 0.375;
  // IV = (10.5/16 − 0.5/6)·ln 7.875 + (5.5/16 − 5.5/6)·ln 0.375 = 1.1823… + 0.5619… = 1.7442576466.
  const half = computeWoe(f([10, 5]), f([0, 5]));
  close(half.woe[0] as number, Math.log(7.875));
  close(half.woe[0] as number, 2.063693184711697);
  close(half.woe[1] as number, -0.9808292530117262);
  close(half.iv, 1.7442576466123776);
  // s = 1: G' = 11 + 6 = 17, B' = 1 + 6 = 7 → WOE_1 = ln((11/17)/(1/7)) = ln(77/17).
  const one = computeWoe(f([10, 5]), f([0, 5]), { smoothing: 1 });
  close(one.woe[0] as number, 1.5105920777974677);
  assert.equal(one.smoothing, 1);
  // No goods: goods 0/8, bads 4/4 → G' = 9, B' = 9; WOE = ln(0.5/4.5) = −ln 9, ln(8.5/4.5); IV = 1.2592059307.
  const noGoods = computeWoe(f([0, 8]), f([4, 4]));
  close(noGoods.woe[0] as number, -Math.log(9));
  close(noGoods.woe[1] as number, 0.6359887667199967);
  close(noGoods.iv, 1.2592059306916517);
});

test('PSI: hand-computed, and empty bins smoothed (never dropped, never infinite)', () => {
  // E = .5/.3/.2, A = .4/.35/.25: −.1·ln .8 + .05·ln(7/6) + .05·ln 1.25 = 0.0223144 + 0.0077075 + 0.0111572.
  close(computePsi(f([50, 30, 20]), f([40, 35, 25]), 0).psi, 0.04117906668849437);
  // An empty expected bin: counts + 0.5 each → E_4 = 0.5/102, A_4 = 5.5/102.
  const r = computePsi(f([50, 30, 20, 0]), f([40, 30, 25, 5]));
  close(r.psi, 0.14987703740960934);
  close(r.expectedShare[3] as number, 0.5 / 102);
  assert.ok(Number.isFinite(computePsi(f([10, 0]), f([0, 10])).psi));
});

test('numeric bins: left-closed intervals, boundary values go right, specials and missing have their own bins', () => {
  const spec: NumericBinSpec = { feature: 'x', type: 'number', splits: [10, 20], specials: [-1] };
  const bins = assignNumericBins(f([5, 10, 15, 20, 25, -1, Number.NaN, -2]), spec);
  // (−∞,10) [10,20) [20,∞) special −1 missing → 0 1 2 3 4
  assert.deepEqual(Array.from(bins), [0, 1, 1, 2, 2, 3, 4, 0]);
  assert.deepEqual(binLabels(spec), ['[-inf, 10)', '[10, 20)', '[20, inf)', 'special -1', 'missing']);
});

test('categorical bins: groups, missing, and unseen categories (missing bin by default, or an error)', () => {
  const spec: CategoryBinSpec = { feature: 'c', type: 'category', groups: [['a', 'b'], ['c']], specials: ['x'], unseen: 'missing' };
  const column = categoryFromLabels('c', ['a', 'c', 'b', null, 'x', 'zzz']);
  // groups {a,b}=0 {c}=1, special x=2, missing=3; unseen "zzz" → missing bin 3
  assert.deepEqual(Array.from(assignBins(column, spec)), [0, 1, 0, 3, 2, 3]);
  assert.throws(
    () => assignBins(column, { ...spec, unseen: 'error' }),
    (e: unknown) => e instanceof CredoError && /category "zzz" never seen/.test(e.message),
  );
  assert.throws(() => assignBins(numericColumn('c', f([1])), spec), /must be categorical/);
});

test('equal-width and equal-frequency splits', () => {
  assert.deepEqual(equalWidthSplits(f([0, 10, Number.NaN, 5]), 4), [2.5, 5, 7.5]);
  assert.deepEqual(equalWidthSplits(f([3, 3, 3]), 4), []);
  // 10 values, 5 bins: splits at sorted positions 2, 4, 6, 8 → values 3, 5, 7, 9.
  assert.deepEqual(equalFrequencySplits(f([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5), [3, 5, 7, 9]);
  // Ties never straddle: 1,1,1,1,1,1,2,3 in 4 bins → positions 2,4,6 → 1 (dropped: equals min), 1, 2 → [2].
  assert.deepEqual(equalFrequencySplits(f([1, 1, 1, 1, 1, 1, 2, 3]), 4), [2]);
  // Specials are excluded from the quantiles.
  assert.deepEqual(equalFrequencySplits(f([-1, -1, -1, 1, 2]), 2, [-1]), [2]);
});

test('profileFrame: summaries, missing target rows excluded and counted, IV quick-look', () => {
  const frame = new Frame([
    numericColumn('x', f([1, 2, 3, 4, Number.NaN, 6])),
    categoryFromLabels('c', ['a', 'a', 'b', null, 'b', 'a']),
    numericColumn('bad', f([0, 0, 1, 1, 0, Number.NaN])),
  ]);
  const p = profileFrame(frame, { target: 'bad', bins: 2 });
  assert.equal(p.rows, 6);
  assert.equal(p.target_missing, 1);
  close(p.bad_rate as number, 2 / 5);
  const x = p.columns[0];
  assert.deepEqual([x?.type, x?.missing_share, x?.distinct, x?.min, x?.median, x?.max], ['number', 1 / 6, 5, 1, 3, 6]);
  // x splits at sorted position ⌊5/2⌋ = 2 → value 3: [−∞,3) {1,2} goods 2; [3,∞) {3,4} bads 2 (6 has no target); missing {NaN} good 1.
  // Smoothed: goods 2.5, .5, 1.5 of 4.5; bads .5, 2.5, .5 of 3.5.
  assert.deepEqual(
    x?.bad_rate_by_bin?.map((b) => [b.bin, b.count, b.bads]),
    [
      ['[-inf, 3)', 2, 0],
      ['[3, inf)', 2, 2],
      ['missing', 1, 0],
    ],
  );
  const pg = [2.5 / 4.5, 0.5 / 4.5, 1.5 / 4.5];
  const pb = [0.5 / 3.5, 2.5 / 3.5, 0.5 / 3.5];
  const iv = pg.reduce((s, g, i) => s + (g - (pb[i] as number)) * Math.log(g / (pb[i] as number)), 0);
  close(x?.iv as number, iv, 1e-12, 'iv');
  close(x?.bad_rate_by_bin?.[0]?.woe as number, Math.log((pg[0] as number) / (pb[0] as number)));
  const c = p.columns[1];
  assert.deepEqual(c?.top_categories, [
    { value: 'a', count: 3, share: 0.5 },
    { value: 'b', count: 2, share: 2 / 6 },
  ]);
  assert.equal(p.columns[2]?.iv, undefined);
  assert.match(p.woe_conventions as string, /smoothing \+0\.5/);
  assert.throws(() => profileFrame(new Frame([numericColumn('bad', f([0, 2]))]), { target: 'bad' }), /row 1 has label 2/);
});

test('CSI bins both frames with the same spec, missing included', () => {
  const spec: NumericBinSpec = { feature: 'x', type: 'number', splits: [5], specials: [] };
  const a = new Frame([numericColumn('x', f([1, 2, 6, 7]))]);
  const b = new Frame([numericColumn('x', f([1, 6, Number.NaN, Number.NaN]))]);
  const [row] = computeCsi([spec], a, b);
  // expected counts 2,2,0 → (2.5, 2.5, .5)/5.5; actual 1,1,2 → (1.5,1.5,2.5)/5.5
  const e = [2.5 / 5.5, 2.5 / 5.5, 0.5 / 5.5];
  const ac = [1.5 / 5.5, 1.5 / 5.5, 2.5 / 5.5];
  close(
    row?.psi as number,
    e.reduce((s, ei, i) => s + ((ac[i] as number) - ei) * Math.log((ac[i] as number) / ei), 0),
  );
  assert.equal(row?.bins[2]?.bin, 'missing');
});

test('profileFrame bins a flag by value: a column equal to the target shows IV 12.73, a 3% flag its own bin', () => {
  const bad = Float64Array.from({ length: 1000 }, (_, i) => (i < 100 ? 1 : 0));
  // flag on 30 rows: 20 of the bads and 10 goods
  const flag = Float64Array.from({ length: 1000 }, (_, i) => (i < 20 || (i >= 100 && i < 110) ? 1 : 0));
  const p = profileFrame(new Frame([numericColumn('true_bad', bad), numericColumn('flag', flag), numericColumn('bad', bad)]), { target: 'bad' });
  // (900 goods, 0 bads) and (0 goods, 100 bads), smoothing 0.5: G' = 901, B' = 101
  assert.equal(p.columns[0]?.iv?.toFixed(6), '12.728936');
  assert.deepEqual(
    p.columns[1]?.bad_rate_by_bin?.map((b) => [b.bin, b.count, b.bads]),
    [
      ['[-inf, 1)', 970, 80],
      ['[1, inf)', 30, 20],
    ],
  );
  assert.equal(p.columns[1]?.iv?.toFixed(6), '0.587835');
});
