// @ts-nocheck
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { randomTreeEnsemble } from '../../src/explain/random-tree-ensemble.js';
import { categoryFromLabels, Frame, numericColumn } from '../../src/frame/index.js';
import { importLightgbm, importXgboost } from '../../src/ml/gbdt/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { saveEnsemble } from '../../src/ml/tree/index.js';
import { Rng } from '../../src/random/index.js';
import { compileModelSql } from '../../src/sql/index.js';
import { repoPath } from '../repo-root.js';
import { type TestEngine, testEngines } from './engines.js';
import { assertModelParity } from './parity.js';

let engines: TestEngine[] = [];
before(async () => {
  engines = await testEngines();
});
after(async () => {
  for (const e of engines) await e.close();
});

/** The fixture CSVs: empty = missing; `categorical` columns become categories; a `row_id` key is added. */
function csvFrame(text: string, categorical: readonly string[] = []): Frame {
  const lines = text.trim().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const columns = header.map((name, j) =>
    categorical.includes(name)
      ? categoryFromLabels(
          name,
          rows.map((r) => (r[j] === '' ? null : r[j]!)),
        )
      : numericColumn(
          name,
          Float64Array.from(rows, (r) => (r[j] === '' ? Number.NaN : Number(r[j]))),
        ),
  );
  return new Frame([
    numericColumn(
      'row_id',
      Float64Array.from(rows, (_, i) => i),
    ),
    ...columns,
  ]);
}

test('imported XGBoost models (float32 inputs, categorical splits) score in SQL as in-process', async () => {
  for (const [name, categorical] of [
    ['binary', []],
    ['categorical', ['region']],
  ] as const) {
    const read = (file: string) => readFileSync(repoPath('test', 'fixtures', 'xgboost', file), 'utf8');
    const model = importXgboost(read(`${name}.json`), { file: `${name}.json`, createdAt: '2026-01-01T00:00:00Z' });
    assert.equal(model.body.ensemble.inputPrecision, 'float32');
    const frame = csvFrame(read(`${name}-input.csv`), categorical);
    for (const engine of engines) {
      await engine.load(`xgb ${name}`, frame);
      await assertModelParity(engine, model, frame, `xgb ${name}`, `${engine.name} xgboost ${name}`);
    }
  }
});

test('an imported LightGBM model (zero-as-missing, categorical bitsets, default-left) scores in SQL as in-process', async () => {
  const text = readFileSync(repoPath('test', 'fixtures', 'lightgbm', 'small.txt'), 'utf8');
  const model = importLightgbm(text, { file: 'small.txt', createdAt: '2026-01-01T00:00:00Z' });
  const nan = Number.NaN;
  const rows: [number, number, string | null][] = [
    [0.5, 0, '1'],
    [nan, nan, '3'],
    [0.6, 1e-36, '3'],
    [2, 0.5, '2'],
    [0.5000000000000001, -0.1, null],
    [3, 2, '5'],
    [0.5, -1e-36, '0'],
    [-4, 1e-35, 'never seen'],
  ];
  const frame = new Frame([
    numericColumn(
      'row_id',
      Float64Array.from(rows, (_, i) => i),
    ),
    numericColumn(
      'x',
      Float64Array.from(rows, (r) => r[0]),
    ),
    numericColumn(
      'z',
      Float64Array.from(rows, (r) => r[1]),
    ),
    categoryFromLabels(
      'cat',
      rows.map((r) => r[2]),
    ),
  ]);
  for (const engine of engines) {
    await engine.load('lgb', frame);
    await assertModelParity(engine, model, frame, 'lgb', `${engine.name} lightgbm`);
  }
});

test('a 500-tree × 31-leaf model compiles (staged, sums in batches of ≤ 50) and runs with in-process pd', async () => {
  const ensemble = randomTreeEnsemble({ seed: 5, features: 12, categorical: 2, trees: 500, maxDepth: 5, leafProbability: 0.02 });
  const leaves = ensemble.trees.reduce((s, t) => s + t.feature.filter((f) => f < 0).length, 0) / ensemble.trees.length;
  assert.ok(leaves >= 28 && leaves <= 32, `mean leaves ${leaves}`);
  // Leaf values scaled down so the margin stays in a range where pd is not 0 or 1 for every row.
  const saved = saveEnsemble({ ...ensemble, trees: ensemble.trees.map((t) => ({ ...t, value: t.value.map((v) => v * 0.05) })) });
  const model: CredoModel = {
    kind: 'gbdt',
    schema: {
      columns: ensemble.features.map((f) =>
        f.type === 'number' ? { name: f.name, type: 'number' } : { name: f.name, type: 'category', categories: [...(f.categories ?? [])] },
      ),
    },
    target: 'bad',
    params: {},
    metrics: {},
    createdAt: '',
    body: { ensemble: saved, bestIteration: 500, treesTrained: 500, source: 'credo' },
  };
  const rng = new Rng(9);
  const n = 40;
  const columns = ensemble.features.map((f) =>
    f.type === 'number'
      ? numericColumn(
          f.name,
          Float64Array.from({ length: n }, (_, i) => (i % 9 === 0 ? Number.NaN : rng.nextNormal() * 0.6)),
        )
      : categoryFromLabels(
          f.name,
          Array.from({ length: n }, (_, i) => (i % 8 === 0 ? null : i % 7 === 0 ? 'c9' : `c${i % 4}`)),
        ),
  );
  const frame = new Frame([
    numericColumn(
      'row_id',
      Float64Array.from({ length: n }, (_, i) => i),
    ),
    ...columns,
  ]);
  const sql = compileModelSql(model, { treesPerStage: 200 });
  assert.equal(sql.stages, 3);
  assert.equal(sql.layout, 'single');
  for (const engine of engines) {
    await engine.load('big', frame);
    await assertModelParity(engine, model, frame, 'big', `${engine.name} 500 trees`, { treesPerStage: 200 });
  }
});
