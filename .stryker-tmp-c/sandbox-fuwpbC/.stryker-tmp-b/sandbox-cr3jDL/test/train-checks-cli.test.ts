// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  assert.ok(summary.warnings.some((w: string) => /cross-validated AUC is 1\.0000/.test(w)));
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
  const monotone = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'svm', '--features', 'x', '--monotone', 'x:+1', '--out', 'm.json']);
  assert.equal(monotone.code, 2);
  assert.match(monotone.err, /--monotone: --model svm takes no monotone constraints \(its solver has no sign-constrained weights/);
  for (const model of ['mlp', 'ensemble', 'scorecard']) {
    const r = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', model, '--features', 'x', '--monotone', 'x:+1', '--out', 'm.json']);
    assert.equal(r.code, 2, model);
    assert.match(
      r.err,
      new RegExp(`--model ${model} (takes no monotone constraints|is monotone by construction).*--monotone constrains gbdt, forest and logistic`),
    );
  }
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
    assert.deepEqual({ ...s.out_of_sample, auc: 0 }, { method: 'hold-out', fraction: 0.2, file: null, seed: 0, ...s.valid, auc: 0 }, model);
  }
  const human = await run([
    'train',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--model',
    'logistic',
    '--features',
    'x,z',
    '--valid-fraction',
    '0.2',
    '--out',
    'm.json',
  ]);
  assert.match(human.out, /train calibration \(Hosmer–Lemeshow p\)/);
  assert.match(human.out, /valid calibration \(Hosmer–Lemeshow p\)/);
  assert.match(human.out, /out-of-sample +"valid" rows: seeded hold-out of 0\.2 of the rows \(seed 0\)/);
});

test('every family reports out-of-sample metrics without --valid-fraction: stratified 5-fold CV, in the table and --json', async () => {
  const small: Record<string, string[]> = {
    gbdt: ['--trees', '10'],
    forest: ['--trees', '10'],
    ensemble: ['--members', 'logistic,forest', '--trees', '5', '--folds', '2'],
  };
  for (const model of ['gbdt', 'logistic', 'scorecard', 'forest', 'mlp', 'svm', 'ensemble']) {
    const argv = ['train', '--data', 'toy.csv', '--target', 'bad', '--model', model, '--features', 'x,z', ...(small[model] ?? []), '--out', 'm.json'];
    const json = await run([...argv, '--json']);
    assert.equal(json.code, 0, `${model}: ${json.err}`);
    const s = JSON.parse(json.out);
    assert.equal(s.valid, null, model);
    assert.equal(s.out_of_sample.method, 'cross-validation', model);
    assert.equal(s.out_of_sample.folds, 5, model);
    assert.equal(s.out_of_sample.seed, 0, model);
    // pooled out-of-fold predictions: every row once
    assert.equal(s.out_of_sample.rows, 300, model);
    assert.ok(Math.abs(s.out_of_sample.bad_rate - 1 / 3) < 1e-12, model);
    // x alone has AUC 0.7934 (by hand from its 15 values); z is noise
    assert.ok(s.out_of_sample.auc > 0.6 && s.out_of_sample.auc < 0.8, `${model}: ${s.out_of_sample.auc}`);
    assert.ok(s.out_of_sample.hosmer_lemeshow_p >= 0 && s.out_of_sample.hosmer_lemeshow_p <= 1, model);
    const human = await run(argv);
    assert.match(
      human.out,
      /out-of-sample +"cv" rows: stratified 5-fold cross-validation, seed 0 \(pooled out-of-fold PDs; the saved model uses all rows\)/,
      model,
    );
    assert.match(human.out, /\ncv auc +0\.\d{4}\n/, model);
    assert.match(human.out, /\ncv calibration \(Hosmer–Lemeshow p\) +(\d\.\d{4}|<0\.0001)/, model);
    // a poor fit is said in words in the table, as in --json
    for (const [prefix, metrics] of [
      ['train', s.train],
      ['cv', s.out_of_sample],
    ] as const)
      if (metrics.hosmer_lemeshow_p < 0.01)
        assert.match(human.out, new RegExp(`${prefix} calibration \\(Hosmer–Lemeshow p\\) +\\S+: poor fit \\(p < 0\\.01\\)`), model);
  }
  // the saved model keeps the estimate beside its in-sample metrics
  const saved = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
  assert.equal(saved.metrics.out_of_sample.method, 'cross-validation');
  const none = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'logistic', '--features', 'x,z', '--cv-folds', '0', '--out', 'm.json']);
  assert.match(none.out, /out-of-sample +none \(--cv-folds 0, or too few bads\): train figures are optimistic/);
  const one = await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'logistic', '--features', 'x', '--cv-folds', '1', '--out', 'm.json']);
  assert.equal(one.code, 2);
  assert.match(one.err, /--cv-folds: must be 0 \(none\) or at least 2/);
  // 4 bads (rows 0, 13, 26, 39): four folds, each with one bad, and a warning saying so
  const few = ['x,bad', ...Array.from({ length: 40 }, (_, i) => `${i % 7},${i % 13 === 0 ? 1 : 0}`)];
  writeFileSync(join(dir, 'few.csv'), `${few.join('\n')}\n`);
  const three = await run(['train', '--data', 'few.csv', '--target', 'bad', '--model', 'logistic', '--out', 'm.json', '--json']);
  assert.equal(three.code, 0, three.err);
  const t = JSON.parse(three.out);
  assert.equal(t.out_of_sample.folds, 4);
  assert.ok(t.warnings.includes('cross-validating with 4 folds instead of 5: the rarer class has only 4 rows'));
});

test('a poor fit (Hosmer–Lemeshow p < 0.01) is printed in the table: an overgrown gbdt fits its training rows, not unseen ones', async () => {
  const r = await run([
    'train',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--features',
    'x,z',
    '--trees',
    '300',
    '--leaves',
    '31',
    '--min-data-in-leaf',
    '1',
    '--out',
    'm.json',
  ]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /cv calibration \(Hosmer–Lemeshow p\) +<0\.0001: poor fit \(p < 0\.01\)/);
});

test('logistic --monotone: a binding sign constraint leaves β = 0, so every CV fold predicts its training bad rate (hand-checked metrics)', async () => {
  // x rises with the bad rate; x:-1 forces β_x ≤ 0, which binds at 0: the fit is the intercept alone.
  const r = await run([
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
    'x:-1',
    '--out',
    'm.json',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  const byTerm = Object.fromEntries(s.coefficients.map((c: { term: string; estimate: number }) => [c.term, c.estimate]));
  assert.equal(byTerm.x, 0);
  assert.ok(Math.abs(byTerm['(intercept)'] - Math.log(100 / 200)) < 1e-9); // 100 bad of 300
  // 5 stratified folds of 20 bad + 40 good: each training part has 80 bad of 240, so every out-of-fold PD is 1/3
  const cv = s.out_of_sample;
  assert.equal(cv.auc, 0.5);
  assert.equal(cv.ks, 0);
  assert.ok(Math.abs(cv.brier - 2 / 9) < 1e-12, `Brier ${cv.brier}`); // (1/3)(2/3)² + (2/3)(1/3)²
  assert.ok(Math.abs(cv.logloss - -(Math.log(1 / 3) / 3 + (2 / 3) * Math.log(2 / 3))) < 1e-12);
  const saved = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
  assert.deepEqual(saved.params.monotone, { x: -1 });
  // x:+1 holds already: the same fit as without the constraint
  const slack = JSON.parse(
    (
      await run([
        'train',
        '--data',
        'toy.csv',
        '--target',
        'bad',
        '--model',
        'logistic',
        '--features',
        'x,z',
        '--monotone',
        'x:+1',
        '--out',
        'm.json',
        '--json',
      ])
    ).out,
  );
  const free = JSON.parse(
    (await run(['train', '--data', 'toy.csv', '--target', 'bad', '--model', 'logistic', '--features', 'x,z', '--out', 'm.json', '--json'])).out,
  );
  assert.ok(free.coefficients[1].estimate > 0.5);
  for (const [j, c] of free.coefficients.entries()) assert.ok(Math.abs(slack.coefficients[j].estimate - c.estimate) < 1e-9, c.term);
  const categorical = await run([
    'train',
    '--data',
    'german.csv',
    '--target',
    'bad',
    '--model',
    'logistic',
    '--features',
    'housing',
    '--monotone',
    'housing:+1',
    '--out',
    'm.json',
  ]);
  assert.equal(categorical.code, 2);
  assert.match(categorical.err, /logistic option monotone: "housing" is categorical/);
});

test('forest --monotone: PD never falls as x rises on a grid of new rows, in the saved model', async () => {
  const r = await run([
    'train',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--model',
    'forest',
    '--features',
    'x,z',
    '--trees',
    '20',
    '--monotone',
    'x:+1,z:-1',
    '--out',
    'f.json',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const grid = ['x,z'];
  for (let z = 0; z < 7; z++) for (let k = 0; k <= 40; k++) grid.push(`${-1 + k * 0.2},${z}`);
  writeFileSync(join(dir, 'grid.csv'), `${grid.join('\n')}\n`);
  const scored = await run(['score', '--model', 'f.json', '--data', 'grid.csv', '--out', 'grid-scored.csv']);
  assert.equal(scored.code, 0, scored.err);
  const [header, ...lines] = readFileSync(join(dir, 'grid-scored.csv'), 'utf8').trim().split('\n');
  const at = header!.split(',').indexOf('pd');
  const pd = lines.map((line) => Number(line.split(',')[at]));
  assert.equal(pd.length, 7 * 41);
  let rises = 0;
  for (let z = 0; z < 7; z++)
    for (let k = 1; k <= 40; k++) {
      const step = pd[z * 41 + k]! - pd[z * 41 + k - 1]!;
      assert.ok(step >= 0, `z ${z}, x step ${k}: PD fell by ${-step}`);
      if (step > 0) rises++;
      if (z > 0) assert.ok(pd[z * 41 + k]! <= pd[(z - 1) * 41 + k]!, `PD rose with z at x step ${k}`);
    }
  assert.ok(rises > 3, 'the constrained feature still moves the PD');
});

test('compare and tune run the checks of train: perfect separation and protected attributes stop them', async () => {
  const compare = await run(['compare', '--data', 'toy.csv', '--target', 'bad', '--models', 'logistic', '--folds', '2']);
  assert.equal(compare.code, 2);
  assert.match(compare.err, /refusing to train: "leak" alone separates the target \(AUC 1\.0000 on its own\)/);
  const tune = await run(['tune', '--model', 'logistic', '--data', 'toy.csv', '--target', 'bad', '--trials', '1', '--folds', '2', '--json']);
  assert.equal(tune.code, 2);
  assert.equal(JSON.parse(tune.err).error.code, 'E_MODEL_LEAKAGE');
  const protectedCompare = await run(['compare', '--data', 'german.csv', '--target', 'bad', '--models', 'logistic', '--folds', '2']);
  assert.equal(protectedCompare.code, 2);
  assert.match(protectedCompare.err, /refusing to train on protected attribute\(s\) "personal_status_and_sex", "age_in_years", "foreign_worker"/);
  const protectedTune = await run([
    'tune',
    '--model',
    'logistic',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--features',
    'x,z',
    '--protected',
    'z',
    '--trials',
    '1',
    '--folds',
    '2',
  ]);
  assert.equal(protectedTune.code, 2);
  assert.match(protectedTune.err, /protected attribute\(s\) "z"/);
  // the flags let a study through, with the warnings in --json
  const allowed = await run([
    'compare',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--models',
    'forest',
    '--folds',
    '2',
    '--features',
    'x,leak',
    '--allow-leakage',
    '--json',
  ]);
  assert.equal(allowed.code, 0, allowed.err);
  assert.ok(JSON.parse(allowed.out).warnings.some((w: string) => /"leak"/.test(w)));
  const tuned = await run([
    'tune',
    '--model',
    'logistic',
    '--data',
    'toy.csv',
    '--target',
    'bad',
    '--features',
    'x,z',
    '--protected',
    'z',
    '--allow-protected',
    '--trials',
    '2',
    '--folds',
    '2',
    '--json',
  ]);
  assert.equal(tuned.code, 0, tuned.err);
  assert.match(JSON.parse(tuned.out).warnings[0], /"z" used as features \(--allow-protected\)/);
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
