import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTreeShapRowScratch, explainRowsSync, rowMajorInput, treeExplainerOf, treeShapRow } from '../src/explain/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../src/frame/index.js';
import { parseModel, serializeModel } from '../src/io/model-file.js';
import { importLightgbm, importXgboost } from '../src/ml/gbdt/index.js';
import type { CredoModel } from '../src/ml/model.js';
import { predictRaw } from '../src/ml/predict-model.js';
import { ensembleFromSaved } from '../src/ml/tree/index.js';

/** The repository root (works from dist/ and from private build folders). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}
const fixtures = join(repoRoot(), 'test', 'fixtures', 'xgboost');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

/** Minimal CSV reader for the fixtures: empty = missing; columns named in `categorical` become categories. */
function csvFrame(text: string, categorical: readonly string[] = []): Frame {
  const lines = text.trim().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  return new Frame(
    header.map((name, j) =>
      categorical.includes(name)
        ? categoryFromLabels(
            name,
            rows.map((r) => r[j]!),
          )
        : numericColumn(
            name,
            Float64Array.from(rows, (r) => (r[j] === '' ? Number.NaN : Number(r[j]))),
          ),
    ),
  );
}

for (const [name, categorical] of [
  ['binary', []],
  ['regression', []],
  ['categorical', ['region']],
] as const) {
  test(`XGBoost ${name} model imports with raw margins equal to XGBoost's within 1e-6`, () => {
    const model = importXgboost(read(`${name}.json`), { file: `${name}.json`, createdAt: '2026-01-01T00:00:00Z' });
    const frame = csvFrame(read(`${name}-input.csv`), categorical);
    const expected = csvFrame(read(`${name}-margin.csv`)).numeric('margin').values;
    // Round trip through the model file too.
    const loaded = parseModel<CredoModel>(serializeModel(model));
    const raw = predictRaw(loaded, frame);
    assert.equal(raw.length, expected.length);
    let worst = 0;
    for (let i = 0; i < raw.length; i++) worst = Math.max(worst, Math.abs(raw[i]! - expected[i]!));
    assert.ok(worst <= 1e-6, `max |Credo − XGBoost| = ${worst}`);
    assert.equal(model.body.ensemble.inputPrecision, 'float32');
  });
}

/** An independent row-by-row interpreter of LightGBM text models (tree.h decision rules). */
function lightgbmReference(text: string, row: readonly number[]): number {
  let sum = 0;
  for (const block of text.split(/\nTree=\d+\n/).slice(1)) {
    const kv = new Map(
      block
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const arr = (k: string) =>
      (kv.get(k) ?? '')
        .split(' ')
        .filter((s) => s !== '')
        .map(Number);
    const leafValue = arr('leaf_value');
    if (Number(kv.get('num_leaves')) === 1) {
      sum += leafValue[0]!;
      continue;
    }
    const [feature, threshold, decision, left, right, bounds, bits] = [
      'split_feature',
      'threshold',
      'decision_type',
      'left_child',
      'right_child',
      'cat_boundaries',
      'cat_threshold',
    ].map(arr) as number[][];
    let node = 0;
    while (node >= 0) {
      let x = row[feature![node]!]!;
      const type = decision![node]!;
      const missing = (type >> 2) & 3;
      let goLeft: boolean;
      if (type & 1) {
        if (Number.isNaN(x) || x < 0) goLeft = false;
        else {
          const idx = threshold![node]!;
          const word = bounds![idx]! + Math.floor(x / 32);
          goLeft = word < bounds![idx + 1]! && ((bits![word]! >>> (x % 32)) & 1) === 1;
        }
      } else {
        if (Number.isNaN(x) && missing !== 2) x = 0;
        if ((missing === 1 && Math.abs(x) <= 1e-35) || (missing === 2 && Number.isNaN(x))) goLeft = (type & 2) !== 0;
        else goLeft = x <= threshold![node]!;
      }
      node = goLeft ? left![node]! : right![node]!;
    }
    sum += leafValue[~node]!;
  }
  return sum;
}

test('LightGBM text model imports with raw scores equal to hand-worked values and to a reference interpreter', () => {
  const text = readFileSync(join(repoRoot(), 'test', 'fixtures', 'lightgbm', 'small.txt'), 'utf8');
  const model = parseModel<CredoModel>(serializeModel(importLightgbm(text, { file: 'small.txt', createdAt: '2026-01-01T00:00:00Z' })));
  const nan = Number.NaN;
  const rows: [number, number, string, number][] = [
    [0.5, 0, '1', 0.081],
    [nan, nan, '3', 0.081],
    [0.6, 1e-36, '3', -0.219],
    [2, 0.5, '2', 0.377],
    [0.5000000000000001, -0.1, '', 0.281],
    [3, 2, '5', 0.377],
  ];
  const frame = new Frame([
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
  const raw = predictRaw(model, frame);
  rows.forEach((r, i) => {
    assert.ok(Math.abs(raw[i]! - r[3]) < 1e-12, `row ${i}: ${raw[i]} vs hand-worked ${r[3]}`);
    const code = r[2] === '' ? nan : Number(r[2]);
    assert.ok(Math.abs(raw[i]! - lightgbmReference(text, [r[0], r[1], code])) < 1e-12, `row ${i} vs reference`);
  });
  assert.deepEqual(model.schema.columns[2], { name: 'cat', type: 'category', categories: ['0', '1', '2', '3'] });
});

const lightgbmFixtures = join(repoRoot(), 'test', 'fixtures', 'lightgbm');

// Models trained by LightGBM 4.7.0 itself (test/fixtures/lightgbm/make_fixtures.py) with its raw scores.
for (const [name, categorical] of [
  ['numeric', []],
  ['categorical', ['region']],
  ['zero', []],
  ['nomissing', []],
] as const) {
  test(`LightGBM ${name} model imports with raw margins equal to LightGBM's within 1e-6`, () => {
    const readLgb = (file: string) => readFileSync(join(lightgbmFixtures, file), 'utf8');
    const text = readLgb(`lgb-${name}.txt`);
    const model = parseModel<CredoModel>(serializeModel(importLightgbm(text, { file: `lgb-${name}.txt`, createdAt: '2026-01-01T00:00:00Z' })));
    const input = readLgb(`lgb-${name}-input.csv`);
    const frame = csvFrame(input, categorical);
    const expected = csvFrame(readLgb(`lgb-${name}-margin.csv`)).numeric('margin').values;
    const raw = predictRaw(model, frame);
    assert.equal(raw.length, expected.length);
    let worst = 0;
    for (let i = 0; i < raw.length; i++) worst = Math.max(worst, Math.abs(raw[i]! - expected[i]!));
    assert.ok(worst <= 1e-6, `max |Credo − LightGBM| = ${worst}`);
    // The fixture exercises the routing it is named for (decision_type: bit 0 categorical, bits 2–3 missing type).
    const types = new Set([...text.matchAll(/^decision_type=(.*)$/gm)].flatMap((m) => m[1]!.trim().split(' ').map(Number)));
    const missingTypes = new Set([...types].map((t) => (t >> 2) & 3));
    const expectedType = { numeric: 2, categorical: 2, zero: 1, nomissing: 0 }[name];
    assert.ok(missingTypes.has(expectedType), `${name}: missing types ${[...missingTypes]}`);
    if (name === 'categorical')
      assert.ok(
        [...types].some((t) => (t & 1) === 1),
        'has categorical splits',
      );
    // The independent interpreter agrees row by row as well.
    const rows = input.trim().split('\n').slice(1, 101);
    rows.forEach((line, i) => {
      const values = line.split(',').map((v) => (v === '' ? Number.NaN : Number(v)));
      assert.ok(Math.abs(lightgbmReference(text, values) - expected[i]!) <= 1e-6, `row ${i} reference`);
    });
  });
  test(`LightGBM ${name} model: TreeSHAP values equal LightGBM's own pred_contrib within 1e-9 (batch, one-row and untabulated kernels)`, () => {
    const readLgb = (file: string) => readFileSync(join(lightgbmFixtures, file), 'utf8');
    const model = importLightgbm(readLgb(`lgb-${name}.txt`), { file: `lgb-${name}.txt`, createdAt: '2026-01-01T00:00:00Z' });
    const frame = csvFrame(readLgb(`lgb-${name}-input.csv`), categorical);
    const reference = csvFrame(readLgb(`lgb-${name}-contrib.csv`));
    const ensemble = ensembleFromSaved(model.body.ensemble);
    const p = ensemble.features.length;
    const x = rowMajorInput(ensemble, frame);
    const rows = frame.rowCount;
    for (const options of [{}, { tableBudget: 0 }]) {
      const { compiled } = treeExplainerOf(ensemble, options);
      assert.ok(Math.abs(compiled.expectedValue - reference.numeric('expected_value').values[0]!) <= 1e-9, 'expected value');
      const batch = explainRowsSync(compiled, x, rows);
      const one = new Float64Array(p);
      const scratch = createTreeShapRowScratch(compiled);
      let worst = 0;
      for (let i = 0; i < rows; i++) {
        treeShapRow(compiled, x.subarray(i * p, (i + 1) * p), one, scratch);
        ensemble.features.forEach((f, j) => {
          const expected = reference.numeric(f.name).values[i]!;
          worst = Math.max(worst, Math.abs(batch[i * p + j]! - expected), Math.abs(one[j]! - expected));
        });
      }
      assert.ok(worst <= 1e-9, `${name} ${JSON.stringify(options)}: max |Credo − LightGBM| = ${worst}`);
    }
  });
}

test('import refuses what it cannot represent, naming the file', () => {
  assert.throws(() => importXgboost('{"learner": {}}', { file: 'x.json', createdAt: '' }), /XGBoost model "x.json": booster/);
  assert.throws(() => importXgboost('not json', { file: 'x.json', createdAt: '' }), /not valid JSON/);
  assert.throws(() => importLightgbm('tree\nobjective=multiclass num_class:3\nnum_class=3\n', { file: 'm.txt', createdAt: '' }), /multi-class/);
});
