// @ts-nocheck
// 
import type { ApplicantColumns } from './applicant.js';
import { MEDIAN_MONTHLY_INCOME } from './applicant.js';
import { SEGMENT } from './categories.js';
import type { LoanTermColumns } from './loan-terms.js';

/**
 * The causal model of the synthetic world: logit(true_pd) as a sum of the terms below (written out
 * in docs/data.md, which tests recompute from these same constants). x⁺ = max(0, x).
 *
 *   z = intercept
 *     + bureau:    thin ? thinFile : bureauSlope·(s − 700) + bureauLowSlope·(bureauLowKnot − s)⁺ + bureauHighSlope·(s − bureauHighKnot)⁺
 *     + util:      utilization·u + utilizationHinge·(u − utilizationKnot)⁺
 *     + dti:       dti·d + dtiConvex·((d − dtiKnot)⁺)² + dtiThin·d·thin, with d = min(dti, dtiCap)
 *     + delinq·min(delinq_30d_12m, 4) + inquiries3m·i3 + inquiries3mNew·i3·[segment = new]
 *     + multiLender·multi_lender_level + ageQuadratic·(age − ageCentre)²
 *     + employmentYears·min(employment_years, 10) + income·ln(monthly_income / 45000)
 *     + lti·lti + term·(term_months − 36)
 *     + segment[·] + channel[·] + product[·] + purpose[·] + region[·] + employment[·]
 *     + macro[vintage]
 *   true_pd = 1 / (1 + e^−z)
 */
export const TRUE_PD_MODEL = {
  intercept: -4.3,
  thinFile: 0.55,
  bureauSlope: -0.009,
  bureauLowKnot: 620,
  bureauLowSlope: 0.012,
  bureauHighKnot: 800,
  bureauHighSlope: 0.006,
  utilization: 0.4,
  utilizationKnot: 0.6,
  utilizationHinge: 2.2,
  dti: 0.8,
  dtiKnot: 0.35,
  dtiConvex: 4,
  dtiThin: 1.2,
  dtiCap: 1.5,
  delinq: 0.45,
  inquiries3m: 0.08,
  inquiries3mNew: 0.12,
  multiLender: 0.28,
  ageCentre: 40,
  ageQuadratic: 0.0006,
  employmentYears: -0.05,
  income: -0.25,
  lti: 0.4,
  term: 0.01,
  /** new, repeat, topup */
  segment: [0, -0.45, 0.15],
  /** online, branch, partner, broker */
  channel: [0.1, -0.15, 0.25, 0.35],
  /** personal_loan, credit_card */
  product: [0, 0.2],
  /** debt_consolidation, home_improvement, vehicle, education, medical, travel, wedding, other, card_spend */
  purpose: [0.2, -0.15, -0.1, 0, 0.15, 0.1, 0.05, 0.2, 0],
  /** north, south, east, west, central */
  region: [0, -0.1, 0.15, -0.05, 0.1],
  /** salaried, self_employed, contract, other */
  employment: [0, 0.25, 0.35, 0.45],
} as const;

/**
 * logit(true_pd) without the macro term, for every row, from the published column values.
 * Hot loop over typed arrays; categorical effects index the constant tables by code.
 */
export function computeBaseLogit(a: ApplicantColumns, loan: LoanTermColumns): Float64Array {
  const m = TRUE_PD_MODEL;
  const rows = a.age.length;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = m.intercept;
    const s = a.bureauScore[i] as number;
    const thin = a.thinFile[i] as number;
    if (thin === 1) z += m.thinFile;
    else z += m.bureauSlope * (s - 700) + m.bureauLowSlope * Math.max(0, m.bureauLowKnot - s) + m.bureauHighSlope * Math.max(0, s - m.bureauHighKnot);
    const u = a.revolvingUtilization[i] as number;
    z += m.utilization * u + m.utilizationHinge * Math.max(0, u - m.utilizationKnot);
    const d = Math.min(loan.dti[i] as number, m.dtiCap);
    const over = Math.max(0, d - m.dtiKnot);
    z += m.dti * d + m.dtiConvex * over * over + m.dtiThin * d * thin;
    const segment = a.segment[i] as number;
    const i3 = a.inquiries3m[i] as number;
    z += m.delinq * Math.min(a.delinq30d12m[i] as number, 4) + m.inquiries3m * i3 + (segment === SEGMENT.new ? m.inquiries3mNew * i3 : 0);
    const age = (a.age[i] as number) - m.ageCentre;
    z += m.multiLender * (a.multiLenderLevel[i] as number) + m.ageQuadratic * age * age;
    z += m.employmentYears * Math.min(a.employmentYears[i] as number, 10) + m.income * Math.log((a.monthlyIncome[i] as number) / MEDIAN_MONTHLY_INCOME);
    z += m.lti * (loan.lti[i] as number) + m.term * ((loan.termMonths[i] as number) - 36);
    z +=
      (m.segment[segment] as number) +
      (m.channel[a.channel[i] as number] as number) +
      (m.product[a.product[i] as number] as number) +
      (m.purpose[a.purpose[i] as number] as number) +
      (m.region[a.region[i] as number] as number) +
      (m.employment[a.employmentType[i] as number] as number);
    out[i] = z;
  }
  return out;
}

/** true_pd = σ(base logit + macro[vintage of the row]). */
export function computeTruePd(baseLogit: Float64Array, vintage: Int32Array, macro: Float64Array): Float64Array {
  const out = new Float64Array(baseLogit.length);
  for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-((baseLogit[i] as number) + (macro[vintage[i] as number] as number))));
  return out;
}
