// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame } from '../frame/index.js';
import { isDownturn } from './macro.js';
import { generateWorld } from './world.js';

const ROWS = 40_000;
const world = generateWorld({ rows: ROWS, seed: 5, performance: true });
const apps = world.applications;
const perf = world.performance as Frame;
const num = (name: string) => apps.numeric(name).values;
const col = (name: string) => perf.numeric(name).values;

/** Row ranges of each loan in the performance table (rows are ordered by loan, then MOB). */
function loanRanges(): Map<number, [number, number]> {
  const ids = perf.category('loan_id').codes;
  const ranges = new Map<number, [number, number]>();
  let start = 0;
  for (let r = 1; r <= perf.rowCount; r++) {
    if (r === perf.rowCount || ids[r] !== ids[start]) {
      ranges.set(ids[start] as number, [start, r]);
      start = r;
    }
  }
  return ranges;
}

test('the performance table has the documented columns and one run of MOBs per booked loan', () => {
  assert.deepEqual(perf.names, ['loan_id', 'vintage', 'month', 'mob', 'segment', 'product', 'balance', 'dpd', 'charged_off']);
  const ranges = loanRanges();
  let booked = 0;
  for (let i = 0; i < ROWS; i++) booked += num('approved')[i] as number;
  assert.equal(ranges.size, booked);
  const month = perf.category('month');
  const vintage = perf.category('vintage');
  for (const [loan, [from, to]] of ranges) {
    assert.equal(num('approved')[loan], 1);
    for (let r = from; r < to; r++) {
      assert.equal(col('mob')[r], r - from + 1);
      // Calendar month = vintage month + MOB.
      const [vy, vm] = (vintage.dictionary[vintage.codes[r] as number] as string).split('-').map(Number) as [number, number];
      const [y, m] = (month.dictionary[month.codes[r] as number] as string).split('-').map(Number) as [number, number];
      assert.equal(y * 12 + m - (vy * 12 + vm), col('mob')[r]);
    }
  }
});

test('dpd paths agree with bad, MOB4 balances and charge-offs', () => {
  const ranges = loanRanges();
  for (const [loan, [from, to]] of ranges) {
    let max12 = 0;
    for (let r = from; r < to; r++) {
      const dpd = col('dpd')[r] as number;
      if ((col('mob')[r] as number) <= 12) max12 = Math.max(max12, dpd);
      assert.equal(col('charged_off')[r], dpd >= 180 ? 1 : 0);
      if (col('charged_off')[r] === 1) assert.equal(r, to - 1, 'charge-off is the last row');
      if (r > from) {
        // dpd moves by at most one bucket up per month; cures drop it back to 0.
        const previous = col('dpd')[r - 1] as number;
        assert.ok(dpd === 0 || dpd === previous + 30, `loan ${loan} mob ${col('mob')[r]}: ${previous} → ${dpd}`);
        assert.ok((col('balance')[r] as number) <= (col('balance')[r - 1] as number));
      }
    }
    assert.equal(max12 >= 90, num('bad')[loan] === 1, `loan ${loan}`);
    const mob4 = from + 3;
    assert.ok(mob4 < to, 'every loan is observed at MOB 4');
    assert.equal(col('balance')[mob4], num('mob4_balance')[loan]);
    assert.equal(num('mob4_m2plus_balance')[loan], (col('dpd')[mob4] as number) >= 60 ? col('balance')[mob4] : 0);
    assert.equal((num('fpd7_overdue_amount')[loan] as number) > 0 || (col('dpd')[from] as number) === 0, true);
  }
});

test('vintage curves show the downturn: more 90+ dpd by MOB 12 in downturn vintages', () => {
  const vintage = perf.category('vintage');
  const ever90 = { down: 0, downLoans: 0, normal: 0, normalLoans: 0 };
  for (const [, [from, to]] of loanRanges()) {
    const down = isDownturn(vintage.codes[from] as number);
    let hit = 0;
    for (let r = from; r < to; r++) if ((col('dpd')[r] as number) >= 90) hit = 1;
    if (down) {
      ever90.down += hit;
      ever90.downLoans++;
    } else {
      ever90.normal += hit;
      ever90.normalLoans++;
    }
  }
  const downRate = ever90.down / ever90.downLoans;
  const normalRate = ever90.normal / ever90.normalLoans;
  assert.ok(downRate > normalRate * 1.3, `downturn ${downRate} vs normal ${normalRate}`);
});
