// @ts-nocheck
// 
import type { Rng } from '../random/index.js';
import {
  CARD_PURPOSE,
  CHANNEL_WEIGHTS,
  EMPLOYMENT_WEIGHTS,
  PRODUCT,
  PRODUCT_WEIGHTS,
  PURPOSE_WEIGHTS,
  REGION_WEIGHTS,
  SEGMENT,
  SEGMENT_WEIGHTS,
} from './categories.js';
import { clamp, cumulativeWeights, pickCategory, roundTo, samplePoisson, sigmoid } from './sampling.js';

/**
 * Applicant characteristics as typed-array columns (one entry per application). Categorical
 * fields hold codes into the arrays of `categories.ts`; `bureauScore` is NaN for thin files.
 */
export interface ApplicantColumns {
  readonly segment: Int32Array;
  readonly channel: Int32Array;
  readonly product: Int32Array;
  readonly purpose: Int32Array;
  readonly region: Int32Array;
  readonly employmentType: Int32Array;
  /** Years, integer 18..75. */
  readonly age: Float64Array;
  /** Years in current employment, 1 decimal. */
  readonly employmentYears: Float64Array;
  /** Gross monthly income, currency, rounded to 100. */
  readonly monthlyIncome: Float64Array;
  /** Existing monthly debt payments, currency, 2 decimals. */
  readonly existingMonthlyDebt: Float64Array;
  /** 1 when the applicant has no bureau score (thin file). */
  readonly thinFile: Uint8Array;
  /** Bureau score 300..900, NaN for thin files. */
  readonly bureauScore: Float64Array;
  readonly openAccounts: Float64Array;
  readonly delinq30d12m: Float64Array;
  readonly inquiries3m: Float64Array;
  readonly inquiries6m: Float64Array;
  /** Revolving balance / revolving limits, 0..1, 3 decimals (0 for thin files). */
  readonly revolvingUtilization: Float64Array;
  readonly creditHistoryMonths: Float64Array;
  /** Number of other lenders with recent credit activity, capped at 5. */
  readonly multiLenderLevel: Float64Array;
}

/** Median gross monthly income of a 40-year-old salaried applicant (currency units). */
export const MEDIAN_MONTHLY_INCOME = 45000;

const SEGMENT_CDF = cumulativeWeights(SEGMENT_WEIGHTS);
const CHANNEL_CDF = cumulativeWeights(CHANNEL_WEIGHTS);
const PRODUCT_CDF = cumulativeWeights(PRODUCT_WEIGHTS);
const PURPOSE_CDF = cumulativeWeights(PURPOSE_WEIGHTS);
const REGION_CDF = cumulativeWeights(REGION_WEIGHTS);
const EMPLOYMENT_CDF = cumulativeWeights(EMPLOYMENT_WEIGHTS);
/** ln-income shift by employment type (salaried, self-employed, contract, other). */
const INCOME_SHIFT = [0, 0.1, -0.15, -0.3];

/**
 * Draws `rows` applicants. A latent creditworthiness q ~ N(0, 1) (never published) drives the
 * bureau score, delinquencies, utilisation, inquiries and multi-lender activity, so they are
 * correlated as in real bureau data; the true PD depends only on the published columns.
 * See docs/data.md for each distribution.
 */
export function drawApplicants(rng: Rng, rows: number): ApplicantColumns {
  const a = allocate(rows);
  for (let i = 0; i < rows; i++) {
    const segment = pickCategory(SEGMENT_CDF, rng.nextDouble());
    const product = pickCategory(PRODUCT_CDF, rng.nextDouble());
    const employment = pickCategory(EMPLOYMENT_CDF, rng.nextDouble());
    a.segment[i] = segment;
    a.channel[i] = pickCategory(CHANNEL_CDF, rng.nextDouble());
    a.product[i] = product;
    a.region[i] = pickCategory(REGION_CDF, rng.nextDouble());
    a.employmentType[i] = employment;
    const purposeDraw = pickCategory(PURPOSE_CDF, rng.nextDouble());
    a.purpose[i] = product === PRODUCT.creditCard ? CARD_PURPOSE : purposeDraw;

    const age = clamp(Math.round(40 + 11 * rng.nextNormal()), 18, 75);
    a.age[i] = age;
    a.employmentYears[i] = roundTo(Math.min(age - 18, -Math.log(1 - rng.nextDouble()) * (employment === 0 ? 6 : 4.5)), 1);
    const q = rng.nextNormal();
    const centred = age - 40;
    const lnIncome = Math.log(MEDIAN_MONTHLY_INCOME) + 0.012 * centred - 0.0004 * centred * centred + (INCOME_SHIFT[employment] as number) + 0.15 * q;
    const income = clamp(Math.round(Math.exp(lnIncome + 0.5 * rng.nextNormal()) / 100) * 100, 8000, 1000000);
    a.monthlyIncome[i] = income;

    const thinChance = (age < 25 ? 0.22 : 0.07) * (segment === SEGMENT.new ? 1.3 : 0.6);
    const thin = rng.nextDouble() < thinChance;
    const inquiryRate = Math.exp(-0.35 * q) * (segment === SEGMENT.new ? 1.4 : 0.8);
    const inquiries3m = samplePoisson(rng, 0.7 * inquiryRate);
    const inquiries6m = inquiries3m + samplePoisson(rng, 0.8 * inquiryRate);
    a.inquiries3m[i] = inquiries3m;
    a.inquiries6m[i] = inquiries6m;
    a.multiLenderLevel[i] = Math.min(5, samplePoisson(rng, 0.45 * Math.exp(-0.6 * q) + 0.15 * inquiries6m));
    // Draws below happen for every row (thin or not) so the stream stays aligned across rows.
    const scoreNoise = rng.nextNormal();
    const utilNoise = rng.nextNormal();
    const debtNoise = rng.nextNormal();
    const historyDraw = rng.nextDouble();
    const accounts = 1 + samplePoisson(rng, Math.max(0.5, 2 + 0.04 * (age - 25)));
    const delinq = samplePoisson(rng, 0.2 * Math.exp(-0.9 * q));
    if (thin) {
      a.thinFile[i] = 1;
      a.bureauScore[i] = Number.NaN;
      a.creditHistoryMonths[i] = Math.floor(historyDraw * 12);
      a.openAccounts[i] = historyDraw < 0.5 ? 0 : 1;
      a.delinq30d12m[i] = 0;
      a.revolvingUtilization[i] = 0;
      a.existingMonthlyDebt[i] = 0;
      continue;
    }
    a.bureauScore[i] = clamp(Math.round(700 + 65 * (0.8 * q + 0.6 * scoreNoise)), 300, 900);
    a.creditHistoryMonths[i] = Math.round(12 + (age - 18) * 12 * 0.8 * historyDraw ** 0.6);
    a.openAccounts[i] = accounts;
    a.delinq30d12m[i] = delinq;
    const utilization = roundTo(sigmoid(-0.4 - 0.9 * q + 0.9 * utilNoise), 3);
    a.revolvingUtilization[i] = utilization;
    const debtShare = clamp(0.035 * accounts * Math.exp(0.4 * debtNoise) + 0.08 * utilization, 0, 0.7);
    a.existingMonthlyDebt[i] = Math.round(income * debtShare * 100) / 100;
  }
  return a;
}

function allocate(rows: number): { -readonly [K in keyof ApplicantColumns]: ApplicantColumns[K] } {
  const f = () => new Float64Array(rows);
  const c = () => new Int32Array(rows);
  return {
    segment: c(),
    channel: c(),
    product: c(),
    purpose: c(),
    region: c(),
    employmentType: c(),
    age: f(),
    employmentYears: f(),
    monthlyIncome: f(),
    existingMonthlyDebt: f(),
    thinFile: new Uint8Array(rows),
    bureauScore: f(),
    openAccounts: f(),
    delinq30d12m: f(),
    inquiries3m: f(),
    inquiries6m: f(),
    revolvingUtilization: f(),
    creditHistoryMonths: f(),
    multiLenderLevel: f(),
  };
}
