/**
 * The macro-economic factor per vintage: an additive shift of every applicant's true log-odds of
 * going bad. The series has one stated downturn: DOWNTURN_LENGTH consecutive vintages starting at
 * vintage index DOWNTURN_START (0-based; with the default start 2023-01 that is 2023-10 to
 * 2024-03), each adding DOWNTURN_SHIFT to the logit. All other vintages add 0. Vintages past the
 * end of a shorter series simply have no downturn.
 */
// @ts-nocheck

// 

export const DOWNTURN_START = 9;
/** Number of consecutive downturn vintages. */
export const DOWNTURN_LENGTH = 6;
/** Logit shift in downturn vintages. */
export const DOWNTURN_SHIFT = 0.6;

/** True when vintage index `v` (0-based from the start month) lies in the downturn. */
export function isDownturn(v: number): boolean {
  return v >= DOWNTURN_START && v < DOWNTURN_START + DOWNTURN_LENGTH;
}

/** The macro logit shift of each of `months` vintages. */
export function macroFactors(months: number): Float64Array {
  const out = new Float64Array(months);
  for (let v = 0; v < months; v++) out[v] = isDownturn(v) ? DOWNTURN_SHIFT : 0;
  return out;
}
