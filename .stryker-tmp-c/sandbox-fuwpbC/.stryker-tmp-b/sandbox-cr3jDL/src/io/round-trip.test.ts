// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn, valueAt } from '../frame/index.js';
import { categoryPathStats } from './category-builder.js';
import { readFrame } from './read-frame.js';
import { writeFrame } from './write-frame.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-io-'));

/** A frame with awkward values: negatives, large and tiny numbers, decimals, missing, labels needing quotes. */
function awkward(): Frame {
  return new Frame([
    numericColumn('x', Float64Array.from([1, -2.5, 1e21, 0.1 + 0.2, Number.NaN, -0, 123456789.123, 5e-324])),
    numericColumn('n', Float64Array.from([0, 1, 2, 3, 4, 5, 6, Number.NaN])),
    categoryFromLabels('label', ['plain', 'a,b', 'say "hi"', null, 'line\nbreak', ' edge', 'a label longer than 12 bytes', 'ünïcode']),
    numericColumn('empty_num', new Float64Array(8).fill(Number.NaN)),
    categoryFromLabels('empty_cat', [null, null, null, null, null, null, null, null]),
  ]);
}

function rows(frame: Frame): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  // -0 is written as 0 (String(-0) === '0'); compare it as 0.
  for (let i = 0; i < frame.rowCount; i++) out.push(frame.columns.map((c) => (valueAt(c, i) === 0 ? 0 : valueAt(c, i))));
  return out;
}

const types = { x: 'number', n: 'number', label: 'category', empty_num: 'number', empty_cat: 'category' } as const;

for (const ext of ['csv', 'parquet']) {
  test(`${ext}: round trip keeps numbers exactly, missing values, labels and types`, async () => {
    const frame = awkward();
    const path = join(dir, `awkward.${ext}`);
    await writeFrame(frame, path);
    // CSV cannot tell an all-missing column's type, so the test states it; Parquet keeps it.
    const back = await readFrame(path, ext === 'csv' ? { types } : {});
    assert.deepEqual(back.schema(), frame.schema());
    assert.deepEqual(rows(back), rows(frame));
    assert.ok(categoryPathStats.inline > 0, 'short labels went through the inline-string fast path');
    assert.ok(categoryPathStats.decoded > 0, 'the long label was decoded');
    // CSV writes -0 as 0 (String(-0) === '0'); Parquet keeps the double as is.
    assert.ok(Object.is(back.numeric('x').values[5], ext === 'csv' ? 0 : -0));
  });

  test(`${ext}: identical frames give identical bytes`, async () => {
    const a = join(dir, `same-a.${ext}`);
    const b = join(dir, `same-b.${ext}`);
    await writeFrame(awkward(), a);
    await writeFrame(awkward(), b);
    assert.deepEqual(readFileSync(a), readFileSync(b));
  });

  test(`${ext}: zero rows round trip`, async () => {
    const frame = new Frame([numericColumn('a', new Float64Array(0)), categoryFromLabels('b', [])]);
    const path = join(dir, `zero.${ext}`);
    await writeFrame(frame, path);
    const back = await readFrame(path, { types: { a: 'number', b: 'category' } });
    assert.equal(back.rowCount, 0);
    assert.deepEqual(back.schema(), frame.schema());
  });
}

test('csv text: header, shortest numbers, empty missing, quoting only when needed', async () => {
  const path = join(dir, 'layout.csv');
  await writeFrame(awkward().select(['x', 'label']), path);
  assert.equal(
    readFileSync(path, 'utf8'),
    'x,label\n1,plain\n-2.5,"a,b"\n1e+21,"say ""hi"""\n0.30000000000000004,\n,"line\nbreak"\n0," edge"\n123456789.123,a label longer than 12 bytes\n5e-324,ünïcode\n',
  );
});

test('a single-column csv writes missing values as "" so no row is blank', async () => {
  const path = join(dir, 'single.csv');
  await writeFrame(new Frame([numericColumn('v', Float64Array.from([1, Number.NaN, 3]))]), path);
  assert.equal(readFileSync(path, 'utf8'), 'v\n1\n""\n3\n');
  const back = await readFrame(path, { types: { v: 'number' } });
  assert.deepEqual(Array.from(back.numeric('v').values), [1, Number.NaN, 3]);
});

test('a large frame round trips through both formats (crosses chunk and block boundaries)', async () => {
  const n = 70_000;
  const values = new Float64Array(n);
  const labels: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    values[i] = i % 97 === 0 ? Number.NaN : i / 7;
    labels.push(i % 101 === 0 ? null : `g${i % 13}`);
  }
  const frame = new Frame([numericColumn('v', values), categoryFromLabels('g', labels)]);
  for (const ext of ['csv', 'parquet']) {
    const path = join(dir, `large.${ext}`);
    await writeFrame(frame, path);
    const back = await readFrame(path);
    assert.deepEqual(back.schema(), frame.schema(), ext);
    assert.deepEqual(back.numeric('v').values, values, ext);
    assert.deepEqual(back.category('g').codes, frame.category('g').codes, ext);
  }
});

test('gzip csv reads like plain csv', async () => {
  const { gzipSync } = await import('node:zlib');
  for (const name of ['small.csv.gz', 'LOUD.CSV.GZ']) {
    const path = join(dir, name);
    writeFileSync(path, gzipSync('a,b\n1,x\n2,\n,y\n'));
    const frame = await readFrame(path);
    assert.deepEqual(rows(frame), [
      [1, 'x'],
      [2, null],
      [null, 'y'],
    ]);
  }
});

test('column names with quotes, commas, spaces and unicode survive both formats', async () => {
  const names = ['a "quoted" name', "it's", 'with,comma', ' lead space', 'ünï', 'bad'];
  const frame = new Frame(
    names.map((name, j) => (j % 2 === 0 ? numericColumn(name, Float64Array.from([j, j + 0.5])) : categoryFromLabels(name, ['x', `y${j}`]))),
  );
  for (const ext of ['csv', 'parquet']) {
    const path = join(dir, `names.${ext}`);
    await writeFrame(frame, path);
    const back = await readFrame(path, { columns: ["it's", 'a "quoted" name'] });
    assert.deepEqual(back.names, ["it's", 'a "quoted" name'], ext);
    assert.deepEqual(Array.from(back.numeric('a "quoted" name').values), [0, 0.5], ext);
    assert.deepEqual((await readFrame(path)).schema(), frame.schema(), ext);
  }
});
