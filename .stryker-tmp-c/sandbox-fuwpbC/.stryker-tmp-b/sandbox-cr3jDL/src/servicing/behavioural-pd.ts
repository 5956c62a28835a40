/**
 * A loan's behavioural 12-month PD: the decision's PD at origination, its odds doubled for every
 * 30 days past due, odds(dpd) = odds₀ · 2^(dpd/30), and 1 once the loan is an NPA (defaulted).
 * Odds doubling per 30 dpd is the scaling of a scorecard whose points-to-double-odds is one
 * month of arrears; it keeps the PD below 1 before default and equal to the origination PD while
 * the loan is current. IFRS 9 uses it for ECL and for the "PD doubled since origination" test.
 */
// @ts-nocheck

// 

export function behaviouralPd(originationPd: number, dpd: number, npa: boolean): number {
  if (npa || originationPd >= 1) return 1;
  if (originationPd <= 0 || dpd <= 0) return Math.max(0, originationPd);
  const odds = (originationPd / (1 - originationPd)) * 2 ** (dpd / 30);
  return odds / (1 + odds);
}

/** True when the behavioural PD is at least twice the origination PD (IFRS 9 B5.5.17 significant increase). */
export function pdDoubled(originationPd: number, pd: number): boolean {
  return originationPd > 0 && pd >= 2 * originationPd;
}
