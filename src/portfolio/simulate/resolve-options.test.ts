import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalCdf, normalInverse } from '../../finance/index.js';
import { multiFactorModel, type PortfolioLoans } from './portfolio-model.js';
import {
  headline,
  resolveSimulationOptions,
  runKernelInline,
  scenarioExpectedLoss,
  simulatePortfolio,
  stressedPd,
  summariseScenario,
} from './simulate-portfolio.js';
import { buildSimulationPlan } from './simulation-plan.js';

/** Fast checks of simulate-portfolio's defaults, refusals and closed forms (few loans, few scenarios). */
const loans: PortfolioLoans = {
  pd: Float64Array.of(0.1, 0.2, 1),
  lgd: Float64Array.of(0.5, 1, 0.25),
  ead: Float64Array.of(100, 10, 40),
  segment: Int32Array.of(0, 1, 1),
  segments: ['a', 'b'],
};

test('defaults: 10,000 scenarios, seed 1, one period, ρ 0.15, straight-line EAD, fixed LGD, no shift, 40 bins, baseline', () => {
  const r = resolveSimulationOptions(loans, {});
  assert.deepEqual(
    [r.kernel.scenarios, r.kernel.seed, r.kernel.periods, [...r.kernel.eadFactor], r.kernel.lgdSd, r.kernel.importanceShift, r.budget, r.histogramBins],
    [10_000, 1, 1, [1], 0, 0, undefined, 40],
  );
  assert.deepEqual([...r.model.rhoOfSegment], [0.15, 0.15]);
  assert.deepEqual(
    r.macro.map((m) => [m.name, [...m.factorShift], [...m.pdMultiplier]]),
    [['baseline', [0], [1, 1]]],
  );
  const four = resolveSimulationOptions(loans, { periods: 4, scenarios: 10, seed: 9, rho: 0, budget: 5, histogramBins: 3, lgdSd: 0.1, importanceShift: -6 });
  assert.deepEqual([...four.kernel.eadFactor], [1, 0.75, 0.5, 0.25]);
  assert.deepEqual(
    [four.kernel.scenarios, four.kernel.seed, four.budget, four.histogramBins, four.kernel.lgdSd, four.kernel.importanceShift],
    [10, 9, 5, 3, 0.1, -6],
  );
  assert.deepEqual([...four.model.rhoOfSegment], [0, 0]);
  assert.equal(resolveSimulationOptions(loans, { importanceShift: 6 }).kernel.importanceShift, 6);
});

test('each bad option is refused naming it', () => {
  const bad = (options: Parameters<typeof resolveSimulationOptions>[1], message: string) =>
    assert.throws(
      () => resolveSimulationOptions(loans, options),
      (e: Error) => e.message === message,
    );
  bad({ scenarios: 9 }, 'scenarios must be an integer ≥ 10 (got 9)');
  bad({ scenarios: 10.5 }, 'scenarios must be an integer ≥ 10 (got 10.5)');
  bad({ periods: 0 }, 'periods must be an integer ≥ 1 (got 0)');
  bad({ periods: 1.5 }, 'periods must be an integer ≥ 1 (got 1.5)');
  bad({ rho: -0.1 }, 'rho must be in [0, 1) (got -0.1)');
  bad({ rho: 1 }, 'rho must be in [0, 1) (got 1)');
  const model = (rho: number) => multiFactorModel(['f'], Float64Array.of(1), Int32Array.of(0, 0), Float64Array.of(0.1, rho));
  bad({ model: model(1) }, "every segment's rho must be in [0, 1) (got 1)");
  bad({ model: model(-0.2) }, "every segment's rho must be in [0, 1) (got -0.2)");
  bad({ periods: 2, eadFactor: Float64Array.of(1) }, 'eadFactor needs one value per period (2)');
  bad({ lgdSd: -0.1 }, 'lgdSd must be in [0, 0.5) (got -0.1)');
  bad({ lgdSd: 0.5 }, 'lgdSd must be in [0, 0.5) (got 0.5)');
  bad({ importanceShift: 6.5 }, 'importanceShift must be within ±6 (got 6.5)');
  bad({ importanceShift: -6.5 }, 'importanceShift must be within ±6 (got -6.5)');
  assert.throws(() => resolveSimulationOptions({ ...loans, pd: Float64Array.of(0.1, 2, 1) }, {}), /portfolio row 2: pd 2/);
  // the ends of the ranges are accepted
  assert.equal(resolveSimulationOptions(loans, { model: model(0), scenarios: 10 }).kernel.scenarios, 10);
});

test('stressed PD Φ(Φ⁻¹(PD) − √ρ·m); scenario EL over periods Σ (1 − p)^t·p·f_t·LGD·EAD (hand-worked)', () => {
  assert.equal(stressedPd(0.1, 0.25, 0), 0.1);
  assert.equal(stressedPd(0, 0.25, -1), 0);
  assert.equal(stressedPd(1, 0.25, -1), 1);
  assert.ok(Math.abs(stressedPd(0.1, 0.25, -1) - normalCdf(normalInverse(0.1) + 0.5)) < 1e-15);
  assert.ok(Math.abs(stressedPd(0.1, 0.25, 2) - normalCdf(normalInverse(0.1) - 1)) < 1e-15);
  const resolved = resolveSimulationOptions(loans, { periods: 2, eadFactor: Float64Array.of(1, 0.5), rho: 0.25 });
  const baseline = resolved.macro[0]!;
  // loan 1: 0.1·1 + 0.9·0.1·0.5 = 0.145 → ×50; loan 2: 0.2 + 0.8·0.2·0.5 = 0.28 → ×10; loan 3: PD 1 → 1·10
  assert.ok(Math.abs(scenarioExpectedLoss(loans, resolved, baseline) - (0.145 * 50 + 0.28 * 10 + 10)) < 1e-12);
  // a multiplier of 3 on segment b takes loan 2 to PD 0.6 (loan 3 stays capped at 1); the shift −1 moves both PDs below 1
  const scenario = { name: 's', factorShift: Float64Array.of(-1), pdMultiplier: Float64Array.of(1, 3) };
  const p = normalCdf(normalInverse(0.1) + 0.5);
  const q = normalCdf(normalInverse(0.6) + 0.5);
  const expected = (p + (1 - p) * p * 0.5) * 50 + (q + (1 - q) * q * 0.5) * 10 + 10;
  assert.ok(Math.abs(scenarioExpectedLoss(loans, resolved, scenario) - expected) < 1e-12);
});

test('simulatePortfolio runs each macro scenario, labels it, reports two tails, the budget and the headline', async () => {
  const macro = [
    { name: 'base', factorShift: Float64Array.of(0), pdMultiplier: Float64Array.of(1, 1) },
    { name: 'sure', factorShift: Float64Array.of(0), pdMultiplier: Float64Array.of(10, 10) },
  ];
  const runs = await simulatePortfolio(loans, { scenarios: 64, seed: 4, macro, budget: 20, histogramBins: 4 });
  assert.deepEqual(
    runs.map((r) => [r.scenario, r.segments, r.importanceShift, r.estimates.scenarios, r.estimates.tails.map((t) => t.alpha)]),
    [
      ['base', ['a', 'b'], 0, 64, [0.99, 0.999]],
      ['sure', ['a', 'b'], 0, 64, [0.99, 0.999]],
    ],
  );
  // all PDs capped at 1: every loan defaults, L = 50 + 10 + 10 = 70 in every scenario
  const sure = runs[1]!;
  assert.equal(sure.analyticEl, 70);
  assert.equal(sure.estimates.el.value, 70);
  assert.deepEqual([...sure.estimates.elBySegment], [50, 20]);
  assert.equal(sure.estimates.exceedBudget?.probability.value, 1);
  assert.equal(sure.estimates.histogram.probability.length, 4);
  const h = headline(sure);
  assert.deepEqual(Object.keys(h), ['el', 'var99', 'var999', 'es99', 'es999', 'ec']);
  assert.deepEqual([h.el!.value, h.var99!.value, h.var999!.value, h.es99!.value, h.es999!.value, h.ec!.value], [70, 70, 70, 70, 70, 0]);
  const noBudget = await simulatePortfolio(loans, { scenarios: 10 });
  assert.equal(noBudget[0]!.estimates.exceedBudget, undefined);
  // summariseScenario weighs the draws only under importance sampling
  const resolved = resolveSimulationOptions(loans, { scenarios: 10, importanceShift: -1 });
  const plan = buildSimulationPlan(loans, resolved.model, resolved.macro[0]!);
  const results = await runKernelInline(plan, resolved.kernel);
  const weighted = summariseScenario(loans, resolved, resolved.macro[0]!, results);
  assert.equal(weighted.importanceShift, -1);
  let el = 0;
  for (let s = 0; s < 10; s++) el += (results.loss[s] as number) * (results.weight[s] as number);
  assert.ok(Math.abs(weighted.estimates.el.value - el / 10) < 1e-9);
});
