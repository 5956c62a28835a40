import { CredoError } from '../errors/index.js';
import { dayCountDays } from './accrue-interest.js';
import { dayNumber, isoDay } from './dates.js';
import type { LoanProduct } from './loan-product.js';

/** An exact decimal rate string (`"0.18"`) as numerator / 10^scale. */
function exactRate(rate: string): { num: bigint; scale: bigint } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (match === null) throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'annual_rate', problem: `must be a decimal fraction, got "${rate}"` });
  const decimals = match[2] ?? '';
  return { num: BigInt(match[1] + decimals), scale: 10n ** BigInt(decimals.length) };
}

/**
 * Contractual interest accrued by the end of `asOf` on a line's drawn principal (minor units):
 * each day's interest is the end-of-day principal × rate × one day of the day count (actual/365:
 * 1/365; 30E/360: the day's share of `dayCountDays`, so a whole month is 30/360), accumulated
 * exactly and floored once: floor(rate · Σ principal·days / basis). Each movement of signed
 * principal p on value date v counts p · days(v − 1, asOf), so the figure depends only on the
 * movements, never on how many closes there were, and the daily postings (differences of this
 * figure) never drift.
 */
export function lineInterestAccrued(
  rate: string,
  dayCount: LoanProduct['dayCount'],
  movements: readonly { readonly principal: number; readonly valueDate: string }[],
  asOf: string,
): number {
  const { num, scale } = exactRate(rate);
  let sum = 0n;
  for (const m of movements) {
    if (m.valueDate > asOf) continue;
    sum += BigInt(m.principal) * BigInt(dayCountDays(dayCount, isoDay(dayNumber(m.valueDate) - 1), asOf));
  }
  const basis = BigInt(dayCount === 'actual/365' ? 365 : 360);
  // Σ principal·days is the sum of the end-of-day principals, never negative: integer division floors.
  return Number((sum * num) / (scale * basis));
}
