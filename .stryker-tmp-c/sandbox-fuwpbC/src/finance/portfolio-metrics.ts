// @ts-nocheck
import { irbCapital } from './capital.js';
import { heldCapital, RAROC_DEFAULTS, type RarocAssumptions, riskAdjustedReturnOf } from './raroc.js';

/**
 * Book-level metrics of a set of applications (REFERENCE §5–6): approval rate, default rate on
 * count and amount, EL, IRB RWA and capital, and RAROC, per group and for the whole book.
 * Amounts are in the currency's major units as read from the file (sums of 2-decimal values);
 * they are risk measures, not ledger amounts.
 */
export interface LoanBook {
  /** 1 = approved (booked), 0 = declined, per application. */
  readonly approved: ArrayLike<number>;
  /** PD per application (used for approved rows only). */
  readonly pd: ArrayLike<number>;
  /** LGD per application or one value. */
  readonly lgd: ArrayLike<number> | number;
  /** Exposure at default per application. */
  readonly ead: ArrayLike<number>;
  /** Annual interest rate per application (for RAROC); omit to skip RAROC. */
  readonly rate?: ArrayLike<number>;
  /** Observed outcome per application: 1 bad, 0 good, NaN unknown. */
  readonly bad?: ArrayLike<number>;
  /** Group code per application (−1 missing) and labels. */
  readonly group?: { readonly codes: ArrayLike<number>; readonly labels: readonly string[] };
}

/**
 * Pricing and capital assumptions of `portfolioMetrics`: any of finance's `RarocAssumptions` (each
 * defaults to `RAROC_DEFAULTS`; `operatingCostPerLoan` in the unit of EAD) and a PD floor.
 */
export interface PortfolioAssumptions extends Partial<RarocAssumptions> {
  /** PD floor (default Basel III for the class). */
  readonly pdFloor?: number;
}

/** One row of metrics (a group, or "all"). */
export interface PortfolioMetricsRow {
  readonly group: string;
  readonly applications: number;
  readonly loans: number;
  readonly approvalRate: number;
  /** Σ EAD of loans. */
  readonly exposure: number;
  /** Loans with a known outcome, and the bads among them. */
  readonly observed: number;
  readonly defaults: number;
  /** Defaults / observed loans (count basis); null without outcomes. */
  readonly defaultRateCount: number | null;
  /** Σ EAD of defaults / Σ EAD of observed loans (amount basis); null without outcomes. */
  readonly defaultRateAmount: number | null;
  readonly expectedLoss: number;
  /** EL / exposure. */
  readonly expectedLossRate: number;
  /** Σ 12.5·K·EAD. */
  readonly rwa: number;
  /** Capital held: capital ratio × RWA. */
  readonly capital: number;
  /** Σ annual risk-adjusted return; null without rates. */
  readonly riskAdjustedReturn: number | null;
  /** Σ return / Σ capital; null without rates or capital. */
  readonly raroc: number | null;
}

const N_FIELDS = 11;
const [APPS, LOANS, EXPOSURE, OBSERVED, DEFAULTS, DEFAULT_EAD, OBSERVED_EAD, EL, CAPITAL, RETURN, RWA] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function accumulate(sums: Float64Array, block: number, ead: number, el: number, rwa: number, capital: number, ret: number, bad: number): void {
  const o = block * N_FIELDS;
  sums[o + RWA] = (sums[o + RWA] as number) + rwa;
  sums[o + LOANS] = (sums[o + LOANS] as number) + 1;
  sums[o + EXPOSURE] = (sums[o + EXPOSURE] as number) + ead;
  sums[o + EL] = (sums[o + EL] as number) + el;
  sums[o + CAPITAL] = (sums[o + CAPITAL] as number) + capital;
  sums[o + RETURN] = (sums[o + RETURN] as number) + ret;
  if (Number.isNaN(bad)) return;
  sums[o + OBSERVED] = (sums[o + OBSERVED] as number) + 1;
  sums[o + OBSERVED_EAD] = (sums[o + OBSERVED_EAD] as number) + ead;
  if (bad === 1) {
    sums[o + DEFAULTS] = (sums[o + DEFAULTS] as number) + 1;
    sums[o + DEFAULT_EAD] = (sums[o + DEFAULT_EAD] as number) + ead;
  }
}

/** Metrics per group (in label order, groups without applications omitted) and then "all". */
export function portfolioMetrics(book: LoanBook, assumptions: PortfolioAssumptions = {}): PortfolioMetricsRow[] {
  const assetClass = assumptions.assetClass ?? RAROC_DEFAULTS.assetClass;
  const funding = assumptions.fundingRate ?? RAROC_DEFAULTS.fundingRate;
  const opex = assumptions.operatingCostRate ?? RAROC_DEFAULTS.operatingCostRate;
  const opexPerLoan = assumptions.operatingCostPerLoan ?? RAROC_DEFAULTS.operatingCostPerLoan;
  const capitalRate = assumptions.capitalRate ?? RAROC_DEFAULTS.capitalRate;
  const capitalRatio = assumptions.capitalRatio ?? RAROC_DEFAULTS.capitalRatio;
  const labels = book.group?.labels ?? [];
  const g = labels.length + 1; // + missing
  const sums = new Float64Array((g + 1) * N_FIELDS); // last block = all
  const n = book.approved.length;
  for (let i = 0; i < n; i++) {
    const code = book.group === undefined ? -1 : (book.group.codes[i] as number);
    const own = book.group === undefined ? -1 : code < 0 ? g - 1 : code;
    sums[g * N_FIELDS + APPS] = (sums[g * N_FIELDS + APPS] as number) + 1;
    if (own >= 0) sums[own * N_FIELDS + APPS] = (sums[own * N_FIELDS + APPS] as number) + 1;
    if (book.approved[i] !== 1) continue;
    const pd = book.pd[i] as number;
    const lgd = typeof book.lgd === 'number' ? book.lgd : (book.lgd[i] as number);
    const ead = book.ead[i] as number;
    const k = irbCapital({ assetClass, pd, lgd, pdFloor: assumptions.pdFloor }).k;
    const el = pd * lgd * ead;
    const capital = heldCapital(k, ead, capitalRatio);
    const bad = book.bad === undefined ? Number.NaN : (book.bad[i] as number);
    const rate = book.rate === undefined ? Number.NaN : (book.rate[i] as number);
    // finance's RAROC numerator (the one `finance raroc` prints), opex as a share of EAD plus the amount per loan
    const ret = riskAdjustedReturnOf({ ead, rate, fundingRate: funding, operatingCost: opex * ead + opexPerLoan, pd, lgd, capital, capitalRate });
    accumulate(sums, g, ead, el, 12.5 * k * ead, capital, ret, bad);
    if (own >= 0) accumulate(sums, own, ead, el, 12.5 * k * ead, capital, ret, bad);
  }
  const rows: PortfolioMetricsRow[] = [];
  for (let b = 0; b <= g; b++) {
    const s = (field: number) => sums[b * N_FIELDS + field] as number;
    if (b < g && s(APPS) === 0) continue;
    const observed = s(OBSERVED);
    const capital = s(CAPITAL);
    const hasRates = book.rate !== undefined;
    const ret = s(RETURN);
    rows.push({
      group: b === g ? 'all' : b === g - 1 ? '(missing)' : (labels[b] as string),
      applications: s(APPS),
      loans: s(LOANS),
      approvalRate: s(APPS) > 0 ? s(LOANS) / s(APPS) : 0,
      exposure: s(EXPOSURE),
      observed,
      defaults: s(DEFAULTS),
      defaultRateCount: observed > 0 ? s(DEFAULTS) / observed : null,
      defaultRateAmount: s(OBSERVED_EAD) > 0 ? s(DEFAULT_EAD) / s(OBSERVED_EAD) : null,
      expectedLoss: s(EL),
      expectedLossRate: s(EXPOSURE) > 0 ? s(EL) / s(EXPOSURE) : 0,
      rwa: s(RWA),
      capital,
      riskAdjustedReturn: hasRates && Number.isFinite(ret) ? ret : null,
      raroc: hasRates && capital > 0 && Number.isFinite(ret) ? ret / capital : null,
    });
  }
  return rows;
}
