/**
 * Expected and unexpected loss of REFERENCE §5. PD and LGD are probabilities/fractions in [0, 1];
 * EAD and the results are amounts in one unit of the caller's choice (major or minor units).
 * These are risk measures (real numbers), not stored money: round only for display.
 */
// @ts-nocheck


/** Expected loss EL = PD·LGD·EAD. */
export function expectedLoss(pd: number, lgd: number, ead: number): number {
  return pd * lgd * ead;
}

/**
 * Unexpected loss (standard deviation of the loss) of a single exposure with random LGD:
 * UL = EAD·√(PD·σ²_LGD + LGD²·PD·(1−PD)) (REFERENCE §5; Ong, "Internal Credit Risk Models", 1999).
 */
export function unexpectedLoss(pd: number, lgd: number, ead: number, lgdSigma = 0): number {
  return ead * Math.sqrt(pd * lgdSigma * lgdSigma + lgd * lgd * pd * (1 - pd));
}

/** Per-loan EL and totals over a portfolio. */
export interface PortfolioLoss {
  /** EL of each loan. */
  readonly expectedLoss: Float64Array;
  /** Σ EL. */
  readonly totalExpectedLoss: number;
  /** Σ EAD. */
  readonly totalEad: number;
  /** Σ EL / Σ EAD (0 when Σ EAD = 0). */
  readonly lossRate: number;
  /**
   * UL of the portfolio if loans were independent: √(Σ UL_i²). A floor, not a capital figure:
   * default correlation raises it (see the Vasicek and simulation modules).
   */
  readonly independentUnexpectedLoss: number;
}

/**
 * EL per loan and aggregated. `lgd` and `lgdSigma` are either one value for all loans or one per
 * loan. Arrays must have equal lengths (checked by the caller at the boundary).
 */
export function portfolioLoss(
  pd: ArrayLike<number>,
  lgd: ArrayLike<number> | number,
  ead: ArrayLike<number>,
  lgdSigma: ArrayLike<number> | number = 0,
): PortfolioLoss {
  const n = pd.length;
  const out = new Float64Array(n);
  let total = 0;
  let totalEad = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const p = pd[i] as number;
    const l = typeof lgd === 'number' ? lgd : (lgd[i] as number);
    const s = typeof lgdSigma === 'number' ? lgdSigma : (lgdSigma[i] as number);
    const e = ead[i] as number;
    const el = p * l * e;
    out[i] = el;
    total += el;
    totalEad += e;
    variance += e * e * (p * s * s + l * l * p * (1 - p));
  }
  return {
    expectedLoss: out,
    totalExpectedLoss: total,
    totalEad,
    lossRate: totalEad > 0 ? total / totalEad : 0,
    independentUnexpectedLoss: Math.sqrt(variance),
  };
}
