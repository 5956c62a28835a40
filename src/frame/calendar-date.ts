/**
 * Milliseconds since 1970-01-01 (UTC midnight) of a date `YYYY-MM-DD` that exists, NaN otherwise:
 * 2024-02-29 is one, 2025-02-29, 2025-02-30 and 2025-13-01 are not. `Date.parse` is no check for
 * this: it rolls 2025-02-30 over to 2 March. Years before 100 are refused (`Date.UTC` reads them
 * as 19xx).
 */
export function calendarDateMs(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return Number.NaN;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : Number.NaN;
}

/** True when `text` is a date `YYYY-MM-DD` that exists (see `calendarDateMs`). */
export function isCalendarDate(text: string): boolean {
  return !Number.isNaN(calendarDateMs(text));
}
