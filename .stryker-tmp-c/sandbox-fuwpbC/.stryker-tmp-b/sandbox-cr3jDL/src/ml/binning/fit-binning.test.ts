// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
import { categoryFromLabels, numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';
import { assignBins } from './assign-bins.js';
import { chiMergePartition, chiSquare2x2 } from './chimerge.js';
import { fitBinning } from './fit-binning.js';
import { trendHolds } from './partition.js';
import { treePartition } from './tree-bins.js';
import { transformWoe } from './woe-transform.js';

/** 2,000 rows: x ~ N(0,1) rounded to 0.01 (ties, boundary hits), −99 special, 5% missing; bad rate rising with x. */
function synthetic(seed: number) {
  const rng = new Rng(seed);
  const n = 2000;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = Math.round(rng.nextNormal() * 100) / 100;
    const p = 1 / (1 + Math.exp(-(-1.2 + 1.1 * v)));
    y[i] = rng.nextDouble() < p ? 1 : 0;
    x[i] = i % 20 === 0 ? Number.NaN : i % 37 === 0 ? -99 : v;
    if (i % 37 === 0) y[i] = rng.nextDouble() < 0.6 ? 1 : 0;
  }
  return { x, y };
}

test('optimal binning: ascending trend found by auto, missing and special bins, min bin share', async () => {
  const { x, y } = synthetic(1);
  const fitted = await fitBinning(numericColumn('x', x), y, { specials: [-99] });
  assert.equal(fitted.method, 'optimal');
  assert.equal(fitted.trend, 'ascending');
  assert.equal(fitted.solver, 'mip');
  const regular = fitted.rows.slice(0, fitted.spec.type === 'number' ? fitted.spec.splits.length + 1 : 0);
  assert.ok(regular.length >= 3, `${regular.length} bins`);
  assert.ok(
    trendHolds(
      regular.map((r) => r.bad_rate),
      'ascending',
    ),
  );
  const total = regular.reduce((s, r) => s + r.count, 0);
  for (const r of regular) assert.ok(r.count >= 0.05 * total);
  const labels = fitted.rows.map((r) => r.label);
  assert.deepEqual(labels.slice(-2), ['special -99', 'missing']);
  assert.equal(fitted.rows.at(-1)?.count, 100);
  // WOE positive = safer: the lowest-rate bin has the largest WOE.
  assert.ok((regular[0]?.woe as number) > 0 && (regular.at(-1)?.woe as number) < 0);
  // DP and MIP agree on the optimum.
  const dp = await fitBinning(numericColumn('x', x), y, { specials: [-99], solver: 'dp' });
  assert.deepEqual(dp.spec, fitted.spec);
  assert.equal(dp.solver, 'dp');
});

test('fit → transform round trip: every row gets its own bin’s WOE, boundary values included', async () => {
  const { x, y } = synthetic(2);
  const column = numericColumn('x', x);
  const fitted = await fitBinning(column, y, { specials: [-99], maxBins: 5 });
  assert.ok(fitted.spec.type === 'number' && fitted.spec.splits.length <= 4);
  const woe = transformWoe(column, fitted);
  const bins = assignBins(column, fitted.spec);
  for (let i = 0; i < x.length; i++) assert.equal(woe[i], fitted.woe[bins[i] as number]);
  // A split value itself lands in the bin on its right, in transform as in fit.
  if (fitted.spec.type !== 'number') throw new Error('numeric');
  const s = fitted.spec.splits[0] as number;
  const probe = transformWoe(numericColumn('x', Float64Array.from([s, s - 1e-9, Number.NaN, -99])), fitted);
  assert.deepEqual(Array.from(probe), [fitted.woe[1], fitted.woe[0], fitted.woe.at(-1), fitted.woe.at(-2)]);
  // Counts in the table equal the rows assigned to each bin.
  const counts = new Array(fitted.woe.length).fill(0);
  for (let i = 0; i < x.length; i++) counts[bins[i] as number]++;
  assert.deepEqual(
    fitted.rows.map((r) => r.count),
    counts,
  );
});

test('categorical binning groups categories contiguous in bad rate; unseen categories go to the missing bin', async () => {
  const labels: (string | null)[] = [];
  const y: number[] = [];
  const rates: Record<string, number> = { a: 0.05, b: 0.06, c: 0.3, d: 0.32, e: 0.6 };
  const rng = new Rng(3);
  for (let i = 0; i < 3000; i++) {
    const k = 'abcde'[i % 5] as string;
    labels.push(i % 97 === 0 ? null : k);
    y.push(rng.nextDouble() < (rates[k] as number) ? 1 : 0);
  }
  const column = categoryFromLabels('c', labels);
  const fitted = await fitBinning(column, Float64Array.from(y), { maxBins: 3 });
  assert.equal(fitted.spec.type, 'category');
  if (fitted.spec.type !== 'category') return;
  assert.deepEqual(fitted.spec.groups, [['a', 'b'], ['c', 'd'], ['e']]);
  assert.equal(fitted.spec.unseen, 'missing');
  const probe = transformWoe(categoryFromLabels('c', ['e', 'zzz', null]), fitted);
  assert.deepEqual(Array.from(probe), [fitted.woe[2], fitted.woe[3], fitted.woe[3]]);
  await assert.rejects(fitBinning(column, Float64Array.from(y), { method: 'equal-width' }), /--method/);
});

test('unsupervised and heuristic methods', async () => {
  const { x, y } = synthetic(4);
  const ew = await fitBinning(numericColumn('x', x), y, { method: 'equal-width', maxBins: 4, specials: [-99] });
  assert.equal(ew.spec.type === 'number' && ew.spec.splits.length, 3);
  assert.equal(ew.trend, 'none');
  const ef = await fitBinning(numericColumn('x', x), y, { method: 'equal-frequency', maxBins: 4, specials: [-99] });
  const efCounts = ef.rows.slice(0, 4).map((r) => r.count);
  assert.ok(Math.max(...efCounts) - Math.min(...efCounts) < 60, String(efCounts));
  const cm = await fitBinning(numericColumn('x', x), y, { method: 'chimerge', maxBins: 6, specials: [-99] });
  assert.ok(cm.spec.type === 'number' && cm.spec.splits.length <= 5 && cm.spec.splits.length >= 2);
  const tr = await fitBinning(numericColumn('x', x), y, { method: 'tree', maxBins: 4, specials: [-99] });
  assert.ok(tr.spec.type === 'number' && tr.spec.splits.length === 3);
});

test('ChiMerge and tree partitions on hand-checkable counts', () => {
  // χ² of [[90,10],[80,20]]: n=200, d = 90·20 − 80·10 = 1000 → 200·10⁶/(100·100·170·30) = 3.9216.
  assert.ok(Math.abs(chiSquare2x2(90, 10, 80, 20) - 200e6 / (100 * 100 * 170 * 30)) < 1e-12);
  // Rates .10 .11 | .40 .41: identical neighbours merge, the jump stays.
  const counts = { goods: Float64Array.from([90, 89, 60, 59]), bads: Float64Array.from([10, 11, 40, 41]) };
  assert.deepEqual(chiMergePartition(counts), [2, 4]);
  assert.deepEqual(treePartition(counts, { maxBins: 2 }), [2, 4]);
  assert.deepEqual(treePartition(counts, { maxBins: 2, minBinSize: 300 }), [4]);
});

test('infeasible constraints raise E_BINNING_INFEASIBLE naming the feature', async () => {
  const { x, y } = synthetic(5);
  await assert.rejects(
    fitBinning(numericColumn('x', x), y, { minBins: 30, prebins: 20 }),
    (e: unknown) => e instanceof CredoError && e.code === 'E_BINNING_INFEASIBLE' && /"x"/.test(e.message),
  );
});

test('a target with one class gives one regular bin and zero IV, never NaN', async () => {
  const x = Float64Array.from({ length: 200 }, (_, i) => i % 10);
  const fitted = await fitBinning(numericColumn('x', x), new Float64Array(200));
  assert.equal(fitted.spec.type === 'number' && fitted.spec.splits.length, 0);
  assert.equal(fitted.iv, 0);
  assert.ok(fitted.woe.every((w) => Number.isFinite(w)));
});

/** 1,000 rows: a flag set on 30 rows (20 bad, 10 good); 80 bads among the 970 others. */
function rareFlag() {
  const x = new Float64Array(1000);
  const y = new Float64Array(1000);
  for (let i = 0; i < 30; i++) {
    x[i] = 1;
    y[i] = i < 20 ? 1 : 0;
  }
  for (let i = 30; i < 110; i++) y[i] = 1;
  return { x, y };
}

test('a rare 0/1 flag gets one bin per value and its real IV, whatever the minimum bin share', async () => {
  const { x, y } = rareFlag();
  // smoothing 0.5: G' = 890.5 + 10.5 = 901, B' = 80.5 + 20.5 = 101;
  // IV = (890.5/901 − 80.5/101)·ln((890.5/901)/(80.5/101)) + (10.5/901 − 20.5/101)·ln((10.5/901)/(20.5/101)) = 0.587835
  for (const method of ['optimal', 'chimerge', 'tree', 'equal-frequency'] as const) {
    const fitted = await fitBinning(numericColumn('flag', x), y, { method });
    assert.deepEqual(fitted.spec.type === 'number' && fitted.spec.splits, [1], method);
    assert.equal(fitted.iv.toFixed(6), '0.587835', method);
    assert.deepEqual(
      fitted.rows.slice(0, 2).map((r) => [r.count, r.bads]),
      [
        [970, 80],
        [30, 20],
      ],
    );
  }
});

test('a column identical to the target shows its huge IV instead of a single bin with IV 0', async () => {
  const y = Float64Array.from({ length: 1000 }, (_, i) => (i < 100 ? 1 : 0));
  const fitted = await fitBinning(numericColumn('true_bad', y), y);
  // bins (900 goods, 0 bads) and (0 goods, 100 bads), smoothing 0.5: G' = 901, B' = 101 → IV 12.728936
  assert.equal(fitted.iv.toFixed(6), '12.728936');
});

test('a two-category column keeps both categories (German foreign_worker: IV 0.0393)', async () => {
  // German credit: foreign_worker yes 963 (296 bad), no 37 (4 bad); "no" is 3.7% of rows, under the 5% minimum share
  const labels: string[] = [];
  const y: number[] = [];
  const add = (value: string, goods: number, bads: number) => {
    for (let i = 0; i < goods + bads; i++) {
      labels.push(value);
      y.push(i < bads ? 1 : 0);
    }
  };
  add('yes', 667, 296);
  add('no', 33, 4);
  const fitted = await fitBinning(categoryFromLabels('foreign_worker', labels), Float64Array.from(y));
  // G' = 667.5 + 33.5 = 701, B' = 296.5 + 4.5 = 301 → IV 0.039274
  assert.equal(fitted.iv.toFixed(6), '0.039274');
  assert.deepEqual(fitted.spec.type === 'category' && fitted.spec.groups, [['no'], ['yes']]);
});

test('a small count is pre-binned by value: a rare value is not folded into its neighbour before the optimiser sees it', async () => {
  // x = 0 on 900 rows (bad rate 10%), 1 on 60 rows (30%), 2 on 40 rows (60%): equal-frequency pre-bins would merge 1 and 2 into 0
  const x = new Float64Array(1000);
  const y = new Float64Array(1000);
  for (let i = 0; i < 1000; i++) {
    x[i] = i < 900 ? 0 : i < 960 ? 1 : 2;
    y[i] = i < 90 || (i >= 900 && i < 918) || (i >= 960 && i < 984) ? 1 : 0;
  }
  const fitted = await fitBinning(numericColumn('delinquencies', x), y, { minBinShare: 0.04 });
  assert.deepEqual(fitted.spec.type === 'number' && fitted.spec.splits, [1, 2]);
  assert.deepEqual(
    fitted.rows.slice(0, 3).map((r) => r.bads),
    [90, 18, 24],
  );
});

test('a feature left in one bin says why (the minimum bin share), so a selection report can', async () => {
  const { x, y } = synthetic(2);
  const fitted = await fitBinning(numericColumn('x', x), y, { specials: [-99], minBinShare: 0.6 });
  assert.equal(fitted.spec.type === 'number' && fitted.spec.splits.length, 0);
  assert.match(fitted.note ?? '', /no split of its \d+ pre-bins keeps every bin ≥ 60\.0% of rows \(minimum bin share\)/);
  const fine = await fitBinning(numericColumn('x', x), y, { specials: [-99] });
  assert.equal(fine.note, undefined);
});
