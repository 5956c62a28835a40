// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { BitSet } from './bitset.js';
import { categoryColumn, categoryFromLabels, numericColumn, valueAt } from './column.js';
import { Frame } from './frame.js';
import { assertSchema, checkSchema, parseSchema } from './schema.js';

const sample = () =>
  new Frame([numericColumn('x', Float64Array.from([1, Number.NaN, 3, 4, 5])), categoryFromLabels('seg', ['new', 'repeat', null, 'new', 'topup'])]);

test('frame exposes columns by name and type', () => {
  const frame = sample();
  assert.equal(frame.rowCount, 5);
  assert.deepEqual(frame.names, ['x', 'seg']);
  assert.deepEqual(frame.category('seg').dictionary, ['new', 'repeat', 'topup']);
  assert.deepEqual(Array.from(frame.category('seg').codes), [0, 1, -1, 0, 2]);
  assert.throws(
    () => frame.column('nope'),
    (e: unknown) => e instanceof CredoError && e.code === 'E_INPUT_COLUMN_MISSING',
  );
  assert.throws(
    () => frame.numeric('seg'),
    (e: unknown) => e instanceof CredoError && e.code === 'E_INPUT_COLUMN_TYPE',
  );
});

test('filter by mask, take, slice and select return new frames sharing nothing mutable', () => {
  const frame = sample();
  const filtered = frame.filter(Uint8Array.from([1, 0, 1, 0, 1]));
  assert.deepEqual(Array.from(filtered.numeric('x').values), [1, 3, 5]);
  assert.deepEqual(
    [0, 1, 2].map((i) => valueAt(filtered.column('seg'), i)),
    ['new', null, 'topup'],
  );
  const taken = frame.take(Int32Array.from([4, 4, 0]));
  assert.deepEqual(Array.from(taken.numeric('x').values), [5, 5, 1]);
  const sliced = frame.slice(1, 3);
  assert.equal(sliced.rowCount, 2);
  assert.ok(Number.isNaN(sliced.numeric('x').values[0]));
  assert.deepEqual(frame.select(['seg']).names, ['seg']);
  assert.deepEqual(frame.drop(['seg']).names, ['x']);
  assert.throws(() => frame.take(Int32Array.from([5])), /outside/);
});

test('withColumn adds or replaces and checks length', () => {
  const frame = sample().withColumn(numericColumn('y', new Float64Array(5).fill(2)));
  assert.deepEqual(frame.names, ['x', 'seg', 'y']);
  const replaced = frame.withColumn(numericColumn('x', new Float64Array(5)));
  assert.deepEqual(replaced.names, ['x', 'seg', 'y']);
  assert.throws(
    () => frame.withColumn(numericColumn('z', new Float64Array(4))),
    (e: unknown) => e instanceof CredoError && e.code === 'E_INPUT_LENGTH_MISMATCH',
  );
  assert.throws(() => new Frame([numericColumn('a', new Float64Array(1)), numericColumn('a', new Float64Array(1))]), /more than once/);
});

test('category codes outside the dictionary are refused', () => {
  assert.throws(() => categoryColumn('c', Int32Array.from([0, 2]), ['a', 'b']), /outside its dictionary/);
});

test('bitset counts, combines and lists indices', () => {
  const a = BitSet.fromMask(Uint8Array.from([1, 1, 0, 0, 1, 0, 1]));
  const b = BitSet.fromMask(Uint8Array.from([0, 1, 1, 0, 1, 0, 0]));
  assert.equal(a.count(), 4);
  assert.deepEqual(Array.from(a.and(b).indices()), [1, 4]);
  assert.deepEqual(Array.from(a.or(b).indices()), [0, 1, 2, 4, 6]);
  assert.deepEqual(Array.from(a.andNot(b).indices()), [0, 6]);
  assert.deepEqual(Array.from(a.not().indices()), [2, 3, 5]);
  const full = BitSet.full(70);
  assert.equal(full.count(), 70);
  assert.equal(full.not().count(), 0);
});

test('schema round-trips through JSON and reports every mismatch', () => {
  const frame = sample();
  const schema = parseSchema(JSON.parse(JSON.stringify(frame.schema())));
  assert.deepEqual(checkSchema(frame, schema), []);
  const other = new Frame([categoryFromLabels('x', ['a']), categoryFromLabels('seg', ['gold'])]);
  const withoutY = new Frame([numericColumn('q', new Float64Array(1))]);
  const issues = checkSchema(other, schema);
  assert.deepEqual(
    issues.map((i) => i.code),
    ['E_INPUT_COLUMN_TYPE', 'E_INPUT_SCHEMA_MISMATCH'],
  );
  assert.match(issues[1]?.message ?? '', /gold/);
  assert.throws(() => assertSchema(withoutY, schema), /column "x" is missing; column "seg" is missing/);
  assert.throws(() => parseSchema({ columns: [{ name: 'a', type: 'text' }] }), /columns\[0\]\.type/);
});
