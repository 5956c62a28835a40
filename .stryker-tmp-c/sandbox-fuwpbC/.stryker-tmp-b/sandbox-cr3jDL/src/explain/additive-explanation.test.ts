// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import { predictLogisticLogit, trainLogisticModel } from '../ml/linear/index.js';
import type { CredoModel } from '../ml/model.js';
import { predictScorecardLogit, scorecardPoints, trainScorecard } from '../ml/scorecard/index.js';
import { Rng } from '../random/index.js';
import { additiveExplanation } from './additive-explanation.js';
import { binMoves, scorecardCounterfactual } from './scorecard-counterfactual.js';

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
        if ((logit[i] as number) - currentTerms + terms < cutoffMargin - 1e-9 * Math.max(1, Math.abs(cutoffMargin))) best = Math.min(best, cost);
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
