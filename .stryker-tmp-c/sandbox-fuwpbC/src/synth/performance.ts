// @ts-nocheck
import { type CategoryColumn, categoryColumn, Frame, numericColumn } from '../frame/index.js';
import { formatMonth, type MonthIndex } from './calendar.js';
import type { LoanTermColumns } from './loan-terms.js';
import type { OutcomeColumns } from './outcomes.js';
import { CHARGE_OFF_MISSED, DAYS_PER_MISSED, fillSchedule, missedAt } from './repayment.js';

/** Months after the last vintage at which the world is observed: every vintage has ≥ 12 MOB. */
export const OBSERVATION_LAG_MONTHS = 12;

/** What the performance table is built from (all per application row). */
export interface PerformanceInputs {
  readonly start: MonthIndex;
  readonly months: number;
  /** Maximum months on book per loan. */
  readonly horizon: number;
  readonly approved: Float64Array;
  readonly vintage: Int32Array;
  readonly loan: LoanTermColumns;
  readonly outcomes: OutcomeColumns;
  /** Category columns shared with the applications frame (dictionaries reused, not copied). */
  readonly applicationId: CategoryColumn;
  readonly vintageColumn: CategoryColumn;
  readonly segment: CategoryColumn;
  readonly product: CategoryColumn;
}

/**
 * The monthly performance table: one row per booked loan and month on book, from MOB 1 until the
 * horizon, the observation date, the month it is paid off (balance 0) or the month it is charged
 * off (that row has charged_off = 1 and carries the balance written off), whichever is first.
 * Columns: loan_id, vintage, month (calendar YYYY-MM), mob, segment, product, balance (principal
 * outstanding, 2 decimals), dpd (30 × missed instalments), charged_off (0/1). Rows are ordered
 * by loan, then MOB. The path is the one behind `bad`: a bad loan reaches 90 dpd by MOB 12.
 */
export function buildPerformance(input: PerformanceInputs): Frame {
  const { approved, vintage, loan, outcomes, horizon, months } = input;
  const rows = approved.length;
  const schedule = new Float64Array(horizon + 1);
  // Pass 1: rows per loan, so the columns are allocated once at their exact size.
  let total = 0;
  for (let i = 0; i < rows; i++) if (approved[i] === 1) total += loanMonths(input, i, Math.min(horizon, lastMob(months, vintage[i] as number)));
  const loanId = new Int32Array(total);
  const vintageCodes = new Int32Array(total);
  const monthCodes = new Int32Array(total);
  const segment = new Int32Array(total);
  const product = new Int32Array(total);
  const mob = new Float64Array(total);
  const balance = new Float64Array(total);
  const dpd = new Float64Array(total);
  const chargedOff = new Float64Array(total);
  let r = 0;
  for (let i = 0; i < rows; i++) {
    if (approved[i] !== 1) continue;
    const v = vintage[i] as number;
    const count = loanMonths(input, i, Math.min(horizon, lastMob(months, v)));
    const term = loan.termMonths[i] as number;
    fillSchedule(
      schedule,
      Math.round((loan.requestedAmount[i] as number) * 100),
      loan.interestRate[i] as number,
      term,
      Math.round((loan.emi[i] as number) * 100),
      count + 1,
    );
    const k = outcomes.firstMiss[i] as number;
    const j = outcomes.episodeStart[i] as number;
    const length = outcomes.episodeLength[i] as number;
    for (let t = 1; t <= count; t++, r++) {
      const missed = missedAt(t, k, j, length);
      loanId[r] = input.applicationId.codes[i] as number;
      vintageCodes[r] = input.vintageColumn.codes[i] as number;
      monthCodes[r] = v + t - 1;
      segment[r] = input.segment.codes[i] as number;
      product[r] = input.product.codes[i] as number;
      mob[r] = t;
      balance[r] = (schedule[Math.min(t - missed, term)] as number) / 100;
      dpd[r] = DAYS_PER_MISSED * missed;
      chargedOff[r] = missed >= CHARGE_OFF_MISSED ? 1 : 0;
    }
  }
  const monthLabels = Array.from({ length: months - 1 + Math.max(horizon, OBSERVATION_LAG_MONTHS) }, (_, m) => formatMonth(input.start + 1 + m));
  return new Frame([
    categoryColumn('loan_id', loanId, input.applicationId.dictionary),
    categoryColumn('vintage', vintageCodes, input.vintageColumn.dictionary),
    categoryColumn('month', monthCodes, monthLabels),
    numericColumn('mob', mob),
    categoryColumn('segment', segment, input.segment.dictionary),
    categoryColumn('product', product, input.product.dictionary),
    numericColumn('balance', balance),
    numericColumn('dpd', dpd),
    numericColumn('charged_off', chargedOff),
  ]);
}

/** Last MOB observable for vintage `v` at the observation date. */
function lastMob(months: number, v: number): number {
  return months - 1 - v + OBSERVATION_LAG_MONTHS;
}

/** Months on book written for loan `i` given the cap: stops at pay-off or charge-off. */
function loanMonths(input: PerformanceInputs, i: number, cap: number): number {
  const k = input.outcomes.firstMiss[i] as number;
  if (k > 0) return Math.min(cap, k + CHARGE_OFF_MISSED - 1);
  // A good loan is current again by its term end (episodes cure within 2 months, before MOB 14).
  const term = input.loan.termMonths[i] as number;
  const j = input.outcomes.episodeStart[i] as number;
  const end = j > 0 ? Math.max(term, j + (input.outcomes.episodeLength[i] as number)) : term;
  return Math.min(cap, end);
}
