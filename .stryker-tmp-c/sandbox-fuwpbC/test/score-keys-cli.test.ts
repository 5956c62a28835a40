// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { valueAt } from '../src/frame/index.js';
import { closeDuckDb, readFrame } from '../src/io/index.js';
import { repoPath } from './repo-root.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-score-keys-'));
after(() => closeDuckDb());

async function credo(...argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

test('score --id --policy: rows carry the applicant id and the strategy decision (the old policy reproduces old_decision)', async () => {
  assert.equal((await credo('data', 'synth', '--rows', '1500', '--seed', '5', '--out', 'world.csv')).code, 0);
  const trained = await credo('train', '--model', 'logistic', '--data', 'world.csv', '--target', 'bad', '--features', 'bureau_score,dti', '--out', 'm.json');
  assert.equal(trained.code, 0, trained.err);
  const policy = repoPath('examples', 'strategies', 'old-policy.yaml');
  const r = await credo('score', '--model', 'm.json', '--data', 'world.csv', '--id', 'application_id', '--policy', policy, '--out', 'scored.csv', '--json');
  assert.equal(r.code, 0, r.err);
  const world = await readFrame(join(dir, 'world.csv'));
  const scored = await readFrame(join(dir, 'scored.csv'));
  assert.deepEqual(scored.names, ['application_id', 'pd', 'score', 'decision', 'decision_rule']);
  let declines = 0;
  for (let i = 0; i < world.rowCount; i++) {
    assert.equal(valueAt(scored.column('application_id'), i), valueAt(world.column('application_id'), i));
    assert.equal(valueAt(scored.column('decision'), i), valueAt(world.column('old_decision'), i), `row ${i}`);
    if (valueAt(world.column('old_decision'), i) === 'decline') declines++;
  }
  const summary = JSON.parse(r.out);
  assert.equal(summary.policy, 'old-policy');
  assert.deepEqual(summary.decisions, { approve: world.rowCount - declines, decline: declines, refer: 0 });
  // A row declined by the score cutoff names that rule; approvals name none.
  const rule = scored.column('decision_rule');
  for (let i = 0; i < world.rowCount; i++) {
    const bureau = world.numeric('bureau_score').values[i] as number; // NaN for thin files: no rule on it hits
    if (valueAt(scored.column('decision'), i) === 'approve') assert.equal(valueAt(rule, i), null);
    else if (bureau < 500 && (valueAt(world.column('age'), i) as number) >= 21)
      assert.ok(['ko_delinquent', 'ko_high_dti', 'ko_inquiries', 'ko_low_bureau'].includes(valueAt(rule, i) as string));
  }
});

test('explain --keys/--id carries the id into the contributions and counterfactual files; an unknown key names the closest column', async () => {
  const out = await credo('explain', '--model', 'm.json', '--data', 'world.csv', '--keys', 'application_id', '--out', 'shap.csv', '--threads', '1');
  assert.equal(out.code, 0, out.err);
  const shap = await readFrame(join(dir, 'shap.csv'));
  assert.deepEqual(shap.names.slice(0, 2), ['application_id', 'bureau_score']);
  assert.equal(valueAt(shap.column('application_id'), 7), 'A0000008');
  const cf = await credo(
    'explain',
    '--counterfactual',
    '--model',
    'm.json',
    '--data',
    'world.csv',
    '--actionable',
    'dti',
    '--cutoff',
    '0.1',
    '--limit',
    '3',
    '--id',
    'application_id',
    '--out',
    'cf.csv',
  );
  assert.equal(cf.code, 0, cf.err);
  const counterfactuals = await readFrame(join(dir, 'cf.csv'));
  const world = await readFrame(join(dir, 'world.csv'));
  assert.equal(counterfactuals.names[0], 'application_id');
  assert.ok(counterfactuals.rowCount > 0);
  for (let i = 0; i < counterfactuals.rowCount; i++) {
    const row = counterfactuals.numeric('row').values[i] as number;
    assert.equal(valueAt(counterfactuals.column('application_id'), i), valueAt(world.column('application_id'), row));
  }
  const wrong = await credo('explain', '--model', 'm.json', '--data', 'world.csv', '--id', 'aplication_id', '--out', 'shap2.csv');
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /column "aplication_id" is not in file "world\.csv", so --id cannot use it; did you mean "application_id"\?/);
});
