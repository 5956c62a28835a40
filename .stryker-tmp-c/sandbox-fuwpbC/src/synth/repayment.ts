/**
 * Repayment paths of booked loans, measured at month-end snapshots by month on book (MOB) t = 1, 2, …
 * (the first instalment falls due in MOB 1). The state is the count c of consecutive unpaid
 * instalments; days past due are dpd = 30·c. A bad loan stops paying at its first missed
 * instalment k and never cures: c(t) = t − k + 1 for t ≥ k, so it is 90+ dpd from MOB k + 2 and
 * charged off at CHARGE_OFF_MISSED (180 dpd). A good loan may have one delinquency episode starting
 * at MOB j lasting 1 or 2 months (30 or 60 dpd), then pays all arrears and is current again.
 */
// @ts-nocheck


/** Consecutive missed instalments at which a loan is charged off (180 dpd). */
export const CHARGE_OFF_MISSED = 6;
/** Days past due per missed instalment. */
export const DAYS_PER_MISSED = 30;

/**
 * Missed instalments at MOB `t` for a loan whose default starts at `firstMiss` (0 = never) or whose
 * cured episode starts at `episodeStart` (0 = none) and lasts `episodeLength` months.
 */
export function missedAt(t: number, firstMiss: number, episodeStart: number, episodeLength: number): number {
  if (firstMiss > 0) return t >= firstMiss ? t - firstMiss + 1 : 0;
  if (episodeStart > 0 && t >= episodeStart && t < episodeStart + episodeLength) return t - episodeStart + 1;
  return 0;
}

/**
 * Principal outstanding (minor units) after `paid` instalments of an amortising loan — REFERENCE §4:
 * each month interest = round(balance·r), principal = EMI − interest; the last instalment clears
 * the remainder, so the balance after `term` instalments is exactly 0.
 */
export function balanceAfter(principalMinor: number, annualRate: number, term: number, emiMinor: number, paid: number): number {
  if (paid >= term) return 0;
  const r = annualRate / 12;
  let balance = principalMinor;
  for (let p = 0; p < paid; p++) balance -= emiMinor - Math.round(balance * r);
  return Math.max(0, balance);
}

/**
 * Fills `out[p]` with the balance after p instalments for p = 0..count−1 (minor units), the
 * schedule lookup used when writing one loan's monthly rows.
 */
export function fillSchedule(out: Float64Array, principalMinor: number, annualRate: number, term: number, emiMinor: number, count: number): void {
  const r = annualRate / 12;
  let balance = principalMinor;
  for (let p = 0; p < count; p++) {
    out[p] = p >= term ? 0 : Math.max(0, balance);
    if (p < term) balance -= emiMinor - Math.round(balance * r);
  }
}
