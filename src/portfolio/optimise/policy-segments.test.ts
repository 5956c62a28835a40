import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryColumn, Frame, numericColumn } from '../../frame/index.js';
import { cutoffSegmentData } from './cutoff-data.js';
import { capitalPerUnit } from './cutoff-problem.js';
import { segmentPolicy, sumBySegment } from './policy-segments.js';

const frame = new Frame([
  numericColumn('score', Float64Array.of(500, 600, 700, Number.NaN, 650, 550)),
  categoryColumn('channel', Int32Array.of(0, 1, 0, 0, 1, 1), ['web', 'shop']),
  categoryColumn('region', Int32Array.of(0, 0, 1, 1, 0, 1), ['n', 's']),
]);

test('score bands at explicit edges × a categorical column, the missing score in its own band (worked by hand)', () => {
  const s = segmentPolicy(frame, { score: 'score', edges: [600], by: ['channel'] });
  // labels sort shop < web; keys group·3 + band: rows → 3, 1, 4, 5, 1, 0
  assert.deepEqual([...s.rowSegment], [2, 1, 3, 4, 1, 0]);
  assert.deepEqual(s.labels, [
    'score −∞–600 · channel=shop',
    'score 600–∞ · channel=shop',
    'score −∞–600 · channel=web',
    'score 600–∞ · channel=web',
    'score missing · channel=web',
  ]);
  assert.deepEqual([...s.band], [0, 1, 0, 1, -1]);
  assert.deepEqual([...s.group], [0, 0, 1, 1, 1]);
  assert.deepEqual(s.groups, ['shop', 'web']);
  assert.deepEqual([...s.edges], [Number.NEGATIVE_INFINITY, 600, Number.POSITIVE_INFINITY]);
  assert.deepEqual(s.values, { channel: ['shop', 'shop', 'web', 'web', 'web'] });
});

test('two categorical columns without a score: mixed-radix groups decoded back to their labels; none at all is one segment "all"', () => {
  const s = segmentPolicy(frame, { by: ['channel', 'region'] });
  assert.deepEqual([...s.rowSegment], [2, 0, 3, 3, 0, 1]);
  assert.deepEqual(s.labels, ['channel=shop · region=n', 'channel=shop · region=s', 'channel=web · region=n', 'channel=web · region=s']);
  assert.deepEqual([...s.band], [0, 0, 0, 0]);
  assert.deepEqual([...s.group], [0, 1, 2, 3]);
  assert.deepEqual(s.groups, ['shop · n', 'shop · s', 'web · n', 'web · s']);
  assert.deepEqual(s.values, { channel: ['shop', 'shop', 'web', 'web'], region: ['n', 's', 'n', 's'] });
  const one = segmentPolicy(frame, {});
  assert.deepEqual([one.labels, one.groups, [...one.rowSegment], [...one.band], one.values], [['all'], ['all'], [0, 0, 0, 0, 0, 0], [0], {}]);
});

test('equal-frequency bands from the empirical quantiles; ties merge bands; edges printed to 3 decimals', () => {
  const scores = new Frame([
    numericColumn(
      's',
      Float64Array.from({ length: 10 }, (_, i) => 10 - i),
    ),
  ]);
  const s = segmentPolicy(scores, { score: 's', bands: 4 });
  // sorted 1…10: positions ⌊10k/4⌋ = 2, 5, 7 → edges 3, 6, 8
  assert.deepEqual([...s.edges], [Number.NEGATIVE_INFINITY, 3, 6, 8, Number.POSITIVE_INFINITY]);
  assert.deepEqual(s.labels, ['s −∞–3', 's 3–6', 's 6–8', 's 8–∞']);
  assert.deepEqual([...s.rowSegment], [3, 3, 3, 2, 2, 1, 1, 1, 0, 0]);
  assert.deepEqual([...s.band], [0, 1, 2, 3]);
  const ties = segmentPolicy(new Frame([numericColumn('s', Float64Array.of(1, 1, 1, 1, 2, 2))]), { score: 's', bands: 3 });
  // positions 2 and 4 → 1 (not above the minimum) and 2
  assert.deepEqual([...ties.edges], [Number.NEGATIVE_INFINITY, 2, Number.POSITIVE_INFINITY]);
  const dup = segmentPolicy(new Frame([numericColumn('s', Float64Array.of(1, 2, 2, 2, 2, 3))]), { score: 's', bands: 3 });
  // positions 2 and 4 both give 2: the edge is kept once
  assert.deepEqual([...dup.edges], [Number.NEGATIVE_INFINITY, 2, Number.POSITIVE_INFINITY]);
  const fine = segmentPolicy(new Frame([numericColumn('s', Float64Array.of(0.1, 0.2))]), { score: 's', edges: [0.12345] });
  assert.deepEqual(fine.labels, ['s −∞–0.123', 's 0.123–∞']);
  const missing = segmentPolicy(new Frame([numericColumn('s', Float64Array.of(Number.NaN, Number.NaN))]), { score: 's' });
  assert.deepEqual([missing.labels, [...missing.band], [...missing.edges]], [['s missing'], [-1], [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]]);
  const defaultBands = segmentPolicy(
    new Frame([
      numericColumn(
        's',
        Float64Array.from({ length: 20 }, (_, i) => i),
      ),
    ]),
    { score: 's' },
  );
  assert.equal(defaultBands.labels.length, 10);
  // missing scores are left out of the quantiles: 1…4 and four NaN in 2 bands → position ⌊4/2⌋ = 2 → edge 3
  const withMissing = segmentPolicy(new Frame([numericColumn('s', Float64Array.of(Number.NaN, 4, Number.NaN, 3, 2, Number.NaN, 1, Number.NaN))]), {
    score: 's',
    bands: 2,
  });
  assert.deepEqual([...withMissing.edges], [Number.NEGATIVE_INFINITY, 3, Number.POSITIVE_INFINITY]);
  assert.deepEqual(withMissing.labels, ['s −∞–3', 's 3–∞', 's missing']);
  assert.deepEqual([...withMissing.rowSegment], [2, 1, 2, 1, 0, 2, 0, 2]);
  // a score of +∞ is in the top band [edge, ∞), not the missing band; −∞ in the bottom one
  const infinite = segmentPolicy(new Frame([numericColumn('s', Float64Array.of(Number.POSITIVE_INFINITY, 5, Number.NEGATIVE_INFINITY, Number.NaN))]), {
    score: 's',
    edges: [0, 10],
  });
  assert.deepEqual(infinite.labels, ['s −∞–0', 's 0–10', 's 10–∞', 's missing']);
  assert.deepEqual([...infinite.rowSegment], [2, 1, 0, 3]);
  assert.deepEqual([...infinite.band], [0, 1, 2, -1]);
});

test('sumBySegment adds weighted values per segment, skipping NaN; cutoff sums and refusals', () => {
  const s = segmentPolicy(frame, { by: ['channel'] });
  // segments: shop (rows 1, 4, 5), web (rows 0, 2, 3)
  assert.deepEqual([...sumBySegment(s, Float64Array.of(1, 2, 3, Number.NaN, 5, 6))], [13, 4]);
  assert.deepEqual([...sumBySegment(s, Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(1, 0, 2, 1, 1, 0.5))], [8, 11]);
  const apps = new Frame([
    numericColumn('pd', Float64Array.of(0.1, 0.2, 0, 1)),
    numericColumn('amount', Float64Array.of(100, 50, 10, 0)),
    numericColumn('rate', Float64Array.of(0.1, 0.2, 0.3, 0.4)),
    categoryColumn('g', Int32Array.of(0, 0, 1, 1), ['a', 'b']),
  ]);
  const segments = segmentPolicy(apps, { by: ['g'] });
  const economics = { lgd: 0.5, funding_rate: 0, opex: 0, hurdle_rate: 0 };
  const d = cutoffSegmentData(apps, segments, { pd: 'pd', amount: 'amount', rate: 'rate' }, economics);
  assert.deepEqual(
    [[...d.count], [...d.pdSum], [...d.amountSum], [...d.pdAmountSum], [...d.rateAmountSum]],
    [
      [2, 2],
      [0.30000000000000004, 1],
      [150, 10],
      [20, 0],
      [20, 3],
    ],
  );
  assert.deepEqual([...d.capitalSum], [capitalPerUnit(0.1, economics) * 100 + capitalPerUnit(0.2, economics) * 50, capitalPerUnit(0, economics) * 10]);
  assert.deepEqual(
    [d.labels, [...d.band], [...d.group], d.values, d.current, d.currentApproved],
    [['g=a', 'g=b'], [0, 0], [0, 1], { g: ['a', 'b'] }, undefined, undefined],
  );
  assert.deepEqual([...cutoffSegmentData(apps, segments, { pd: 'pd', amount: 'amount' }, economics).rateAmountSum], [0, 0]);
  const bad = (column: string, values: Float64Array, message: string) =>
    assert.throws(
      () =>
        cutoffSegmentData(
          new Frame([...apps.columns.filter((c) => c.name !== column), numericColumn(column, values)]),
          segments,
          { pd: 'pd', amount: 'amount' },
          economics,
        ),
      (e: Error) => e.message === message,
    );
  bad('pd', Float64Array.of(0.1, 1.5, 0, 1), 'column "pd" at row 2: PD 1.5 is not in [0, 1]');
  bad('pd', Float64Array.of(0.1, 0.2, -0.1, 1), 'column "pd" at row 3: PD -0.1 is not in [0, 1]');
  bad('pd', Float64Array.of(Number.NaN, 0.2, 0, 1), 'column "pd" at row 1: PD NaN is not in [0, 1]');
  bad('amount', Float64Array.of(1, 1, 1, -1), 'column "amount" at row 4: amount must be ≥ 0');
  bad('amount', Float64Array.of(1, Number.NaN, 1, 1), 'column "amount" at row 2: amount must be ≥ 0');
});
