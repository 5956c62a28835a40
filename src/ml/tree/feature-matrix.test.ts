import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryColumn, Frame, numericColumn } from '../../frame/index.js';
import { featureMatrix } from './feature-matrix.js';
import type { TreeFeature } from './tree.js';

const features: TreeFeature[] = [
  { name: 'income', type: 'number' },
  { name: 'segment', type: 'category', categories: ['new', 'repeat', 'topup'] },
];

test('categories become training codes: a label training never saw gets the code past the last, a missing one NaN', () => {
  const dictionary = ['repeat', 'other', 'new'];
  const frame = new Frame([
    numericColumn('income', Float64Array.from([10, 20, 30, 40])),
    categoryColumn('segment', Int32Array.from([0, 1, 2, -1]), dictionary),
  ]);
  const m = featureMatrix(features, frame);
  assert.deepEqual([...(m.columns[0] as Float64Array)], [10, 20, 30, 40]);
  assert.deepEqual([...(m.columns[1] as Float64Array)], [1, 3, 0, Number.NaN]);
});

test('a dictionary reused by later frames (a decision rewrites one row) maps each frame by its own codes, and a grown one maps its new labels', () => {
  const dictionary = ['topup', 'new'];
  const codes = Int32Array.from([0]);
  const frame = new Frame([numericColumn('income', Float64Array.from([1])), categoryColumn('segment', codes, dictionary)]);
  assert.deepEqual([...(featureMatrix(features, frame).columns[1] as Float64Array)], [2]);
  codes[0] = 1;
  assert.deepEqual([...(featureMatrix(features, frame).columns[1] as Float64Array)], [0]);
  dictionary.push('repeat');
  codes[0] = 2;
  const grown = new Frame([numericColumn('income', Float64Array.from([1])), categoryColumn('segment', codes, dictionary)]);
  assert.deepEqual([...(featureMatrix(features, grown).columns[1] as Float64Array)], [1]);
});
