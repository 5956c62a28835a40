// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { isCredoError } from '../src/errors/index.js';
import { numericColumn } from '../src/frame/index.js';
import { closeDuckDb, readFrame, writeFrame } from '../src/io/index.js';
import { loadModel, parseModel } from '../src/io/model-file.js';
import { creditTestFrame } from '../src/ml/gbdt/test-frames.js';
import type { CredoModel } from '../src/ml/model.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-gbdt-'));
after(() => closeDuckDb());

async function credo(...argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

test('train → evaluate → score from the CLI; empty targets excluded and counted; tampered model refused', async () => {
  const frame = creditTestFrame(3000, 21);
  // Declined applicants: no outcome. They must be excluded, never treated as good.
  const bad = Float64Array.from(frame.numeric('bad').values, (v, i) => (i % 10 === 0 ? Number.NaN : v));
  await writeFrame(frame.withColumn(numericColumn('bad', bad)), join(dir, 'train.csv'));
  await writeFrame(creditTestFrame(1000, 22), join(dir, 'test.csv'));

  const trained = await credo(
    'train',
    '--data',
    'train.csv',
    '--target',
    'bad',
    '--monotone',
    'delinq:+1',
    '--categorical',
    'region',
    '--trees',
    '40',
    '--leaves',
    '15',
    '--valid-fraction',
    '0.2',
    '--threads',
    '2',
    '--out',
    'm.json',
    '--json',
  );
  assert.equal(trained.code, 0, trained.err);
  const summary = JSON.parse(trained.out);
  assert.equal(summary.excluded_rows, 300);
  assert.equal(summary.rows + summary.valid_rows, 2700);
  assert.match(trained.err, /excluded 300 of 3000 rows with an empty "bad"/);
  assert.ok(summary.best_iteration >= 1 && summary.best_iteration <= 40);
  assert.ok(summary.train.auc > 0.75 && summary.valid.auc > 0.7, JSON.stringify(summary));

  const evaluated = await credo('evaluate', '--model', 'm.json', '--data', 'test.csv', '--target', 'bad', '--threshold', '0.3', '--json');
  assert.equal(evaluated.code, 0, evaluated.err);
  const e = JSON.parse(evaluated.out);
  for (const key of ['auc', 'gini', 'ks', 'ks_threshold', 'logloss', 'brier', 'precision', 'recall', 'f1', 'accuracy', 'confusion', 'gains', 'calibration'])
    assert.ok(key in e, key);
  assert.ok(e.auc > 0.75);
  assert.equal(e.confusion.tp + e.confusion.fp + e.confusion.tn + e.confusion.fn, 1000);

  const scored = await credo('score', '--model', 'm.json', '--data', 'test.csv', '--out', 'scored.csv', '--keys', 'delinq', '--json');
  assert.equal(scored.code, 0, scored.err);
  const out = await readFrame(join(dir, 'scored.csv'));
  assert.deepEqual(out.names, ['delinq', 'pd', 'score']);
  const score = out.numeric('score').values;
  const pd = out.numeric('pd').values;
  for (let i = 0; i < out.rowCount; i++) {
    assert.ok(score[i]! >= 300 && score[i]! <= 850);
    assert.ok(pd[i]! > 0 && pd[i]! < 1);
  }

  // Tampering: change one leaf value without fixing the hash.
  const text = readFileSync(join(dir, 'm.json'), 'utf8');
  const tampered = text.replace(/"value":\[(-?[0-9.e-]+)/, (_m, v: string) => `"value":[${Number(v) + 0.5}`);
  assert.notEqual(tampered, text);
  writeFileSync(join(dir, 'tampered.json'), tampered);
  const refused = await credo('score', '--model', 'tampered.json', '--data', 'test.csv', '--out', 'x.csv');
  assert.equal(refused.code, 2);
  assert.match(refused.err, /tampered\.json.*does not match the recorded/);
  await assert.rejects(loadModel(join(dir, 'tampered.json')), (e: unknown) => isCredoError(e) && e.code === 'E_MODEL_TAMPERED');

  // Unknown version and not-a-model files.
  assert.throws(
    () => parseModel(text.replace('"format_version":1', '"format_version":99'), 'v99.json'),
    (e: unknown) => isCredoError(e) && e.code === 'E_MODEL_VERSION',
  );
  assert.throws(
    () => parseModel('{"hello": 1}', 'h.json'),
    (e: unknown) => isCredoError(e) && e.code === 'E_MODEL_FORMAT',
  );
  assert.throws(
    () => parseModel('[1, 2', 'h.json'),
    (e: unknown) => isCredoError(e) && e.code === 'E_MODEL_FORMAT',
  );

  // Scoring input is validated against the training schema.
  await writeFrame(creditTestFrame(50, 23).drop(['bureau']), join(dir, 'nobureau.csv'));
  const missing = await credo('score', '--model', 'm.json', '--data', 'nobureau.csv', '--out', 'y.csv');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /bureau/);
});

test('credo import --from xgboost writes a loadable model', async () => {
  let root = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  const r = await credo('import', '--from', 'xgboost', join(root, 'test/fixtures/xgboost/binary.json'), '--out', 'imported.json', '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).trees, 20);
  const model = await loadModel<CredoModel>(join(dir, 'imported.json'));
  assert.equal(model.kind, 'gbdt');
});

test('--exact-gradients trains on exact sums: recorded in the model, a different model of about the same quality', async () => {
  await writeFrame(creditTestFrame(20_000, 31), join(dir, 'exact-train.csv'));
  const common = ['train', '--data', 'exact-train.csv', '--target', 'bad', '--trees', '30', '--leaves', '15', '--json'];
  const quantised = await credo(...common, '--out', 'quantised.json');
  const exact = await credo(...common, '--exact-gradients', '--out', 'exact.json');
  assert.equal(quantised.code, 0, quantised.err);
  assert.equal(exact.code, 0, exact.err);
  const q = JSON.parse(readFileSync(join(dir, 'quantised.json'), 'utf8'));
  const e = JSON.parse(readFileSync(join(dir, 'exact.json'), 'utf8'));
  assert.equal(q.params.quantizedGradients, true);
  assert.equal(e.params.quantizedGradients, false);
  assert.notDeepEqual(q.body, e.body);
  const aq = JSON.parse(quantised.out).train.auc;
  const ae = JSON.parse(exact.out).train.auc;
  assert.ok(Math.abs(aq - ae) < 0.005, `train AUC quantised ${aq} vs exact ${ae}`);
});
