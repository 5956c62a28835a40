// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutoffsForApprovalRates, cutoffTable } from './cutoff-table.js';

// Ten rows, PD 0.05..0.50; bads at PD 0.30, 0.40, 0.45, 0.50 and (a surprise) 0.10.
const pd = Float64Array.from([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]);
const labels = Float64Array.from([0, 1, 0, 0, 0, 1, 0, 1, 1, 1]);

test('cutoff table: approval rate, bad rate of the approved, recall, precision and goods turned away (hand-counted)', () => {
  const [low, mid] = cutoffTable(pd, labels, [0.3, 0.45]);
  // PD < 0.30 approves 5 rows (0.05..0.25) holding 1 bad; declines 5 holding 4 of the 5 bads and 1 of the 5 goods.
  assert.deepEqual(low, { cutoff: 0.3, approved: 5, approval_rate: 0.5, bad_rate: 0.2, recall: 0.8, precision: 0.8, good_decline_rate: 0.2 });
  // PD < 0.45 approves 8 rows holding 3 bads; declines 2 (both bad).
  assert.deepEqual(mid, { cutoff: 0.45, approved: 8, approval_rate: 0.8, bad_rate: 3 / 8, recall: 0.4, precision: 1, good_decline_rate: 0 });
  assert.deepEqual(
    cutoffTable(pd, labels, [0, 1]).map((r) => [r.approval_rate, r.recall]),
    [
      [0, 1],
      [1, 0],
    ],
  );
});

test('cutoffs for approval rates: the PD of the ⌊a·n⌋-th row ascending, deduplicated', () => {
  assert.deepEqual(cutoffsForApprovalRates(pd, [0.5, 0.8, 0.95]), [0.3, 0.45, 0.5]);
  assert.deepEqual(cutoffsForApprovalRates(Float64Array.from([0.1, 0.1, 0.1, 0.2]), [0.5, 0.6]), [0.1]);
  const rows = cutoffTable(pd, labels, cutoffsForApprovalRates(pd, [0.5, 0.8]));
  assert.deepEqual(
    rows.map((r) => r.approval_rate),
    [0.5, 0.8],
  );
});
