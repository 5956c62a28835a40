import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import type { CredoModel } from '../ml/model.js';
import { saveEnsemble, type TreeEnsemble } from '../ml/tree/index.js';
import { actionableIndices, marginIsLogOdds, modelCounterfactual } from './model-counterfactual.js';

const envelope = { schema: { columns: [] }, target: 'bad', params: {}, metrics: {}, createdAt: '' };
// logit = 2·a − b (+ 0.8 when b is missing, b then at its fill 1) + region effect
const logisticBody = {
  version: 1,
  intercept: 0,
  terms: [
    { feature: 'a', type: 'number', coefficient: 2, fill: 0.5 },
    { feature: 'b', type: 'number', coefficient: -1, fill: 1, missing: 0.8 },
    { feature: 'region', type: 'category', reference: 'n', levels: { s: 0.3 } },
  ],
};
const logistic = { ...envelope, kind: 'logistic', body: logisticBody } as unknown as CredoModel;
const names = ['a', 'b', 'region'];
const wide = (v: number) => Float64Array.of(v, v, v);
const options = (actionable: number[], cutoffMargin = 0) => ({
  actionable,
  cutoffMargin,
  scale: wide(1),
  weight: wide(1),
  lower: wide(-10),
  upper: wide(10),
});
const stump: TreeEnsemble = {
  trees: [
    {
      feature: Int32Array.from([0, -1, -1]),
      threshold: Float64Array.from([0.5, 0, 0]),
      left: Int32Array.from([1, -1, -1]),
      right: Int32Array.from([2, -1, -1]),
      defaultLeft: Uint8Array.from([0, 0, 0]),
      categoryStart: Int32Array.from([-1, -1, -1]),
      categoryCount: Int32Array.from([0, 0, 0]),
      categories: new Int32Array(0),
      value: Float64Array.from([0, -1, 1]),
      cover: Float64Array.from([2, 1, 1]),
      gain: Float64Array.from([1, 0, 0]),
    },
  ],
  features: [
    { name: 'a', type: 'number' },
    { name: 'grade', type: 'category', categories: ['A'] },
  ],
  baseScore: 0,
  objective: 'binary',
  averaging: false,
  inputPrecision: 'float64',
};
const gbdt = { ...envelope, kind: 'gbdt', body: { ensemble: saveEnsemble(stump) } } as unknown as CredoModel;

test('logistic: the cheapest feature moves first; a missing value whose indicator raises the margin is supplied at its fill', async () => {
  // a = 1, b missing: margin = 2 − 1 + 0.8 = 1.8; supplying b = 1 removes the 0.8 → 1.0 left, a moves by 0.5 (cost 0.5 per margin unit vs 1 for b)
  const result = await modelCounterfactual(logistic, names, Float64Array.of(1, Number.NaN, 0), 1.8, options([0, 1]));
  assert.ok(result !== null);
  assert.deepEqual(
    result.changes.map((c) => [c.feature, c.from]),
    [
      ['a', 1],
      ['b', Number.NaN],
    ],
  );
  assert.ok(Math.abs((result.changes[0]?.to as number) - 0.5) < 1e-8);
  assert.equal(result.changes[1]?.to, 1);
  assert.ok(Math.abs(result.cost - 0.5) < 1e-8);
  assert.ok(result.marginAfter < 0 && result.marginAfter > -1e-8, `margin after ${result.marginAfter}`);
  // an SVM's logistic form takes the same path
  const svm = { ...envelope, kind: 'svm', body: { logit: logisticBody } } as unknown as CredoModel;
  assert.deepEqual(await modelCounterfactual(svm, names, Float64Array.of(1, Number.NaN, 0), 1.8, options([0, 1])), result);
});

test('logistic: a supplied value that the search also moves, a missing value that lowers the margin stays, no room → null', async () => {
  // only b actionable: supplied at 1 (margin 1.0 without the indicator), then raised by 1 to 2 → margin ≈ 0
  const onlyB = await modelCounterfactual(logistic, names, Float64Array.of(1, Number.NaN, 0), 1.8, options([1]));
  assert.ok(onlyB !== null && onlyB.changes.length === 1);
  assert.equal(onlyB.changes[0]?.feature, 'b');
  assert.ok(Number.isNaN(onlyB.changes[0]?.from));
  assert.ok(Math.abs((onlyB.changes[0]?.to as number) - 2) < 1e-8);
  assert.ok(Math.abs(onlyB.cost - 1) < 1e-8, 'the cost counts the move from the fill value');
  assert.ok(Math.abs(onlyB.marginAfter) < 1e-8);
  // indicator −0.8 (missing lowers the margin): b stays missing and fixed, only a moves
  const lowering = {
    ...logistic,
    body: { ...logisticBody, terms: [logisticBody.terms[0], { ...logisticBody.terms[1], missing: -0.8 }, logisticBody.terms[2]] },
  } as unknown as CredoModel;
  const kept = await modelCounterfactual(lowering, names, Float64Array.of(1, Number.NaN, 0), 0.2, options([0, 1]));
  assert.ok(kept !== null);
  assert.deepEqual(
    kept.changes.map((c) => c.feature),
    ['a'],
  );
  assert.ok(Math.abs((kept.changes[0]?.to as number) - 0.9) < 1e-8);
  // no indicator at all: also fixed
  const plain = {
    ...logistic,
    body: { ...logisticBody, terms: [logisticBody.terms[0], { ...logisticBody.terms[1], missing: undefined }, logisticBody.terms[2]] },
  } as unknown as CredoModel;
  assert.equal(await modelCounterfactual(plain, names, Float64Array.of(1, Number.NaN, 0), 0.2, options([1])), null);
  // …while the other feature still moves (b stays missing and fixed: with no indicator there is nothing to remove)
  const aMoves = await modelCounterfactual(plain, names, Float64Array.of(1, Number.NaN, 0), 0.2, options([0, 1]));
  assert.deepEqual(
    aMoves?.changes.map((c) => c.feature),
    ['a'],
  );
  assert.ok(Math.abs((aMoves?.changes[0]?.to as number) - 0.9) < 1e-8);
  // an indicator of exactly 0 is not supplied either
  const zeroIndicator = {
    ...logistic,
    body: { ...logisticBody, terms: [logisticBody.terms[0], { ...logisticBody.terms[1], missing: 0 }, logisticBody.terms[2]] },
  } as unknown as CredoModel;
  assert.deepEqual(
    (await modelCounterfactual(zeroIndicator, names, Float64Array.of(1, Number.NaN, 0), 0.2, options([0, 1])))?.changes.map((c) => c.feature),
    ['a'],
  );
  // a present value is not "supplied" even when its term has an indicator
  const present = await modelCounterfactual(logistic, names, Float64Array.of(1, 2, 0), 0.5, options([1]));
  assert.ok(present !== null && Math.abs((present.changes[0]?.to as number) - 2.5) < 1e-8 && present.changes[0]?.from === 2);
  assert.equal(await modelCounterfactual(logistic, names, Float64Array.of(1, 2, 0), 0.5, { ...options([0]), lower: wide(0.9) }), null);
});

test('trees, scorecards and other families are dispatched by kind', async () => {
  // the stump row a = 0.2 has margin −1, already below the cutoff 0: the tree search answers without moving
  const tree = await modelCounterfactual(gbdt, ['a', 'grade'], Float64Array.of(0.2, 0), -1, options([0]));
  assert.deepEqual(tree, { changes: [], cost: 0, marginBefore: -1, marginAfter: -1, row: Float64Array.of(0.2, 0) });
  const forest = { ...envelope, kind: 'forest', body: { ensemble: saveEnsemble(stump) } } as unknown as CredoModel;
  assert.equal((await modelCounterfactual(forest, ['a', 'grade'], Float64Array.of(0.2, 0), -1, options([0])))?.cost, 0);
  // a scorecard row whose only actionable value is missing has no move at all: null without calling the solver
  const scorecard = {
    ...envelope,
    kind: 'scorecard',
    body: { intercept: 0, characteristics: [{ feature: 'a', spec: { type: 'number', splits: [0.5], specials: [] }, woe: [0.2, -0.2], coefficient: 1 }] },
  } as unknown as CredoModel;
  assert.equal(await modelCounterfactual(scorecard, ['a'], Float64Array.of(Number.NaN), 1, options([0])), null);
  const mlp = { ...envelope, kind: 'mlp', body: {} } as unknown as CredoModel;
  await assert.rejects(
    modelCounterfactual(mlp, names, wide(0), 1, options([0])),
    (e: unknown) =>
      e instanceof CredoError &&
      e.code === 'E_MODEL_KIND' &&
      e.message === 'model kind "mlp" cannot be used here: counterfactuals need a tree, logistic, SVM or scorecard model',
  );
});

test('actionable names: indices in model order, refused when unknown, protected, categorical or the family has no counterfactual', () => {
  assert.deepEqual(actionableIndices(logistic, names, ['b', 'a']), [1, 0]);
  assert.deepEqual(actionableIndices(gbdt, ['a', 'grade'], ['a']), [0]);
  const svm = { ...envelope, kind: 'svm', body: { logit: logisticBody } } as unknown as CredoModel;
  assert.deepEqual(actionableIndices(svm, names, ['a']), [0]);
  const refused = (problem: string, feature: string) => (e: unknown) =>
    e instanceof CredoError && e.code === 'E_EXPLAIN_ACTIONABLE' && e.message === `actionable feature "${feature}": ${problem}`;
  assert.throws(() => actionableIndices(logistic, names, ['c']), refused('the model has no such feature (features: a, b, region)', 'c'));
  assert.throws(() => actionableIndices(logistic, names, ['region']), refused('only numeric features can be changed', 'region'));
  assert.throws(() => actionableIndices(svm, names, ['region']), refused('only numeric features can be changed', 'region'));
  assert.throws(() => actionableIndices(gbdt, ['a', 'grade'], ['grade']), refused('only numeric features can be changed', 'grade'));
  assert.throws(() => actionableIndices(logistic, names, ['a'], ['a']), refused('a protected attribute can never be a proposed change', 'a'));
  assert.throws(
    () => actionableIndices(logistic, ['a', 'marital_status'], ['marital_status']),
    refused('a protected attribute can never be a proposed change', 'marital_status'),
  );
  const scorecard = {
    ...envelope,
    kind: 'scorecard',
    body: {
      characteristics: [
        { feature: 'a', spec: { type: 'number' } },
        { feature: 'g', spec: { type: 'category' } },
      ],
    },
  } as unknown as CredoModel;
  assert.deepEqual(actionableIndices(scorecard, ['a', 'g'], ['a']), [0]);
  assert.throws(() => actionableIndices(scorecard, ['a', 'g'], ['g']), refused('only numeric features can be changed', 'g'));
  const forest = { ...envelope, kind: 'forest', body: { ensemble: saveEnsemble(stump) } } as unknown as CredoModel;
  assert.deepEqual(actionableIndices(forest, ['a', 'grade'], ['a']), [0]);
  for (const kind of ['mlp', 'ensemble'])
    assert.throws(
      () => actionableIndices({ ...logistic, kind } as CredoModel, names, []),
      (e: unknown) => e instanceof CredoError && e.code === 'E_MODEL_KIND' && (e.details as { kind: string }).kind === kind,
    );
  assert.deepEqual(actionableIndices(logistic, names, []), []);
  assert.throws(
    () => actionableIndices({ ...logistic, kind: 'mlp' } as CredoModel, names, ['a']),
    (e: unknown) =>
      e instanceof CredoError && e.message === 'model kind "mlp" cannot be used here: counterfactuals need a tree, logistic, SVM or scorecard model',
  );
  // a forest saved without its trees has no feature types: refused, not a crash
  const emptyForest = { ...envelope, kind: 'forest', body: null } as unknown as CredoModel;
  assert.throws(() => actionableIndices(emptyForest, ['a'], ['a']), refused('only numeric features can be changed', 'a'));
  // a name past the model's own features (the caller's list is longer) is refused, not a crash
  for (const model of [logistic, svm, gbdt, forest, scorecard])
    assert.throws(() => actionableIndices(model, [...names, 'x', 'y', 'z'], ['z']), refused('only numeric features can be changed', 'z'));
});

test('margins are log-odds except for regression tree ensembles', () => {
  assert.equal(marginIsLogOdds(logistic), true);
  assert.equal(marginIsLogOdds(gbdt), true);
  assert.equal(
    marginIsLogOdds({ ...envelope, kind: 'gbdt', body: { ensemble: saveEnsemble({ ...stump, objective: 'regression' }) } } as unknown as CredoModel),
    false,
  );
  assert.equal(
    marginIsLogOdds({ ...envelope, kind: 'forest', body: { ensemble: saveEnsemble({ ...stump, objective: 'regression' }) } } as unknown as CredoModel),
    false,
  );
  assert.equal(marginIsLogOdds({ ...envelope, kind: 'forest', body: null } as unknown as CredoModel), true);
});
