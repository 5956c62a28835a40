// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { dataFolder, loadDataset } from './datasets.js';

function badCount(values: Float64Array): number {
  let sum = 0;
  for (const v of values) {
    assert.ok(v === 0 || v === 1, `bad must be 0 or 1, got ${v}`);
    sum += v;
  }
  return sum;
}

test('the bundled data folder is found from the compiled module and holds both files and the README', () => {
  const folder = dataFolder();
  for (const name of ['README.md', 'german_credit.csv', 'hmeq.csv']) assert.ok(existsSync(join(folder, name)), name);
});

test('german: 1,000 rows, 20 attributes + bad, 300 bad (30.0%), creditability removed', async () => {
  const frame = await loadDataset('german');
  assert.equal(frame.rowCount, 1000);
  assert.equal(frame.columns.length, 21);
  assert.ok(!frame.has('creditability'));
  assert.equal(frame.names.at(-1), 'bad');
  assert.equal(badCount(frame.numeric('bad').values), 300);
  // First two rows of the file: good then bad.
  assert.deepEqual(Array.from(frame.numeric('bad').values.subarray(0, 2)), [0, 1]);
  assert.equal(frame.columns.filter((c) => c.type === 'category').length, 13);
  assert.deepEqual(frame.category('foreign_worker').dictionary, ['yes', 'no']);
});

test('hmeq: 5,960 rows, BAD renamed bad, 1,189 bad (19.9%), missing values kept as NaN', async () => {
  const frame = await loadDataset('hmeq');
  assert.equal(frame.rowCount, 5960);
  assert.equal(frame.columns.length, 13);
  assert.equal(frame.names[0], 'bad');
  assert.equal(badCount(frame.numeric('bad').values), 1189);
  const debtinc = frame.numeric('DEBTINC').values;
  let missing = 0;
  for (const v of debtinc) if (Number.isNaN(v)) missing++;
  assert.equal(missing, 1267);
  assert.deepEqual(frame.category('REASON').dictionary, ['HomeImp', 'DebtCon']);
});

test('unknown dataset names the known ones', async () => {
  await assert.rejects(loadDataset('iris'), (e: unknown) => e instanceof CredoError && /unknown dataset "iris" \(known: german, hmeq\)/.test(e.message));
});
