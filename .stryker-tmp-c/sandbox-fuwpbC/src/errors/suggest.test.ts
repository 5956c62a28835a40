// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestNames, didYouMean, editDistance, missingColumnError } from './suggest.js';

test('edit distance counts insertions, deletions, substitutions and adjacent swaps as 1', () => {
  assert.equal(editDistance('', ''), 0);
  assert.equal(editDistance('abc', ''), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3); // k→s, e→i, +g
  assert.equal(editDistance('trian', 'train'), 1); // one swap
  assert.equal(editDistance('modle', 'model'), 1);
  assert.equal(editDistance('ca', 'abc'), 3); // optimal string alignment: no edit of a swapped pair
});

test('closest names: case-insensitive, nearest first, within a third of the length', () => {
  assert.deepEqual(closestNames('bda', ['BAD', 'LOAN', 'JOB']), ['BAD']);
  assert.deepEqual(closestNames('FOO', ['BAD', 'LOAN', 'JOB', 'YOJ']), []);
  assert.deepEqual(closestNames('target', ['targets', 'target_', 'tar']), ['targets', 'target_']);
  assert.equal(
    didYouMean('exclud', ['exclude', 'features'], (s) => `--${s}`),
    'did you mean --exclude?',
  );
  assert.equal(didYouMean('zzz', ['exclude']), undefined);
});

test('a missing column names the closest columns, or lists those there are', () => {
  const close = missingColumnError('bda', 'file "x.csv"', ['BAD', 'LOAN']);
  assert.equal(close.message, 'column "bda" is not in file "x.csv"; did you mean "BAD"?');
  assert.deepEqual(close.details.closest, ['BAD']);
  const far = missingColumnError('FOO', 'file "x.csv"', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  assert.equal(far.message, 'column "FOO" is not in file "x.csv"; columns there: a, b, c, d, e, f, g, h, … 1 more');
});
