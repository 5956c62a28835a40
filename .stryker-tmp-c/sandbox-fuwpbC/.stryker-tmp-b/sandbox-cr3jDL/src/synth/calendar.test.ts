// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../random/index.js';
import { daysInMonth, drawCalendar, formatMonth, parseMonth, vintageCounts } from './calendar.js';

test('months parse, format and count days', () => {
  const m = parseMonth('2024-02');
  assert.equal(formatMonth(m), '2024-02');
  assert.equal(formatMonth(m + 11), '2025-01');
  assert.equal(daysInMonth(m), 29);
  assert.equal(daysInMonth(parseMonth('2023-02')), 28);
  assert.equal(daysInMonth(parseMonth('2000-02')), 29);
  assert.equal(daysInMonth(parseMonth('2100-02')), 28);
  assert.equal(daysInMonth(parseMonth('2023-04')), 30);
  assert.throws(() => parseMonth('2023-13'), /startMonth: expected a month as YYYY-MM, got "2023-13"/);
  assert.throws(() => parseMonth('23-01', 'start'), /start: expected/);
});

test('vintage counts grow by 2% a month and sum exactly to the rows', () => {
  const counts = vintageCounts(1000, 3);
  // weights 1, 1.02, 1.04 of 3.06 → 326.8, 333.3, 339.9 → largest remainders get the 2 spare rows.
  assert.deepEqual(Array.from(counts), [327, 333, 340]);
  for (const [rows, months] of [
    [1, 24],
    [7, 3],
    [100003, 24],
  ] as const) {
    assert.equal(
      vintageCounts(rows, months).reduce((a, b) => a + b, 0),
      rows,
    );
  }
});

test('calendar rows are sorted by date within valid days', () => {
  const start = parseMonth('2023-01');
  const cal = drawCalendar(new Rng(1), 5000, start, 3);
  for (let i = 1; i < 5000; i++) {
    const a = (cal.vintage[i - 1] as number) * 100 + (cal.day[i - 1] as number);
    const b = (cal.vintage[i] as number) * 100 + (cal.day[i] as number);
    assert.ok(a <= b);
    assert.ok((cal.day[i] as number) >= 1 && (cal.day[i] as number) <= daysInMonth(start + (cal.vintage[i] as number)));
  }
});
