// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import { summarizeWorld, summarizeWorldBy } from './world-summary.js';

const N = Number.NaN;
const frame = new Frame([
  categoryFromLabels('vintage', ['2023-02', '2023-01', '2023-02', '2023-01', '2023-02', null]),
  numericColumn('approved', Float64Array.from([1, 1, 0, 1, 1, 0])),
  numericColumn('bad', Float64Array.from([1, 0, N, 0, 0, N])),
  numericColumn('true_bad', Float64Array.from([1, 0, 1, 0, 0, 1])),
  numericColumn('true_pd', Float64Array.from([0.5, 0.1, 0.3, 0.1, 0.2, 0.4])),
]);

test('headline rates by hand: 4 of 6 booked, 1 of 4 bad, 3 of 6 truly bad', () => {
  const s = summarizeWorld(frame);
  assert.equal(s.rows, 6);
  assert.equal(s.approvalRate, 4 / 6);
  assert.equal(s.badRateApproved, 1 / 4);
  assert.equal(s.trueBadRate, 3 / 6);
  assert.ok(Math.abs(s.meanTruePd - 1.6 / 6) < 1e-15);
});

test('groups come out ordered by label, missing labels as an empty group first', () => {
  const groups = summarizeWorldBy(frame, 'vintage');
  assert.deepEqual(
    groups.map((g) => [g.group, g.rows, g.approvalRate, g.badRateApproved, g.trueBadRate]),
    [
      ['', 1, 0, 0, 1],
      ['2023-01', 2, 1, 0, 0],
      ['2023-02', 3, 2 / 3, 1 / 2, 2 / 3],
    ],
  );
});
