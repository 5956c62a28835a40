// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';

/**
 * IFRS 9 expected credit loss (REFERENCE §5; IFRS 9 §5.5) and US CECL (ASC 326): staging and
 * ECL = Σ_t PD_marg(t)·LGD(t)·EAD(t)·DF(t) over a PD term structure given as survival S(t).
 * Periods are 1..T of length 1/periodsPerYear years; S(0) = 1.
 */

/** How a constant hazard h per period becomes a survival curve: (1−h)^t or e^(−h·t). */
export type HazardConvention = 'discrete' | 'continuous';

/**
 * When in a period default happens for discounting: `end` (default, as in REFERENCE §5),
 * `mid` (t − ½ period) or `none` (undiscounted, e.g. a CECL loss-rate method).
 */
export type DiscountTiming = 'end' | 'mid' | 'none';

/** Survival S(1..T) from a constant hazard per period (or one hazard per period). */
export function survivalFromHazard(hazard: number | ArrayLike<number>, periods: number, convention: HazardConvention = 'discrete'): Float64Array {
  const s = new Float64Array(periods);
  let current = 1;
  for (let t = 0; t < periods; t++) {
    const h = typeof hazard === 'number' ? hazard : (hazard[t] as number);
    current *= convention === 'discrete' ? 1 - h : Math.exp(-h);
    s[t] = current;
  }
  return s;
}

/** Survival S(1..T) from cumulative PDs PD_cum(t) = 1 − S(t). */
export function survivalFromCumulativePd(cumulativePd: ArrayLike<number>): Float64Array {
  return Float64Array.from(cumulativePd, (p) => 1 - p);
}

/** Marginal PDs PD_marg(t) = S(t−1) − S(t), S(0) = 1. */
export function marginalPd(survival: ArrayLike<number>): Float64Array {
  const out = new Float64Array(survival.length);
  let previous = 1;
  for (let t = 0; t < survival.length; t++) {
    const s = survival[t] as number;
    out[t] = previous - s;
    previous = s;
  }
  return out;
}

/** Inputs of an ECL computation. */
export interface EclInput {
  /** S(1..T), non-increasing in [0, 1]. */
  readonly survival: ArrayLike<number>;
  /** LGD, one value or one per period. */
  readonly lgd: number | ArrayLike<number>;
  /** EAD at each period 1..T (amount). */
  readonly ead: ArrayLike<number>;
  /** Effective interest rate, annual, compounded annually: DF(t) = (1+EIR)^−(t in years). */
  readonly eir: number;
  /** Periods per year (1 = annual, 12 = monthly). Default 1. */
  readonly periodsPerYear?: number;
  /** Default 'end'. */
  readonly discounting?: DiscountTiming;
}

/** An ECL with its per-period contributions. */
export interface Ecl {
  readonly ecl: number;
  /** Number of periods summed. */
  readonly periods: number;
  /** PD_marg(t)·LGD·EAD(t)·DF(t) per period. */
  readonly contributions: Float64Array;
}

/**
 * ECL over the first `horizon` periods (default: all): Σ_t PD_marg(t)·LGD(t)·EAD(t)·DF(t).
 * Throws `E_FINANCE_INPUT_INVALID` when the survival and EAD curves differ in length or the
 * survival curve is not non-increasing within [0, 1].
 */
export function computeEcl(input: EclInput, horizon?: number): Ecl {
  const { survival, ead, eir } = input;
  const n = survival.length;
  if (ead.length !== n) throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'ECL', problem: `EAD curve has ${ead.length} periods, survival has ${n}` });
  if (typeof input.lgd !== 'number' && input.lgd.length !== n)
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'ECL', problem: `LGD curve has ${input.lgd.length} periods, survival has ${n}` });
  let previous = 1;
  for (let t = 0; t < n; t++) {
    const s = survival[t] as number;
    if (!(s >= 0 && s <= previous + 1e-12))
      throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'ECL', problem: `survival must be non-increasing in [0, 1]; period ${t + 1} has ${s}` });
    previous = s;
  }
  const periods = Math.min(n, horizon ?? n);
  const perYear = input.periodsPerYear ?? 1;
  const timing = input.discounting ?? 'end';
  const marginal = marginalPd(survival);
  const contributions = new Float64Array(periods);
  let ecl = 0;
  for (let t = 0; t < periods; t++) {
    const years = (timing === 'mid' ? t + 0.5 : t + 1) / perYear;
    const df = timing === 'none' ? 1 : (1 + eir) ** -years;
    const lgd = typeof input.lgd === 'number' ? input.lgd : (input.lgd[t] as number);
    const c = (marginal[t] as number) * lgd * (ead[t] as number) * df;
    contributions[t] = c;
    ecl += c;
  }
  return { ecl, periods, contributions };
}

/** 12-month ECL (stage 1): the first year of periods. */
export function twelveMonthEcl(input: EclInput): Ecl {
  return computeEcl(input, input.periodsPerYear ?? 1);
}

/** Lifetime ECL (stages 2 and 3, and CECL): every period. */
export function lifetimeEcl(input: EclInput): Ecl {
  return computeEcl(input);
}

/**
 * CECL (ASC 326-20): lifetime expected loss from day one for every loan, whatever its stage.
 * Discounting is optional under CECL (a DCF method discounts at the EIR, loss-rate methods do
 * not): `discount = false` sums undiscounted losses.
 */
export function ceclAllowance(input: EclInput, discount = true): Ecl {
  return computeEcl(discount ? input : { ...input, discounting: 'none' });
}

/** Staging thresholds (all parameters; defaults follow IFRS 9 §5.5.11 presumptions). */
export interface StagingRules {
  /** Stage 2 when dpd exceeds this (default 30, the rebuttable presumption). */
  readonly stage2Dpd?: number;
  /** Stage 3 (credit-impaired) when dpd exceeds this (default 90). */
  readonly stage3Dpd?: number;
  /** Stage 2 when current PD ≥ this multiple of the origination PD (default 2). */
  readonly relativePdIncrease?: number;
  /** And, when set, current PD − origination PD ≥ this absolute increase. */
  readonly absolutePdIncrease?: number;
  /** Loans with current PD ≤ this are "low credit risk" and stay in stage 1 unless past due (default none). */
  readonly lowCreditRiskPd?: number;
}

/**
 * IFRS 9 stage (1, 2 or 3) of one loan from days past due and origination/current lifetime or
 * 12-month PDs (use the same horizon for both). Stage 3 when dpd > stage3Dpd; stage 2 when dpd >
 * stage2Dpd or on a significant increase in credit risk (relative and, if set, absolute PD
 * thresholds), unless the loan is low credit risk; otherwise stage 1.
 */
export function assignStage(dpd: number, pdOrigination: number, pdCurrent: number, rules: StagingRules = {}): 1 | 2 | 3 {
  if (dpd > (rules.stage3Dpd ?? 90)) return 3;
  if (dpd > (rules.stage2Dpd ?? 30)) return 2;
  if (rules.lowCreditRiskPd !== undefined && pdCurrent <= rules.lowCreditRiskPd) return 1;
  const relative = pdCurrent >= (rules.relativePdIncrease ?? 2) * pdOrigination;
  const absolute = rules.absolutePdIncrease === undefined || pdCurrent - pdOrigination >= rules.absolutePdIncrease;
  return relative && absolute ? 2 : 1;
}

/** `assignStage` over columns; missing (NaN) PDs count as no increase, missing dpd as 0. */
export function assignStages(dpd: ArrayLike<number>, pdOrigination: ArrayLike<number>, pdCurrent: ArrayLike<number>, rules: StagingRules = {}): Uint8Array {
  const out = new Uint8Array(dpd.length);
  for (let i = 0; i < dpd.length; i++) {
    const d = dpd[i] as number;
    const p0 = pdOrigination[i] as number;
    const p1 = pdCurrent[i] as number;
    out[i] = assignStage(Number.isNaN(d) ? 0 : d, Number.isNaN(p0) ? 1 : p0, Number.isNaN(p1) ? 0 : p1, rules);
  }
  return out;
}

/**
 * ECL for a loan in a stage: stage 1 the 12-month ECL, stage 2 the lifetime ECL, stage 3 the
 * lifetime ECL of a loan already in default (PD = 1 in the first period: LGD·EAD(1)·DF(1)) unless
 * `stage3UsesCurve` is true, in which case the given curve is used as for stage 2.
 */
export function stageEcl(stage: 1 | 2 | 3, input: EclInput, stage3UsesCurve = false): Ecl {
  if (stage === 1) return twelveMonthEcl(input);
  if (stage === 2 || stage3UsesCurve) return lifetimeEcl(input);
  const defaulted = new Float64Array(input.survival.length); // S(t) = 0 from period 1
  return lifetimeEcl({ ...input, survival: defaulted });
}
