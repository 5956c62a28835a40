import { CredoError } from '../errors/index.js';
import { isCalendarDate } from '../frame/index.js';

/**
 * RBI Income Recognition and Asset Classification (IRAC) buckets (REFERENCE §6; RBI Master
 * Circular "Prudential norms on IRAC", and the SMA framework of 2022). Upper bounds are
 * inclusive throughout: dpd 0 Standard, 1–30 SMA-0, 31–60 SMA-1, 61–90 SMA-2, > 90 NPA; an NPA is
 * Sub-standard while it has been NPA ≤ 12 months, then Doubtful: D1 while doubtful ≤ 1 year
 * (NPA 13–24 months), D2 1–3 years (25–48), D3 > 3 years (> 48); Loss once identified as
 * uncollectible (written off / charged off).
 */
export const IRAC_BUCKETS = ['Standard', 'SMA-0', 'SMA-1', 'SMA-2', 'Sub-standard', 'Doubtful D1', 'Doubtful D2', 'Doubtful D3', 'Loss'] as const;

/** A bucket label. */
export type IracBucket = (typeof IRAC_BUCKETS)[number];

/** Bucket codes (indices into `IRAC_BUCKETS`). Codes ≥ `IRAC_NPA_FROM` are NPAs. */
export const IracCode = { standard: 0, sma0: 1, sma1: 2, sma2: 3, substandard: 4, d1: 5, d2: 6, d3: 7, loss: 8 } as const;

/** The first NPA code (Sub-standard). */
export const IRAC_NPA_FROM = 4;

/**
 * Bucket code from current dpd, whole months the loan has been an NPA (0 in the month it turned
 * NPA; ignored unless dpd > 90) and whether it is identified as a loss.
 */
export function iracCode(dpd: number, monthsAsNpa: number, loss = false): number {
  if (loss) return IracCode.loss;
  if (dpd <= 0) return IracCode.standard;
  if (dpd <= 30) return IracCode.sma0;
  if (dpd <= 60) return IracCode.sma1;
  if (dpd <= 90) return IracCode.sma2;
  if (monthsAsNpa <= 12) return IracCode.substandard;
  if (monthsAsNpa <= 24) return IracCode.d1;
  if (monthsAsNpa <= 48) return IracCode.d2;
  return IracCode.d3;
}

/** `iracCode` as a label. */
export function iracBucket(dpd: number, monthsAsNpa: number, loss = false): IracBucket {
  return IRAC_BUCKETS[iracCode(dpd, monthsAsNpa, loss)] as IracBucket;
}

/**
 * Buckets along one loan's monthly dpd history (oldest first). The NPA date is the first month of
 * a spell with dpd > 90; per RBI an NPA is upgraded to Standard only when all arrears are paid,
 * so the spell (and the months counted as NPA) lasts until dpd returns to 0, even if dpd falls to
 * 90 or below in between (such months stay in their NPA class). `loss` marks months identified as
 * loss (e.g. charged_off = 1); once lost, a loan stays Loss.
 */
export function classifyDpdHistory(dpd: ArrayLike<number>, loss?: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(dpd.length);
  let npaStart = -1;
  let lost = false;
  for (let t = 0; t < dpd.length; t++) {
    const d = dpd[t] as number;
    if (loss !== undefined && (loss[t] as number) > 0) lost = true;
    if (d <= 0) npaStart = -1;
    else if (d > 90 && npaStart < 0) npaStart = t;
    if (lost) out[t] = IracCode.loss;
    else if (npaStart >= 0) out[t] = iracCode(Math.max(d, 91), t - npaStart);
    else out[t] = iracCode(d, 0);
  }
  return out;
}

/** Parses an ISO date `YYYY-MM-DD` (or month `YYYY-MM`, day 1) into [year, month, day]. */
function parseDate(text: string, what: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (match === null || !isCalendarDate(match[3] === undefined ? `${text}-01` : text))
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what, problem: `must be a date YYYY-MM-DD that exists, got "${text}"` });
  return [Number(match[1]), Number(match[2]), match[3] === undefined ? 1 : Number(match[3])];
}

/** Whole calendar months from `from` to `to` (ISO dates): 2024-01-15 → 2025-01-14 is 11, → 2025-01-15 is 12. */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseDate(from, 'start date');
  const [y2, m2, d2] = parseDate(to, 'end date');
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/**
 * The date a loan became an NPA given its dpd on `asOf`: the day dpd first exceeded 90, i.e.
 * asOf − (dpd − 91) days (dpd counts days since the oldest unpaid due date). ISO dates, UTC.
 */
export function npaDateFromDpd(asOf: string, dpd: number): string {
  const [y, m, d] = parseDate(asOf, 'as-of date');
  const day = new Date(Date.UTC(y, m - 1, d) - (dpd - 91) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * Bucket on `asOf` from current dpd and dates: the NPA date is given, or derived from dpd
 * (`npaDateFromDpd`) when omitted; months as NPA are whole calendar months since that date.
 */
export function classifyByDates(dpd: number, asOf: string, options: { npaDate?: string; loss?: boolean } = {}): IracBucket {
  if (options.loss === true) return 'Loss';
  if (dpd <= 90) return iracBucket(dpd, 0);
  const since = options.npaDate ?? npaDateFromDpd(asOf, dpd);
  return iracBucket(dpd, Math.max(0, monthsBetween(since, asOf)));
}

/** Provisioning rates per bucket (fractions of outstanding), a parameter. */
export type ProvisionRates = Readonly<Record<IracBucket, number>>;

/**
 * Default provisioning rates after RBI IRAC norms: standard assets 0.40% (SMA are standard
 * assets), sub-standard 15%, doubtful D1 25%, D2 40%, D3 100% (secured portion), loss 100%.
 */
export const RBI_PROVISION_RATES: ProvisionRates = {
  Standard: 0.004,
  'SMA-0': 0.004,
  'SMA-1': 0.004,
  'SMA-2': 0.004,
  'Sub-standard': 0.15,
  'Doubtful D1': 0.25,
  'Doubtful D2': 0.4,
  'Doubtful D3': 1,
  Loss: 1,
};

/** Outstanding, provision and count per bucket for a set of loans. */
export interface ProvisionSummary {
  readonly buckets: readonly { readonly bucket: IracBucket; readonly count: number; readonly outstanding: number; readonly provision: number }[];
  readonly totalOutstanding: number;
  readonly totalProvision: number;
  /** NPA outstanding / gross advances outstanding (0 when nothing is outstanding). */
  readonly npaRatio: number;
}

/** Provision per bucket from bucket codes and outstanding balances. */
export function summariseProvisions(codes: ArrayLike<number>, outstanding: ArrayLike<number>, rates: ProvisionRates = RBI_PROVISION_RATES): ProvisionSummary {
  const count = new Float64Array(IRAC_BUCKETS.length);
  const amount = new Float64Array(IRAC_BUCKETS.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    count[c] = (count[c] as number) + 1;
    amount[c] = (amount[c] as number) + (outstanding[i] as number);
  }
  let totalOutstanding = 0;
  let totalProvision = 0;
  let npa = 0;
  const buckets = IRAC_BUCKETS.map((bucket, c) => {
    const o = amount[c] as number;
    const provision = o * rates[bucket];
    totalOutstanding += o;
    totalProvision += provision;
    if (c >= IRAC_NPA_FROM) npa += o;
    return { bucket, count: count[c] as number, outstanding: o, provision };
  });
  return { buckets, totalOutstanding, totalProvision, npaRatio: totalOutstanding > 0 ? npa / totalOutstanding : 0 };
}
