// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { treeExplainerFor } from '../src/explain/index.js';
import { explainRowsSync, rowMajorInput } from '../src/explain/tree-explainer.js';
import { closeDuckDb, readFrame, writeFrame } from '../src/io/index.js';
import { loadModel } from '../src/io/model-file.js';
import { forestModelBody, predictForestPd, trainForest } from '../src/ml/forest/index.js';
import { creditTestFrame } from '../src/ml/gbdt/test-frames.js';
import type { CredoModel } from '../src/ml/model.js';
import { predictPd } from '../src/ml/predict-model.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-learners-'));
after(() => closeDuckDb());

async function credo(...argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

test('forest TreeSHAP: local accuracy on the probability scale', () => {
  const frame = creditTestFrame(800, 81);
  const features = ['delinq', 'bureau', 'noise', 'income', 'region'];
  const r = trainForest(frame, frame.numeric('bad').values, features, { trees: 8, leaves: 16, seed: 2 });
  const model = {
    kind: 'forest',
    schema: frame.select(features).schema(),
    target: 'bad',
    params: {},
    metrics: {},
    createdAt: '',
    body: forestModelBody(r),
  } as CredoModel;
  const explainer = treeExplainerFor(model);
  const rows = frame.slice(0, 40);
  const x = rowMajorInput(explainer.ensemble, rows);
  const phi = explainRowsSync(explainer.compiled, x, rows.rowCount);
  const pd = predictForestPd(forestModelBody(r), rows);
  const p = features.length;
  for (let i = 0; i < rows.rowCount; i++) {
    let sum = explainer.compiled.expectedValue;
    for (let j = 0; j < p; j++) sum += phi[i * p + j]!;
    assert.ok(Math.abs(sum - pd[i]!) < 1e-9, `row ${i}: ${sum} vs ${pd[i]}`);
  }
});

test('train → evaluate → score for forest, mlp, svm and ensemble; model files round-trip', async () => {
  await writeFrame(creditTestFrame(1200, 82), join(dir, 'train.csv'));
  await writeFrame(creditTestFrame(500, 83), join(dir, 'test.csv'));
  const extra: Record<string, string[]> = {
    forest: ['--trees', '20'],
    mlp: ['--hidden', '16'],
    svm: [],
    ensemble: ['--members', 'logistic,forest', '--trees', '10', '--folds', '3'],
  };
  for (const kind of ['forest', 'mlp', 'svm', 'ensemble']) {
    const out = `${kind}.json`;
    const trained = await credo(
      'train',
      '--data',
      'train.csv',
      '--target',
      'bad',
      '--categorical',
      'region',
      '--model',
      kind,
      ...extra[kind]!,
      '--out',
      out,
      '--json',
    );
    assert.equal(trained.code, 0, trained.err);
    const summary = JSON.parse(trained.out);
    assert.equal(summary.kind, kind);
    assert.ok(summary.train.auc > 0.75, `${kind} train AUC ${summary.train.auc}`);
    const model = await loadModel<CredoModel>(join(dir, out));
    assert.equal(model.kind, kind);
    const evaluated = await credo('evaluate', '--model', out, '--data', 'test.csv', '--target', 'bad', '--json');
    assert.equal(evaluated.code, 0, evaluated.err);
    assert.ok(JSON.parse(evaluated.out).auc > 0.75, `${kind} holdout AUC`);
    const scored = await credo('score', '--model', out, '--data', 'test.csv', '--out', `${kind}-scores.csv`);
    assert.equal(scored.code, 0, scored.err);
    const scores = await readFrame(join(dir, `${kind}-scores.csv`));
    const test = await readFrame(join(dir, 'test.csv'), { types: { region: 'category' } });
    const pd = predictPd(model, test);
    const column = scores.names.find((n) => n === 'pd');
    assert.ok(column !== undefined, `score columns ${scores.names}`);
    const written = scores.numeric('pd').values;
    for (let i = 0; i < 20; i++) assert.ok(Math.abs(written[i]! - pd[i]!) < 1e-6);
  }
  // explanations of a forest (probability scale) and an SVM (its logistic form) report the model's own PD
  const test = await readFrame(join(dir, 'test.csv'), { types: { region: 'category' } });
  for (const kind of ['forest', 'svm']) {
    const explained = await credo('explain', '--model', `${kind}.json`, '--data', 'test.csv', '--row', '3', '--threads', '1', '--json');
    assert.equal(explained.code, 0, explained.err);
    const model = await loadModel<CredoModel>(join(dir, `${kind}.json`));
    const row = JSON.parse(explained.out);
    assert.ok(Math.abs(row.pd - predictPd(model, test)[3]!) < 1e-9, `${kind}: explained PD ${row.pd}`);
    const sum = row.contributions.reduce((acc: number, c: { contribution: number }) => acc + c.contribution, row.expected_value);
    assert.ok(Math.abs(sum - row.margin) < 1e-9, `${kind}: local accuracy`);
  }
  // permutation Shapley of an MLP and an ensemble on worker threads: the same file bytes on 1 and 2 threads
  for (const kind of ['mlp', 'ensemble']) {
    const files: string[] = [];
    for (const threads of ['1', '2']) {
      const out = `${kind}-shap-${threads}.csv`;
      const explained = await credo(
        'explain',
        '--model',
        `${kind}.json`,
        '--data',
        'test.csv',
        '--samples',
        '4',
        '--background',
        '20',
        '--threads',
        threads,
        '--out',
        out,
      );
      assert.equal(explained.code, 0, explained.err);
      files.push(await readFile(join(dir, out), 'utf8'));
    }
    assert.equal(files[0], files[1], kind);
  }
});

test('compare --json: one entry per model with mean and sd of every metric', async () => {
  await writeFrame(creditTestFrame(700, 84), join(dir, 'cmp.csv'));
  const r = await credo(
    'compare',
    '--data',
    'cmp.csv',
    '--target',
    'bad',
    '--categorical',
    'region',
    '--models',
    'logistic,forest,svm',
    '--folds',
    '3',
    '--json',
  );
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.deepEqual(
    result.models.map((m: { model: string }) => m.model),
    ['logistic', 'forest', 'svm'],
  );
  for (const m of result.models) {
    for (const key of ['auc', 'ks', 'gini', 'precision', 'recall', 'f1', 'brier', 'train_seconds']) {
      assert.equal(typeof m.mean[key], 'number', key);
      assert.equal(typeof m.sd[key], 'number', key);
    }
  }
  const bad = await credo('compare', '--data', 'cmp.csv', '--target', 'bad', '--models', 'logistic,boosted');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /models/);
});

test('tune --out: writes the best model refitted on all rows; a bad budget exits 2', async () => {
  await writeFrame(creditTestFrame(500, 85), join(dir, 'tune.csv'));
  const r = await credo(
    'tune',
    '--model',
    'logistic',
    '--data',
    'tune.csv',
    '--target',
    'bad',
    '--budget',
    '60s',
    '--trials',
    '3',
    '--categorical',
    'region',
    '--out',
    'tuned.json',
    '--json',
  );
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.equal(result.trials.length, 3);
  assert.equal(result.stopped, 'trials');
  const model = await loadModel<CredoModel>(join(dir, 'tuned.json'));
  assert.equal(model.kind, 'logistic');
  assert.equal(model.params.l2, result.best.params.l2);
  const bad = await credo('tune', '--model', 'logistic', '--data', 'tune.csv', '--target', 'bad', '--budget', 'forever');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /budget/);
});

test('model files: mlp, svm and ensemble bodies are checked structurally on load', async () => {
  const { parseModel, serializeModel } = await import('../src/io/model-file.js');
  const mlp = await loadModel<CredoModel>(join(dir, 'mlp.json'));
  assert.equal(parseModel(serializeModel(mlp)).kind, 'mlp');
  if (mlp.kind !== 'mlp') throw new Error('kind');
  const broken = { ...mlp, body: { ...mlp.body, theta: mlp.body.theta.slice(1) } } as CredoModel;
  assert.throws(() => parseModel(serializeModel(broken), 'broken.json'), /body\.theta/);
  const ensemble = await loadModel<CredoModel>(join(dir, 'ensemble.json'));
  if (ensemble.kind !== 'ensemble') throw new Error('kind');
  const nested = { ...ensemble, body: { ...ensemble.body, members: [ensemble, ...ensemble.body.members.slice(1)] } } as CredoModel;
  assert.throws(() => parseModel(serializeModel(nested), 'nested.json'), /member 0/);
});

test('credo train --model forest --max-features/--feature-sampling: the options reach the model; bad values exit 2', async () => {
  await writeFrame(creditTestFrame(600, 84), join(dir, 'rf.csv'));
  const base = ['train', '--data', 'rf.csv', '--target', 'bad', '--categorical', 'region', '--model', 'forest', '--trees', '5', '--seed', '3'];
  const r = await credo(...base, '--max-features', 'sqrt', '--feature-sampling', 'split', '--out', 'rf-split.json');
  assert.equal(r.code, 0, r.err);
  const model = await loadModel<CredoModel>(join(dir, 'rf-split.json'));
  assert.equal(model.kind, 'forest');
  assert.equal(model.params.maxFeatures, 'sqrt');
  assert.equal(model.params.featureSampling, 'split');
  // The CLI model equals the library forest with the same options (up to the model file's float rounding).
  const frame = await readFrame(join(dir, 'rf.csv'), { types: { region: 'category' } });
  const names = model.schema.columns.map((c) => c.name);
  const direct = trainForest(frame, frame.numeric('bad').values, names, {
    trees: 5,
    seed: 3,
    maxFeatures: 'sqrt',
    featureSampling: 'split',
    minDataInLeaf: Number(model.params.minDataInLeaf),
    leaves: Number(model.params.leaves),
  });
  const fromCli = predictPd(model, frame);
  const fromLibrary = predictForestPd(forestModelBody(direct), frame);
  for (let i = 0; i < frame.rowCount; i++) assert.ok(Math.abs(fromCli[i]! - fromLibrary[i]!) < 1e-12, `row ${i}`);
  const fraction = await credo(...base, '--max-features', '1.0', '--out', 'rf-all.json');
  assert.equal(fraction.code, 0, fraction.err);
  assert.equal((await loadModel<CredoModel>(join(dir, 'rf-all.json'))).params.maxFeatures, 'all');
  for (const bad of ['0', '1.5', 'half', '-2']) {
    const b = await credo(...base, '--max-features', bad, '--out', 'rf-bad.json');
    assert.equal(b.code, 2, bad);
    assert.match(b.err, /--max-features/);
  }
});
