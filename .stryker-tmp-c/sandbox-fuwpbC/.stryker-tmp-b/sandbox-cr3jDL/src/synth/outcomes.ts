// @ts-nocheck
// 
import type { Rng } from '../random/index.js';
import { PRODUCT } from './categories.js';
import type { LoanTermColumns } from './loan-terms.js';
import { balanceAfter, missedAt } from './repayment.js';
import { clamp, cumulativeWeights, pickCategory } from './sampling.js';

/**
 * The outcome process (docs/data.md, "Outcomes"): every applicant gets true_bad ~ Bernoulli(true_pd)
 * and a repayment path (repayment.ts); the lender observes them only for booked loans.
 *  - bad loans miss their first instalment at MOB k drawn from FIRST_MISS_WEIGHTS (k = 1..10, so
 *    90+ dpd is reached by MOB 12);
 *  - good loans have one cured episode with probability min(0.5, episodeRate·true_pd), starting at a
 *    uniform MOB 1..12, lasting 1 month (70 %) or 2 (30 %);
 *  - FPD7: the first instalment (= emi) is overdue at day 7 when the loan misses it (bad with k = 1 or
 *    good with an episode at MOB 1) or, for other goods, with probability latePayRate·true_pd (paid
 *    late but before the month-end snapshot);
 *  - loss = EAD·LGD for bad loans, EAD = principal outstanding at the first missed instalment,
 *    LGD uniform on base ± 0.15 (base 0.65 personal loans, 0.85 cards); 0 for good loans.
 */
export const OUTCOME_MODEL = {
  /** Weights of the first missed MOB k = 1..10 for bad loans. */
  firstMissWeights: [0.22, 0.16, 0.13, 0.11, 0.09, 0.08, 0.07, 0.06, 0.045, 0.035],
  episodeRate: 1.2,
  episodeCap: 0.5,
  episodeTwoMonthShare: 0.3,
  latePayRate: 0.5,
  lgdBase: [0.65, 0.85],
  lgdSpread: 0.15,
} as const;

/** MOB at which MOB4 outcomes are read. */
export const MOB4 = 4;

const FIRST_MISS_CDF = cumulativeWeights(OUTCOME_MODEL.firstMissWeights);

/** Latent and observed outcomes; observed ones are NaN where not approved. */
export interface OutcomeColumns {
  /** 0/1 for every applicant. */
  readonly trueBad: Float64Array;
  /** First missed MOB for true bads (1..10), 0 otherwise — every applicant. */
  readonly firstMiss: Int32Array;
  /** Start MOB of a good loan's cured episode (0 = none) — every applicant. */
  readonly episodeStart: Int32Array;
  /** Length of that episode in months (1 or 2; 0 = none). */
  readonly episodeLength: Int32Array;
  readonly bad: Float64Array;
  readonly fpd7DueAmount: Float64Array;
  readonly fpd7OverdueAmount: Float64Array;
  readonly mob4Balance: Float64Array;
  readonly mob4M2plusBalance: Float64Array;
  readonly lossAmount: Float64Array;
}

/** Draws every applicant's outcome path and fills the observed columns for approved rows. */
export function drawOutcomes(rng: Rng, truePd: Float64Array, approved: Float64Array, loan: LoanTermColumns, product: Int32Array): OutcomeColumns {
  const rows = truePd.length;
  const o = OUTCOME_MODEL;
  const trueBad = new Float64Array(rows);
  const firstMiss = new Int32Array(rows);
  const episodeStart = new Int32Array(rows);
  const episodeLength = new Int32Array(rows);
  const bad = new Float64Array(rows).fill(Number.NaN);
  const fpd7DueAmount = new Float64Array(rows).fill(Number.NaN);
  const fpd7OverdueAmount = new Float64Array(rows).fill(Number.NaN);
  const mob4Balance = new Float64Array(rows).fill(Number.NaN);
  const mob4M2plusBalance = new Float64Array(rows).fill(Number.NaN);
  const lossAmount = new Float64Array(rows).fill(Number.NaN);
  for (let i = 0; i < rows; i++) {
    const pd = truePd[i] as number;
    // Seven draws per row whatever the branch, so rows never shift each other's streams.
    const uBad = rng.nextDouble();
    const uMiss = rng.nextDouble();
    const uEpisode = rng.nextDouble();
    const uStart = rng.nextDouble();
    const uLength = rng.nextDouble();
    const uLate = rng.nextDouble();
    const uLgd = rng.nextDouble();
    const isBad = uBad < pd;
    trueBad[i] = isBad ? 1 : 0;
    if (isBad) firstMiss[i] = 1 + pickCategory(FIRST_MISS_CDF, uMiss);
    else if (uEpisode < Math.min(o.episodeCap, o.episodeRate * pd)) {
      episodeStart[i] = 1 + Math.floor(uStart * 12);
      episodeLength[i] = uLength < o.episodeTwoMonthShare ? 2 : 1;
    }
    if (approved[i] !== 1) continue;
    const k = firstMiss[i] as number;
    const emi = loan.emi[i] as number;
    bad[i] = isBad ? 1 : 0;
    fpd7DueAmount[i] = emi;
    const missedFirst = missedAt(1, k, episodeStart[i] as number, episodeLength[i] as number) > 0;
    fpd7OverdueAmount[i] = missedFirst || (!isBad && uLate < o.latePayRate * pd) ? emi : 0;
    const principal = Math.round((loan.requestedAmount[i] as number) * 100);
    const rate = loan.interestRate[i] as number;
    const term = loan.termMonths[i] as number;
    const emiMinor = Math.round(emi * 100);
    const missed4 = missedAt(MOB4, k, episodeStart[i] as number, episodeLength[i] as number);
    const balance4 = balanceAfter(principal, rate, term, emiMinor, MOB4 - missed4);
    mob4Balance[i] = balance4 / 100;
    mob4M2plusBalance[i] = missed4 >= 2 ? balance4 / 100 : 0;
    if (isBad) {
      const ead = balanceAfter(principal, rate, term, emiMinor, k - 1);
      const lgd = clamp((o.lgdBase[product[i] === PRODUCT.creditCard ? 1 : 0] as number) + o.lgdSpread * (2 * uLgd - 1), 0, 1);
      lossAmount[i] = Math.round(ead * lgd) / 100;
    } else lossAmount[i] = 0;
  }
  return { trueBad, firstMiss, episodeStart, episodeLength, bad, fpd7DueAmount, fpd7OverdueAmount, mob4Balance, mob4M2plusBalance, lossAmount };
}
