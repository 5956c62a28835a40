// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCaptured } from '../../src/cli/run-cli.js';
import { closeDuckDb, readFrame, writeFrame } from '../../src/io/index.js';
import { loadModel } from '../../src/io/model-file.js';
import { creditTestFrame } from '../../src/ml/gbdt/test-frames.js';
import type { CredoModel } from '../../src/ml/model.js';
import { predictRaw } from '../../src/ml/predict-model.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-agnostic-'));
after(() => closeDuckDb());

async function credo(...argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

before(async () => {
  await writeFrame(creditTestFrame(600, 91), join(dir, 'train.csv'));
  await writeFrame(creditTestFrame(60, 92), join(dir, 'apps.csv'));
  const trained = await credo(
    'train',
    '--data',
    'train.csv',
    '--target',
    'bad',
    '--categorical',
    'region',
    '--model',
    'mlp',
    '--hidden',
    '8',
    '--out',
    'mlp.json',
    '--json',
  );
  assert.equal(trained.code, 0, trained.err);
});

test('credo explain --row on an mlp: permutation Shapley values that add up to the margin, same as in the whole-file run', async () => {
  const r = await credo('explain', '--model', 'mlp.json', '--data', 'apps.csv', '--row', '3', '--samples', '16', '--background', '40', '--seed', '5', '--json');
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.equal(result.method, 'shapley-permutation-interventional');
  assert.equal(result.contributions.length, 5);
  const model = await loadModel<CredoModel>(join(dir, 'mlp.json'));
  const apps = await readFrame(join(dir, 'apps.csv'), { types: { region: 'category' } });
  const margin = predictRaw(model, apps.slice(3, 4))[0] as number;
  const sum = result.expected_value + result.contributions.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
  assert.ok(Math.abs(sum - margin) < 1e-9, `${sum} vs ${margin}`);
  assert.ok(Math.abs(result.margin - margin) < 1e-9);
  for (const c of result.contributions) assert.ok(c.standard_error >= 0 && Number.isFinite(c.standard_error));
  // row 3 is a good applicant (no feature pushes toward decline); row 1 is declined with reasons
  for (const reason of result.reasons) assert.ok(reason.contribution > 0);
  const declined = JSON.parse((await credo('explain', '--model', 'mlp.json', '--data', 'apps.csv', '--row', '1', '--samples', '8', '--json')).out);
  assert.ok(declined.pd > 0.5 && declined.reasons.length > 0, 'reason codes work for an mlp');
  for (const reason of declined.reasons) assert.ok(reason.contribution > 0 && /^CR\d\d$/.test(reason.code));
  // the whole-file run gives row 3 the same values (permutation streams are per file row)
  const all = await credo(
    'explain',
    '--model',
    'mlp.json',
    '--data',
    'apps.csv',
    '--out',
    'shap.csv',
    '--samples',
    '16',
    '--background',
    '40',
    '--seed',
    '5',
    '--json',
  );
  assert.equal(all.code, 0, all.err);
  assert.equal(JSON.parse(all.out).method, 'shapley-permutation-interventional');
  const lines = readFileSync(join(dir, 'shap.csv'), 'utf8').trim().split('\n');
  const header = lines[0]?.split(',') ?? [];
  const row3 = lines[4]?.split(',').map(Number) ?? [];
  for (const c of result.contributions) {
    const j = header.indexOf(c.feature);
    assert.ok(Math.abs((row3[j] as number) - c.contribution) < 1e-9, `${c.feature}: ${row3[j]} vs ${c.contribution}`);
  }
  // human output: a table with standard errors
  const text = await credo('explain', '--model', 'mlp.json', '--data', 'apps.csv', '--row', '3', '--samples', '8');
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /standard error/);
});

test('credo score --reasons works for an mlp', async () => {
  const r = await credo('score', '--model', 'mlp.json', '--data', 'apps.csv', '--out', 'scored.csv', '--reasons', '2');
  assert.equal(r.code, 0, r.err);
  const scored = await readFrame(join(dir, 'scored.csv'));
  assert.ok(scored.has('reason_1') && scored.has('reason_text_2'), `columns ${scored.names}`);
});

test('credo explain --row on a stacked ensemble (logistic + forest members)', async () => {
  const trained = await credo(
    'train',
    '--data',
    'train.csv',
    '--target',
    'bad',
    '--categorical',
    'region',
    '--model',
    'ensemble',
    '--members',
    'logistic,forest',
    '--trees',
    '5',
    '--folds',
    '2',
    '--out',
    'ensemble.json',
    '--json',
  );
  assert.equal(trained.code, 0, trained.err);
  const r = await credo('explain', '--model', 'ensemble.json', '--data', 'apps.csv', '--row', '2', '--samples', '8', '--json');
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.equal(result.method, 'shapley-permutation-interventional');
  const model = await loadModel<CredoModel>(join(dir, 'ensemble.json'));
  const apps = await readFrame(join(dir, 'apps.csv'), { types: { region: 'category' } });
  const margin = predictRaw(model, apps.slice(2, 3))[0] as number;
  const sum = result.expected_value + result.contributions.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
  assert.ok(Math.abs(sum - margin) < 1e-9, `${sum} vs ${margin}`);
});
