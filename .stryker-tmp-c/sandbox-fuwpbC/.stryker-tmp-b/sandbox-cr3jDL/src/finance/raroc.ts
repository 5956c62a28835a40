// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import type { IrbClass } from './capital.js';

/**
 * Risk-adjusted return on capital (REFERENCE §5):
 * RAROC = (interest + fees − funding cost − operating cost − EL + return on capital) / economic capital,
 * all over one year, amounts in one currency unit. Capital is typically the regulatory capital held
 * (`heldCapital`: a target ratio of IRB RWA) or VaR − EL from a simulation; return on capital =
 * capital × the rate earned on it.
 */
export interface RarocInput {
  /** Exposure at default (the funded amount). */
  readonly ead: number;
  /** Annual interest rate charged on EAD. */
  readonly rate: number;
  /** Annual fees (amount). */
  readonly fees?: number;
  /** Annual funding rate on EAD. */
  readonly fundingRate: number;
  /** Annual operating cost (amount). */
  readonly operatingCost: number;
  readonly pd: number;
  readonly lgd: number;
  /** Economic capital (amount). */
  readonly capital: number;
  /** Rate earned on the capital held (e.g. the risk-free rate). */
  readonly capitalRate?: number;
}

/** RAROC with the pieces that make it up. */
export interface Raroc {
  readonly interest: number;
  readonly fees: number;
  readonly fundingCost: number;
  readonly operatingCost: number;
  readonly expectedLoss: number;
  readonly capitalReturn: number;
  /** Risk-adjusted return (the numerator). */
  readonly riskAdjustedReturn: number;
  readonly capital: number;
  /** Risk-adjusted return / capital. */
  readonly raroc: number;
}

/** The pricing and capital assumptions behind a RAROC figure (all annual). */
export interface RarocAssumptions {
  /** Funding rate on EAD. */
  readonly fundingRate: number;
  /** Operating cost as a share of EAD. */
  readonly operatingCostRate: number;
  /** Operating cost per loan, in the unit of EAD (servicing, collections, systems). */
  readonly operatingCostPerLoan: number;
  /** Rate earned on the capital held. */
  readonly capitalRate: number;
  /** Capital held as a share of RWA (0.105 = 8% minimum total capital + 2.5% conservation buffer; 0.08 gives bare K·EAD). */
  readonly capitalRatio: number;
  /** Basel IRB class for K. */
  readonly assetClass: IrbClass;
}

/**
 * The assumptions every RAROC in Credo defaults to (`finance raroc`, `portfolio metrics`, the demo):
 * funding 4% on EAD; operating cost 2% of EAD plus 100 per loan a year; 4% earned on capital; capital
 * held at 10.5% of RWA = 12.5·K·EAD·10.5% (Basel III: 8% total capital plus the 2.5% conservation
 * buffer, BCBS 189 ¶50–54), K of IRB other retail. Regulatory capital, not bare K·EAD (= 8% of RWA), is
 * what a bank must hold and charge for. One place, so the three report the same figure.
 */
export const RAROC_DEFAULTS: RarocAssumptions = {
  fundingRate: 0.04,
  operatingCostRate: 0.02,
  operatingCostPerLoan: 100,
  capitalRate: 0.04,
  capitalRatio: 0.105,
  assetClass: 'other_retail',
};

/**
 * Capital held against a loan at `capitalRatio` of its risk-weighted assets: ratio · RWA with
 * RWA = 12.5·K·EAD (BCBS 2006 ¶44). At the 8% minimum this is K·EAD.
 */
export function heldCapital(k: number, ead: number, capitalRatio: number): number {
  return capitalRatio * 12.5 * k * ead;
}

/** A rate as a short percentage: 0.105 → "10.5%". */
function percent(v: number): string {
  return `${Number((v * 100).toPrecision(6))}%`;
}

/**
 * The assumptions as one printed line, e.g. "RAROC = (interest − funding 4% − opex 2% of EAD − 100 per loan − EL +
 * 4% on capital) / capital; capital = 10.5% of RWA (12.5·K·EAD), IRB other_retail".
 */
export function describeRarocAssumptions(a: RarocAssumptions): string {
  return (
    `RAROC = (interest − funding ${percent(a.fundingRate)} − opex ${percent(a.operatingCostRate)} of EAD − ${a.operatingCostPerLoan} per loan − EL + ` +
    `${percent(a.capitalRate)} on capital) / capital; capital = ${percent(a.capitalRatio)} of RWA (12.5·K·EAD), IRB ${a.assetClass}`
  );
}

/** The assumptions as the snake_case object every JSON output carries beside its RAROC figures. */
export function rarocAssumptionsRecord(a: RarocAssumptions): Record<string, number | string> {
  return {
    funding_rate: a.fundingRate,
    opex_rate: a.operatingCostRate,
    opex_per_loan: a.operatingCostPerLoan,
    capital_rate: a.capitalRate,
    capital_ratio: a.capitalRatio,
    class: a.assetClass,
    formula: describeRarocAssumptions(a),
  };
}

/**
 * The RAROC numerator (REFERENCE §5): interest + fees − funding − opex − EL + return on capital.
 * Defined for any capital (a loan with LGD 0 holds none); `computeRaroc` divides it by capital.
 */
export function riskAdjustedReturnOf(input: RarocInput): number {
  return (
    input.ead * input.rate +
    (input.fees ?? 0) -
    input.ead * input.fundingRate -
    input.operatingCost -
    input.pd * input.lgd * input.ead +
    input.capital * (input.capitalRate ?? 0)
  );
}

/** RAROC of one loan. Throws `E_FINANCE_INPUT_INVALID` when capital is not positive (the ratio is undefined). */
export function computeRaroc(input: RarocInput): Raroc {
  if (!(input.capital > 0))
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'RAROC', problem: `economic capital must be positive, got ${input.capital}` });
  const interest = input.ead * input.rate;
  const fees = input.fees ?? 0;
  const fundingCost = input.ead * input.fundingRate;
  const expectedLoss = input.pd * input.lgd * input.ead;
  const capitalReturn = input.capital * (input.capitalRate ?? 0);
  const riskAdjustedReturn = riskAdjustedReturnOf(input);
  return {
    interest,
    fees,
    fundingCost,
    operatingCost: input.operatingCost,
    expectedLoss,
    capitalReturn,
    riskAdjustedReturn,
    capital: input.capital,
    raroc: riskAdjustedReturn / input.capital,
  };
}

/**
 * The interest rate at which a loan's RAROC equals `hurdle` (risk-based price). RAROC is linear in
 * the rate when capital does not depend on it, so the solution is exact:
 * rate = (hurdle·C − fees + funding + opex + EL − C·capitalRate) / EAD.
 */
export function rarocPrice(input: Omit<RarocInput, 'rate'>, hurdle: number): number {
  if (!(input.ead > 0)) throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'risk-based price', problem: `EAD must be positive, got ${input.ead}` });
  const c = input.capital;
  const el = input.pd * input.lgd * input.ead;
  return (hurdle * c - (input.fees ?? 0) + input.ead * input.fundingRate + input.operatingCost + el - c * (input.capitalRate ?? 0)) / input.ead;
}

/** Aggregated RAROC of a group: Σ risk-adjusted returns / Σ capital. */
export interface GroupRaroc {
  readonly group: string;
  readonly count: number;
  readonly riskAdjustedReturn: number;
  readonly capital: number;
  /** Σ return / Σ capital; null when the group holds no capital. */
  readonly raroc: number | null;
}

/**
 * RAROC per group and for the whole portfolio from per-loan risk-adjusted returns and capital.
 * `groups` holds a code per loan (0..labels.length−1, −1 = missing, reported as "(missing)").
 * The portfolio row comes last with group "all".
 */
export function groupRaroc(
  riskAdjustedReturn: ArrayLike<number>,
  capital: ArrayLike<number>,
  groups?: { readonly codes: ArrayLike<number>; readonly labels: readonly string[] },
): GroupRaroc[] {
  const labels = groups === undefined ? [] : [...groups.labels, '(missing)'];
  const g = labels.length;
  const ret = new Float64Array(g + 1);
  const cap = new Float64Array(g + 1);
  const count = new Float64Array(g + 1);
  for (let i = 0; i < riskAdjustedReturn.length; i++) {
    const r = riskAdjustedReturn[i] as number;
    const c = capital[i] as number;
    if (groups !== undefined) {
      const code = groups.codes[i] as number;
      const j = code < 0 ? g - 1 : code;
      ret[j] = (ret[j] as number) + r;
      cap[j] = (cap[j] as number) + c;
      count[j] = (count[j] as number) + 1;
    }
    ret[g] = (ret[g] as number) + r;
    cap[g] = (cap[g] as number) + c;
    count[g] = (count[g] as number) + 1;
  }
  const rows: GroupRaroc[] = [];
  for (let j = 0; j <= g; j++) {
    if (j < g && count[j] === 0) continue;
    const c = cap[j] as number;
    rows.push({
      group: j < g ? (labels[j] as string) : 'all',
      count: count[j] as number,
      riskAdjustedReturn: ret[j] as number,
      capital: c,
      raroc: c > 0 ? (ret[j] as number) / c : null,
    });
  }
  return rows;
}
