// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valueAt } from '../frame/index.js';
import { CHANNELS, EMPLOYMENT_TYPES, PRODUCTS, PURPOSES, REGIONS, SEGMENTS } from './categories.js';
import { TRUE_PD_MODEL } from './causal-model.js';
import { DOWNTURN_LENGTH, DOWNTURN_SHIFT, DOWNTURN_START, isDownturn } from './macro.js';
import { generateWorld } from './world.js';

const ROWS = 100_000;
const apps = generateWorld({ rows: ROWS, seed: 11 }).applications;
const num = (name: string) => apps.numeric(name).values;
const label = (name: string, i: number) => valueAt(apps.column(name), i) as string;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const plus = (x: number) => Math.max(0, x);

/** The formula of docs/data.md written out row by row from the labels (a reference, not the kernel). */
function referenceLogit(i: number, vintageIndex: number): number {
  const m = TRUE_PD_MODEL;
  const score = num('bureau_score')[i] as number;
  const thin = Number.isNaN(score) ? 1 : 0;
  const u = num('revolving_utilization')[i] as number;
  const d = Math.min(num('dti')[i] as number, m.dtiCap);
  const i3 = num('inquiries_3m')[i] as number;
  const segment = label('segment', i);
  const age = num('age')[i] as number;
  return (
    m.intercept +
    (thin
      ? m.thinFile
      : m.bureauSlope * (score - 700) + m.bureauLowSlope * plus(m.bureauLowKnot - score) + m.bureauHighSlope * plus(score - m.bureauHighKnot)) +
    m.utilization * u +
    m.utilizationHinge * plus(u - m.utilizationKnot) +
    m.dti * d +
    m.dtiConvex * plus(d - m.dtiKnot) ** 2 +
    m.dtiThin * d * thin +
    m.delinq * Math.min(num('delinq_30d_12m')[i] as number, 4) +
    m.inquiries3m * i3 +
    (segment === 'new' ? m.inquiries3mNew * i3 : 0) +
    m.multiLender * (num('multi_lender_level')[i] as number) +
    m.ageQuadratic * (age - m.ageCentre) ** 2 +
    m.employmentYears * Math.min(num('employment_years')[i] as number, 10) +
    m.income * Math.log((num('monthly_income')[i] as number) / 45000) +
    m.lti * (num('lti')[i] as number) +
    m.term * ((num('term_months')[i] as number) - 36) +
    (m.segment[SEGMENTS.indexOf(segment as (typeof SEGMENTS)[number])] as number) +
    (m.channel[CHANNELS.indexOf(label('channel', i) as (typeof CHANNELS)[number])] as number) +
    (m.product[PRODUCTS.indexOf(label('product', i) as (typeof PRODUCTS)[number])] as number) +
    (m.purpose[PURPOSES.indexOf(label('purpose', i) as (typeof PURPOSES)[number])] as number) +
    (m.region[REGIONS.indexOf(label('region', i) as (typeof REGIONS)[number])] as number) +
    (m.employment[EMPLOYMENT_TYPES.indexOf(label('employment_type', i) as (typeof EMPLOYMENT_TYPES)[number])] as number) +
    (isDownturn(vintageIndex) ? DOWNTURN_SHIFT : 0)
  );
}

const vintages = apps.category('vintage');

test('true_pd is exactly the documented formula of the published columns', () => {
  let worst = 0;
  for (let i = 0; i < ROWS; i++) worst = Math.max(worst, Math.abs(sigmoid(referenceLogit(i, vintages.codes[i] as number)) - (num('true_pd')[i] as number)));
  assert.ok(worst < 1e-12, `largest difference ${worst}`);
});

test('the downturn vintages carry the documented +0.6 logit shift, in true PD and in realised bads', () => {
  assert.deepEqual(
    vintages.dictionary.filter((_, v) => isDownturn(v)),
    ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03'],
  );
  assert.equal(DOWNTURN_START + DOWNTURN_LENGTH, 15);
  const pd = num('true_pd');
  const trueBad = num('true_bad');
  // Applicants are drawn identically in every vintage, so the downturn group's mean PD should equal
  // the normal group's mean of σ(logit + 0.6): compare the two sample means within 4 standard errors.
  const down = { n: 0, sum: 0, sq: 0, bads: 0 };
  const shifted = { n: 0, sum: 0, sq: 0, plain: 0, bads: 0 };
  for (let i = 0; i < ROWS; i++) {
    const p = pd[i] as number;
    if (isDownturn(vintages.codes[i] as number)) {
      down.n++;
      down.sum += p;
      down.sq += p * p;
      down.bads += trueBad[i] as number;
    } else {
      const q = sigmoid(Math.log(p / (1 - p)) + DOWNTURN_SHIFT);
      shifted.n++;
      shifted.sum += q;
      shifted.sq += q * q;
      shifted.plain += p;
      shifted.bads += trueBad[i] as number;
    }
  }
  const mean = (g: { n: number; sum: number }) => g.sum / g.n;
  const variance = (g: { n: number; sum: number; sq: number }) => g.sq / g.n - mean(g) ** 2;
  const se = Math.sqrt(variance(down) / down.n + variance(shifted) / shifted.n);
  assert.ok(Math.abs(mean(down) - mean(shifted)) < 4 * se, `downturn mean PD ${mean(down)} vs shifted normal ${mean(shifted)} (se ${se})`);
  const expectedGap = mean(shifted) - shifted.plain / shifted.n;
  assert.ok(expectedGap > 0.035, `expected gap ${expectedGap}`);
  // Realised true bad rates: the gap matches the expected PD gap within binomial error.
  const observedGap = down.bads / down.n - shifted.bads / shifted.n;
  const binomialSe = Math.sqrt(mean(down) / down.n + shifted.plain / shifted.n / shifted.n);
  assert.ok(Math.abs(observedGap - expectedGap) < 4 * binomialSe, `observed gap ${observedGap} vs expected ${expectedGap}`);
});
