import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import { predictLogisticLogit, trainLogisticModel } from '../ml/linear/index.js';
import type { CredoModel } from '../ml/model.js';
import { predictScorecardLogit, scorecardPoints, trainScorecard } from '../ml/scorecard/index.js';
import { Rng } from '../random/index.js';
import { additiveExplanation, additiveTerms } from './additive-explanation.js';
import { binMoves, scorecardCounterfactual } from './scorecard-counterfactual.js';
import { counterfactualSafety } from './tree-counterfactual.js';

function data(n: number) {
  const rng = new Rng(11);
  const util = new Float64Array(n);
  const income = new Float64Array(n);
  const region: string[] = [];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    util[i] = rng.nextDouble();
    income[i] = rng.nextDouble() < 0.1 ? Number.NaN : 20 + 60 * rng.nextDouble();
    region.push(['north', 'south', 'east'][rng.nextInt(3)] as string);
    const z = -2 + 2.5 * (util[i] as number) - 0.02 * (Number.isNaN(income[i]) ? 50 : (income[i] as number)) + (region[i] === 'east' ? 0.6 : 0);
    y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { frame: new Frame([numericColumn('util', util), numericColumn('income', income), categoryFromLabels('region', region)]), y };
}

const envelope = { schema: { columns: [] }, target: 'bad', params: {}, metrics: {}, createdAt: '2026-01-01T00:00:00Z' };

test('logistic contributions are β·(x − mean) per term and add up to the logit on every row', () => {
  const { frame, y } = data(3000);
  const body = trainLogisticModel(frame, y, ['util', 'income', 'region']);
  const model = { ...envelope, kind: 'logistic', body } as unknown as CredoModel;
  const e = additiveExplanation(model, frame);
  const logit = predictLogisticLogit(body, frame);
  const util = body.terms.find((t) => t.feature === 'util');
  assert.ok(util !== undefined && util.type === 'number');
  // income has missing values, so its term carries a missing-indicator coefficient the sums below include.
  const income = body.terms.find((t) => t.feature === 'income');
  assert.ok(income !== undefined && income.type === 'number' && income.missing !== undefined && income.missing !== 0);
  let meanUtil = 0;
  for (let i = 0; i < frame.rowCount; i++) meanUtil += frame.numeric('util').values[i] as number;
  meanUtil /= frame.rowCount;
  assert.ok(Math.abs((e.values[0] as number) - util.coefficient * ((frame.numeric('util').values[0] as number) - meanUtil)) < 1e-12);
  for (let i = 0; i < frame.rowCount; i++) {
    const sum = e.expectedValue + (e.values[i * 3] as number) + (e.values[i * 3 + 1] as number) + (e.values[i * 3 + 2] as number);
    assert.ok(Math.abs(sum - (logit[i] as number)) < 1e-9 * Math.max(1, Math.abs(logit[i] as number)), `row ${i}`);
  }
  // contributions sum to zero over the reference population
  for (let j = 0; j < 3; j++) {
    let s = 0;
    for (let i = 0; i < frame.rowCount; i++) s += e.values[i * 3 + j] as number;
    assert.ok(Math.abs(s) < 1e-9);
  }
});

test('scorecard contributions are β·(WOE − mean WOE) = −(points − mean points)/factor', async () => {
  const { frame, y } = data(3000);
  const { body } = await trainScorecard(frame, y, ['util', 'income', 'region']);
  const model = { ...envelope, kind: 'scorecard', body } as unknown as CredoModel;
  const e = additiveExplanation(model, frame);
  const logit = predictScorecardLogit(body, frame);
  const { points } = scorecardPoints(body, frame);
  const k = body.characteristics.length;
  assert.ok(k >= 2);
  const meanPoints = new Float64Array(k);
  for (let i = 0; i < frame.rowCount; i++)
    for (let j = 0; j < k; j++) meanPoints[j] = (meanPoints[j] as number) + (points[i * k + j] as number) / frame.rowCount;
  for (let i = 0; i < frame.rowCount; i++) {
    let sum = e.expectedValue;
    for (let j = 0; j < k; j++) {
      sum += e.values[i * k + j] as number;
      const fromPoints = -((points[i * k + j] as number) - (meanPoints[j] as number)) / body.scaling.factor;
      assert.ok(Math.abs((e.values[i * k + j] as number) - fromPoints) < 1e-9, `row ${i} characteristic ${j}`);
    }
    assert.ok(Math.abs(sum - (logit[i] as number)) < 1e-9 * Math.max(1, Math.abs(logit[i] as number)), `row ${i}`);
  }
});

test('scorecard counterfactual: flips the decision and matches exhaustive search over bins', async () => {
  const { frame, y } = data(3000);
  const { body } = await trainScorecard(frame, y, ['util', 'income', 'region']);
  const numeric = body.characteristics.map((c, j) => (c.spec.type === 'number' ? j : -1)).filter((j) => j >= 0);
  assert.ok(numeric.length >= 2);
  const logit = predictScorecardLogit(body, frame);
  const k = body.characteristics.length;
  const scale = new Float64Array(k).fill(0.3);
  const weight = new Float64Array(k).fill(1);
  const lower = new Float64Array(k).fill(0);
  const upper = new Float64Array(k).fill(80);
  let solved = 0;
  for (let i = 0; i < 60; i++) {
    const values = body.characteristics.map((c) => (c.spec.type === 'number' ? (frame.numeric(c.feature).values[i] as number) : Number.NaN));
    const cutoffMargin = (logit[i] as number) - 0.4;
    const result = await scorecardCounterfactual(body, values, logit[i] as number, cutoffMargin, numeric, scale, weight, lower, upper);
    // exhaustive: every combination of bins of the actionable characteristics
    const moves = numeric.map((j) => {
      const c = body.characteristics[j];
      assert.ok(c !== undefined && c.spec.type === 'number');
      return binMoves({ spec: c.spec, woe: c.woe, coefficient: c.coefficient }, values[j] as number, 0.3, 1, 0, 80);
    });
    if (moves.some((m) => m.length === 0)) continue;
    const currentTerms = moves.reduce((s, m) => s + (m.find((x) => x.cost === 0)?.term ?? 0), 0);
    let best = Number.POSITIVE_INFINITY;
    const visit = (depth: number, cost: number, terms: number) => {
      if (depth === moves.length) {
        if ((logit[i] as number) - currentTerms + terms < cutoffMargin - counterfactualSafety(cutoffMargin)) best = Math.min(best, cost);
        return;
      }
      for (const m of moves[depth] as ReturnType<typeof binMoves>) visit(depth + 1, cost + m.cost, terms + m.term);
    };
    visit(0, 0, 0);
    if (result === null) {
      assert.equal(best, Number.POSITIVE_INFINITY, `row ${i}`);
      continue;
    }
    assert.ok(Math.abs(result.cost - best) <= 1e-9 * Math.max(1, best), `row ${i}: ${result.cost} vs ${best}`);
    // re-score the changed row with the scorecard itself
    const changed = new Frame(
      frame.columns.map((col) => {
        if (col.type !== 'number') return { ...col, codes: col.codes.slice(i, i + 1) };
        const change = result.changes.find((c) => c.feature === col.name);
        return numericColumn(col.name, Float64Array.of(change === undefined ? (col.values[i] as number) : change.to));
      }),
    );
    const after = predictScorecardLogit(body, changed)[0] as number;
    assert.ok(after < cutoffMargin && Math.abs(after - result.marginAfter) < 1e-9, `row ${i}: ${after} vs ${result.marginAfter}`);
    solved++;
  }
  assert.ok(solved >= 10, `solved ${solved}`);
});

// hand-built models for the exact checks below: logit = 0.5 + 2·a (missing a: 2·0.25 + 0.3) + region level (missing: −0.4)
const handLogistic = {
  version: 1,
  intercept: 0.5,
  terms: [
    { feature: 'a', type: 'number', coefficient: 2, fill: 0.25, missing: 0.3 },
    { feature: 'region', type: 'category', reference: 'n', levels: { s: 0.7, e: -0.2 }, missing: -0.4 },
  ],
};
// logit = −1 + 2·WOE(bin of a): bins (−∞, 0.5), [0.5, ∞), special −1, missing
const handScorecard = {
  version: 1,
  intercept: -1,
  characteristics: [{ feature: 'a', spec: { feature: 'a', type: 'number', splits: [0.5], specials: [-1] }, woe: [0.25, -0.5, 1, 0.125], coefficient: 2 }],
};
const handFrame = new Frame([numericColumn('a', Float64Array.of(0.1, Number.NaN, 0.5, -1)), categoryFromLabels('region', ['s', 'w', '', 'n'])]);

test('additive terms by hand: logistic numeric (fill and indicator), levels (unseen 0, missing), scorecard WOE bins, SVM', () => {
  const logistic = { ...envelope, kind: 'logistic', body: handLogistic } as unknown as CredoModel;
  const terms = additiveTerms(logistic, handFrame);
  assert.deepEqual(terms.features, ['a', 'region']);
  assert.equal(terms.intercept, 0.5);
  assert.deepEqual(Array.from(terms.values), [0.2, 0.7, 0.8, 0, 1, -0.4, -2, 0]);
  const svm = { ...envelope, kind: 'svm', body: { logit: handLogistic } } as unknown as CredoModel;
  assert.deepEqual(additiveTerms(svm, handFrame), terms);
  const scorecard = { ...envelope, kind: 'scorecard', body: handScorecard } as unknown as CredoModel;
  const s = additiveTerms(scorecard, handFrame);
  assert.deepEqual([s.features, s.intercept, Array.from(s.values)], [['a'], -1, [0.5, 0.25, -1, 2]]);
  // the same terms in the other order: the numeric term in the second column
  const reversed = { ...logistic, body: { ...handLogistic, terms: [handLogistic.terms[1], handLogistic.terms[0]] } } as unknown as CredoModel;
  assert.deepEqual(Array.from(additiveTerms(reversed, handFrame).values), [0.7, 0.2, 0, 0.8, -0.4, 1, 0, -2]);
  // two characteristics (the second on the same feature with coefficient −1): row-major rows × 2
  const two = {
    ...scorecard,
    body: { ...handScorecard, characteristics: [handScorecard.characteristics[0], { ...handScorecard.characteristics[0], coefficient: -1 }] },
  } as unknown as CredoModel;
  assert.deepEqual(Array.from(additiveTerms(two, handFrame).values), [0.5, -0.25, 0.25, -0.125, -1, 0.5, 2, -1]);
  assert.throws(
    () => additiveTerms({ ...logistic, kind: 'mlp' } as CredoModel, handFrame),
    (e: unknown) =>
      e instanceof CredoError &&
      e.code === 'E_MODEL_KIND' &&
      e.message === 'model kind "mlp" cannot be used here: additive contributions need a logistic or scorecard model',
  );
  const swapped = new Frame([categoryFromLabels('a', ['x']), numericColumn('region', Float64Array.of(1))]);
  assert.throws(
    () => additiveTerms(logistic, swapped),
    (e: unknown) => e instanceof CredoError && e.message === 'column "a" must be numeric, found categorical',
  );
  const regionNumeric = new Frame([numericColumn('a', Float64Array.of(1)), numericColumn('region', Float64Array.of(1))]);
  assert.throws(
    () => additiveTerms(logistic, regionNumeric),
    (e: unknown) => e instanceof CredoError && e.message === 'column "region" must be categorical, found numeric',
  );
});

test('additive explanation against another reference, and against no reference rows', () => {
  const logistic = { ...envelope, kind: 'logistic', body: handLogistic } as unknown as CredoModel;
  // reference rows 0 and 3: mean terms a (0.2 − 2)/2 = −0.9, region (0.7 + 0)/2 = 0.35
  const reference = handFrame.take(Int32Array.of(0, 3));
  const e = additiveExplanation(logistic, handFrame, reference);
  assert.equal(e.method, 'linear');
  assert.deepEqual([e.features, e.rowCount], [['a', 'region'], 4]);
  assert.ok(Math.abs(e.expectedValue - (0.5 - 0.9 + 0.35)) < 1e-15);
  const expected = [1.1, 0.35, 1.7, -0.35, 1.9, -0.75, -1.1, -0.35];
  for (const [k, v] of expected.entries()) assert.ok(Math.abs((e.values[k] as number) - v) < 1e-12, `entry ${k}: ${e.values[k]} vs ${v}`);
  const none = additiveExplanation(logistic, handFrame, handFrame.take(new Int32Array(0)));
  assert.equal(none.expectedValue, 0.5);
  assert.deepEqual(none.values, additiveTerms(logistic, handFrame).values);
  const scorecard = { ...envelope, kind: 'scorecard', body: handScorecard } as unknown as CredoModel;
  const s = additiveExplanation(scorecard, handFrame);
  // mean term (0.5 + 0.25 − 1 + 2)/4 = 0.4375
  assert.equal(s.method, 'scorecard-points');
  assert.equal(s.expectedValue, -1 + 0.4375);
  assert.deepEqual(Array.from(s.values), [0.0625, -0.1875, -1.4375, 1.5625]);
});

test('bin moves: nearest value in each bin, bounds drop bins, specials and missing cannot move, scale ≤ 0 counts as 1', () => {
  const c = { spec: { feature: 'a', type: 'number' as const, splits: [-1, 0, 2], specials: [-9] }, woe: [0.5, 0.25, -0.25, -0.5, 1, 0], coefficient: -2 };
  const moves = binMoves(c, 1, 0.5, 3, -10, 10);
  assert.deepEqual(
    moves.map((m) => [m.bin, m.term]),
    [
      [0, -1],
      [1, -0.5],
      [2, 0.5],
      [3, 1],
    ],
  );
  // from 1 (bin 2, [0, 2)): bin 0 ends just below −1, bin 1 just below 0, bin 3 starts at 2
  assert.equal(moves[0]?.target, -1 - 2 ** -52);
  assert.equal(moves[1]?.target, -(2 ** -1074));
  assert.deepEqual([moves[2]?.target, moves[2]?.cost], [1, 0]);
  assert.deepEqual([moves[3]?.target, moves[3]?.cost], [2, 6]);
  assert.ok(Math.abs((moves[0]?.cost as number) - (3 * (2 + 2 ** -52)) / 0.5) < 1e-12);
  // bins whose nearest value is outside [lower, upper] are dropped; the current bin stays even outside
  assert.deepEqual(
    binMoves(c, 1, 1, 1, -0.5, 1.5).map((m) => m.bin),
    [1, 2],
  );
  assert.deepEqual(
    binMoves(c, 1, 1, 1, 1.5, 1.6).map((m) => m.bin),
    [2],
  );
  // a positive split: just below 3 from above
  const up = binMoves({ ...c, spec: { ...c.spec, splits: [3] } }, 5, 0, 1, 0, 10);
  assert.deepEqual(
    up.map((m) => [m.bin, m.target, m.cost]),
    [
      [0, 3 - 2 * 2 ** -52, 2 + 2 * 2 ** -52],
      [1, 5, 0],
    ],
  );
  assert.deepEqual(binMoves({ ...c, spec: { ...c.spec, splits: [3] } }, 5, -1, 1, 0, 10)[0]?.cost, 2 + 2 * 2 ** -52);
  // from inside the first bin: it is the current one (cost 0), the others are reached at their nearest value
  assert.deepEqual(
    binMoves(c, -3, 1, 1, -10, 10).map((m) => [m.bin, m.target, m.cost]),
    [
      [0, -3, 0],
      [1, -1, 2],
      [2, 0, 3],
      [3, 2, 5],
    ],
  );
  // a target exactly on a bound is allowed (bounds are inclusive)
  assert.deepEqual(
    binMoves(c, 1, 1, 1, 2, 10).map((m) => m.bin),
    [2, 3],
  );
  assert.deepEqual(
    binMoves(c, 1, 1, 1, -1 - 2 ** -52, -1 - 2 ** -52).map((m) => m.bin),
    [0, 2],
  );
  assert.deepEqual(binMoves(c, -9, 1, 1, -10, 10), []);
  assert.deepEqual(binMoves(c, Number.NaN, 1, 1, -10, 10), []);
  // a value equal to a split is in the bin it starts
  assert.deepEqual(binMoves(c, 0, 1, 1, -10, 10).find((m) => m.cost === 0)?.bin, 2);
});

test('scorecard counterfactual without the solver: approved already, no movable value, nothing to gain; categorical refused', async () => {
  const body = handScorecard as unknown as Parameters<typeof scorecardCounterfactual>[0];
  const one = Float64Array.of(1);
  const wide = (v: number) => Float64Array.of(v);
  assert.deepEqual(await scorecardCounterfactual(body, [0.7], -2, -1, [0], one, one, wide(-10), wide(10)), { changes: [], cost: 0, marginAfter: -2 });
  // missing or special values have no moves
  assert.equal(await scorecardCounterfactual(body, [Number.NaN], 0, -1, [0], one, one, wide(-10), wide(10)), null);
  assert.equal(await scorecardCounterfactual(body, [-1], 0, -1, [0], one, one, wide(-10), wide(10)), null);
  // nothing actionable
  assert.equal(await scorecardCounterfactual(body, [0.7], 0, -1, [], one, one, wide(-10), wide(10)), null);
  const categorical = {
    ...body,
    characteristics: [{ feature: 'g', spec: { feature: 'g', type: 'category' }, woe: [], coefficient: 1 }],
  } as unknown as typeof body;
  await assert.rejects(
    scorecardCounterfactual(categorical, [0], 0, -1, [0], one, one, wide(-10), wide(10)),
    (e: unknown) =>
      e instanceof CredoError && e.code === 'E_EXPLAIN_ACTIONABLE' && e.message === 'actionable feature "g": only numeric characteristics can be changed',
  );
  await assert.rejects(scorecardCounterfactual(body, [0], 0, -1, [3], one, one, wide(-10), wide(10)), /actionable feature "3": only numeric characteristics/);
  // all WOE terms 0 and the rest of the logit above the cutoff: no bin can help
  const flat = { ...body, characteristics: [{ ...handScorecard.characteristics[0], woe: [0, 0, 0, 0] }] } as unknown as typeof body;
  assert.equal(await scorecardCounterfactual(flat, [0.7], 0, -1, [0], one, one, wide(-10), wide(10)), null);
});
