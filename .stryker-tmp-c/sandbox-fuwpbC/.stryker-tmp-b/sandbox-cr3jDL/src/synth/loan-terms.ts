// @ts-nocheck
// 
import { computeEmi } from '../finance/index.js';
import type { Rng } from '../random/index.js';
import type { ApplicantColumns } from './applicant.js';
import { PRODUCT, SEGMENT } from './categories.js';
import { clamp, cumulativeWeights, pickCategory, roundTo } from './sampling.js';

/** The requested loan: amount, term, price, instalment and affordability ratios. */
export interface LoanTermColumns {
  /** Requested amount, currency, 2-decimal value (whole thousands for loans, fives of thousands for cards). */
  readonly requestedAmount: Float64Array;
  readonly termMonths: Float64Array;
  /** Annual interest rate as a decimal (0.145 = 14.5 % p.a.). */
  readonly interestRate: Float64Array;
  /** Monthly instalment, currency, 2 decimals: `computeEmi` of REFERENCE §4. */
  readonly emi: Float64Array;
  /** (existing_monthly_debt + emi) / monthly_income, 4 decimals. */
  readonly dti: Float64Array;
  /** requested_amount / (12 · monthly_income), 4 decimals. */
  readonly lti: Float64Array;
}

/** Personal-loan terms in months and their shares. */
export const LOAN_TERMS = [12, 24, 36, 48, 60] as const;
const LOAN_TERM_CDF = cumulativeWeights([0.15, 0.25, 0.3, 0.15, 0.15]);
/**
 * Credit cards are modelled as a notional amortising balance: the requested limit repaid over
 * CARD_TERM_MONTHS at CARD_RATE, whose instalment enters affordability and the outcome amounts.
 */
export const CARD_TERM_MONTHS = 24;
/** Annual rate of credit cards. */
export const CARD_RATE = 0.36;

/**
 * Draws the requested amount and term and prices the loan (risk-based by bureau score), then
 * derives EMI, DTI and LTI from the published (rounded) values.
 */
export function drawLoanTerms(rng: Rng, applicants: ApplicantColumns): LoanTermColumns {
  const rows = applicants.age.length;
  const requestedAmount = new Float64Array(rows);
  const termMonths = new Float64Array(rows);
  const interestRate = new Float64Array(rows);
  const emi = new Float64Array(rows);
  const dti = new Float64Array(rows);
  const lti = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const income = applicants.monthlyIncome[i] as number;
    const amountNoise = rng.nextNormal();
    const termDraw = rng.nextDouble();
    const rateNoise = rng.nextDouble();
    let amount: number;
    let term: number;
    let rate: number;
    if (applicants.product[i] === PRODUCT.creditCard) {
      amount = clamp(Math.round((income * 2 * Math.exp(0.4 * amountNoise)) / 5000) * 5000, 10000, 500000);
      term = CARD_TERM_MONTHS;
      rate = CARD_RATE;
    } else {
      term = LOAN_TERMS[pickCategory(LOAN_TERM_CDF, termDraw)] as number;
      // Longer terms carry larger amounts (1 + 1.2 × years of income-months); top-ups are smaller.
      const multiple = (1 + (1.2 * term) / 12) * (applicants.segment[i] === SEGMENT.topup ? 0.6 : 1);
      amount = clamp(Math.round((income * multiple * Math.exp(0.5 * amountNoise)) / 1000) * 1000, 20000, 2500000);
      const score = applicants.bureauScore[i] as number;
      const spread = Number.isNaN(score) ? 0.09 : 0.12 * clamp((800 - score) / 350, 0, 1);
      const loyalty = applicants.segment[i] === SEGMENT.new ? 0 : -0.01;
      // Rates move in steps of 0.25 pp, with a little dispersion between branches and partners.
      rate = Math.round((0.11 + spread + loyalty + 0.01 * (rateNoise - 0.5)) * 400) / 400;
    }
    const emiValue = computeEmi(amount * 100, rate, term) / 100;
    requestedAmount[i] = amount;
    termMonths[i] = term;
    interestRate[i] = roundTo(rate, 4);
    emi[i] = emiValue;
    dti[i] = roundTo(((applicants.existingMonthlyDebt[i] as number) + emiValue) / income, 4);
    lti[i] = roundTo(amount / (12 * income), 4);
  }
  return { requestedAmount, termMonths, interestRate, emi, dti, lti };
}
