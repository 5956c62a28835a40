// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCli } from '../src/cli/run-cli.js';
import { writeFrame } from '../src/io/index.js';
import { saveModel } from '../src/io/model-file.js';
import { saveEnsembleForModel, trainGbdt } from '../src/ml/gbdt/index.js';
import type { CredoModel } from '../src/ml/model.js';
import { predictPd, predictScore } from '../src/ml/predict-model.js';
import { generateWorld } from '../src/synth/index.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-strategy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const features = ['bureau_score', 'dti', 'delinq_30d_12m', 'inquiries_3m', 'revolving_utilization'];
const world = generateWorld({ rows: 6000, seed: 5 }).applications.select([...features, 'true_bad', 'bad', 'segment']);
const result = trainGbdt({ frame: world.select([...features, 'true_bad']), target: 'true_bad' }, { trees: 15, leaves: 8, seed: 1 });
const model: CredoModel = {
  kind: 'gbdt',
  schema: world.select(features).schema(),
  target: 'true_bad',
  params: {},
  metrics: {},
  createdAt: '2026-01-01T00:00:00Z',
  body: saveEnsembleForModel(result),
};

test('score(model), pd(model) and the cutoff load the model relative to the strategy file', async () => {
  await saveModel(model, join(dir, 'champion.json'));
  await writeFrame(world, join(dir, 'apps.csv'));
  writeFileSync(
    join(dir, 'model-policy.yaml'),
    'name: model-policy\nmodels:\n  champion: champion.json\nrules:\n  - id: low_score\n    when: score(champion) < 520\n    action: decline\ncutoff:\n  model: champion\n  pd_above: 0.1\n',
  );
  let out = '';
  let err = '';
  const code = await runCli(commands, ['rules', 'lift', '--data', 'apps.csv', '--rules', 'model-policy.yaml', '--target', 'true_bad', '--json'], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    interactive: false,
    cwd: dir,
  });
  assert.equal(code, 0, err);
  const rows = JSON.parse(out).segments.ALL as { rule: string; touched: number }[];
  const pd = predictPd(model, world.select(features));
  // rules see the whole-point score `credo score` writes
  const score = predictScore(model, pd);
  let lowScore = 0;
  let cutoff = 0;
  for (let i = 0; i < pd.length; i++) {
    if ((score[i] as number) < 520) lowScore++;
    else if ((pd[i] as number) > 0.1) cutoff++;
  }
  assert.deepEqual(
    rows.map((r) => [r.rule, r.touched]),
    [
      ['baseline', 6000],
      ['low_score', lowScore],
      ['cutoff', cutoff],
    ],
  );
  assert.ok(lowScore > 0 && cutoff > 0, `${lowScore} ${cutoff}`);
  // A model file as the score of reject inference (its PD), resolved against the working folder.
  out = '';
  const swap = await runCli(
    commands,
    ['swapset', '--data', 'apps.csv', '--old', 'model-policy.yaml', '--new', 'model-policy.yaml', '--infer', 'fuzzy:champion.json', '--json'],
    { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false, cwd: dir },
  );
  assert.equal(swap, 0, err);
  const allOut = JSON.parse(out).segments.ALL.cells.all_out;
  assert.equal(allOut.count, lowScore + cutoff);
  assert.match(allOut.source, /fuzzy \(logistic on champion\.json\)/);
});
