// @ts-nocheck
// 
import { normalCdf, normalInverse } from './normal.js';

/**
 * The Vasicek one-factor model of REFERENCE §5 (Vasicek, "Loan portfolio value", Risk 2002):
 * a borrower defaults when √ρ·Y + √(1−ρ)·ε < Φ⁻¹(PD), Y the systematic factor. PD and ρ in (0, 1).
 */

/** Default probability conditional on the systematic factor y: N[(Φ⁻¹(PD) − √ρ·y)/√(1−ρ)]; a low y is a bad state. */
export function conditionalPd(pd: number, rho: number, y: number): number {
  return normalCdf((normalInverse(pd) - Math.sqrt(rho) * y) / Math.sqrt(1 - rho));
}

/**
 * α-quantile of the loss rate (fraction of defaults) of an infinitely granular homogeneous
 * portfolio: q_α = N[(Φ⁻¹(PD) + √ρ·Φ⁻¹(α))/√(1−ρ)]. Multiply by LGD for a loss fraction.
 */
export function vasicekQuantile(pd: number, rho: number, alpha: number): number {
  return normalCdf((normalInverse(pd) + Math.sqrt(rho) * normalInverse(alpha)) / Math.sqrt(1 - rho));
}

/** P(L ≤ x) for the large-portfolio default rate L: N[(√(1−ρ)·Φ⁻¹(x) − Φ⁻¹(PD))/√ρ]. */
export function vasicekCdf(pd: number, rho: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return normalCdf((Math.sqrt(1 - rho) * normalInverse(x) - normalInverse(pd)) / Math.sqrt(rho));
}
