// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jaccardIndex, selectionStability } from './selection-stability.js';

test('Jaccard stability of three selections, hand-worked', () => {
  // {a,b} vs {a,c}: 1/3; {a,b} vs {a,b,c}: 2/3; {a,c} vs {a,b,c}: 2/3 → mean 5/9.
  const s = selectionStability(
    [
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'b', 'c'],
    ],
    ['a', 'b', 'c', 'd'],
  );
  assert.ok(Math.abs(s.jaccard - 5 / 9) < 1e-15);
  assert.deepEqual(
    [...s.frequency],
    [
      ['a', 1],
      ['b', 2 / 3],
      ['c', 2 / 3],
      ['d', 0],
    ],
  );
  assert.equal(s.runs, 3);
});

test('Jaccard edge cases: identical, disjoint, empty sets, one run', () => {
  assert.equal(jaccardIndex(['a', 'b'], ['b', 'a']), 1);
  assert.equal(jaccardIndex(['a'], ['b']), 0);
  assert.equal(jaccardIndex([], []), 1);
  assert.equal(jaccardIndex(['a'], []), 0);
  assert.equal(selectionStability([['a']], ['a']).jaccard, 1);
});
