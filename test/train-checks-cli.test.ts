import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { loadDataset, writeFrame } from '../src/io/index.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-train-checks-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (argv: string[]) => runCliCaptured(commands, argv, dir);

// 300 rows: x carries signal with noise, leak = the target, id = the row number
const lines = ['id,x,z,leak,bad'];
for (let i = 0; i < 300; i++) {
  const bad = i % 3 === 0 ? 1 : 0;
  const x = (bad === 1 ? 2 : 0) + ((i * 37) % 11) / 2;
  lines.push(`${i + 1},${x},${(i * 13) % 7},${bad},${bad}`);
}
writeFileSync(join(dir, 'toy.csv'), `${lines.join('\n')}\n`);

test('train refuses a feature that separates the target unless --allow-leakage, and warns about ids (table and --json)', async () => {
  const refused = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'logistic', '--out', 'm.json']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /refusing to train: "leak" alone separates the target \(AUC 1\.0000 on its own\)/);
  const allowed = await run([
    'train',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--trees',
    '5',
    '--features',
    'id,x,leak',
    '--allow-leakage',
    '--out',
    'm.json',
    '--json',
  ]);
  assert.equal(allowed.code, 0, allowed.err);
  const summary = JSON.parse(allowed.out);
  assert.ok(summary.warnings.some((w: string) => /"id" looks like an identifier/.test(w)));
  assert.ok(summary.warnings.some((w: string) => /training AUC is 1\.0000/.test(w)));
  assert.match(allowed.err, /credo: warning: "id" looks like an identifier \(100\.0% of rows have their own value\)/);
});

test('train refuses protected attributes unless --allow-protected; the catalogue and --protected add columns', async () => {
  await writeFrame(await loadDataset('german'), join(dir, 'german.csv'));
  const refused = await run(['train', '--model', 'scorecard', '--data', 'german.csv', '--target', 'bad', '--out', 'sc.json']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /refusing to train on protected attribute\(s\) "personal_status_and_sex", "age_in_years", "foreign_worker"/);
  assert.match(refused.err, /--exclude personal_status_and_sex,age_in_years,foreign_worker, or pass --allow-protected/);
  const extra = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'logistic', '--features', 'x,z', '--protected', 'z', '--out', 'm.json']);
  assert.equal(extra.code, 2);
  assert.match(extra.err, /protected attribute\(s\) "z"/);
  const allowed = await run([
    'train',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--model',
    'logistic',
    '--features',
    'x,z',
    '--protected',
    'z',
    '--allow-protected',
    '--out',
    'm.json',
    '--json',
  ]);
  assert.equal(allowed.code, 0, allowed.err);
  assert.match(JSON.parse(allowed.out).warnings[0], /"z" used as features \(--allow-protected\)/);
});

test('flags a family ignores are refused; --valid-fraction holds out rows for every family, Hosmer–Lemeshow in the table', async () => {
  const monotone = await run([
    'train',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--model',
    'logistic',
    '--features',
    'x',
    '--monotone',
    'x:+1',
    '--out',
    'm.json',
  ]);
  assert.equal(monotone.code, 2);
  assert.match(monotone.err, /--monotone: --model logistic takes no monotone constraints/);
  const trees = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'svm', '--features', 'x', '--trees', '5', '--out', 'm.json']);
  assert.equal(trees.code, 2);
  assert.match(trees.err, /--trees: --model svm has no trees/);
  for (const model of ['logistic', 'scorecard', 'forest', 'svm']) {
    const r = await run([
      'train',
      '--data',
      'toy.csv',
      '--target',
      'bad',
      '--model',
      model,
      '--features',
      'x,z',
      '--valid-fraction',
      '0.2',
      '--out',
      'm.json',
      '--json',
    ]);
    assert.equal(r.code, 0, `${model}: ${r.err}`);
    const s = JSON.parse(r.out);
    assert.equal(s.valid_rows, 60, model); // round(300 · 0.2)
    assert.equal(s.valid.rows, 60, model);
    assert.equal(s.train.rows, 240, model);
    assert.ok(s.valid.auc > 0.5 && s.valid.hosmer_lemeshow_p >= 0 && s.valid.hosmer_lemeshow_p <= 1, model);
  }
  const human = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'logistic', '--features', 'x,z', '--out', 'm.json']);
  assert.match(human.out, /train calibration \(Hosmer–Lemeshow p\)/);
  assert.match(human.out, /out-of-sample +none: add --valid-fraction 0\.2/);
});

test('score --reasons stops on a model that uses a protected attribute instead of writing "Other factors (age)"', async () => {
  const rows = ['x,age,bad'];
  for (let i = 0; i < 200; i++) rows.push(`${(i % 2) * 3 + ((i * 7) % 5)},${20 + ((i * 11) % 50)},${i % 2}`);
  writeFileSync(join(dir, 'aged.csv'), `${rows.join('\n')}\n`);
  const trained = await run(['train', '--data', 'aged.csv', '--target', 'bad', '--model', 'logistic', '--allow-protected', '--out', 'aged.json']);
  assert.equal(trained.code, 0, trained.err);
  const scored = await run(['score', '--model', 'aged.json', '--data', 'aged.csv', '--out', 'scores.csv']);
  assert.equal(scored.code, 0, scored.err);
  const reasons = await run(['score', '--model', 'aged.json', '--data', 'aged.csv', '--reasons', '2', '--out', 'scores.csv']);
  assert.equal(reasons.code, 2);
  assert.match(reasons.err, /the model uses protected attribute\(s\) "age", which can never be a principal reason \(ECOA\/Reg B §1002\.9\)/);
});
