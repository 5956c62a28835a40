// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignBins, type BinSpec, fitBinning } from '../src/ml/binning/index.js';
import { chiSquareSurvival } from '../src/ml/metrics/index.js';
import { informationGain, levelCounts, runSelection } from '../src/ml/selection/index.js';
import { generateWorld } from '../src/synth/index.js';

/**
 * The inputs of logit(true_pd) in src/synth/causal-model.ts (computeBaseLogit) plus the vintage
 * (the macro term): every other published column is only correlated with these.
 */
export const CAUSAL = [
  'bureau_score', // bureau spline; missing = thin file
  'revolving_utilization',
  'dti',
  'delinq_30d_12m',
  'inquiries_3m',
  'segment',
  'multi_lender_level',
  'age',
  'employment_years',
  'monthly_income',
  'lti',
  'term_months',
  'channel',
  'product',
  'purpose',
  'region',
  'employment_type',
  'vintage',
];
const NOT_CAUSAL = ['existing_monthly_debt', 'open_accounts', 'inquiries_6m', 'credit_history_months', 'requested_amount', 'interest_rate', 'emi'];

test('IG recovers every causal feature of a small synthetic world that the true PDs say it must detect', async () => {
  const world = generateWorld({ rows: 4000, seed: 21 });
  const frame = world.applications;
  const candidates = [...CAUSAL, ...NOT_CAUSAL];
  const labels = frame.numeric('true_bad').values;
  const truePd = frame.numeric('true_pd').values;
  const alpha = 0.05;
  const run = await runSelection(frame, 'true_bad', candidates, {
    methods: ['ig', 'iv'],
    transform: 'woe',
    filters: { minIv: 0.02 },
    stepwise: { direction: 'both', criterion: 'aic' },
    igAlpha: alpha,
    model: 'logistic',
    repeats: 1,
    rounds: 1,
    borutaTrees: 1,
    maxRows: 4000,
    seed: 0,
  });
  // The threshold, derived: on the same levels, the true PDs give each level's expected bads, hence the
  // population information gain I and the noncentrality λ = 2·n·I (nats) of the G statistic, which is
  // then ≈ noncentral χ²(df, λ) with mean df + λ and sd √(2(df + 2λ)). A feature must be detected when
  // even its mean minus three sds is significant at the Bonferroni level the IG test uses.
  const level = alpha / candidates.length;
  const mustDetect: string[] = [];
  for (const name of CAUSAL) {
    const column = frame.column(name);
    const binning = column.type === 'number' ? await fitBinning(column, labels, { solver: 'dp' }) : undefined;
    const { goods } = levelCounts(column, labels, binning);
    // Expected counts per level: rows of the level split by their true PDs.
    const rows = Float64Array.from(goods, () => 0);
    const expectedBads = Float64Array.from(goods, () => 0);
    // Levels as levelCounts numbers them: the IV bins of a numeric column; category code + 1 (0 = missing).
    const levelOf = column.type === 'category' ? Int32Array.from(column.codes, (c) => c + 1) : assignBins(column, binning?.spec as BinSpec);
    if (binning !== undefined)
      assert.deepEqual(
        binning.rows.map((r) => r.bin),
        binning.rows.map((_, k) => k),
      );
    for (let i = 0; i < frame.rowCount; i++) {
      const k = levelOf[i] as number;
      rows[k] = (rows[k] as number) + 1;
      expectedBads[k] = (expectedBads[k] as number) + (truePd[i] as number);
    }
    const population = informationGain(
      name,
      rows.map((r, k) => r - (expectedBads[k] as number)),
      expectedBads,
    );
    const df = population.levels - 1;
    const lambda = population.g;
    const sd = Math.sqrt(2 * (df + 2 * lambda));
    if (df > 0 && chiSquareSurvival(df + lambda - 3 * sd, df) < level) mustDetect.push(name);
  }
  const chosen = candidates.filter((c) => run.scores.get('ig')?.get(c)?.chosen);
  // The derivation is not vacuous: the strong causal features are in it, weak ones (region) are not.
  for (const strong of ['bureau_score', 'revolving_utilization', 'delinq_30d_12m', 'multi_lender_level']) assert.ok(mustDetect.includes(strong), strong);
  assert.ok(mustDetect.length < CAUSAL.length, `every causal feature is detectable at n = 4000: ${mustDetect.join(', ')}`);
  for (const name of mustDetect) assert.ok(chosen.includes(name), `IG should detect ${name} (chosen: ${chosen.join(', ')})`);
  // IV ranks the same strong features first.
  const ivTop = [...run.iv].sort((a, b) => b[1] - a[1]).slice(0, 4);
  assert.ok(ivTop.some(([n]) => n === 'bureau_score'));
});
