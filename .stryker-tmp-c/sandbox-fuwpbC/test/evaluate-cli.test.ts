// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { closeDuckDb, readFrame } from '../src/io/index.js';
import { loadModel } from '../src/io/model-file.js';
import type { CredoModel } from '../src/ml/model.js';
import { predictPd } from '../src/ml/predict-model.js';
import { repoPath } from './repo-root.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-evaluate-'));
after(() => closeDuckDb());
const hmeq = repoPath('data', 'hmeq.csv');

async function credo(...argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

test('evaluate prints gains, calibration and a cutoff table whose figures match a brute-force count', async () => {
  const trained = await credo('train', '--model', 'logistic', '--data', hmeq, '--target', 'BAD', '--out', 'lg.json');
  assert.equal(trained.code, 0, trained.err);
  const json = await credo('evaluate', '--model', 'lg.json', '--data', hmeq, '--target', 'BAD', '--cutoffs', '0.1,0.2', '--json');
  assert.equal(json.code, 0, json.err);
  const result = JSON.parse(json.out);
  const frame = await readFrame(hmeq);
  const pd = predictPd(await loadModel<CredoModel>(join(dir, 'lg.json')), frame);
  const bad = frame.numeric('BAD').values;
  for (const [k, cutoff] of [0.1, 0.2].entries()) {
    let approved = 0;
    let approvedBads = 0;
    let bads = 0;
    for (let i = 0; i < pd.length; i++) {
      if (bad[i] === 1) bads++;
      if ((pd[i] as number) < cutoff) {
        approved++;
        if (bad[i] === 1) approvedBads++;
      }
    }
    const row = result.cutoffs[k];
    assert.equal(row.cutoff, cutoff);
    assert.equal(row.approved, approved);
    assert.equal(row.approval_rate, approved / 5960);
    assert.equal(row.bad_rate, approvedBads / approved);
    assert.equal(row.recall, (bads - approvedBads) / bads);
  }
  const human = await credo('evaluate', '--model', 'lg.json', '--data', hmeq, '--target', 'BAD');
  assert.equal(human.code, 0, human.err);
  for (const title of ['Gains and lift (band 1 = riskiest)', 'Calibration (band 1 = riskiest)', 'Cutoffs (at approval rates 50–95%)', 'Hosmer–Lemeshow: H = '])
    assert.ok(human.out.includes(title), title);
  // Thousands separators, rates in %, calibration gaps in percentage points, 10 bands.
  assert.match(human.out, /^5,960\s+1,189\s+19\.95%/m);
  assert.match(human.out, /^\s+1\s+596\s+\d+\.\d\d%\s+\d+\.\d\d%\s+[+-]\d+\.\d\d pp/m);
  assert.match(human.out, /\s+50\.00%\s/);
  assert.match(human.out, /^\s+95\.00%|\s95\.00%\s/m);
});

test('train prints coefficients in significant figures and p-values below 1e-4 as <0.0001', async () => {
  const human = await credo('train', '--model', 'logistic', '--data', hmeq, '--target', 'BAD', '--out', 'lg2.json');
  assert.equal(human.code, 0, human.err);
  const json = await credo('train', '--model', 'logistic', '--data', hmeq, '--target', 'BAD', '--out', 'lg3.json', '--json');
  const derog = JSON.parse(json.out).coefficients.find((c: { term: string }) => c.term === 'DEROG');
  assert.ok(derog.p_value < 1e-4, 'DEROG is significant on HMEQ');
  const estimate = String(Number(derog.estimate.toPrecision(4)));
  const se = String(Number(derog.standard_error.toPrecision(4)));
  assert.match(human.out, new RegExp(`^DEROG\\s+${estimate.replace('.', '\\.')}\\s+${se.replace('.', '\\.')}\\s+-?\\d+\\.\\d\\d\\s+<0\\.0001\\s`, 'm'));
  assert.doesNotMatch(human.out, /\s0\.0000\s/);
});
