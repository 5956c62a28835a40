// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { categoryFromLabels, Frame, numericColumn, valueAt } from '../frame/index.js';
import { fastPathStats } from './query-to-frame.js';
import { readFrame } from './read-frame.js';
import { writeFrame } from './write-frame.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-io-read-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Asserts that `action` rejects with a CredoError of `code` whose message matches every pattern. */
async function rejects(action: Promise<unknown>, code: string, ...patterns: RegExp[]): Promise<CredoError> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof CredoError, `expected a CredoError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected ${code}`);
}

test('inference: integers, decimals, booleans → number; text and dates → category; empty → missing', async () => {
  const path = file('types.csv', 'id,amount,flag,yes_no,seg,day\n1,10.5,true,yes,a,2024-01-31\n2,,false,no,,2024-02-29\n3,-7,TRUE,yes,b,\n');
  const frame = await readFrame(path);
  assert.deepEqual(
    frame.columns.map((c) => [c.name, c.type]),
    [
      ['id', 'number'],
      ['amount', 'number'],
      ['flag', 'number'],
      ['yes_no', 'category'],
      ['seg', 'category'],
      ['day', 'category'],
    ],
  );
  assert.deepEqual(Array.from(frame.numeric('amount').values), [10.5, Number.NaN, -7]);
  assert.deepEqual(Array.from(frame.numeric('flag').values), [1, 0, 1]);
  assert.deepEqual(frame.category('seg').dictionary, ['a', 'b']);
  assert.deepEqual(Array.from(frame.category('seg').codes), [0, -1, 1]);
  assert.deepEqual(frame.category('day').dictionary, ['2024-01-31', '2024-02-29']);
  assert.ok(fastPathStats.doubleVectors > 0, 'numbers were copied through the typed-array fast path');
  assert.equal(fastPathStats.slowVectors, 0);
});

test('overrides: a numeric column read as category keeps its text; columns selects and orders', async () => {
  const path = file('override.csv', 'code,score,x\n007,1.50,a\n010,2,b\n');
  const frame = await readFrame(path, { types: { code: 'category', score: 'category' }, columns: ['score', 'code'] });
  assert.deepEqual(frame.names, ['score', 'code']);
  assert.deepEqual(frame.category('code').dictionary, ['007', '010']);
  assert.deepEqual(frame.category('score').dictionary, ['1.50', '2']);
});

test('a column that looks numeric in the sniffed sample but holds over 1% text later becomes a category', async () => {
  const lines = ['v,w'];
  for (let i = 0; i < 30_000; i++) lines.push(`${i},${i}`);
  for (let i = 0; i < 400; i++) lines.push('n/a,5');
  const frame = await readFrame(file('late-text.csv', `${lines.join('\n')}\n`));
  assert.equal(frame.column('v').type, 'category');
  assert.equal(frame.column('w').type, 'number');
  assert.equal(valueAt(frame.column('v'), 30_000), 'n/a');
  assert.equal(frame.rowCount, 30_400);
});

test('one bad cell in an otherwise numeric column is an error naming file, line, column and value', async () => {
  // Late (after the sniffed sample) and early (inside it): 30,000 numbers and one text cell each.
  const late = ['v,w'];
  for (let i = 0; i < 30_000; i++) late.push(`${i},${i}`);
  late.push('n/a,5');
  const error = await rejects(readFrame(file('late-bad.csv', `${late.join('\n')}\n`)), 'E_FILE_VALUE_NOT_NUMERIC', /line 30002, column "v": value "n\/a"/);
  assert.equal(error.details.non_numeric_cells, 1);
  assert.match(error.message, /1 of 30001 filled cells of "v" are not numbers; .* --schema v:category/);
  const early = ['id,amount'];
  for (let i = 0; i < 500; i++) early.push(`${i},${i === 321 ? '12x5' : i * 3}`);
  const path = file('early-bad.csv', `${early.join('\r\n')}\r\n`);
  await rejects(readFrame(path), 'E_FILE_VALUE_NOT_NUMERIC', /line 323, column "amount": value "12x5"/);
  // An explicit category override still reads it; a small column (under 100 cells) falls back to a category.
  assert.equal((await readFrame(path, { types: { amount: 'category' } })).column('amount').type, 'category');
  const small = file('small.csv', `a\n${Array.from({ length: 50 }, (_, i) => (i === 7 ? 'x' : String(i))).join('\n')}\n`);
  assert.equal((await readFrame(small)).column('a').type, 'category');
});

test('--delimiter: semicolon and tab files read with their separator; a one-column read suggests it', async () => {
  const semi = file('semi.csv', 'a;b;c\n1;2;x\n3;"4;5";y\n');
  await rejects(readFrame(semi), 'E_FILE_FORMAT', /parses into one column "a;b;c"; its fields look separated by ";"; try --delimiter ";"/);
  const frame = await readFrame(semi, { delimiter: ';' });
  assert.deepEqual(frame.names, ['a', 'b', 'c']);
  assert.deepEqual([valueAt(frame.column('a'), 1), valueAt(frame.column('b'), 1), valueAt(frame.column('c'), 1)], [3, '4;5', 'y']);
  const tab = file('tab.csv', 'a\tb\n1\t2\n');
  await rejects(readFrame(tab), 'E_FILE_FORMAT', /try --delimiter tab/);
  assert.deepEqual(Array.from((await readFrame(tab, { delimiter: '\t' })).numeric('b').values), [2]);
});

test('a column empty throughout the sniffed sample is tried as numbers (and kept as text when it is text)', async () => {
  const lines = ['a,b,c,d'];
  for (let i = 0; i < 25_000; i++) lines.push(`${i},,,`);
  lines.push('1,2.5,x,', '2,,y,');
  const frame = await readFrame(file('late-values.csv', `${lines.join('\n')}\n`));
  assert.deepEqual(
    frame.columns.map((c) => c.type),
    ['number', 'number', 'category', 'number'],
  );
  assert.equal(frame.numeric('b').values[25_000], 2.5);
  assert.deepEqual(frame.category('c').dictionary, ['x', 'y']);
});

test('quoted fields with commas, quotes and line breaks; CRLF line ends; BOM', async () => {
  const frame = await readFrame(file('quoted.csv', '\ufeffa,b\r\n1,"x, ""y"""\r\n2,"two\r\nlines"\r\n'));
  assert.deepEqual(frame.names, ['a', 'b']);
  assert.deepEqual(frame.category('b').dictionary, ['x, "y"', 'two\r\nlines']);
});

test('parquet: numeric types, booleans as 0/1, dates as ISO text', async () => {
  const { withConnection, sqlString } = await import('./duckdb.js');
  const path = join(dir, 'typed.parquet');
  await withConnection(async (connection) => {
    await connection.run(
      `COPY (SELECT * FROM (VALUES (1::INTEGER, 2.5::DECIMAL(5,2), true, DATE '2024-03-01', 'x'), (NULL, NULL, false, NULL, NULL)) t(i, d, b, day, s)) TO ${sqlString(path)} (FORMAT parquet)`,
    );
  });
  const frame = await readFrame(path);
  assert.deepEqual(
    frame.columns.map((c) => c.type),
    ['number', 'number', 'number', 'category', 'category'],
  );
  assert.deepEqual(Array.from(frame.numeric('i').values), [1, Number.NaN]);
  assert.deepEqual(Array.from(frame.numeric('d').values), [2.5, Number.NaN]);
  assert.deepEqual(Array.from(frame.numeric('b').values), [1, 0]);
  assert.deepEqual(frame.category('day').dictionary, ['2024-03-01']);
  await rejects(readFrame(path, { types: { s: 'number' } }), 'E_FILE_VALUE_NOT_NUMERIC', /typed\.parquet", line 1, column "s": value "x"/);
});

test('concurrent reads of CSV and Parquet do not disturb each other', async () => {
  const csv = file('concurrent.csv', `v,g\n${Array.from({ length: 5000 }, (_, i) => `${i},g${i % 3}`).join('\n')}\n`);
  const parquet = join(dir, 'concurrent.parquet');
  await writeFrame(await readFrame(csv), parquet);
  const frames = await Promise.all([readFrame(csv), readFrame(parquet), readFrame(csv, { columns: ['g'] }), readFrame(parquet, { columns: ['v'] })]);
  assert.deepEqual(
    frames.map((f) => [f.rowCount, f.names.join()]),
    [
      [5000, 'v,g'],
      [5000, 'v,g'],
      [5000, 'g'],
      [5000, 'v'],
    ],
  );
  assert.equal(frames[1]?.numeric('v').values[4999], 4999);
  assert.deepEqual(frames[2]?.category('g').dictionary, ['g0', 'g1', 'g2']);
});

test('errors: missing file, unknown extension, directory', async () => {
  await rejects(readFrame(join(dir, 'absent.csv')), 'E_FILE_NOT_FOUND', /absent\.csv" does not exist/);
  await rejects(readFrame(file('data.txt', 'a\n1\n')), 'E_FILE_FORMAT', /data\.txt": unknown extension/);
  await rejects(readFrame(file('fake.parquet', 'not parquet')), 'E_FILE_FORMAT', /fake\.parquet": not a readable Parquet file/);
  const binary = join(dir, 'binary.csv');
  writeFileSync(binary, Buffer.concat([Buffer.from('a,b\n1,x\n2,'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\n')]));
  await rejects(readFrame(binary), 'E_FILE_PARSE', /binary\.csv", line 3: /);
  mkdirSync(join(dir, 'folder.csv'));
  await rejects(readFrame(join(dir, 'folder.csv')), 'E_FILE_FORMAT', /folder\.csv": not a regular file/);
});

test('errors: override or column not in the file names the column and the file', async () => {
  const path = file('cols.csv', 'a,b\n1,2\n');
  await rejects(readFrame(path, { types: { zz: 'number' } }), 'E_INPUT_COLUMN_MISSING', /column "zz" is not in file ".*cols\.csv"; columns there: a, b/);
  await rejects(readFrame(path, { columns: ['a', 'q'] }), 'E_INPUT_COLUMN_MISSING', /column "q" is not in file/);
  const lenient = await readFrame(path, { types: { zz: 'number', b: 'category' }, missingTypes: 'ignore' });
  assert.deepEqual(
    lenient.columns.map((c) => c.type),
    ['number', 'category'],
  );
  const frame = new Frame([numericColumn('a', Float64Array.from([1])), categoryFromLabels('b', ['x'])]);
  const parquet = join(dir, 'cols.parquet');
  await writeFrame(frame, parquet);
  await rejects(readFrame(parquet, { types: { zz: 'category' } }), 'E_INPUT_COLUMN_MISSING', /column "zz" is not in file ".*cols\.parquet"/);
});

test('errors: non-numeric value in a number override names file, physical line, column and value', async () => {
  const path = file('text.csv', 'id,amount,note\n1,10,"multi\nline"\n2,12,x\n3,abc,y\n4,,z\n');
  const error = await rejects(
    readFrame(path, { types: { amount: 'number' } }),
    'E_FILE_VALUE_NOT_NUMERIC',
    /text\.csv", line 5, column "amount": value "abc" is not a number/,
  );
  assert.deepEqual({ line: error.details.line, column: error.details.column, value: error.details.value }, { line: 5, column: 'amount', value: 'abc' });
});

test('an error deep in a large file is reported, never a silently shortened frame', async () => {
  const lines = ['id,amount'];
  for (let i = 0; i < 60_000; i++) lines.push(`${i},${i}.25`);
  lines.push('60000,oops');
  const path = file('deep.csv', `${lines.join('\n')}\n`);
  await rejects(readFrame(path, { types: { amount: 'number' } }), 'E_FILE_VALUE_NOT_NUMERIC', /deep\.csv", line 60002, column "amount": value "oops"/);
  // Inferred, the one text cell among 60,001 numbers is still a bad cell, not a reason to make a category.
  await rejects(readFrame(path), 'E_FILE_VALUE_NOT_NUMERIC', /deep\.csv", line 60002, column "amount": value "oops"/);
});

test('errors: ragged rows name file, line and field counts', async () => {
  await rejects(readFrame(file('short.csv', 'a,b,c\n1,2,3\n4,5\n')), 'E_FILE_RAGGED_ROW', /short\.csv", line 3: expected 3 fields, found 2/);
  await rejects(readFrame(file('long.csv', 'a,b\n1,2\n3,4\n5,6,7\n')), 'E_FILE_RAGGED_ROW', /long\.csv", line 4: expected 2 fields, found 3/);
  const lines = ['a,b'];
  for (let i = 0; i < 5000; i++) lines.push(`${i},${i}`);
  lines.push('1');
  await rejects(readFrame(file('late.csv', `${lines.join('\n')}\n`)), 'E_FILE_RAGGED_ROW', /late\.csv", line 5002: expected 2 fields, found 1/);
});

test('errors: empty file, empty and duplicate header names', async () => {
  await rejects(readFrame(file('empty.csv', '')), 'E_FILE_PARSE', /empty\.csv", line 1: the file is empty/);
  await rejects(readFrame(file('noname.csv', 'a,,c\n1,2,3\n')), 'E_FILE_PARSE', /header field 2 is empty/);
  await rejects(readFrame(file('dup.csv', 'a,b,a\n1,2,3\n')), 'E_INPUT_COLUMN_DUPLICATE', /column "a" appears more than once/);
});
