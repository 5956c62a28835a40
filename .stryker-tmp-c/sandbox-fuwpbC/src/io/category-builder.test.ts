// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels } from '../frame/index.js';
import { CategoryBuilder, categoryPathStats } from './category-builder.js';
import { sqlString, withConnection } from './duckdb.js';
import { queryToFrame } from './query-to-frame.js';

/** Labels around the 12-byte inline limit, multi-byte characters straddling it, repeats, missing. */
const labels: (string | null)[] = [];
const distinct = ['a', 'abcd', 'abcdefgh', 'abcdefghijkl', 'abcdefghijklm', 'éééééé', 'ééééééé', 'x\ty', 'abcdefghijk', '€uro', 'personal_loan', 'a b'];
for (let i = 0; i < 5000; i++) labels.push(i % 17 === 0 ? null : (distinct[(i * 7) % distinct.length] as string));

test('streamed codes and dictionary equal the reference built label by label (fast path ran)', async () => {
  const before = { ...categoryPathStats };
  const values = labels.map((l) => (l === null ? 'NULL' : sqlString(l))).join('), (');
  const frame = await withConnection((connection) =>
    queryToFrame(connection, `SELECT * FROM (VALUES (${values})) t(label)`, [{ name: 'label', type: 'category' }]),
  );
  const reference = categoryFromLabels('label', labels);
  assert.deepEqual(frame.category('label').dictionary, reference.dictionary);
  assert.deepEqual(frame.category('label').codes, reference.codes);
  assert.ok(categoryPathStats.inline > before.inline && categoryPathStats.decoded > before.decoded);
});

test('labels given as strings share codes with the same labels seen as inline words', () => {
  const builder = new CategoryBuilder();
  const codes = distinct.map((l) => builder.codeOfLabel(l));
  assert.deepEqual(codes, [...distinct.keys()]);
  assert.deepEqual(
    distinct.map((l) => builder.codeOfLabel(l)),
    codes,
  );
  assert.equal(builder.codeOfLabel(''), -1);
  assert.equal(builder.codeOfLabel(null), -1);
  assert.deepEqual(builder.dictionary, distinct);
});
