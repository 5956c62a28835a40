import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { closeDuckDb } from '../src/io/index.js';
import { repoPath } from './repo-root.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-cli-errors-'));
after(() => closeDuckDb());
const hmeq = repoPath('data', 'hmeq.csv');

async function credo(...argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

test('an output that cannot be written fails before the work starts', async () => {
  // An hour's budget: the test would time out if tune searched before checking --out.
  const tune = await credo('tune', '--data', hmeq, '--target', 'BAD', '--budget', '1h', '--trials', '1000', '--out', join(dir, 'nonexistent', 'x.json'));
  assert.equal(tune.code, 2);
  assert.equal(tune.err, `credo: error: file "${join(dir, 'nonexistent', 'x.json')}": folder "${join(dir, 'nonexistent')}" does not exist\n`);
  const score = await credo('score', '--model', 'missing.json', '--data', hmeq, '--out', 'scored.txt');
  assert.match(score.err, /scored\.txt": unknown extension \(expected \.csv or \.parquet\)/);
  const folder = await credo('train', '--data', hmeq, '--target', 'BAD', '--out', dir);
  assert.match(folder.err, /: is a folder/);
});

test('missing columns and --exclude name the closest columns, the right way round; --json errors are JSON', async () => {
  const target = await credo('train', '--data', hmeq, '--target', 'bda', '--out', 'm.json');
  assert.equal(target.code, 2);
  assert.equal(target.err, `credo: error: column "bda" is not in file "${hmeq}"; did you mean "BAD"?\n`);
  const exclude = await credo('train', '--model', 'logistic', '--data', hmeq, '--target', 'BAD', '--exclude', 'DEBTINK', '--out', 'm.json', '--json');
  assert.equal(exclude.code, 2);
  assert.equal(exclude.out, '');
  const error = JSON.parse(exclude.err).error;
  assert.equal(error.code, 'E_INPUT_COLUMN_MISSING');
  assert.equal(error.message, `column "DEBTINK" is not in file "${hmeq}", so --exclude cannot use it; did you mean "DEBTINC"?`);
  assert.deepEqual(error.details.closest, ['DEBTINC']);
});

test('every --as-of is a calendar date that exists, checked before the command reads anything', async () => {
  for (const argv of [
    ['decide', '--policy', 'p.yaml', '--model', 'm.json', '--data', hmeq, '--out', 'd.csv', '--as-of', '2025-02-30'],
    ['rules', 'check', '--rules', 'r.yaml', '--data', hmeq, '--as-of', '2025-02-30'],
    ['close', '--data-dir', join(dir, 'never-opened'), '--as-of', '2025-02-30'],
    ['swapset', '--data', hmeq, '--old', 'a.yaml', '--new', 'b.yaml', '--as-of', '2025-13-01'],
  ]) {
    const bad = argv.at(-1) as string;
    const result = await credo(...argv);
    assert.equal(result.code, 2, argv.join(' '));
    assert.equal(result.err, `credo: error: flag --as-of: must be a calendar date YYYY-MM-DD (got "${bad}")\n`, argv.join(' '));
  }
});

test('a semicolon file suggests --delimiter, which reads it; a bad cell is reported with its line', async () => {
  const semi = join(dir, 'semi.csv');
  writeFileSync(semi, 'id;amount;bad\r\n1;100;0\r\n2;250;1\r\n');
  const oneColumn = await credo('data', 'profile', '--data', semi);
  assert.equal(oneColumn.code, 2);
  assert.match(oneColumn.err, /parses into one column "id;amount;bad"; its fields look separated by ";"; try --delimiter ";"/);
  const read = await credo('data', 'profile', '--data', semi, '--delimiter', ';', '--json');
  assert.equal(read.code, 0, read.err);
  assert.deepEqual(
    JSON.parse(read.out).columns.map((c: { name: string; type: string }) => [c.name, c.type]),
    [
      ['id', 'number'],
      ['amount', 'number'],
      ['bad', 'number'],
    ],
  );
  const rows = ['id,amount,bad'];
  for (let i = 0; i < 300; i++) rows.push(`${i},${i === 199 ? '1.2.3' : i * 10},${i % 2}`);
  const bad = join(dir, 'bad-cell.csv');
  writeFileSync(bad, `${rows.join('\r\n')}\r\n`);
  const cell = await credo('data', 'profile', '--data', bad, '--json');
  assert.equal(cell.code, 2);
  const details = JSON.parse(cell.err).error.details;
  assert.deepEqual([details.file, details.line, details.column, details.value], [bad, 201, 'amount', '1.2.3']);
  const asCategory = await credo('data', 'profile', '--data', bad, '--schema', 'amount:category', '--json');
  assert.equal(asCategory.code, 0, asCategory.err);
});
