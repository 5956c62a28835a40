// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';

/**
 * A loan portfolio as columns: one entry per loan. `pd` is the probability of default over one
 * period (a year unless stated), `lgd` the loss given default as a share of EAD (the mean when
 * LGD is Beta-distributed), `ead` the exposure at default in currency units, `segment` a code into
 * `segments` (used for factor loadings, macro multipliers and the Euler allocation).
 */
export interface PortfolioLoans {
  readonly pd: Float64Array;
  readonly lgd: Float64Array;
  readonly ead: Float64Array;
  readonly segment: Int32Array;
  readonly segments: readonly string[];
}

/**
 * The Gaussian-copula factor structure (REFERENCE §5): loan i in segment s has the latent variable
 * Z_i = √ρ_s·Y_{f(s)} + √(1−ρ_s)·ε_i and defaults when Z_i < Φ⁻¹(PD_i). The systematic factors
 * Y = L·g are correlated through `cholesky` (the lower-triangular L of their correlation matrix,
 * row-major F×F), g independent standard normals. One factor with one ρ is the Vasicek model.
 */
export interface FactorModel {
  /** Factor names, e.g. ['economy'] or ['north', 'south']. */
  readonly factors: readonly string[];
  /** Factor index of each segment. */
  readonly factorOfSegment: Int32Array;
  /** Asset correlation ρ of each segment, in [0, 1). */
  readonly rhoOfSegment: Float64Array;
  /** Lower Cholesky factor of the factor correlation matrix, row-major F×F. */
  readonly cholesky: Float64Array;
}

/**
 * A macro scenario: a deterministic shift of the systematic factors (negative = worse economy, in
 * standard deviations) and PD multipliers by segment (PDs are capped at 1).
 */
export interface MacroScenario {
  readonly name: string;
  /** Shift of each factor (length F). */
  readonly factorShift: Float64Array;
  /** PD multiplier of each segment (length = number of segments). */
  readonly pdMultiplier: Float64Array;
}

/** The one-factor model with the same ρ for every segment (Vasicek). */
export function oneFactorModel(segmentCount: number, rho: number): FactorModel {
  return {
    factors: ['economy'],
    factorOfSegment: new Int32Array(segmentCount),
    rhoOfSegment: new Float64Array(segmentCount).fill(rho),
    cholesky: Float64Array.of(1),
  };
}

/**
 * A multi-factor model from a factor correlation matrix (row-major F×F, symmetric positive
 * definite), the factor of each segment and ρ of each segment. Throws when the matrix is not
 * positive definite.
 */
export function multiFactorModel(factors: readonly string[], correlation: Float64Array, factorOfSegment: Int32Array, rhoOfSegment: Float64Array): FactorModel {
  return { factors, factorOfSegment, rhoOfSegment, cholesky: choleskyLower(correlation, factors.length) };
}

/** The baseline macro scenario: no shift, multipliers 1. */
export function baselineScenario(factorCount: number, segmentCount: number): MacroScenario {
  return { name: 'baseline', factorShift: new Float64Array(factorCount), pdMultiplier: new Float64Array(segmentCount).fill(1) };
}

/** Lower Cholesky factor of a symmetric positive-definite n×n matrix (row-major). */
export function choleskyLower(matrix: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(sum > 0)) throw new CredoError('E_PORTFOLIO_FACTOR_MODEL', { problem: 'the factor correlation matrix is not positive definite' });
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / (l[j * n + j] as number);
      }
    }
  }
  return l;
}

/**
 * Checks a portfolio at the boundary: equal lengths, PD and LGD in [0, 1], EAD ≥ 0 and finite,
 * segment codes inside the dictionary. Throws `E_PORTFOLIO_LOAN_INVALID` naming the first bad loan.
 */
export function validatePortfolio(loans: PortfolioLoans): void {
  const n = loans.pd.length;
  for (const [name, array] of [
    ['lgd', loans.lgd],
    ['ead', loans.ead],
    ['segment', loans.segment],
  ] as const) {
    if (array.length !== n) throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: `portfolio column ${name}`, expected: n, actual: array.length });
  }
  for (let i = 0; i < n; i++) {
    const pd = loans.pd[i] as number;
    const lgd = loans.lgd[i] as number;
    const ead = loans.ead[i] as number;
    const segment = loans.segment[i] as number;
    let problem = '';
    if (!(pd >= 0 && pd <= 1)) problem = `pd ${pd} is not in [0, 1]`;
    else if (!(lgd >= 0 && lgd <= 1)) problem = `lgd ${lgd} is not in [0, 1]`;
    else if (!(ead >= 0 && Number.isFinite(ead))) problem = `ead ${ead} is not a finite amount ≥ 0`;
    else if (!(segment >= 0 && segment < loans.segments.length)) problem = 'segment is missing';
    if (problem !== '') throw new CredoError('E_PORTFOLIO_LOAN_INVALID', { row: i + 1, problem });
  }
}

/** Σ PD·LGD·EAD over the portfolio: the analytic expected loss of one period (REFERENCE §5). */
export function analyticExpectedLoss(loans: PortfolioLoans): number {
  let sum = 0;
  for (let i = 0; i < loans.pd.length; i++) sum += (loans.pd[i] as number) * (loans.lgd[i] as number) * (loans.ead[i] as number);
  return sum;
}
