import assert from 'node:assert/strict';
import { test } from 'node:test';
import { irbCapital } from '../../finance/index.js';
import { annualProfit, buildCutoffProblem, type CutoffConfig, type CutoffSegmentData, capitalPerUnit } from './cutoff-problem.js';

/**
 * Three segments worked by hand. Economics: LGD 0.5, funding 2%, opex 3 per account, hurdle 10%,
 * return on capital 4%; profit = ead·rate − ead·funding − opex·n − PD·LGD·ead + 0.04·K − 0.1·K.
 */
const economics = { lgd: 0.5, funding_rate: 0.02, opex: 3, hurdle_rate: 0.1, capital_rate: 0.04 };
const data: CutoffSegmentData = {
  labels: ['A', 'B', 'C'],
  band: Int32Array.of(0, 1, -1),
  group: Int32Array.of(0, 0, 0),
  values: { channel: ['web', 'shop', 'web'] },
  count: Float64Array.of(10, 20, 5),
  pdSum: Float64Array.of(1, 0.4, 0.5),
  amountSum: Float64Array.of(1000, 4000, 0),
  pdAmountSum: Float64Array.of(100, 80, 0),
  rateAmountSum: Float64Array.of(150, 400, 0),
  capitalSum: Float64Array.of(60, 200, 0),
};
const config: CutoffConfig = {
  actions: [
    { name: 'decline' },
    { name: 'approve' },
    { name: 'small', limit: 0.5, rate: 0.2 },
    { name: 'priced', rate_shift: 0.05 },
    { name: 'hold', kind: 'decline' },
  ],
  economics,
  limits: { bad_rate_max: 0.05 },
  concentration: [
    { column: 'channel', value: 'web', max_share: 0.25 },
    { column: 'region', value: 'north', max_share: 0.5 },
  ],
  knockout: [{ column: 'channel', value: 'shop' }],
};
const close = (actual: ArrayLike<number>, expected: number[], what: string) => {
  for (const [k, v] of expected.entries())
    assert.ok(Math.abs((actual[k] as number) - v) < 1e-9 * Math.max(1, Math.abs(v)), `${what}[${k}]: ${actual[k]} vs ${v}`);
};

test('annual profit: interest − funding − opex − EL + return on capital − hurdle·capital; K from finance’s IRB formula', () => {
  // 1000·15% − 1000·2% − 3·10 − 0.1·0.5·1000 + 0.04·60 − 0.1·60 = 46.4
  assert.ok(Math.abs(annualProfit({ ead: 1000, rate: 0.15, pd: 0.1, capital: 60, accounts: 10 }, economics) - 46.4) < 1e-9);
  // zero capital is allowed (no hurdle, no return)
  assert.equal(annualProfit({ ead: 100, rate: 0.1, pd: 0, capital: 0, accounts: 1 }, { lgd: 0.5, funding_rate: 0, opex: 0, hurdle_rate: 0.1 }), 10);
  assert.equal(capitalPerUnit(0.03, economics), irbCapital({ assetClass: 'other_retail', pd: 0.03, lgd: 0.5 }).k);
  assert.equal(capitalPerUnit(0.03, { ...economics, asset_class: 'qrre' }), irbCapital({ assetClass: 'qrre', pd: 0.03, lgd: 0.5 }).k);
  assert.notEqual(capitalPerUnit(0.03, { ...economics, asset_class: 'qrre' }), capitalPerUnit(0.03, economics));
  // held at 10.5% of RWA: 12.5 · 0.105 · K = 1.3125 K
  const k = irbCapital({ assetClass: 'other_retail', pd: 0.03, lgd: 0.5 }).k;
  assert.ok(Math.abs(capitalPerUnit(0.03, { ...economics, capital_ratio: 0.105 }) - 1.3125 * k) < 1e-15);
});

test('cutoff problem: tier metrics per segment (limit multiple, fixed rate, rate shift, empty segment), rows, knock-outs, monotone rows', () => {
  const p = buildCutoffProblem(data, config);
  assert.deepEqual(p.model.segments, ['A', 'B', 'C']);
  assert.deepEqual(p.model.actions, ['decline', 'approve', 'small', 'priced', 'hold']);
  assert.deepEqual([...p.approves], [0, 1, 1, 1, 0]);
  assert.equal(p.accounts, data.count);
  assert.equal(p.model.profit, p.metrics.profit);
  // A: approve 46.4; small (EAD 500, K 30, rate 20%) 100 − 10 − 30 − 25 + 1.2 − 3; priced (rate 15% + 5%) 200 − 20 − 30 − 50 + 2.4 − 6
  // B: approve 400 − 80 − 60 − 40 + 8 − 20; small 400 − 40 − 60 − 20 + 4 − 10; priced 600 − 80 − 60 − 40 + 8 − 20
  // C: no amount: rate and PD 0, only the opex 3·5
  close(p.metrics.profit, [0, 46.4, 33.2, 96.4, 0, 0, 208, 274, 408, 0, 0, -15, -15, -15, 0], 'profit');
  close(p.metrics.approved, [0, 10, 10, 10, 0, 0, 20, 20, 20, 0, 0, 5, 5, 5, 0], 'approved');
  close(p.metrics.bads, [0, 1, 1, 1, 0, 0, 0.4, 0.4, 0.4, 0, 0, 0.5, 0.5, 0.5, 0], 'bads');
  close(p.metrics.amount, [0, 1000, 500, 1000, 0, 0, 4000, 2000, 4000, 0, 0, 0, 0, 0, 0], 'amount');
  close(p.metrics.badAmount, [0, 100, 50, 100, 0, 0, 80, 40, 80, 0, 0, 0, 0, 0, 0], 'bad amount');
  close(p.metrics.el, [0, 50, 25, 50, 0, 0, 40, 20, 40, 0, 0, 0, 0, 0, 0], 'el');
  close(p.metrics.capital, [0, 60, 30, 60, 0, 0, 200, 100, 200, 0, 0, 0, 0, 0, 0], 'capital');
  assert.deepEqual(
    p.model.constraints.map((c) => [c.name, c.label]),
    [
      ['bad_rate_max', 'bad rate (count) ≤ 5.00%'],
      ['concentration0', 'share of channel=web ≤ 25.0%'],
      ['concentration1', 'share of region=north ≤ 50.0%'],
    ],
  );
  // web segments A and C count their amount at 0.75, B at −0.25; an unknown column puts no segment in the group
  close(p.model.constraints[1]?.coefficients ?? [], [0, 750, 375, 750, 0, 0, -1000, -500, -1000, 0, 0, 0, 0, 0, 0], 'concentration');
  close(p.model.constraints[2]?.coefficients ?? [], [0, -500, -250, -500, 0, 0, -2000, -1000, -2000, 0, 0, 0, 0, 0, 0], 'concentration1');
  // shop (segment B) is knocked out of every approving action
  assert.deepEqual([...(p.model.forbidden ?? [])], [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  // band 1 (B) approves at least as much as band 0 (A); C has no band
  assert.deepEqual(p.model.extra, { columns: [], rows: ['monotone0: + x1_1 - x0_1 + x1_2 - x0_2 + x1_3 - x0_3 >= 0'] });
  assert.equal(p.current, undefined);
  assert.equal(p.currentMetrics, undefined);
  assert.equal(p.model.orderings, undefined);
  // monotone off, no concentration or knock-out: no extra rows, nothing forbidden
  const plain = buildCutoffProblem(data, { actions: config.actions, economics, limits: {}, monotone: false });
  assert.equal(plain.model.extra, undefined);
  assert.deepEqual(plain.model.constraints, []);
  assert.deepEqual([...(plain.model.forbidden ?? [])], new Array(15).fill(0));
});

test('monotone pairs follow the bands inside each group', () => {
  const grouped = buildCutoffProblem(
    { ...data, band: Int32Array.of(1, 0, 0), group: Int32Array.of(0, 1, 0) },
    { actions: [{ name: 'decline' }, { name: 'approve' }], economics, limits: {} },
  );
  // group 0: C (band 0) then A (band 1) → A ≥ C; group 1 holds B alone
  assert.deepEqual(grouped.model.extra?.rows, ['monotone0: + x0_1 - x2_1 >= 0']);
  const three = buildCutoffProblem(
    { ...data, band: Int32Array.of(2, 0, 1), group: Int32Array.of(0, 0, 0) },
    { actions: [{ name: 'decline' }, { name: 'approve' }], economics, limits: {} },
  );
  assert.deepEqual(three.model.extra?.rows, ['monotone0: + x2_1 - x1_1 >= 0', 'monotone1: + x0_1 - x2_1 >= 0']);
});

test('the current policy: its approved share on the first approving tier, the rest on decline; its own sums when given', () => {
  const withCurrent = buildCutoffProblem({ ...data, currentApproved: Float64Array.of(5, 20, 0) }, config);
  assert.deepEqual([...(withCurrent.current ?? [])], [0.5, 0.5, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
  assert.equal(withCurrent.currentMetrics, undefined);
  const current = {
    count: Float64Array.of(5, 20, 0),
    pdSum: Float64Array.of(0.2, 0.4, 0),
    amountSum: Float64Array.of(400, 4000, 0),
    pdAmountSum: Float64Array.of(20, 80, 0),
    rateAmountSum: Float64Array.of(60, 400, 0),
    capitalSum: Float64Array.of(24, 200, 0),
  };
  const own = buildCutoffProblem({ ...data, currentApproved: current.count, current }, config);
  // A's approved rows: EAD 400 at 15%, PD 0.05, K 24, 5 accounts: 60 − 8 − 15 − 10 + 0.96 − 2.4
  close(own.currentMetrics?.profit ?? [], [0, 25.56, 15.28, 45.56], 'current profit');
  close(own.currentMetrics?.approved ?? [], [0, 5, 5, 5, 0, 0, 20], 'current approved');
  close(own.currentMetrics?.amount ?? [], [0, 400, 200, 400], 'current amount');
  assert.deepEqual([...own.metrics.profit], [...withCurrent.metrics.profit]);
  // a segment with no applications has no approved share; without a decline action nothing goes there
  const empty = buildCutoffProblem(
    { ...data, count: Float64Array.of(0, 20, 5), currentApproved: Float64Array.of(0, 10, 5) },
    { actions: [{ name: 'approve' }], economics, limits: {} },
  );
  assert.deepEqual([...(empty.current ?? [])], [0, 0.5, 1]);
  const declineOnly = buildCutoffProblem({ ...data, currentApproved: Float64Array.of(5, 20, 0) }, { actions: [{ name: 'decline' }], economics, limits: {} });
  assert.deepEqual([...(declineOnly.current ?? [])], [0.5, 0, 1]);
});
