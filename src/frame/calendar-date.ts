/**
 * True when `text` is a date `YYYY-MM-DD` that exists: 2024-02-29 is one, 2025-02-29, 2025-02-30
 * and 2025-13-01 are not. `Date.parse` is no check for this: it rolls 2025-02-30 over to 2 March.
 * Years before 100 are refused (`Date.UTC` reads them as 19xx).
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === text;
}
