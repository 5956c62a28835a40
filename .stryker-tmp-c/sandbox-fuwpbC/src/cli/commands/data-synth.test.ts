// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readFrame } from '../../io/index.js';
import { runCliCaptured } from '../run-cli.js';
import { dataSynthCommand } from './data-synth.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-data-synth-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  return runCliCaptured([dataSynthCommand], argv, dir);
}

test('the same seed writes byte-identical CSV files; another seed does not', async () => {
  const first = await run(['data', 'synth', '--rows', '20000', '--seed', '3', '--out', 'a.csv', '--performance', 'pa.csv', '--json']);
  assert.equal(first.code, 0, first.err);
  const second = await run(['data', 'synth', '--rows', '20000', '--seed', '3', '--out', 'b.csv', '--performance', 'pb.csv', '--json']);
  assert.equal(second.code, 0, second.err);
  const other = await run(['data', 'synth', '--rows', '20000', '--seed', '4', '--out', 'c.csv', '--json']);
  assert.equal(other.code, 0, other.err);
  const bytes = (name: string) => readFileSync(join(dir, name));
  assert.ok(bytes('a.csv').equals(bytes('b.csv')));
  assert.ok(bytes('pa.csv').equals(bytes('pb.csv')));
  assert.ok(!bytes('a.csv').equals(bytes('c.csv')));
  const result = JSON.parse(first.out);
  assert.deepEqual(Object.keys(result).sort(), [
    'approval_rate',
    'bad_rate_approved',
    'out',
    'performance',
    'performance_rows',
    'rows',
    'seconds',
    'true_bad_rate',
  ]);
  assert.equal(result.rows, 20000);
  assert.equal(result.out, 'a.csv');
  assert.equal(result.performance, 'pa.csv');
  assert.ok(result.approval_rate > 0.55 && result.approval_rate < 0.65);
  // The written file reads back with the same rates (the real I/O path).
  const frame = await readFrame(join(dir, 'a.csv'));
  assert.equal(frame.rowCount, 20000);
  const approved = frame.numeric('approved').values.reduce((a, b) => a + b, 0);
  assert.equal(approved / 20000, result.approval_rate);
  assert.equal(frame.category('application_id').dictionary[0], 'A0000001');
  const perf = await readFrame(join(dir, 'pa.csv'));
  assert.equal(perf.rowCount, result.performance_rows);
});

test('human output is a table; Parquet works by extension', async () => {
  const r = await run(['data', 'synth', '--rows', '2000', '--out', 'w.parquet', '--start', '2022-06', '--months', '3']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /applications\s+2,000/);
  assert.match(r.out, /approval rate\s+\d+\.\d\d%/);
  const frame = await readFrame(join(dir, 'w.parquet'));
  assert.deepEqual([...new Set(frame.category('vintage').dictionary)].sort(), ['2022-06', '2022-07', '2022-08']);
});

test('bad flags exit 2 naming the problem', async () => {
  const cases: [string[], RegExp][] = [
    [['data', 'synth', '--rows', '10'], /flag --out is required/],
    [['data', 'synth', '--out', 'x.txt'], /x\.txt.*unknown extension/],
    [['data', 'synth', '--out', 'x.csv', '--performance', 'p.json'], /p\.json.*unknown extension/],
    [['data', 'synth', '--out', 'x.csv', '--start', '2023-13'], /start.*YYYY-MM/],
    [['data', 'synth', '--out', 'x.csv', '--rows', '0'], /--rows: must be at least 1/],
  ];
  for (const [argv, pattern] of cases) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, pattern);
  }
});
