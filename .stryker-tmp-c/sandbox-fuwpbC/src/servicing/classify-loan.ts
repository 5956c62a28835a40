// @ts-nocheck
import { IRAC_BUCKETS, IRAC_NPA_FROM, iracCode, monthsBetween, RBI_PROVISION_RATES, roundMinor } from '../finance/index.js';
import { behaviouralPd, pdDoubled } from './behavioural-pd.js';
import { dayNumber, isoDay } from './dates.js';
import { delinquencyBucket, type LoanProduct } from './loan-product.js';

/** A loan's classification on one business date (what the daily close stores in its history). */
export interface Classification {
  readonly asOf: string;
  readonly dpd: number;
  readonly bucket: string;
  /** RBI IRAC class label (`Standard`, `SMA-0` … `Loss`). */
  readonly iracClass: string;
  readonly npa: boolean;
  /** The date the loan became an NPA; kept until arrears are fully cleared (dpd 0). */
  readonly npaSince: string | null;
  readonly ifrs9Stage: 1 | 2 | 3;
  /** Behavioural 12-month PD (`behaviouralPd`). */
  readonly pd: number;
  /** Minor units. */
  readonly ecl: number;
  /** IRAC provision by class (minor units). */
  readonly provision: number;
}

/** What `classifyLoan` needs beyond dpd. */
export interface ClassifyInput {
  readonly asOf: string;
  readonly dpd: number;
  readonly outstandingPrincipal: number;
  /** Months left on the schedule (for lifetime PD). */
  readonly remainingMonths: number;
  /** 12-month PD at origination (the decision's PD). */
  readonly pd: number;
  /** The NPA date of the previous close, or null. */
  readonly previousNpaSince: string | null;
  readonly writtenOff?: boolean;
  /** A restructured loan: its restructure date and the end of its monitoring period (RBI: one year from the first new instalment). */
  readonly restructured?: { readonly on: string; readonly monitoredUntil: string } | null;
}

/**
 * Classifies a loan on `asOf` (RBI IRAC and IFRS 9): a loan becomes an NPA when dpd exceeds
 * the product's NPA dpd (its NPA date is the first such day); it stays an NPA, in the class its
 * months as NPA give, until arrears are fully cleared (dpd 0) — a partial payment that brings dpd
 * to 60 does not upgrade it. IFRS 9 stage 3 for an NPA, stage 2 above 30 dpd or when the
 * behavioural PD is at least twice the origination PD, else 1. ECL = PD·LGD·EAD with the
 * behavioural 12-month PD (stage 1), its lifetime PD 1 − (1 − PD)^(months/12) (stage 2), PD = 1
 * (stage 3); EAD = outstanding principal. Provision = RBI rate of the class × outstanding.
 * A restructured loan (RBI Master Circular on IRAC, §12.2; Prudential Framework 2019) is an NPA
 * from its restructure date (an NPA keeps its NPA date) until its monitoring period ends; only
 * then does the usual upgrade rule (arrears cleared) apply.
 */
export function classifyLoan(product: LoanProduct, input: ClassifyInput): Classification {
  const { asOf, dpd } = input;
  let npaSince: string | null = null;
  const r = input.restructured;
  if (r != null && asOf >= r.on && asOf < r.monitoredUntil) npaSince = input.previousNpaSince ?? r.on;
  else if (input.previousNpaSince !== null && dpd > 0) npaSince = input.previousNpaSince;
  else if (dpd > product.npaDpd) npaSince = isoDay(dayNumber(asOf) - (dpd - product.npaDpd - 1));
  const code =
    input.writtenOff === true
      ? iracCode(dpd, 0, true)
      : npaSince !== null
        ? iracCode(Math.max(dpd, 91), Math.max(0, monthsBetween(npaSince, asOf)))
        : iracCode(Math.min(dpd, 90), 0);
  const npa = code >= IRAC_NPA_FROM;
  const behavioural = behaviouralPd(input.pd, dpd, npa);
  const stage: 1 | 2 | 3 = npa ? 3 : dpd > 30 || pdDoubled(input.pd, behavioural) ? 2 : 1;
  const pd = stage === 3 ? 1 : stage === 2 ? 1 - (1 - behavioural) ** (Math.max(input.remainingMonths, 12) / 12) : behavioural;
  const iracClass = IRAC_BUCKETS[code] as (typeof IRAC_BUCKETS)[number];
  return {
    asOf,
    dpd,
    bucket: delinquencyBucket(product, dpd),
    iracClass,
    npa,
    npaSince,
    ifrs9Stage: stage,
    pd: behavioural,
    ecl: roundMinor(pd * product.lgd * input.outstandingPrincipal),
    provision: roundMinor(RBI_PROVISION_RATES[iracClass] * input.outstandingPrincipal),
  };
}
