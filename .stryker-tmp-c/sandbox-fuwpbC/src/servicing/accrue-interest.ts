// @ts-nocheck
import { dayNumber } from './dates.js';
import type { LoanProduct } from './loan-product.js';
import type { Instalment } from './loan-schedule.js';

/**
 * Days from `from` to `to` under a day count: `actual/365` counts calendar days; `30/360` is the
 * 30E/360 (Eurobond) convention, 360·Δyears + 30·Δmonths + (min(d₂, 30) − min(d₁, 30)) (ISDA 2006
 * §4.16(g)), so every whole month counts 30 days.
 */
export function dayCountDays(dayCount: LoanProduct['dayCount'], from: string, to: string): number {
  if (dayCount === 'actual/365') return dayNumber(to) - dayNumber(from);
  const part = (d: string) => [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Math.min(Number(d.slice(8, 10)), 30)] as const;
  const [y1, m1, d1] = part(from);
  const [y2, m2, d2] = part(to);
  return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1);
}

/**
 * Interest earned on a loan's schedule by the end of `asOf` (minor units): the interest of every
 * instalment due on or before the date, plus the elapsed share of the current period's interest,
 * floor(interest · days(start, asOf) / days(start, due)) with the product's day count, the period
 * starting at the previous due date (the disbursement for the first). Rounding down each day's
 * cumulative figure makes the daily increments sum exactly to the instalment's interest on its
 * due date: no cent is created or lost however many closes there are.
 */
export function accruedInterest(product: LoanProduct, schedule: readonly Instalment[], disbursedOn: string, asOf: string): number {
  let accrued = 0;
  let start = disbursedOn;
  for (const i of schedule) {
    if (i.dueDate <= asOf) accrued += i.interest;
    else {
      if (start < asOf) {
        const length = Math.max(1, dayCountDays(product.dayCount, start, i.dueDate));
        const elapsed = Math.min(length, dayCountDays(product.dayCount, start, asOf));
        accrued += Math.floor((i.interest * elapsed) / length);
      }
      break;
    }
    start = i.dueDate;
  }
  return accrued;
}
