// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closeDuckDb } from '../../io/index.js';
import { Rng } from '../../random/index.js';
import { runCliCaptured } from '../run-cli.js';
import { evaluateCommand } from './evaluate.js';
import { scoreCommand } from './score.js';
import { scorecardTableCommand } from './scorecard-table.js';
import { trainCommand } from './train.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-linear-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDuckDb();
});

async function run(argv: string[]) {
  return runCliCaptured([trainCommand, evaluateCommand, scoreCommand, scorecardTableCommand], argv, dir);
}

function writeData(): void {
  const rng = new Rng(5);
  const lines = ['id,income,utilisation,region,bad'];
  for (let i = 0; i < 2000; i++) {
    const income = Math.round(20 + 60 * rng.nextDouble());
    const util = Math.round(100 * rng.nextDouble()) / 100;
    const region = 'NSEW'[rng.nextInt(4)] as string;
    const logit = -1 - 0.03 * (income - 50) + 2 * (util - 0.5) + (region === 'E' ? 0.7 : 0);
    const bad = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    lines.push(`${i},${i % 30 === 0 ? '' : income},${util},${region},${i % 100 === 3 ? '' : bad}`);
  }
  writeFileSync(join(dir, 'd.csv'), `${lines.join('\n')}\n`);
}

test('credo train --model scorecard → evaluate → score → scorecard table: points add up to the score', async () => {
  writeData();
  // a non-default scaling: `credo score` must report the scorecard's own points, not the defaults
  const train = await run([
    'train',
    '--model',
    'scorecard',
    '--data',
    'd.csv',
    '--target',
    'bad',
    '--exclude',
    'id',
    '--pdo',
    '40',
    '--base-score',
    '500',
    '--out',
    'sc.json',
    '--json',
  ]);
  assert.equal(train.code, 0, train.err);
  const summary = JSON.parse(train.out);
  assert.equal(summary.kind, 'scorecard');
  assert.equal(summary.excluded_rows, 20);
  assert.ok(summary.train.auc > 0.65, String(summary.train.auc));
  const evaluation = JSON.parse((await run(['evaluate', '--model', 'sc.json', '--data', 'd.csv', '--target', 'bad', '--json'])).out);
  assert.ok(Math.abs(evaluation.auc - summary.train.auc) < 1e-12);
  assert.equal((await run(['score', '--model', 'sc.json', '--data', 'd.csv', '--keys', 'id', '--out', 'scored.csv'])).code, 0);
  const table = JSON.parse((await run(['scorecard', 'table', '--model', 'sc.json', '--out', 'table.csv', '--json'])).out);
  assert.ok(readFileSync(join(dir, 'table.csv'), 'utf8').startsWith('feature,bin,label,woe,coefficient,points\n'));
  // Row 0 of the data: add up its points by hand from the table and compare with the score column.
  const model = JSON.parse(readFileSync(join(dir, 'sc.json'), 'utf8'));
  const first = (readFileSync(join(dir, 'd.csv'), 'utf8').split('\n')[1] as string).split(',');
  const value: Record<string, string> = { income: first[1] as string, utilisation: first[2] as string, region: first[3] as string };
  let total = 0;
  for (const c of model.body.characteristics as { feature: string; spec: { type: string; splits?: number[]; groups?: string[][] } }[]) {
    const raw = value[c.feature] as string;
    let bin: number;
    if (c.spec.type === 'number')
      bin = raw === '' ? (c.spec.splits as number[]).length + 1 : (c.spec.splits as number[]).filter((s) => s <= Number(raw)).length;
    else bin = (c.spec.groups as string[][]).findIndex((g) => g.includes(raw));
    total += table.rows.find((r: { feature: string; bin: number }) => r.feature === c.feature && r.bin === bin).points;
  }
  const scored = (readFileSync(join(dir, 'scored.csv'), 'utf8').split('\n')[1] as string).split(',');
  assert.equal(scored[0], '0');
  assert.equal(Number(scored[2]), Math.round(Math.min(850, Math.max(300, total))));
});

test('credo train --model logistic: coefficients for numeric and one-hot categorical terms', async () => {
  writeData();
  const train = await run(['train', '--model', 'logistic', '--data', 'd.csv', '--target', 'bad', '--exclude', 'id', '--out', 'lr.json', '--json']);
  assert.equal(train.code, 0, train.err);
  const model = JSON.parse(readFileSync(join(dir, 'lr.json'), 'utf8'));
  assert.equal(model.kind, 'logistic');
  const terms = model.body.terms as { feature: string; coefficient?: number; levels?: Record<string, number> }[];
  const income = terms.find((t) => t.feature === 'income');
  assert.ok((income?.coefficient as number) < -0.015 && (income?.coefficient as number) > -0.05, String(income?.coefficient));
  const region = terms.find((t) => t.feature === 'region');
  assert.ok(Object.keys(region?.levels ?? {}).length === 3);
  assert.equal(model.body.design[0], '(intercept)');
  const evaluation = JSON.parse((await run(['evaluate', '--model', 'lr.json', '--data', 'd.csv', '--target', 'bad', '--json'])).out);
  assert.ok(evaluation.auc > 0.65, String(evaluation.auc));
  const wrong = await run(['scorecard', 'table', '--model', 'lr.json']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /not a scorecard/);
});
