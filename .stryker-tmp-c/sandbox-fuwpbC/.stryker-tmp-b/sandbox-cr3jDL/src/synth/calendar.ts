// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import type { Rng } from '../random/index.js';

/** A calendar month as a running index: year·12 + (month − 1). */
export type MonthIndex = number;

/** Parses `YYYY-MM` into a month index; throws `E_INPUT_VALIDATION` naming `field` when malformed. */
export function parseMonth(text: string, field = 'startMonth'): MonthIndex {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const month = match === null ? 0 : Number(match[2]);
  if (match === null || month < 1 || month > 12) {
    throw new CredoError('E_INPUT_VALIDATION', { summary: `${field}: expected a month as YYYY-MM, got "${text}"` });
  }
  return Number(match[1]) * 12 + month - 1;
}

/** Formats a month index as `YYYY-MM`. */
export function formatMonth(month: MonthIndex): string {
  const year = Math.floor(month / 12);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Days in the calendar month (Gregorian leap years). */
export function daysInMonth(month: MonthIndex): number {
  const year = Math.floor(month / 12);
  const m = (month % 12) + 1;
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Application volume per vintage: weight 1 + VOLUME_GROWTH·v for vintage v (a growing lender),
 * turned into exact counts summing to `rows` by largest remainder (deterministic, no randomness).
 */
export const VOLUME_GROWTH = 0.02;

/** Number of applications in each of `months` vintages (sums to `rows`). */
export function vintageCounts(rows: number, months: number): Int32Array {
  const weights = new Float64Array(months);
  let total = 0;
  for (let v = 0; v < months; v++) total += weights[v] = 1 + VOLUME_GROWTH * v;
  const counts = new Int32Array(months);
  const remainders = new Float64Array(months);
  let assigned = 0;
  for (let v = 0; v < months; v++) {
    const exact = (rows * (weights[v] as number)) / total;
    counts[v] = Math.floor(exact);
    remainders[v] = exact - (counts[v] as number);
    assigned += counts[v] as number;
  }
  const order = Array.from({ length: months }, (_, v) => v).sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let k = 0; k < rows - assigned; k++) {
    const v = order[k % months] as number;
    counts[v] = (counts[v] as number) + 1;
  }
  return counts;
}

/** Rows in date order: each row's vintage index and day of month (1-based). */
export interface ApplicationCalendar {
  /** Vintage index 0..months−1 per row (rows are sorted by date). */
  readonly vintage: Int32Array;
  /** Day of month 1..31 per row. */
  readonly day: Int32Array;
  /** Applications per vintage. */
  readonly counts: Int32Array;
}

/** Assigns rows to vintages (by `vintageCounts`) and uniform days within each month, sorted by date. */
export function drawCalendar(rng: Rng, rows: number, start: MonthIndex, months: number): ApplicationCalendar {
  const counts = vintageCounts(rows, months);
  const vintage = new Int32Array(rows);
  const day = new Int32Array(rows);
  let row = 0;
  for (let v = 0; v < months; v++) {
    const n = counts[v] as number;
    const days = daysInMonth(start + v);
    const from = row;
    for (let k = 0; k < n; k++, row++) {
      vintage[row] = v;
      day[row] = 1 + rng.nextInt(days);
    }
    day.subarray(from, row).sort();
  }
  return { vintage, day, counts };
}
