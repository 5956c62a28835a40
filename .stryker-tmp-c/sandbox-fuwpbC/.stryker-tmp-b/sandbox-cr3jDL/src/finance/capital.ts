// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { normalCdf, normalInverse } from './normal.js';

/**
 * Basel IRB capital (REFERENCE §5; BCBS, "International Convergence of Capital Measurement",
 * 2006, ¶272–273 corporate and ¶328–331 retail; PD floors from Basel III, CRE32 and CRE31).
 */

/** IRB asset classes Credo prices. */
export type IrbClass = 'mortgage' | 'qrre' | 'other_retail' | 'corporate';

/** The classes, in the order the CLI lists them. */
export const IRB_CLASSES: readonly IrbClass[] = ['mortgage', 'qrre', 'other_retail', 'corporate'];

/** Basel III PD floors: 0.05% for retail and corporate, 0.10% for QRRE revolvers. */
export const BASEL3_PD_FLOORS: Readonly<Record<IrbClass, number>> = { mortgage: 0.0005, qrre: 0.001, other_retail: 0.0005, corporate: 0.0005 };

/** Φ⁻¹(0.999), the IRB confidence level. */
const G999 = normalInverse(0.999);

/** Inputs of `irbCapital`. */
export interface IrbInput {
  readonly assetClass: IrbClass;
  /** Probability of default, [0, 1]; 1 = defaulted. */
  readonly pd: number;
  /** Loss given default, [0, 1]. */
  readonly lgd: number;
  /** Effective maturity in years (corporate only; default 2.5, clamped to 1..5 per ¶320). */
  readonly maturity?: number;
  /** PD floor; default `BASEL3_PD_FLOORS[class]`. Pass 0 for Basel II (no floor beyond 0.03% corporate). */
  readonly pdFloor?: number;
  /** Corporate SME firm-size adjustment: annual sales in € millions (5..50), ¶273. */
  readonly salesMillions?: number;
  /** Best-estimate EL for a defaulted exposure (fraction of EAD); default = LGD, giving K = 0. */
  readonly bestEstimateEl?: number;
}

/** Capital figures per unit of EAD. */
export interface IrbCapital {
  readonly assetClass: IrbClass;
  /** PD after the floor. */
  readonly pd: number;
  readonly lgd: number;
  /** Asset correlation R. */
  readonly r: number;
  /** Capital requirement K per unit of EAD. */
  readonly k: number;
  /** Risk weight = 12.5·K (a multiple of EAD: 0.5640 = 56.40%). */
  readonly riskWeight: number;
  /** Maturity adjustment factor (1 for retail). */
  readonly maturityAdjustment: number;
}

/**
 * Asset correlation R for a class at a (floored) PD: mortgage 0.15, QRRE 0.04, other retail
 * 0.03·w + 0.16·(1−w) with w = (1−e^(−35·PD))/(1−e^(−35)), corporate 0.12·w + 0.24·(1−w) with 50
 * in place of 35, minus the SME adjustment 0.04·(1 − (S−5)/45) when sales S are given.
 */
export function irbCorrelation(assetClass: IrbClass, pd: number, salesMillions?: number): number {
  switch (assetClass) {
    case 'mortgage':
      return 0.15;
    case 'qrre':
      return 0.04;
    case 'other_retail': {
      const w = -Math.expm1(-35 * pd) / -Math.expm1(-35);
      return 0.03 * w + 0.16 * (1 - w);
    }
    case 'corporate': {
      const w = -Math.expm1(-50 * pd) / -Math.expm1(-50);
      const sme = salesMillions === undefined ? 0 : 0.04 * (1 - (Math.min(50, Math.max(5, salesMillions)) - 5) / 45);
      return 0.12 * w + 0.24 * (1 - w) - sme;
    }
  }
}

/**
 * IRB capital per unit of EAD: K = LGD·N[(Φ⁻¹(PD) + √R·Φ⁻¹(0.999))/√(1−R)] − PD·LGD, times
 * (1 + (M−2.5)·b)/(1 − 1.5·b), b = (0.11852 − 0.05478·ln PD)², for corporates; risk weight 12.5·K.
 * A defaulted exposure (PD = 1) gets K = max(0, LGD − best-estimate EL). Throws
 * `E_FINANCE_INPUT_INVALID` for PD or LGD outside [0, 1] or a maturity that is not positive.
 */
export function irbCapital(input: IrbInput): IrbCapital {
  const { assetClass, lgd } = input;
  if (!(input.pd >= 0 && input.pd <= 1)) throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'PD', problem: `must be in [0, 1], got ${input.pd}` });
  if (!(lgd >= 0 && lgd <= 1)) throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'LGD', problem: `must be in [0, 1], got ${lgd}` });
  if (!IRB_CLASSES.includes(assetClass))
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'asset class', problem: `must be one of ${IRB_CLASSES.join(', ')}, got ${assetClass}` });
  const maturityGiven = input.maturity ?? 2.5;
  if (!(maturityGiven > 0)) throw new CredoError('E_FINANCE_INPUT_INVALID', { what: 'maturity', problem: `must be positive years, got ${maturityGiven}` });
  const floor = input.pdFloor ?? BASEL3_PD_FLOORS[assetClass];
  const pd = Math.max(input.pd, floor);
  const r = irbCorrelation(assetClass, pd, input.salesMillions);
  if (pd >= 1) {
    const k = Math.max(0, lgd - (input.bestEstimateEl ?? lgd));
    return { assetClass, pd, lgd, r, k, riskWeight: 12.5 * k, maturityAdjustment: 1 };
  }
  if (pd <= 0) return { assetClass, pd, lgd, r, k: 0, riskWeight: 0, maturityAdjustment: 1 };
  const conditional = normalCdf((normalInverse(pd) + Math.sqrt(r) * G999) / Math.sqrt(1 - r));
  let k = lgd * conditional - pd * lgd;
  let maturityAdjustment = 1;
  if (assetClass === 'corporate') {
    const m = Math.min(5, Math.max(1, maturityGiven));
    const b = (0.11852 - 0.05478 * Math.log(pd)) ** 2;
    maturityAdjustment = (1 + (m - 2.5) * b) / (1 - 1.5 * b);
    k *= maturityAdjustment;
  }
  return { assetClass, pd, lgd, r, k, riskWeight: 12.5 * k, maturityAdjustment };
}

/** Risk-weighted assets = 12.5·K·EAD (EAD in any currency unit; the result is in the same unit). */
export function riskWeightedAssets(capital: IrbCapital, ead: number): number {
  return capital.riskWeight * ead;
}
