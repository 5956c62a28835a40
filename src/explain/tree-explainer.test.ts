import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { saveEnsemble, type Tree, type TreeEnsemble } from '../ml/tree/index.js';
import { ensembleOf, explainRowsSync, rowMajorInput, treeExplainerFor, treeExplainerOf } from './tree-explainer.js';

// one stump on `util` (< 0.5: −1 over 3 training rows, else 2 over 1 row); `grade` is a second, unused feature
const stump: Tree = {
  feature: Int32Array.from([0, -1, -1]),
  threshold: Float64Array.from([0.5, 0, 0]),
  left: Int32Array.from([1, -1, -1]),
  right: Int32Array.from([2, -1, -1]),
  defaultLeft: Uint8Array.from([1, 0, 0]),
  categoryStart: Int32Array.from([-1, -1, -1]),
  categoryCount: Int32Array.from([0, 0, 0]),
  categories: new Int32Array(0),
  value: Float64Array.from([-0.25, -1, 2]),
  cover: Float64Array.from([4, 3, 1]),
  gain: Float64Array.from([1, 0, 0]),
};
const ensemble: TreeEnsemble = {
  trees: [stump],
  features: [
    { name: 'util', type: 'number' },
    { name: 'grade', type: 'category', categories: ['A', 'B'] },
  ],
  baseScore: 0.5,
  objective: 'binary',
  averaging: false,
  inputPrecision: 'float64',
};

const envelope = { schema: { columns: [] }, target: 'bad', params: {}, metrics: {}, createdAt: '' };
const gbdt = { ...envelope, kind: 'gbdt', body: { ensemble: saveEnsemble(ensemble) } } as unknown as CredoModel;

test('ensembleOf: the ensemble of gbdt and forest models, undefined for other kinds and forests without one', () => {
  const fromGbdt = ensembleOf(gbdt);
  assert.ok(fromGbdt !== undefined);
  assert.deepEqual(Array.from(fromGbdt.trees[0]?.value ?? []), [-0.25, -1, 2]);
  assert.equal(fromGbdt.baseScore, 0.5);
  const forest = { ...envelope, kind: 'forest', body: { ensemble: saveEnsemble({ ...ensemble, averaging: true }) } } as unknown as CredoModel;
  assert.equal(ensembleOf(forest)?.averaging, true);
  assert.equal(ensembleOf({ ...forest, body: null } as unknown as CredoModel), undefined);
  assert.equal(ensembleOf({ ...forest, body: {} } as unknown as CredoModel), undefined);
  assert.equal(ensembleOf({ ...forest, body: 'ensemble' } as unknown as CredoModel), undefined);
  assert.equal(ensembleOf({ ...gbdt, kind: 'logistic' } as CredoModel), undefined);
});

test('treeExplainerFor compiles once per model object and refuses models without trees', () => {
  const first = treeExplainerFor(gbdt);
  assert.equal(treeExplainerFor(gbdt), first);
  // E[f] = 0.5 + (3·(−1) + 1·2)/4 = 0.25
  assert.equal(first.compiled.expectedValue, 0.25);
  assert.equal(first.compiled.featureCount, 2);
  const copy = { ...gbdt } as CredoModel;
  assert.notEqual(treeExplainerFor(copy), first);
  assert.throws(
    () => treeExplainerFor({ ...gbdt, kind: 'logistic' } as CredoModel),
    (e: unknown) =>
      e instanceof CredoError &&
      e.code === 'E_MODEL_KIND' &&
      e.message === 'model kind "logistic" cannot be used here: TreeSHAP needs a tree model (gbdt, forest, imported XGBoost/LightGBM)',
  );
  // the options reach the compiler: no table with a zero budget
  assert.equal(treeExplainerFor({ ...gbdt } as CredoModel, { tableBudget: 0 }).compiled.table.length, 0);
  assert.ok(treeExplainerOf(ensemble).compiled.table.length > 0);
});

test('rowMajorInput puts row i, feature j at i·p + j in model order, categories as training codes; explainRowsSync gives the stump values', () => {
  // the frame lists the columns in another order, with an unseen label and a missing value
  const frame = new Frame([categoryFromLabels('grade', ['B', 'C', '', 'A']), numericColumn('util', Float64Array.of(0.2, 0.9, Number.NaN, 0.1))]);
  const x = rowMajorInput(ensemble, frame);
  assert.deepEqual(Array.from(x), [0.2, 1, 0.9, 2, Number.NaN, Number.NaN, 0.1, 0]);
  const values = explainRowsSync(treeExplainerOf(ensemble).compiled, x, 4);
  // φ_util = leaf − E[leaf] = −1 − (−0.25) or 2 − (−0.25); NaN goes left (default); grade never splits
  assert.deepEqual(Array.from(values), [-0.75, 0, 2.25, 0, -0.75, 0, -0.75, 0]);
  // float32 models compare float32-rounded inputs
  const x32 = rowMajorInput(
    { ...ensemble, inputPrecision: 'float32' },
    new Frame([numericColumn('util', Float64Array.of(0.1)), categoryFromLabels('grade', ['A'])]),
  );
  assert.deepEqual(Array.from(x32), [Math.fround(0.1), 0]);
  assert.notEqual(x32[0], 0.1);
});
