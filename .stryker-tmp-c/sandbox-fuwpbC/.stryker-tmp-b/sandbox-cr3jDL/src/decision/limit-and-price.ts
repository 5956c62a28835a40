// @ts-nocheck
// 
import { type Currency, computeEmi, fromMinor, heldCapital, irbCapital, rarocPrice, toMinor } from '../finance/index.js';
import type { AffordabilityPolicy, LimitPolicy, PricingPolicy } from './policy.js';

/**
 * The limit of an approved application in integer minor units (see `LimitPolicy`):
 * min(tier maximum of the score band, requested amount, ⌊multiple × income⌋, affordable amount),
 * rounded down to a multiple of `roundMinor`. No tier reached, or a missing income when an income cap is set, gives 0.
 * A missing requested amount does not cap the limit.
 */
export function limitMinor(limits: LimitPolicy, score: number, values: Readonly<Record<string, number | string | null>>, currency: Currency): number {
  const tier = limits.tiers.find((t) => score >= t.minScore);
  let limit = tier === undefined ? 0 : tier.maxMinor;
  // amounts beyond 2^52 minor units cannot be held exactly; they are ±Infinity here (no cap, or 0)
  const minor = (v: number) => (Math.abs(v) * 10 ** currency.exponent < 2 ** 52 ? toMinor(v, currency) : v > 0 ? Infinity : -Infinity);
  if (limits.requested !== undefined) {
    const requested = values[limits.requested];
    if (typeof requested === 'number') limit = Math.min(limit, Math.max(0, minor(requested)));
  }
  if (limits.income !== undefined) {
    const income = values[limits.income.column];
    // 1e-6 minor units absorb the binary error of e.g. 0.35 × 1,000,000 without crossing a whole unit
    limit = typeof income === 'number' ? Math.min(limit, Math.max(0, Math.floor(limits.income.multiple * minor(income) + 1e-6))) : 0;
  }
  if (limits.affordability !== undefined) limit = Math.min(limit, affordableMinor(limits.affordability, values, minor));
  return Math.floor(limit / limits.roundMinor) * limits.roundMinor;
}

/**
 * The largest principal (minor units) whose EMI (`computeEmi`, REFERENCE §4) is at most
 * E = ⌊maxDti × income − debt⌋: the present value of E over the term, P = E·(1 − (1+r)^−n)/r,
 * r = rate/12, then stepped to the largest P whose rounded EMI is still ≤ E. Missing or invalid income,
 * debt, term or rate give 0.
 */
function affordableMinor(a: AffordabilityPolicy, values: Readonly<Record<string, number | string | null>>, minor: (v: number) => number): number {
  const read = (ref: string | number) => (typeof ref === 'number' ? ref : values[ref]);
  const income = read(a.income);
  const debt = a.debt === undefined ? 0 : read(a.debt);
  const months = read(a.term);
  const rate = read(a.rate);
  if (typeof income !== 'number' || typeof debt !== 'number' || typeof months !== 'number' || typeof rate !== 'number') return 0;
  if (!Number.isInteger(months) || months < 1 || !(rate >= 0 && rate <= 10)) return 0;
  const payment = Math.floor(a.maxDti * minor(income) - minor(debt));
  if (!(payment > 0)) return 0;
  if (!Number.isFinite(payment)) return Number.POSITIVE_INFINITY;
  const r = rate / 12;
  let principal = r === 0 ? payment * months : Math.floor((payment * -Math.expm1(-months * Math.log1p(r))) / r);
  if (!Number.isSafeInteger(principal)) return Number.POSITIVE_INFINITY;
  // the closed form ignores the EMI's rounding to whole minor units: step to the largest principal it allows
  while (principal > 0 && computeEmi(principal, rate, months) > payment) principal--;
  while (computeEmi(principal + 1, rate, months) <= payment) principal++;
  return principal;
}

/**
 * The risk-based annual rate in basis points for a loan of `limit` minor units at probability of
 * default `pd` (see `PricingPolicy`): the rate whose one-year RAROC equals the hurdle,
 * rate = (hurdle·C − fees + EAD·funding + opex + PD·LGD·EAD − C·capital rate) / EAD with
 * C = K(PD, LGD)·EAD (Basel IRB, REFERENCE §5), or the capital ratio × RWA = ratio·12.5·K·EAD when the
 * policy sets one, and opex = operating cost + operating-cost rate·EAD;
 * rounded up to the `stepBp` grid and raised to the floor. `aboveCap` is true when that exceeds
 * the cap (the returned rate is then the cap).
 */
export function priceBp(pricing: PricingPolicy, pd: number, limit: number, currency: Currency): { bp: number; aboveCap: boolean } {
  const ead = fromMinor(limit, currency);
  const k = irbCapital({ assetClass: pricing.assetClass, pd, lgd: pricing.lgd }).k;
  const capital = pricing.capitalRatio === undefined ? k * ead : heldCapital(k, ead, pricing.capitalRatio);
  const raw = rarocPrice(
    {
      ead,
      fees: fromMinor(pricing.feesMinor, currency),
      fundingRate: pricing.fundingRate,
      operatingCost: fromMinor(pricing.operatingCostMinor, currency) + pricing.operatingCostRate * ead,
      pd,
      lgd: pricing.lgd,
      capital,
      capitalRate: pricing.capitalRate,
    },
    pricing.hurdle,
  );
  // the 1e-9 keeps a rate that is exactly on the grid (up to binary error) from moving up a step
  const bp = Math.max(pricing.floorBp, Math.ceil((raw * 10_000) / pricing.stepBp - 1e-9) * pricing.stepBp);
  return bp > pricing.capBp ? { bp: pricing.capBp, aboveCap: true } : { bp, aboveCap: false };
}

/** Basis points as a decimal rate string with four decimals: 1425 → "0.1425". */
export function formatBasisPoints(bp: number): string {
  return `${Math.floor(bp / 10_000)}.${String(bp % 10_000).padStart(4, '0')}`;
}
