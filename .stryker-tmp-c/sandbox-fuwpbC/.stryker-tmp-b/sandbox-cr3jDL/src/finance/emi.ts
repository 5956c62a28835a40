/**
 * Equated monthly instalment (REFERENCE §4): EMI = P·r·(1+r)^n / ((1+r)^n − 1), r = annual rate / 12,
 * in integer minor units rounded half away from zero. A zero rate gives P / n (rounded up so n
 * instalments cover P). Inputs are trusted: validate at the boundary.
 */
// @ts-nocheck

// 

export function computeEmi(principalMinor: number, annualRate: number, months: number): number {
  if (annualRate === 0) return Math.ceil(principalMinor / months);
  const r = annualRate / 12;
  const growth = (1 + r) ** months;
  return Math.round((principalMinor * r * growth) / (growth - 1));
}
