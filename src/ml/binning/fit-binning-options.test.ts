import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
import { categoryFromLabels, numericColumn } from '../../frame/index.js';
import { fitBinning } from './fit-binning.js';
import { trendHolds } from './partition.js';

/** Rows with x = v for each entry [v, goods, bads, unknown-outcome rows]. */
function valueRows(entries: readonly (readonly [number, number, number, number?])[]) {
  const x: number[] = [];
  const y: number[] = [];
  for (const [v, goods, bads, unknown = 0] of entries) {
    for (const [rows, outcome] of [
      [goods, 0],
      [bads, 1],
      [unknown, Number.NaN],
    ] as const) {
      for (let i = 0; i < rows; i++) {
        x.push(v);
        y.push(outcome);
      }
    }
  }
  return { column: numericColumn('x', Float64Array.from(x)), y: Float64Array.from(y) };
}

/** x = 0…8, 10 rows each, bad rate (v + 1)/10. */
const rising = valueRows(Array.from({ length: 9 }, (_, v) => [v, 9 - v, v + 1] as const));
const splitsOf = (fitted: { spec: { type: string } & { splits?: readonly number[] } }) => fitted.spec.splits;

test('pre-bins without a known outcome join their left neighbour (the first its right one)', async () => {
  // x = 0 and x = 3 have only unknown outcomes; the other values have rates .1 .2 .3 … .8, all distinct and
  // zero-cell free, so with no trend every remaining pre-bin is its own bin (splitting never lowers IV):
  // {0,1} {2,3} {4} … {9}.
  const { column, y } = valueRows([
    [0, 0, 0, 10],
    [1, 9, 1],
    [2, 8, 2],
    [3, 0, 0, 10],
    [4, 7, 3],
    [5, 6, 4],
    [6, 5, 5],
    [7, 4, 6],
    [8, 3, 7],
    [9, 2, 8],
  ]);
  const fitted = await fitBinning(column, y, { monotone: 'none', solver: 'dp' });
  assert.deepEqual(splitsOf(fitted), [2, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(
    fitted.rows.slice(0, 3).map((r) => [r.label, r.goods, r.bads]),
    [
      ['[-inf, 2)', 9, 1],
      ['[2, 4)', 8, 2],
      ['[4, 5)', 7, 3],
    ],
  );
  assert.equal(fitted.trend, 'none');
  assert.equal('note' in fitted, false);
});

test('the one-bin notes: a single value, one outcome class, no known outcome', async () => {
  const single = await fitBinning(numericColumn('x', Float64Array.from([5, 5, 5, 5])), Float64Array.from([0, 1, 0, 1]));
  assert.deepEqual([splitsOf(single), single.note, single.trend, single.solver], [[], 'a single value', 'none', null]);
  const allBad = await fitBinning(rising.column, new Float64Array(90).fill(1));
  assert.deepEqual([splitsOf(allBad), allBad.note, allBad.trend, allBad.solver], [[], 'every row with a value is bad', 'none', null]);
  const allGood = await fitBinning(rising.column, new Float64Array(90));
  assert.deepEqual([splitsOf(allGood), allGood.note], [[], 'every row with a value is good']);
  const unknown = await fitBinning(categoryFromLabels('c', ['a', 'b', 'c']), new Float64Array(3).fill(Number.NaN));
  assert.equal(unknown.spec.type, 'category');
  assert.deepEqual([unknown.spec.type === 'category' && unknown.spec.groups, unknown.note, unknown.trend], [[], 'no value with a known outcome', 'none']);
});

test('the minimum-share note names the pre-bins, the count limits and the trend', async () => {
  const note = async (options: Parameters<typeof fitBinning>[2]) =>
    (await fitBinning(rising.column, rising.y, { solver: 'dp', minBinShare: 0.6, ...options })).note;
  assert.equal(await note({ monotone: 'none' }), 'one bin: no split of its 9 pre-bins keeps every bin ≥ 60.0% of rows (minimum bin share)');
  assert.equal(
    await note({ monotone: 'ascending', minBads: 2, minGoods: 3 }),
    'one bin: no split of its 9 pre-bins keeps every bin ≥ 60.0% of rows (minimum bin share), 2+ bads, 3+ goods with an ascending bad rate',
  );
  assert.equal(
    await note({ monotone: 'descending' }),
    'one bin: no split of its 9 pre-bins keeps every bin ≥ 60.0% of rows (minimum bin share) with a descending bad rate',
  );
  assert.equal(
    await note({ monotone: 'peak', minBinShare: 0.555 }),
    'one bin: no split of its 9 pre-bins keeps every bin ≥ 55.5% of rows (minimum bin share) with a peak bad rate',
  );
  // auto: ascending and descending tie (one bin, IV 0 each); the first tried, ascending, is kept
  assert.equal(await note({}), 'one bin: no split of its 9 pre-bins keeps every bin ≥ 60.0% of rows (minimum bin share) with an ascending bad rate');
  assert.equal(await note({ method: 'tree' }), 'one bin: no split of its 9 pre-bins keeps every bin ≥ 60.0% of rows (minimum bin share)');
  assert.equal(await note({ method: 'chimerge' }), 'one bin: no split of its 9 pre-bins keeps every bin ≥ 60.0% of rows (minimum bin share)');
  // two or more bins: no note
  assert.equal(await note({ minBinShare: 0.3 }), undefined);
});

test('pre-bins: 20 for optimal, 50 for ChiMerge and tree, or as given', async () => {
  // x = 0…99, 10 rows each: more distinct values than pre-bins, so equal-frequency pre-bins
  const x = Float64Array.from({ length: 1000 }, (_, i) => i % 100);
  const y = Float64Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 || i % 100 > 80 ? 1 : 0));
  const prebinsIn = async (options: Parameters<typeof fitBinning>[2]) =>
    /its (\d+) pre-bins/.exec((await fitBinning(numericColumn('x', x), y, { minBinShare: 0.6, ...options })).note ?? '')?.[1];
  assert.equal(await prebinsIn({ solver: 'dp' }), '20');
  assert.equal(await prebinsIn({ method: 'chimerge' }), '50');
  assert.equal(await prebinsIn({ method: 'tree' }), '50');
  assert.equal(await prebinsIn({ method: 'tree', prebins: 7 }), '7');
});

test('equal-width and equal-frequency default to 10 bins and impose no trend', async () => {
  const x = Float64Array.from({ length: 100 }, (_, i) => i);
  const y = Float64Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const ef = await fitBinning(numericColumn('x', x), y, { method: 'equal-frequency' });
  // 10 bins of 100 values: splits at sorted positions 10, 20, …, 90
  assert.deepEqual(splitsOf(ef), [10, 20, 30, 40, 50, 60, 70, 80, 90]);
  assert.deepEqual([ef.method, ef.trend, ef.solver, ef.note], ['equal-frequency', 'none', null, undefined]);
  const ew = await fitBinning(numericColumn('x', x), y, { method: 'equal-width' });
  // width 99/10
  assert.deepEqual(
    splitsOf(ew),
    Array.from({ length: 9 }, (_, j) => (99 * (j + 1)) / 10),
  );
  assert.deepEqual([ew.method, ew.trend, ew.solver], ['equal-width', 'none', null]);
  const ew3 = await fitBinning(numericColumn('x', x), y, { method: 'equal-width', maxBins: 3 });
  assert.deepEqual(splitsOf(ew3), [33, 66]);
});

test('specials: numeric ones are numbers (strings parsed, non-finite dropped), categorical ones must be categories', async () => {
  const { column, y } = valueRows([
    [-99, 5, 5],
    [0, 8, 2],
    [1, 2, 8],
  ]);
  const fitted = await fitBinning(column, y, { specials: ['-99', 'n/a', Number.POSITIVE_INFINITY] });
  assert.deepEqual(fitted.spec.specials, [-99]);
  // −99 is special, so 0/1 is a flag: one bin per value, no trend, no solver
  assert.deepEqual(splitsOf(fitted), [1]);
  assert.deepEqual([fitted.trend, fitted.solver, 'note' in fitted], ['none', null, false]);
  assert.deepEqual(
    fitted.rows.map((r) => [r.label, r.count]),
    [
      ['[-inf, 1)', 10],
      ['[1, inf)', 10],
      ['special -99', 10],
      ['missing', 0],
    ],
  );
  // the empty missing bin: rate 0, WOE 0 (no evidence)
  assert.deepEqual([fitted.rows[3]?.bad_rate, fitted.rows[3]?.woe, fitted.rows[3]?.iv], [0, 0, 0]);
  const labels = [...'aaaaabbbbbccccc'];
  const cat = await fitBinning(
    categoryFromLabels('c', labels),
    Float64Array.from(labels, (_, i) => (i % 5 < ([1, 3, 5][Math.floor(i / 5)] as number) ? 1 : 0)),
    {
      specials: ['c', 'zzz', 5],
    },
  );
  assert.deepEqual(cat.spec.specials, ['c']);
  assert.deepEqual(cat.spec.type === 'category' && cat.spec.groups, [['a'], ['b']]);
});

test('categories are ordered by bad rate before grouping, and each group lists its labels sorted', async () => {
  // rates: q .1, y .5, c .52, z .9 (100 rows each); ChiMerge joins y and c (χ² 0.08), nothing else
  const labels: string[] = [];
  const y: number[] = [];
  for (const [label, bads] of [
    ['z', 90],
    ['y', 50],
    ['q', 10],
    ['c', 52],
  ] as const) {
    for (let i = 0; i < 100; i++) {
      labels.push(label);
      y.push(i < bads ? 1 : 0);
    }
  }
  const fitted = await fitBinning(categoryFromLabels('c', labels), Float64Array.from(y), { method: 'chimerge' });
  assert.deepEqual(fitted.spec.type === 'category' && fitted.spec.groups, [['q'], ['c', 'y'], ['z']]);
  assert.deepEqual(
    fitted.rows.slice(0, 3).map((r) => r.bads),
    [10, 102, 90],
  );
  assert.deepEqual([fitted.trend, fitted.solver, fitted.method], ['ascending', null, 'chimerge']);
});

test('the trend: auto picks the better of ascending and descending; constraints reach the solver', async () => {
  const falling = valueRows(Array.from({ length: 9 }, (_, v) => [v, v + 1, 9 - v] as const));
  const down = await fitBinning(falling.column, falling.y, { solver: 'dp' });
  assert.equal(down.trend, 'descending');
  assert.ok(
    trendHolds(
      down.rows.slice(0, -1).map((r) => r.bad_rate),
      'descending',
    ),
  );
  const up = await fitBinning(rising.column, rising.y, { solver: 'dp' });
  assert.equal(up.trend, 'ascending');
  // rates step by .1: every pre-bin its own bin; a minimum difference of .25 forces merges
  assert.equal(splitsOf(up)?.length, 8);
  const spaced = await fitBinning(rising.column, rising.y, { solver: 'dp', minRateDiff: 0.25 });
  const rates = spaced.rows.slice(0, -1).map((r) => r.bad_rate);
  assert.ok(rates.length >= 2 && rates.length < 9 && trendHolds(rates, 'ascending', 0.25 - 1e-12), String(rates));
  const limited = await fitBinning(rising.column, rising.y, { solver: 'dp', maxBins: 3 });
  assert.equal(splitsOf(limited)?.length, 2);
  const counted = await fitBinning(rising.column, rising.y, { solver: 'dp', minBads: 12, minGoods: 20 });
  for (const r of counted.rows.slice(0, -1)) assert.ok(r.bads >= 12 && r.goods >= 20, `${r.label}: ${r.goods}/${r.bads}`);
  const atLeast = await fitBinning(rising.column, rising.y, { solver: 'dp', monotone: 'none', minBins: 9, maxBins: 9 });
  assert.equal(splitsOf(atLeast)?.length, 8);
});

test('the solver: HiGHS up to 20 pre-bins for none/ascending/descending, else the DP, unless chosen', async () => {
  const x = Float64Array.from({ length: 210 }, (_, i) => i % 21);
  const y = Float64Array.from({ length: 210 }, (_, i) => (i % 21 > 10 && i % 3 !== 0 ? 1 : 0));
  // 21 distinct values: 21 pre-bins with prebins 21
  // bins of at least 45% of rows keep the MIP small
  const solverOf = async (options: Parameters<typeof fitBinning>[2]) => (await fitBinning(numericColumn('x', x), y, { minBinShare: 0.45, ...options })).solver;
  assert.equal(await solverOf({ prebins: 21, monotone: 'ascending' }), 'dp');
  assert.equal(await solverOf({ prebins: 21, monotone: 'ascending', solver: 'mip' }), 'mip');
  assert.equal(await solverOf({ prebins: 20, monotone: 'ascending' }), 'mip');
  assert.equal(await solverOf({ prebins: 20, monotone: 'peak' }), 'dp');
  assert.equal(await solverOf({ prebins: 20, monotone: 'valley' }), 'dp');
  assert.equal(await solverOf({ prebins: 20, monotone: 'none', solver: 'dp' }), 'dp');
});

test('infeasible constraints: the message lists what was asked', async () => {
  const refusal = async (options: Parameters<typeof fitBinning>[2], problem: string) =>
    assert.rejects(
      fitBinning(rising.column, rising.y, { solver: 'dp', ...options }),
      (e: unknown) => e instanceof CredoError && e.message === `binning of "x": no binning satisfies the constraints (${problem})`,
    );
  await refusal({ minBins: 10 }, '9 pre-bins, trend auto, min bin 5.0% of rows, at least 10 bins');
  await refusal({ minBads: 50, monotone: 'none' }, '9 pre-bins, trend none, min bin 5.0% of rows, 50+ bads per bin');
  await refusal({ minBins: 2, minBinShare: 0.75 }, '9 pre-bins, trend auto, min bin 75.0% of rows, at least 2 bins');
});

test('weights count rows in the pre-bins, the partition and the table', async () => {
  // x = 0: 10 goods; x = 1: 5 goods, 5 bads; x = 2: 10 bads. χ² of both neighbours 6.67 > 3.84, so ChiMerge keeps three
  // bins; with the x = 0 rows weighing 0.1 that pre-bin holds 1 of 21 (under 5%) and joins its right neighbour.
  const { column, y } = valueRows([
    [0, 10, 0],
    [1, 5, 5],
    [2, 0, 10],
  ]);
  assert.deepEqual(splitsOf(await fitBinning(column, y, { method: 'chimerge' })), [1, 2]);
  const weights = Float64Array.from(column.type === 'number' ? column.values : [], (v) => (v === 0 ? 0.1 : 1));
  const weighted = await fitBinning(column, y, { method: 'chimerge', weights });
  assert.deepEqual(splitsOf(weighted), [2]);
  assert.deepEqual(
    weighted.rows.map((r) => [r.count, r.goods, r.bads]),
    [
      [11, 6, 5],
      [10, 0, 10],
      [0, 0, 0],
    ],
  );
});

test('WOE options reach the table', async () => {
  const plain = await fitBinning(rising.column, rising.y, { solver: 'dp', maxBins: 2 });
  const flipped = await fitBinning(rising.column, rising.y, { solver: 'dp', maxBins: 2, woe: { sign: 'bads-over-goods', smoothing: 1 } });
  assert.deepEqual([flipped.sign, flipped.smoothing, plain.sign, plain.smoothing], ['bads-over-goods', 1, 'goods-over-bads', 0.5]);
  assert.deepEqual(flipped.spec, plain.spec);
  assert.ok((plain.woe[0] as number) > 0 && (flipped.woe[0] as number) < 0);
});

test('categorical edge cases: one category, one class, equal bad rates ordered by label, no unsupervised methods', async () => {
  const one = await fitBinning(categoryFromLabels('c', ['a', 'a', 'a']), Float64Array.from([0, 1, 0]));
  assert.deepEqual([one.spec.type === 'category' && one.spec.groups, one.note, one.trend], [[['a']], 'a single value', 'ascending']);
  // one outcome class: every category in the one group
  const good = await fitBinning(categoryFromLabels('c', ['c', 'b', 'a', 'b']), new Float64Array(4));
  assert.deepEqual([good.spec.type === 'category' && good.spec.groups, good.note], [[['a', 'b', 'c']], 'every row with a value is good']);
  // b and a both have rate .5, z .9: ordered a, b, z; three bins forced
  const labels = [...Array(10).fill('z'), ...Array(10).fill('b'), ...Array(10).fill('a')];
  const y = Float64Array.from(labels, (l, i) => (l === 'z' ? (i % 10 < 9 ? 1 : 0) : i % 2));
  const tied = await fitBinning(categoryFromLabels('c', labels), y, { solver: 'dp', minBins: 3, minBinShare: 0 });
  assert.deepEqual(tied.spec.type === 'category' && tied.spec.groups, [['a'], ['b'], ['z']]);
  assert.equal('note' in tied, false);
  for (const method of ['equal-width', 'equal-frequency'] as const) {
    await assert.rejects(
      fitBinning(categoryFromLabels('c', ['a', 'b']), Float64Array.from([0, 1]), { method }),
      (e: unknown) => e instanceof CredoError && e.message.includes(`categorical column "c" needs optimal, chimerge or tree`) && e.message.includes(method),
    );
  }
});
