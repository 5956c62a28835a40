import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarDateMs, isCalendarDate } from './calendar-date.js';

test('a calendar date exists: leap days only in leap years, months 01–12, days within the month', () => {
  const valid = ['2024-02-29', '2000-02-29', '2025-01-31', '2025-04-30', '2025-12-31', '1999-12-31'];
  const invalid = [
    '2025-02-29',
    '1900-02-29',
    '2025-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-01',
    '25-01-01',
    '2025-01-01T00:00:00Z',
    '0099-01-01',
    '',
  ];
  assert.deepEqual(
    valid.map((d) => isCalendarDate(d)),
    valid.map(() => true),
  );
  assert.deepEqual(
    invalid.map((d) => [d, isCalendarDate(d)]),
    invalid.map((d) => [d, false]),
  );
});

test('the milliseconds of a calendar date are its UTC midnight', () => {
  assert.equal(calendarDateMs('1970-01-02'), 86_400_000);
  assert.equal(calendarDateMs('2024-02-29'), Date.UTC(2024, 1, 29));
  assert.ok(Number.isNaN(calendarDateMs('2025-02-29')));
});
