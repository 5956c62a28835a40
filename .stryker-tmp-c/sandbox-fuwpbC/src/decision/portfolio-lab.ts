// @ts-nocheck
import { numericColumn } from '../frame/index.js';
import { type MacroScenario, oneFactorModel, type PolicyStudy, simulatePortfolio, studyCutoffs } from '../portfolio/index.js';
import { activeRules, DECISION, decide, ruleMasks, type Strategy } from '../strategy/index.js';
import { DECIDING_MODEL } from './parse-policy.js';
import type { LabData } from './strategy-lab.js';

/** The macro scenarios of the dashboard's simulation: the economy factor shifted by 0, −1 and −2 standard deviations (one-factor Vasicek, ρ 0.15). */
export const BOOK_SCENARIOS: readonly { readonly name: string; readonly shift: number }[] = [
  { name: 'baseline', shift: 0 },
  { name: 'downturn', shift: -1 },
  { name: 'severe', shift: -2 },
];

/**
 * A one-year Monte Carlo loss simulation of the book (Gaussian copula, one factor, ρ 0.15,
 * segments = IFRS 9 stages) under each of `BOOK_SCENARIOS`, the same random numbers for each:
 * per scenario EL (simulated and exact), VaR and ES at 99% and 99.9%, and the loss histogram.
 * Amounts in major units.
 */
export async function simulateBook(
  exposures: readonly { readonly pd: number; readonly outstanding: number; readonly stage: number }[],
  options: { readonly lgd: number; readonly scenarios: number; readonly seed: number; readonly minorPerMajor: number },
) {
  const segments = ['stage 1', 'stage 2', 'stage 3'];
  const loans = {
    pd: Float64Array.from(exposures, (e) => (e.stage === 3 ? 1 : e.pd)),
    lgd: new Float64Array(exposures.length).fill(options.lgd),
    ead: Float64Array.from(exposures, (e) => e.outstanding / options.minorPerMajor),
    segment: Int32Array.from(exposures, (e) => Math.min(2, Math.max(0, e.stage - 1))),
    segments,
  };
  const macro: MacroScenario[] = BOOK_SCENARIOS.map((s) => ({
    name: s.name,
    factorShift: Float64Array.of(s.shift),
    pdMultiplier: new Float64Array(3).fill(1),
  }));
  const results = await simulatePortfolio(loans, {
    scenarios: options.scenarios,
    seed: options.seed,
    model: oneFactorModel(3, 0.15),
    macro,
    histogramBins: 30,
  });
  return results.map((r) => ({
    scenario: r.scenario,
    el: r.estimates.el.value,
    analytic_el: r.analyticEl,
    tails: r.estimates.tails.map((t) => ({ alpha: t.alpha, var: t.var.value, es: t.es.value })),
    histogram: Array.from(r.estimates.histogram.probability, (p, b) => ({
      from: r.estimates.histogram.edges[b] as number,
      to: r.estimates.histogram.edges[b + 1] as number,
      probability: p,
    })),
  }));
}

/** The bad-rate caps the efficient frontier sweeps. */
export const FRONTIER_BAD_RATES = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08] as const;

/**
 * Optimised approval cutoffs on the lab data (`studyCutoffs`, HiGHS): segments = six bands of the
 * champion's PD × channel (when present); per segment decline, approve, or approve 80% at +1 point;
 * the current policy's approvals give the deltas; the chosen point has the bad-rate cap
 * `badRateMax`, and the frontier sweeps `FRONTIER_BAD_RATES`. Economics: one year, LGD `lgd`,
 * funding 6%, 2,500 opex per account, 12% hurdle, other-retail capital.
 */
export async function optimiseCutoffs(current: Strategy, data: LabData, options: { readonly lgd: number; readonly badRateMax: number }): Promise<PolicyStudy> {
  const outputs = data.models[DECIDING_MODEL] as { pd: Float64Array };
  const rules = activeRules(current);
  const { decision } = decide(rules, ruleMasks(data.frame, rules, data.models), data.frame.rowCount);
  const frame = data.frame.withColumn(numericColumn('champion_pd', outputs.pd)).withColumn(
    numericColumn(
      'approved',
      Float64Array.from(decision, (d) => (d === DECISION.approve ? 1 : 0)),
    ),
  );
  const config = {
    segmentation: { score: 'champion_pd', bands: 6, ...(frame.has('channel') ? { by: ['channel'] } : {}) },
    columns: {
      pd: 'champion_pd',
      amount: 'requested_amount',
      ...(frame.has('interest_rate') ? { rate: 'interest_rate' } : {}),
      current: 'approved',
    },
    economics: { lgd: options.lgd, funding_rate: 0.06, opex: 2500, hurdle_rate: 0.12, asset_class: 'other_retail' },
    actions: [{ name: 'decline' }, { name: 'approve' }, { name: 'approve_80pct', limit: 0.8, rate_shift: 0.01 }],
    limits: { bad_rate_max: options.badRateMax },
    frontier: { parameter: 'bad_rate_max', values: [...FRONTIER_BAD_RATES] },
    solver: { time_limit: 5 },
  };
  return studyCutoffs(frame, config, 'dashboard', { frontier: true });
}
