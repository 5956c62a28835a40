import { CredoError } from '../errors/index.js';
import { calendarDateMs } from '../frame/index.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (UTC); throws `E_SERVICING_INPUT_INVALID` naming `what`. */
export function dayNumber(date: string, what = 'date'): number {
  const ms = calendarDateMs(date);
  if (Number.isNaN(ms)) throw new CredoError('E_SERVICING_INPUT_INVALID', { what, problem: `must be a calendar date YYYY-MM-DD, got "${date}"` });
  return ms / DAY_MS;
}

/** The ISO date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `months` calendar months, clamped to the month's last day (Jan 31 + 1 = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  dayNumber(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}
