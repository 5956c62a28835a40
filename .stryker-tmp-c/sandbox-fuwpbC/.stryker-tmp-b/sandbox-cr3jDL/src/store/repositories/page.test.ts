// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Conditions, isUuid, MAX_PAGE_SIZE, pageOf } from './page.js';

test('pages are bounded: size 1..200 (default 50), offset ≥ 0, non-integers fall back', () => {
  assert.deepEqual(pageOf(), { limit: 50, offset: 0 });
  assert.deepEqual(pageOf(10, 30), { limit: 10, offset: 30 });
  assert.deepEqual(pageOf(1e9, -5), { limit: MAX_PAGE_SIZE, offset: 0 });
  assert.deepEqual(pageOf(0, 0), { limit: 1, offset: 0 });
  assert.deepEqual(pageOf(Number.NaN, 2.5), { limit: 50, offset: 0 });
});

test('conditions number their parameters in order and never splice values into the text', () => {
  const c = new Conditions();
  assert.equal(c.where, '');
  c.add('a = ?', "x'; DROP TABLE t; --").add('(b LIKE ? OR c = ?)', 'p%', 3);
  assert.equal(c.where, 'WHERE a = $1 AND (b LIKE $2 OR c = $3)');
  assert.equal(c.param(10), '$4');
  assert.deepEqual(c.params, ["x'; DROP TABLE t; --", 'p%', 3, 10]);
});

test('isUuid accepts canonical UUIDs only', () => {
  assert.equal(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e'), true);
  assert.equal(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E'), true);
  assert.equal(isUuid('0f8fad5bd9cb469fa16570867728950e'), false);
  assert.equal(isUuid("0f8fad5b-d9cb-469f-a165-70867728950e' OR '1'='1"), false);
});
