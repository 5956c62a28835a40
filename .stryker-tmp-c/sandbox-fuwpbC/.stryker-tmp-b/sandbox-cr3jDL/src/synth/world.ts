// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { type CategoryColumn, categoryColumn, Frame, numericColumn } from '../frame/index.js';
import { deriveSeed, Rng } from '../random/index.js';
import { drawApplicants } from './applicant.js';
import { daysInMonth, drawCalendar, formatMonth, parseMonth } from './calendar.js';
import { CHANNELS, DECISIONS, EMPLOYMENT_TYPES, PRODUCTS, PURPOSES, REGIONS, SEGMENTS } from './categories.js';
import { computeBaseLogit, computeTruePd } from './causal-model.js';
import { drawLoanTerms } from './loan-terms.js';
import { macroFactors } from './macro.js';
import { applyOldPolicy } from './old-policy.js';
import { drawOutcomes } from './outcomes.js';
import { buildPerformance } from './performance.js';

/** Options of `generateWorld`. */
export interface SynthOptions {
  /** Number of applications (≥ 1). */
  rows: number;
  /** Seed: the same seed gives the same world. */
  seed: number;
  /** First vintage as `YYYY-MM` (default '2023-01'). */
  startMonth?: string;
  /** Number of monthly vintages (default 24). */
  months?: number;
  /** Also build the loan × month-on-book performance table. */
  performance?: boolean;
  /** Maximum months on book in the performance table (default 12, at most 36). */
  performanceMonths?: number;
}

/** The generated world: applications (one row each) and, on request, monthly performance. */
export interface SynthWorld {
  applications: Frame;
  performance?: Frame;
}

/** Independent random streams (deriveSeed(seed, stream)), one per process. */
export const STREAMS = { calendar: 1, applicant: 2, loan: 3, policy: 4, outcome: 5 } as const;

/** Default options. */
export const SYNTH_DEFAULTS = { startMonth: '2023-01', months: 24, performanceMonths: 12 } as const;

/**
 * Generates the synthetic lending world (docs/data.md): applicants, requested loans, the causal
 * true PD with its macro factor, the old policy's decisions and the observed outcomes of booked
 * loans. Pure and deterministic: every random process draws from its own `deriveSeed` stream.
 */
export function generateWorld(options: SynthOptions): SynthWorld {
  const { rows, seed } = options;
  const months = options.months ?? SYNTH_DEFAULTS.months;
  const horizon = options.performanceMonths ?? SYNTH_DEFAULTS.performanceMonths;
  if (!Number.isInteger(rows) || rows < 1) invalid(`rows must be a whole number ≥ 1, got ${rows}`);
  if (!Number.isSafeInteger(seed) || seed < 0) invalid(`seed must be a whole number ≥ 0, got ${seed}`);
  if (!Number.isInteger(months) || months < 1 || months > 600) invalid(`months must be a whole number in 1..600, got ${months}`);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) invalid(`performanceMonths must be a whole number in 1..36, got ${horizon}`);
  const start = parseMonth(options.startMonth ?? SYNTH_DEFAULTS.startMonth);

  const stream = (id: number) => new Rng(deriveSeed(seed, id));
  const calendar = drawCalendar(stream(STREAMS.calendar), rows, start, months);
  const applicants = drawApplicants(stream(STREAMS.applicant), rows);
  const loan = drawLoanTerms(stream(STREAMS.loan), applicants);
  const truePd = computeTruePd(computeBaseLogit(applicants, loan), calendar.vintage, macroFactors(months));
  const policy = applyOldPolicy(stream(STREAMS.policy), applicants, loan);
  const outcomes = drawOutcomes(stream(STREAMS.outcome), truePd, policy.approved, loan, applicants.product);

  const applicationId = idColumn(rows);
  const vintageColumn = categoryColumn(
    'vintage',
    calendar.vintage,
    Array.from({ length: months }, (_, v) => formatMonth(start + v)),
  );
  const segment = categoryColumn('segment', applicants.segment, SEGMENTS);
  const product = categoryColumn('product', applicants.product, PRODUCTS);
  const a = applicants;
  const applications = new Frame([
    applicationId,
    dateColumn(calendar.vintage, calendar.day, start, months),
    vintageColumn,
    segment,
    categoryColumn('channel', a.channel, CHANNELS),
    product,
    categoryColumn('purpose', a.purpose, PURPOSES),
    categoryColumn('region', a.region, REGIONS),
    numericColumn('age', a.age),
    categoryColumn('employment_type', a.employmentType, EMPLOYMENT_TYPES),
    numericColumn('employment_years', a.employmentYears),
    numericColumn('monthly_income', a.monthlyIncome),
    numericColumn('existing_monthly_debt', a.existingMonthlyDebt),
    numericColumn('bureau_score', a.bureauScore),
    numericColumn('open_accounts', a.openAccounts),
    numericColumn('delinq_30d_12m', a.delinq30d12m),
    numericColumn('inquiries_3m', a.inquiries3m),
    numericColumn('inquiries_6m', a.inquiries6m),
    numericColumn('revolving_utilization', a.revolvingUtilization),
    numericColumn('credit_history_months', a.creditHistoryMonths),
    numericColumn('multi_lender_level', a.multiLenderLevel),
    numericColumn('requested_amount', loan.requestedAmount),
    numericColumn('term_months', loan.termMonths),
    numericColumn('interest_rate', loan.interestRate),
    numericColumn('emi', loan.emi),
    numericColumn('dti', loan.dti),
    numericColumn('lti', loan.lti),
    numericColumn('true_pd', truePd),
    numericColumn('true_bad', outcomes.trueBad),
    numericColumn('old_score', policy.oldScore),
    categoryColumn('old_decision', policy.oldDecision, DECISIONS),
    numericColumn('random_test', policy.randomTest),
    numericColumn('approved', policy.approved),
    numericColumn('bad', outcomes.bad),
    numericColumn('fpd7_due_amount', outcomes.fpd7DueAmount),
    numericColumn('fpd7_overdue_amount', outcomes.fpd7OverdueAmount),
    numericColumn('mob4_balance', outcomes.mob4Balance),
    numericColumn('mob4_m2plus_balance', outcomes.mob4M2plusBalance),
    numericColumn('loss_amount', outcomes.lossAmount),
  ]);
  if (options.performance !== true) return { applications };
  const performance = buildPerformance({
    start,
    months,
    horizon,
    approved: policy.approved,
    vintage: calendar.vintage,
    loan,
    outcomes,
    applicationId,
    vintageColumn,
    segment,
    product,
  });
  return { applications, performance };
}

/** `application_id`: `A` + the 1-based row number zero-padded to 7 digits (more past 9,999,999). */
function idColumn(rows: number): CategoryColumn {
  const width = Math.max(7, String(rows).length);
  const dictionary = new Array<string>(rows);
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    dictionary[i] = `A${String(i + 1).padStart(width, '0')}`;
    codes[i] = i;
  }
  return { type: 'category', name: 'application_id', codes, dictionary };
}

/** `application_date` as ISO `YYYY-MM-DD`; the dictionary holds every calendar day of every vintage, in order. */
function dateColumn(vintage: Int32Array, day: Int32Array, start: number, months: number): CategoryColumn {
  const dictionary: string[] = [];
  const firstCode = new Int32Array(months);
  for (let v = 0; v < months; v++) {
    firstCode[v] = dictionary.length;
    const month = formatMonth(start + v);
    const days = daysInMonth(start + v);
    for (let d = 1; d <= days; d++) dictionary.push(`${month}-${String(d).padStart(2, '0')}`);
  }
  const codes = new Int32Array(vintage.length);
  for (let i = 0; i < codes.length; i++) codes[i] = (firstCode[vintage[i] as number] as number) + (day[i] as number) - 1;
  return { type: 'category', name: 'application_date', codes, dictionary };
}

function invalid(summary: string): never {
  throw new CredoError('E_INPUT_VALIDATION', { summary });
}
