import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryColumn, Frame, numericColumn } from '../../frame/index.js';
import { portfolioFromFrame } from './portfolio-from-frame.js';
import {
  analyticExpectedLoss,
  baselineScenario,
  choleskyLower,
  multiFactorModel,
  oneFactorModel,
  type PortfolioLoans,
  validatePortfolio,
} from './portfolio-model.js';

const loans = (pd: number[], lgd: number[], ead: number[], segment: number[], segments = ['a', 'b']): PortfolioLoans => ({
  pd: Float64Array.from(pd),
  lgd: Float64Array.from(lgd),
  ead: Float64Array.from(ead),
  segment: Int32Array.from(segment),
  segments,
});

test('Cholesky of a 3×3 correlation matrix, checked by hand (L·Lᵀ = C)', () => {
  // C = [[4, 2, 2], [2, 5, 3], [2, 3, 6]] → L = [[2, 0, 0], [1, 2, 0], [1, 1, 2]]
  assert.deepEqual([...choleskyLower(Float64Array.of(4, 2, 2, 2, 5, 3, 2, 3, 6), 3)], [2, 0, 0, 1, 2, 0, 1, 1, 2]);
  assert.throws(() => choleskyLower(Float64Array.of(1, 1, 1, 1), 2), /factor model: the factor correlation matrix is not positive definite/);
  assert.throws(() => choleskyLower(Float64Array.of(0), 1), /not positive definite/);
  assert.throws(() => choleskyLower(Float64Array.of(Number.NaN), 1), /not positive definite/);
  const model = multiFactorModel(['x', 'y'], Float64Array.of(1, 0.6, 0.6, 1), Int32Array.of(1, 0), Float64Array.of(0.1, 0.2));
  assert.deepEqual(model.factors, ['x', 'y']);
  assert.deepEqual([...model.factorOfSegment], [1, 0]);
  assert.ok(Math.abs((model.cholesky[3] as number) - 0.8) < 1e-15 && model.cholesky[2] === 0.6 && model.cholesky[1] === 0);
  const one = oneFactorModel(3, 0.25);
  assert.deepEqual([one.factors, [...one.factorOfSegment], [...one.rhoOfSegment], [...one.cholesky]], [['economy'], [0, 0, 0], [0.25, 0.25, 0.25], [1]]);
  const base = baselineScenario(2, 3);
  assert.deepEqual([base.name, [...base.factorShift], [...base.pdMultiplier]], ['baseline', [0, 0], [1, 1, 1]]);
});

test('analytic EL is Σ PD·LGD·EAD (hand sum)', () => {
  // 0.1·0.5·100 + 0.2·0.25·40 + 0·1·1000 = 5 + 2 = 7
  assert.equal(analyticExpectedLoss(loans([0.1, 0.2, 0], [0.5, 0.25, 1], [100, 40, 1000], [0, 1, 0])), 7);
});

test('validatePortfolio names the first bad loan and column, and accepts the closed ends of each range', () => {
  const bad = (l: PortfolioLoans, message: string) =>
    assert.throws(
      () => validatePortfolio(l),
      (e: Error) => e.message === message,
    );
  validatePortfolio(loans([0, 1], [0, 1], [0, 5], [0, 1]));
  bad(loans([0.1, 0.2], [0.5], [1, 1], [0, 0]), 'portfolio column lgd: expected length 2, got 1');
  bad(loans([0.1, 0.2], [0.5, 0.5], [1, 1, 1], [0, 0]), 'portfolio column ead: expected length 2, got 3');
  bad(loans([0.1, 0.2], [0.5, 0.5], [1, 1], [0]), 'portfolio column segment: expected length 2, got 1');
  bad(loans([0.1, -0.1], [0.5, 0.5], [1, 1], [0, 0]), 'portfolio row 2: pd -0.1 is not in [0, 1]');
  bad(loans([1.01, 0.1], [0.5, 0.5], [1, 1], [0, 0]), 'portfolio row 1: pd 1.01 is not in [0, 1]');
  bad(loans([Number.NaN], [0.5], [1], [0]), 'portfolio row 1: pd NaN is not in [0, 1]');
  bad(loans([0.1], [-0.5], [1], [0]), 'portfolio row 1: lgd -0.5 is not in [0, 1]');
  bad(loans([0.1], [1.5], [1], [0]), 'portfolio row 1: lgd 1.5 is not in [0, 1]');
  bad(loans([0.1], [Number.NaN], [1], [0]), 'portfolio row 1: lgd NaN is not in [0, 1]');
  bad(loans([0.1], [0.5], [-1], [0]), 'portfolio row 1: ead -1 is not a finite amount ≥ 0');
  bad(loans([0.1], [0.5], [Number.POSITIVE_INFINITY], [0]), 'portfolio row 1: ead Infinity is not a finite amount ≥ 0');
  bad(loans([0.1], [0.5], [Number.NaN], [0]), 'portfolio row 1: ead NaN is not a finite amount ≥ 0');
  bad(loans([0.1, 0.1], [0.5, 0.5], [1, 1], [0, 2]), 'portfolio row 2: segment is missing');
  bad(loans([0.1], [0.5], [1], [-1]), 'portfolio row 1: segment is missing');
});

test('portfolioFromFrame: numeric columns, categorical or numeric segments, or one segment "all"; missing values named', () => {
  const pd = numericColumn('pd', Float64Array.of(0.1, 0.2, 0.3));
  const lgd = numericColumn('lgd', Float64Array.of(0.4, 0.5, 0.6));
  const ead = numericColumn('ead', Float64Array.of(10, 20, 30));
  const plain = portfolioFromFrame(new Frame([pd, lgd, ead]));
  assert.deepEqual(
    [[...plain.pd], [...plain.lgd], [...plain.ead], [...plain.segment], plain.segments],
    [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [10, 20, 30], [0, 0, 0], ['all']],
  );
  const categorical = portfolioFromFrame(new Frame([pd, lgd, ead, categoryColumn('segment', Int32Array.of(1, 0, 1), ['card', 'auto'])]));
  assert.deepEqual(
    [[...categorical.segment], categorical.segments],
    [
      [1, 0, 1],
      ['card', 'auto'],
    ],
  );
  const numeric = portfolioFromFrame(new Frame([pd, lgd, ead, numericColumn('segment', Float64Array.of(30, 5, 30))]));
  assert.deepEqual(
    [[...numeric.segment], numeric.segments],
    [
      [1, 0, 1],
      ['5', '30'],
    ],
  );
  // renamed columns
  const renamed = portfolioFromFrame(
    new Frame([
      numericColumn('p', Float64Array.of(0.5)),
      numericColumn('l', Float64Array.of(0.25)),
      numericColumn('e', Float64Array.of(8)),
      numericColumn('grade', Float64Array.of(2)),
    ]),
    { pd: 'p', lgd: 'l', ead: 'e', segment: 'grade' },
  );
  assert.deepEqual([[...renamed.pd], [...renamed.lgd], [...renamed.ead], renamed.segments], [[0.5], [0.25], [8], ['2']]);
  assert.throws(() => portfolioFromFrame(new Frame([pd, lgd, ead]), { segment: 'grade' }), /grade/);
  const withNaN = numericColumn('lgd', Float64Array.of(0.4, Number.NaN, 0.6));
  assert.throws(
    () => portfolioFromFrame(new Frame([pd, withNaN, ead])),
    (e: Error) => e.message === 'portfolio row 2: column "lgd" is missing',
  );
  assert.throws(
    () => portfolioFromFrame(new Frame([pd, lgd, ead, categoryColumn('segment', Int32Array.of(0, 0, -1), ['card'])])),
    (e: Error) => e.message === 'portfolio row 3: column "segment" is missing',
  );
  assert.throws(
    () => portfolioFromFrame(new Frame([pd, lgd, ead, numericColumn('segment', Float64Array.of(1, Number.NaN, 1))])),
    (e: Error) => e.message === 'portfolio row 2: column "segment" is missing',
  );
});
