import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
import { categoryColumn, categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { profileFrame, targetLabels } from './profile-frame.js';

const f = (v: number[]) => Float64Array.from(v);
const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `expected ${b}, got ${a}`);
const rejects = (fn: () => unknown, message: string) =>
  assert.throws(fn, (e: unknown) => e instanceof CredoError && e.code === 'E_METRICS_LABEL_INVALID' && e.message === message);

test('targetLabels: numeric 0/1/NaN, and category words in any case', () => {
  assert.deepEqual(targetLabels(numericColumn('t', f([0, 1, Number.NaN]))), f([0, 1, Number.NaN]));
  assert.deepEqual(targetLabels(categoryFromLabels('t', ['Bad', 'good', 'TRUE', 'false', '1', '0', null])), f([1, 0, 1, 0, 1, 0, Number.NaN]));
  rejects(() => targetLabels(numericColumn('t', f([0, 0.5]))), 'target "t": row 1 has label 0.5; labels must be 0 (good) or 1 (bad)');
  rejects(() => targetLabels(numericColumn('t', f([-1]))), 'target "t": row 0 has label -1; labels must be 0 (good) or 1 (bad)');
  rejects(() => targetLabels(categoryFromLabels('t', ['good', 'maybe'])), 'target "t": row 1 has label maybe; labels must be 0 (good) or 1 (bad)');
});

test('profile without a target: summaries only, even-length median, category ties in dictionary order', () => {
  const frame = new Frame([numericColumn('x', f([4, 1, 3, 1, Number.NaN])), categoryFromLabels('c', ['b', 'a', 'a', 'b', null])]);
  assert.deepEqual(profileFrame(frame), {
    rows: 5,
    columns: [
      // present 1, 1, 3, 4: median (1 + 3)/2
      { name: 'x', type: 'number', missing_share: 0.2, distinct: 3, min: 1, median: 2, max: 4 },
      {
        name: 'c',
        type: 'category',
        missing_share: 0.2,
        distinct: 2,
        min: null,
        median: null,
        max: null,
        top_categories: [
          { value: 'b', count: 2, share: 0.4 },
          { value: 'a', count: 2, share: 0.4 },
        ],
      },
    ],
  });
  assert.deepEqual(profileFrame(frame, { topCategories: 1 }).columns[1]?.top_categories, [{ value: 'b', count: 2, share: 0.4 }]);
  // the most frequent category first whatever its code; a dictionary label with no rows is not counted
  const c = profileFrame(new Frame([categoryColumn('c', Int32Array.from([0, 2, 2, -1]), ['x', 'unused', 'y'])])).columns[0];
  assert.deepEqual(
    [c?.distinct, c?.top_categories],
    [
      2,
      [
        { value: 'y', count: 2, share: 0.5 },
        { value: 'x', count: 1, share: 0.25 },
      ],
    ],
  );
  const empty = profileFrame(new Frame([numericColumn('x', f([])), categoryFromLabels('c', [])]));
  assert.deepEqual(
    empty.columns.map((c) => [c.missing_share, c.distinct, c.min, c.median, c.max, c.top_categories]),
    [
      [0, 0, null, null, null, undefined],
      [0, 0, null, null, null, []],
    ],
  );
});

test('categorical IV quick-look: the most frequent categories own bins, the rest share one; hand-worked IV', () => {
  // a: 4 rows (1 bad), b: 3 (2 bad), c: 2 (2 bad), d: 1 (0 bad), one missing (good)
  const labels = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'd', null];
  const bad = f([1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0]);
  const p = profileFrame(new Frame([categoryFromLabels('c', labels), numericColumn('bad', bad)]), { target: 'bad', maxCategoryBins: 2 });
  const c = p.columns[0];
  assert.deepEqual(
    c?.bad_rate_by_bin?.map((b) => [b.bin, b.count, b.bads, b.bad_rate]),
    [
      ['{a}', 4, 1, 0.25],
      ['{b, c, d}', 6, 4, 4 / 6],
      ['missing', 1, 0, 0],
    ],
  );
  // smoothed goods 3.5, 2.5, 1.5 of 7.5; bads 1.5, 4.5, 0.5 of 6.5
  const pg = [3.5 / 7.5, 2.5 / 7.5, 1.5 / 7.5];
  const pb = [1.5 / 6.5, 4.5 / 6.5, 0.5 / 6.5];
  close(
    c?.iv as number,
    pg.reduce((s, g, i) => s + (g - (pb[i] as number)) * Math.log(g / (pb[i] as number)), 0),
  );
  close(c?.bad_rate_by_bin?.[1]?.woe as number, Math.log((pg[1] as number) / (pb[1] as number)));
  assert.equal(c?.auc, undefined);
  // by default (20 bins) every category has its own bin, most frequent first
  const all = profileFrame(new Frame([categoryFromLabels('c', labels), numericColumn('bad', bad)]), { target: 'bad' });
  assert.deepEqual(
    all.columns[0]?.bad_rate_by_bin?.map((b) => b.bin),
    ['{a}', '{b}', '{c}', '{d}', 'missing'],
  );
  // the kept categories are the most frequent, not the first coded; unused dictionary labels join no bin
  const coded = categoryColumn('c', Int32Array.from([0, 1, 1, 1, 3, 3]), ['r', 'q', 'unused', 's']);
  const ordered = profileFrame(new Frame([coded, numericColumn('bad', f([1, 0, 0, 1, 0, 1]))]), { target: 'bad', maxCategoryBins: 2 });
  assert.deepEqual(
    ordered.columns[0]?.bad_rate_by_bin?.map((b) => [b.bin, b.count]),
    [
      ['{q}', 3],
      ['{s, r}', 3],
    ],
  );
  // equal counts keep dictionary order
  const tied = profileFrame(new Frame([categoryFromLabels('c', ['y', 'x', 'x', 'y']), numericColumn('bad', f([1, 0, 1, 0]))]), {
    target: 'bad',
    maxCategoryBins: 2,
  });
  assert.deepEqual(
    tied.columns[0]?.bad_rate_by_bin?.map((b) => b.bin),
    ['{y}', '{x}'],
  );
});

test('numeric quick-look: 10 bins by default, one per value up to 10 values; AUC per column', () => {
  const x = f(Array.from({ length: 20 }, (_, i) => i));
  const bad = f(Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 1 : 0)));
  const byBin = (values: Float64Array, options = {}) =>
    profileFrame(new Frame([numericColumn('x', values), numericColumn('bad', bad)]), { target: 'bad', ...options }).columns[0]?.bad_rate_by_bin?.map(
      (b) => b.bin,
    );
  // 20 distinct values, 10 equal-frequency bins: splits at 2, 4, …, 18
  assert.deepEqual(byBin(x), ['[-inf, 2)', '[2, 4)', '[4, 6)', '[6, 8)', '[8, 10)', '[10, 12)', '[12, 14)', '[14, 16)', '[16, 18)', '[18, inf)']);
  // 10 distinct values (each twice): one bin per value
  assert.equal(byBin(f(Array.from({ length: 20 }, (_, i) => i % 10)))?.length, 10);
  // 11 distinct values (0…9, then 10 ten times), 4 bins: quantile splits at sorted positions 5, 10, 15 → 5, 10, 10 (tie folded)
  assert.deepEqual(byBin(f(Array.from({ length: 20 }, (_, i) => Math.min(i, 10))), { bins: 4 }), ['[-inf, 5)', '[5, 10)', '[10, inf)']);
  // exactly `bins` distinct values are binned by value; one more and equal-frequency bins take over (10 rows:
  // positions 3 and 6 hold 0, so no split at all)
  const tenRows = (values: number[]) =>
    profileFrame(new Frame([numericColumn('x', f(values)), numericColumn('bad', f([1, 0, 0, 0, 0, 1, 0, 0, 1, 1]))]), {
      target: 'bad',
      bins: 3,
    }).columns[0]?.bad_rate_by_bin?.map((b) => b.bin);
  assert.deepEqual(tenRows([0, 0, 0, 0, 0, 0, 0, 0, 1, 2]), ['[-inf, 1)', '[1, 2)', '[2, inf)']);
  assert.deepEqual(tenRows([0, 0, 0, 0, 0, 0, 0, 1, 2, 3]), ['[-inf, inf)']);
  // AUC: bads at 1 and 3, goods at 2 and 4 → one (bad > good) pair of four
  const auc = (y: number[]) => profileFrame(new Frame([numericColumn('x', f([1, 2, 3, 4])), numericColumn('bad', f(y))]), { target: 'bad' }).columns[0]?.auc;
  assert.equal(auc([1, 0, 1, 0]), 0.25);
  assert.equal(auc([0, 0, 1, 1]), 1);
  assert.equal(auc([0, 0, 0, 0]), null);
});

test('profile with a target: WOE options, and a target with no known outcome', () => {
  const frame = new Frame([numericColumn('x', f([1, 1, 2, 2])), numericColumn('bad', f([0, 1, 1, 1]))]);
  const p = profileFrame(frame, { target: 'bad', woe: { sign: 'bads-over-goods', smoothing: 1 } });
  assert.equal(p.woe_conventions, 'WOE = ln(%bad/%good) (positive = riskier); smoothing +1 to goods and bads of every non-empty bin');
  // x = 1: goods 1 + 1, bads 1 + 1; x = 2: goods 0 + 1, bads 2 + 1 → G' = 3, B' = 5; WOE = −ln((2/3)/(2/5)) with the riskier sign
  close(p.columns[0]?.bad_rate_by_bin?.[0]?.woe as number, -Math.log(2 / 3 / (2 / 5)));
  assert.deepEqual([p.target, p.target_missing, p.bad_rate, p.rows], ['bad', 0, 0.75, 4]);
  const unknown = profileFrame(new Frame([numericColumn('x', f([1, 2])), numericColumn('bad', f([Number.NaN, Number.NaN]))]), { target: 'bad' });
  assert.deepEqual([unknown.bad_rate, unknown.target_missing], [0, 2]);
});
