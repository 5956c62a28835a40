// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFrame } from '../../io/index.js';
import { runCliCaptured } from '../run-cli.js';
import { dataLoadCommand } from './data-load.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-data-load-'));

async function run(argv: string[]) {
  return runCliCaptured([dataLoadCommand], argv, dir);
}

test('data load german --out FILE --json writes the file and reports rows, columns, bad rate', async () => {
  const r = await run(['data', 'load', 'german', '--out', 'german.parquet', '--json']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), { dataset: 'german', rows: 1000, columns: 21, bad_rate: 0.3, out: 'german.parquet' });
  const frame = await readFrame(join(dir, 'german.parquet'));
  assert.equal(frame.rowCount, 1000);
  assert.equal(
    frame.numeric('bad').values.reduce((a, b) => a + b, 0),
    300,
  );
});

test('data load hmeq prints a table', async () => {
  const r = await run(['data', 'load', 'hmeq', '--out', 'hmeq.csv']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /hmeq\s+5,960\s+13\s+19\.95%\s+hmeq\.csv/);
});

test('unknown dataset and missing --out exit 2', async () => {
  const unknown = await run(['data', 'load', 'iris', '--out', 'x.csv']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /german, hmeq/);
  const missing = await run(['data', 'load', 'german']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--out is required/);
});
