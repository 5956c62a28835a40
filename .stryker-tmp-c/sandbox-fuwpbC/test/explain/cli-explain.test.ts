// @ts-nocheck
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCaptured } from '../../src/cli/run-cli.js';
import { Frame, numericColumn } from '../../src/frame/index.js';
import { readFrame } from '../../src/io/index.js';
import { serializeModel } from '../../src/io/model-file.js';
import { importXgboost } from '../../src/ml/gbdt/index.js';
import { type LogisticModelBody, predictLogisticLogit } from '../../src/ml/linear/index.js';
import { repoRoot } from '../repo-root.js';

const root = repoRoot;
const fixtures = join(root, 'test', 'fixtures', 'xgboost');
const work = mkdtempSync(join(tmpdir(), 'credo-explain-'));
const model = importXgboost(readFileSync(join(fixtures, 'binary.json'), 'utf8'), { createdAt: '2026-01-01T00:00:00Z' });
writeFileSync(join(work, 'model.json'), serializeModel(model));
copyFileSync(join(fixtures, 'binary-input.csv'), join(work, 'input.csv'));
const margins = readFileSync(join(fixtures, 'binary-margin.csv'), 'utf8').trim().split('\n').slice(1).map(Number);
// The same model and rows with the protected "age" renamed "tenure": reasons may be listed for it.
const renamed = importXgboost(readFileSync(join(fixtures, 'binary.json'), 'utf8').replace('"age"', '"tenure"'), { createdAt: '2026-01-01T00:00:00Z' });
writeFileSync(join(work, 'tenure.json'), serializeModel(renamed));
writeFileSync(
  join(work, 'tenure.csv'),
  readFileSync(join(fixtures, 'binary-input.csv'), 'utf8').replace(/^delinq,util,income,age\n/, 'delinq,util,income,tenure\n'),
);

async function cli(argv: string[]) {
  return runCliCaptured(commands, argv, work);
}

test('credo explain writes one column per feature plus expected_value, adding up to the margin', async () => {
  for (const threads of ['1', '2']) {
    const r = await cli(['explain', '--model', 'model.json', '--data', 'input.csv', '--out', `shap-${threads}.csv`, '--threads', threads, '--json']);
    assert.equal(r.code, 0, r.err);
    const summary = JSON.parse(r.out);
    assert.equal(summary.rows, 400);
    assert.equal(summary.features, 4);
    assert.equal(typeof summary.seconds, 'number');
  }
  const text = readFileSync(join(work, 'shap-1.csv'), 'utf8');
  assert.equal(text, readFileSync(join(work, 'shap-2.csv'), 'utf8'), 'same bytes for any thread count');
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'delinq,util,income,age,expected_value');
  lines.slice(1).forEach((line, i) => {
    const sum = line.split(',').reduce((s, v) => s + Number(v), 0);
    assert.ok(Math.abs(sum - (margins[i] as number)) < 2e-6, `row ${i}: ${sum} vs ${margins[i]}`);
  });
});

test('credo explain --row gives contributions, reasons and the decision path', async () => {
  const r = await cli(['explain', '--model', 'tenure.json', '--data', 'tenure.csv', '--row', '3', '--path', '--tree', '0', '--json']);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.ok(Math.abs(result.margin - (margins[3] as number)) < 2e-6);
  assert.equal(result.contributions.length, 4);
  assert.ok(result.reasons.length <= 4);
  for (const reason of result.reasons) assert.ok(reason.contribution > 0 && /^CR\d\d$/.test(reason.code));
  assert.equal(result.paths.length, 1);
  const human = await cli(['explain', '--model', 'tenure.json', '--data', 'tenure.csv', '--row', '3', '--path', '--tree', '0']);
  assert.match(human.out, /Principal reasons \(relative to the population average\)/);
  assert.match(human.out, /tree 0:\n {2}node 0: /);
  const bad = await cli(['explain', '--model', 'tenure.json', '--data', 'tenure.csv', '--row', '400']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /row 400 is outside the data \(0\.\.399\)/);
});

test('credo explain --row never lists a protected attribute as a principal reason (ECOA/Reg B): same check and message as score --reasons', async () => {
  // the imported model uses "age"
  const refused = await cli(['explain', '--model', 'model.json', '--data', 'input.csv', '--row', '3', '--json']);
  assert.equal(refused.code, 2);
  assert.equal(refused.out, '');
  const error = JSON.parse(refused.err).error;
  assert.equal(error.code, 'E_MODEL_PROTECTED');
  assert.match(error.message, /the model uses protected attribute\(s\) "age", which can never be a principal reason \(ECOA\/Reg B §1002\.9\)/);
  assert.match(error.message, /retrain without them \(--exclude age\) before listing reasons with explain --row/);
  // a column the catalogue marks protected is refused too
  writeFileSync(
    join(work, 'protected.json'),
    JSON.stringify({
      version: 1,
      generic: { code: 'X99', text: 'Other' },
      genericMissing: { code: 'X98', text: 'No {feature}' },
      features: { tenure: { code: 'X01', text: 'Time at address', protected: true } },
    }),
  );
  const marked = await cli(['explain', '--model', 'tenure.json', '--data', 'tenure.csv', '--row', '3', '--catalogue', 'protected.json']);
  assert.equal(marked.code, 2);
  assert.match(marked.err, /protected attribute\(s\) "tenure"/);
  // the whole-file contributions (no reasons) stay available
  const all = await cli(['explain', '--model', 'model.json', '--data', 'input.csv', '--out', 'shap-age.csv']);
  assert.equal(all.code, 0, all.err);
});

test('credo explain --counterfactual flips declined rows by changing only actionable features', async () => {
  const r = await cli([
    'explain',
    '--counterfactual',
    '--model',
    'model.json',
    '--data',
    'input.csv',
    '--actionable',
    'util,income',
    '--direction',
    'income:increase',
    '--cutoff',
    '0.3',
    '--limit',
    '5',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.equal(result.results.length, 5);
  let found = 0;
  for (const row of result.results) {
    assert.ok(row.pd_before >= 0.3);
    if (!row.found) continue;
    found++;
    assert.ok(row.pd_after < 0.3);
    for (const change of row.changes) assert.ok(change.feature === 'util' || (change.feature === 'income' && change.to >= change.from));
  }
  assert.ok(found > 0);
  // which constraints applied, and from where: income from the command line, util by default within the data range
  assert.deepEqual(
    result.constraints.map((c: { feature: string; direction: string; source: string }) => [c.feature, c.direction, c.source]),
    [
      ['util', 'any', 'default'],
      ['income', 'increase', 'flag'],
    ],
  );
  // the shipped catalogue says income cannot be changed
  const income = await cli(['explain', '--counterfactual', '--model', 'model.json', '--data', 'input.csv', '--actionable', 'util,income']);
  assert.equal(income.code, 2);
  assert.match(income.err, /actionable feature "income": the reason catalogue says the applicant cannot change it/);
  const age = await cli(['explain', '--counterfactual', '--model', 'model.json', '--data', 'input.csv', '--actionable', 'age']);
  assert.equal(age.code, 2);
  assert.match(age.err, /actionable feature "age": a protected attribute/);
});

test('credo importance and credo reasons check', async () => {
  const r = await cli(['importance', '--model', 'model.json', '--data', 'input.csv', '--json']);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.equal(result.features.length, 4);
  assert.ok(result.features[0].meanAbsShap >= result.features[1].meanAbsShap);
  writeFileSync(
    join(work, 'reasons.json'),
    JSON.stringify({
      version: 1,
      generic: { code: 'X99', text: 'Other' },
      genericMissing: { code: 'X98', text: 'No {feature}' },
      features: { util: { code: 'X01', text: 'Utilisation' } },
    }),
  );
  const check = await cli(['reasons', 'check', '--model', 'model.json', '--catalogue', 'reasons.json', '--json']);
  assert.equal(check.code, 3);
  assert.deepEqual(JSON.parse(check.out).unmapped, ['delinq', 'income', 'age']);
});

test('credo score --reasons 4 adds reason_1..4 codes and texts (plus the FCRA inquiries slot); never for a model using age', async () => {
  // the imported XGBoost model uses "age": a protected attribute can never be a principal reason
  const refused = await cli(['score', '--model', 'model.json', '--data', 'input.csv', '--out', 'scored.csv', '--reasons', '4']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /the model uses protected attribute\(s\) "age", which can never be a principal reason/);
  copyFileSync(join(root, 'data', 'hmeq.csv'), join(work, 'hmeq-reasons.csv'));
  const trained = await cli([
    'train',
    '--data',
    'hmeq-reasons.csv',
    '--target',
    'BAD',
    '--categorical',
    'REASON,JOB',
    '--trees',
    '10',
    '--out',
    'hmeq-small.json',
  ]);
  assert.equal(trained.code, 0, trained.err);
  const r = await cli(['score', '--model', 'hmeq-small.json', '--data', 'hmeq-reasons.csv', '--out', 'scored.csv', '--reasons', '4']);
  assert.equal(r.code, 0, r.err);
  const lines = readFileSync(join(work, 'scored.csv'), 'utf8').trim().split('\n');
  assert.equal(lines[0], 'pd,score,reason_1,reason_2,reason_3,reason_4,reason_5,reason_text_1,reason_text_2,reason_text_3,reason_text_4,reason_text_5');
  const header = (lines[0] as string).split(',');
  const first = (lines[1] as string).split(',');
  assert.match(first[header.indexOf('reason_1')] as string, /^CR\d\d$/);
  assert.ok((first[header.indexOf('reason_text_1')] as string).length > 0);
});

test('logistic and scorecard models: contributions add up to the scored PD, logistic counterfactuals flip', async () => {
  copyFileSync(join(root, 'data', 'hmeq.csv'), join(work, 'hmeq.csv'));
  for (const kind of ['logistic', 'scorecard']) {
    const trained = await cli(['train', '--model', kind, '--data', 'hmeq.csv', '--target', 'BAD', '--categorical', 'REASON,JOB', '--out', `${kind}.json`]);
    assert.equal(trained.code, 0, trained.err);
    const scored = await cli(['score', '--model', `${kind}.json`, '--data', 'hmeq.csv', '--out', `${kind}-scored.csv`, '--reasons', '4']);
    assert.equal(scored.code, 0, scored.err);
    const pd = Number((readFileSync(join(work, `${kind}-scored.csv`), 'utf8').split('\n')[8] as string).split(',')[0]);
    const row = await cli(['explain', '--model', `${kind}.json`, '--data', 'hmeq.csv', '--row', '7', '--json']);
    assert.equal(row.code, 0, row.err);
    const result = JSON.parse(row.out);
    assert.ok(Math.abs(result.pd - pd) < 1e-9, `${kind}: ${result.pd} vs scored ${pd}`);
    const sum = result.expected_value + result.contributions.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
    assert.ok(Math.abs(sum - result.margin) < 1e-9);
  }
  const cf = await cli([
    'explain',
    '--counterfactual',
    '--model',
    'logistic.json',
    '--data',
    'hmeq.csv',
    '--actionable',
    'LOAN,DEBTINC',
    '--cutoff',
    '0.3',
    '--limit',
    '4',
    '--json',
  ]);
  assert.equal(cf.code, 0, cf.err);
  const results = JSON.parse(cf.out).results;
  assert.ok(results.some((r: { found: boolean }) => r.found));
  for (const r of results) if (r.found) assert.ok(r.pd_after < 0.3 && r.pd_before >= 0.3 && r.cost >= 0);
  // the requested amount and the debt ratio may only go down (the shipped catalogue); a missing value may be supplied
  for (const r of results)
    for (const change of r.changes) assert.ok(change.from === null || change.to <= change.from, `${change.feature} ${change.from} → ${change.to}`);
  // HMEQ rows 0–3 lack DEBTINC, and missing DEBTINC raises the logistic margin (its missing
  // indicator): the counterfactual supplies the value, starting from the training mean at no cost.
  const body = (JSON.parse(readFileSync(join(work, 'logistic.json'), 'utf8')) as { body: LogisticModelBody }).body;
  const debtinc = body.terms.find((t) => t.feature === 'DEBTINC');
  assert.ok(debtinc !== undefined && debtinc.type === 'number' && (debtinc.missing ?? 0) > 0);
  const first = results[0] as { row: number; cost: number; pd_after: number; changes: { feature: string; from: number | null; to: number }[] };
  assert.equal(first.row, 0);
  assert.deepEqual(first.changes, [{ feature: 'DEBTINC', from: null, to: debtinc.fill }]);
  assert.equal(first.cost, 0);
  const hmeq = await readFrame(join(work, 'hmeq.csv'), { types: { REASON: 'category', JOB: 'category' } });
  const rowZero = hmeq.slice(0, 1);
  const supplied = new Frame(rowZero.names.map((n) => (n === 'DEBTINC' ? numericColumn(n, Float64Array.of(debtinc.fill)) : rowZero.column(n))));
  assert.ok(Math.abs(first.pd_after - 1 / (1 + Math.exp(-predictLogisticLogit(body, supplied)[0]!))) < 1e-12);
  const card = await cli([
    'explain',
    '--counterfactual',
    '--model',
    'scorecard.json',
    '--data',
    'hmeq.csv',
    '--actionable',
    'LOAN,DEBTINC,CLAGE',
    '--direction',
    'CLAGE:increase',
    '--cutoff',
    '0.4',
    '--limit',
    '10',
    '--json',
  ]);
  assert.equal(card.code, 0, card.err);
  const cardResults = JSON.parse(card.out).results;
  assert.ok(cardResults.some((r: { found: boolean }) => r.found));
  for (const r of cardResults) if (r.found) assert.ok(r.pd_after < 0.4 && r.pd_before >= 0.4 && r.cost > 0);
  for (const r of cardResults) for (const change of r.changes) assert.ok(change.feature === 'CLAGE' ? change.to >= change.from : change.to <= change.from);
});
