// @ts-nocheck
import type { Rng } from '../random/index.js';
import type { ApplicantColumns } from './applicant.js';
import { SEGMENT } from './categories.js';
import type { LoanTermColumns } from './loan-terms.js';

/**
 * The lender's existing ("old") policy, whose decisions the history records:
 *  1. knock-out rules — decline when age < 21, delinq_30d_12m ≥ 3, dti > 0.6, inquiries_3m ≥ 6 or
 *     bureau_score < 500;
 *  2. an old scorecard — a partial, noisy view of risk: it sees the bureau score (linear, no
 *     spline), thin file, utilisation, DTI, delinquencies, 3-month inquiries and the repeat
 *     segment, misses every other effect and the macro factor, and adds N(0, noise²) — scaled to
 *     points by REFERENCE §3 (600 at 50:1, PDO 20, clamped 300–850, rounded) and approved when
 *     old_score ≥ cutoff;
 *  3. a random test — RANDOM_TEST_SHARE of all applicants approved whatever the policy says.
 * approved = (old_decision = approve) or random_test.
 */
export const OLD_POLICY = {
  minAge: 21,
  maxDelinq30d12m: 2,
  maxDti: 0.6,
  maxInquiries3m: 5,
  minBureauScore: 500,
  score: {
    intercept: -3.3,
    bureauSlope: -0.009,
    thinFile: 0.5,
    utilization: 1.0,
    dti: 2.2,
    delinq: 0.35,
    inquiries3m: 0.1,
    repeat: -0.35,
    noise: 0.4,
  },
  cutoff: 540,
  randomTestShare: 0.03,
} as const;

/** Score scaling of REFERENCE §3: points = offset − factor·logit, 600 at odds 50:1, PDO 20. */
export const SCORE_FACTOR = 20 / Math.LN2;
/** Offset of the score scale. */
export const SCORE_OFFSET = 600 - SCORE_FACTOR * Math.log(50);

/** Old-policy history per application. */
export interface OldPolicyColumns {
  /** Old scorecard points, integer 300..850. */
  readonly oldScore: Float64Array;
  /** 1 when a knock-out rule declines the application. */
  readonly knockedOut: Uint8Array;
  /** 0 = approve, 1 = decline (codes into DECISIONS). */
  readonly oldDecision: Int32Array;
  /** 1 for the random test group. */
  readonly randomTest: Float64Array;
  /** 1 when the loan was booked: old approve or random test. */
  readonly approved: Float64Array;
}

/** True when a knock-out rule of the old policy declines row `i`. */
export function isKnockedOut(a: ApplicantColumns, loan: LoanTermColumns, i: number): boolean {
  const p = OLD_POLICY;
  const score = a.bureauScore[i] as number;
  return (
    (a.age[i] as number) < p.minAge ||
    (a.delinq30d12m[i] as number) > p.maxDelinq30d12m ||
    (loan.dti[i] as number) > p.maxDti ||
    (a.inquiries3m[i] as number) > p.maxInquiries3m ||
    score < p.minBureauScore
  );
}

/** Applies the old policy to every application (noise and random test from `rng`). */
export function applyOldPolicy(rng: Rng, a: ApplicantColumns, loan: LoanTermColumns): OldPolicyColumns {
  const rows = a.age.length;
  const s = OLD_POLICY.score;
  const oldScore = new Float64Array(rows);
  const knockedOut = new Uint8Array(rows);
  const oldDecision = new Int32Array(rows);
  const randomTest = new Float64Array(rows);
  const approved = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const score = a.bureauScore[i] as number;
    let z = s.intercept + s.noise * rng.nextNormal();
    z += a.thinFile[i] === 1 ? s.thinFile : s.bureauSlope * (score - 700);
    z += s.utilization * (a.revolvingUtilization[i] as number) + s.dti * (loan.dti[i] as number);
    z += s.delinq * (a.delinq30d12m[i] as number) + s.inquiries3m * (a.inquiries3m[i] as number);
    if (a.segment[i] === SEGMENT.repeat) z += s.repeat;
    const points = Math.min(850, Math.max(300, Math.round(SCORE_OFFSET - SCORE_FACTOR * z)));
    oldScore[i] = points;
    const ko = isKnockedOut(a, loan, i);
    knockedOut[i] = ko ? 1 : 0;
    const decline = ko || points < OLD_POLICY.cutoff;
    oldDecision[i] = decline ? 1 : 0;
    const test = rng.nextDouble() < OLD_POLICY.randomTestShare;
    randomTest[i] = test ? 1 : 0;
    approved[i] = !decline || test ? 1 : 0;
  }
  return { oldScore, knockedOut, oldDecision, randomTest, approved };
}
