// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accruedInterest, dayCountDays } from './accrue-interest.js';
import { behaviouralPd, pdDoubled } from './behavioural-pd.js';
import { dayNumber, isoDay } from './dates.js';
import { DEFAULT_PRODUCT } from './loan-product.js';
import { buildSchedule } from './loan-schedule.js';

test('30E/360 and actual/365 day counts', () => {
  assert.equal(dayCountDays('30/360', '2025-01-15', '2025-01-31'), 15); // the 31st counts as the 30th
  assert.equal(dayCountDays('30/360', '2025-01-31', '2025-02-28'), 28);
  assert.equal(dayCountDays('30/360', '2025-02-28', '2025-03-31'), 32);
  assert.equal(dayCountDays('30/360', '2024-12-15', '2025-01-15'), 30);
  assert.equal(dayCountDays('actual/365', '2025-01-15', '2025-02-15'), 31);
});

test('accrual of the worked loan (1,200.00 at 12%, 12 months, from 2025-01-15) to the cent', () => {
  const schedule = buildSchedule(DEFAULT_PRODUCT, 120_000, 0.12, 12, '2025-01-15');
  assert.deepEqual(
    schedule.slice(0, 5).map((i) => i.interest),
    [1200, 1105, 1010, 913, 816],
  );
  const at = (d: string) => accruedInterest(DEFAULT_PRODUCT, schedule, '2025-01-15', d);
  assert.equal(at('2025-01-15'), 0);
  assert.equal(at('2025-01-20'), 200); // 1200 · 5/30
  assert.equal(at('2025-01-31'), 600); // 1200 · 15/30
  assert.equal(at('2025-02-15'), 1200);
  assert.equal(at('2025-03-01'), 1789); // 1200 + floor(1105 · 16/30)
  assert.equal(at('2025-05-16'), 4255); // 1200 + 1105 + 1010 + 913 + floor(816 · 1/30)
  // Day by day the increments are never negative and add up to the schedule's interest exactly.
  let previous = 0;
  for (let d = dayNumber('2025-01-15'); d <= dayNumber('2026-01-20'); d++) {
    const now = at(isoDay(d));
    assert.ok(now >= previous, isoDay(d));
    previous = now;
  }
  assert.equal(
    previous,
    schedule.reduce((s, i) => s + i.interest, 0),
  );
});

test('behavioural PD: the origination PD while current, odds doubled per 30 dpd, 1 at NPA', () => {
  assert.equal(behaviouralPd(0.03, 0, false), 0.03);
  // Odds 0.03/0.97 doubled at 30 dpd: 0.0618557 / 1.0618557 = 0.058252.
  assert.ok(Math.abs(behaviouralPd(0.03, 30, false) - 0.058252) < 1e-6);
  assert.equal(behaviouralPd(0.03, 95, true), 1);
  assert.equal(behaviouralPd(0, 60, false), 0);
  assert.equal(pdDoubled(0.03, behaviouralPd(0.03, 31, false)), false);
  assert.equal(pdDoubled(0.03, behaviouralPd(0.03, 32, false)), true);
  assert.equal(pdDoubled(0, 1), false);
});
