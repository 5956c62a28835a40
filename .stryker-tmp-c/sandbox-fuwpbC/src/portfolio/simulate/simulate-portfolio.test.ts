// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalCdf, normalInverse, summariseLosses } from '../../finance/index.js';
import { deriveSeed, Rng } from '../../random/index.js';
import { allocateResults, blockCount, simulateBlocks } from './monte-carlo-kernel.js';
import { baselineScenario, multiFactorModel, oneFactorModel, type PortfolioLoans } from './portfolio-model.js';
import { simulateBlocksReference } from './reference-kernel.js';
import { headline, resolveSimulationOptions, simulatePortfolio } from './simulate-portfolio.js';
import { buildSimulationPlan } from './simulation-plan.js';

/** A random portfolio like the bench's: PD ~ skewed in (0.0001, 0.3), LGD 0.3–0.7, EAD lognormal. */
function randomPortfolio(n: number, seed: number, segments = ['card', 'personal', 'auto']): PortfolioLoans {
  const rng = new Rng(seed);
  const pd = new Float64Array(n);
  const lgd = new Float64Array(n);
  const ead = new Float64Array(n);
  const segment = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    pd[i] = Math.min(0.3, Math.max(1e-4, 0.04 * -Math.log(1 - rng.nextDouble())));
    lgd[i] = 0.3 + 0.4 * rng.nextDouble();
    ead[i] = Math.exp(9 + 0.7 * rng.nextNormal());
    segment[i] = rng.nextInt(segments.length);
  }
  return { pd, lgd, ead, segment, segments };
}

function homogeneous(n: number, pd: number): PortfolioLoans {
  return {
    pd: new Float64Array(n).fill(pd),
    lgd: new Float64Array(n).fill(1),
    ead: new Float64Array(n).fill(1),
    segment: new Int32Array(n),
    segments: ['all'],
  };
}

const loans = randomPortfolio(3000, 17);

test('simulated EL converges to Σ PD·LGD·EAD within its confidence interval; Euler parts sum to EL and ES', async () => {
  const [run] = await simulatePortfolio(loans, { scenarios: 20_000, seed: 3, rho: 0.15 });
  assert.ok(run !== undefined);
  const { el } = run.estimates;
  assert.ok(Math.abs(el.value - run.analyticEl) < 3 * el.se, `EL ${el.value} ± ${el.se} vs ${run.analyticEl}`);
  assert.ok(Math.abs(el.ci[1] - el.value - 1.959964 * el.se) < 1e-6 * el.se && Math.abs(el.value - el.ci[0] - 1.959964 * el.se) < 1e-6 * el.se);
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  assert.ok(Math.abs(sum(run.estimates.elBySegment) - el.value) < 1e-6 * el.value);
  for (const tail of run.estimates.tails) {
    assert.ok(Math.abs(sum(tail.esBySegment) - tail.es.value) < 1e-6 * tail.es.value);
    assert.ok(tail.var.ci[0] <= tail.var.value && tail.var.value <= tail.var.ci[1]);
    assert.ok(tail.es.value >= tail.var.value);
  }
  assert.equal(run.estimates.histogram.probability.reduce((s, v) => s + v, 0).toFixed(9), '1.000000000');
});

test('plain Monte Carlo point estimates are finance’s empirical VaR and Acerbi–Tasche ES', async () => {
  const plan = buildSimulationPlan(loans, oneFactorModel(3, 0.1), baselineScenario(1, 3));
  const resolved = resolveSimulationOptions(loans, { scenarios: 3000, seed: 5 });
  const out = allocateResults(plan, 3000);
  simulateBlocks(plan, resolved.kernel, 0, blockCount(3000), out);
  const [run] = await simulatePortfolio(loans, { scenarios: 3000, seed: 5, rho: 0.1 });
  const summary = summariseLosses(out.loss);
  const h = headline(run!);
  assert.equal(h.var99!.value, summary.tails[0]!.var);
  assert.equal(h.es999!.value, summary.tails[1]!.es);
  assert.ok(Math.abs(h.el!.value - summary.mean) < 1e-9 * summary.mean);
});

test('a large homogeneous portfolio’s VaR approaches the Vasicek quantile (PD 1%, ρ 0.04)', async () => {
  const [run] = await simulatePortfolio(homogeneous(40_000, 0.01), { scenarios: 20_000, seed: 11, rho: 0.04, importanceShift: -2.5 });
  const [t99, t999] = run!.estimates.tails;
  // REFERENCE §5: q_0.99 = 0.028752, q_0.999 = 0.040621 of exposure; a finite portfolio adds a
  // little granularity (≈ 1–2% of the quantile at 40,000 loans), hence the one-sided slack
  const q99 = t99!.var.value / 40_000;
  const q999 = t999!.var.value / 40_000;
  assert.ok(q99 > 0.028752 * 0.98 && q99 < 0.028752 * 1.05, `VaR99 ${q99}`);
  assert.ok(q999 > 0.040621 * 0.98 && q999 < 0.040621 * 1.05, `VaR99.9 ${q999}`);
});

test('importance sampling gives the same quantile with a smaller variance', async () => {
  const options = { scenarios: 8000, seed: 23, rho: 0.15 };
  const [plain] = await simulatePortfolio(loans, options);
  const [shifted] = await simulatePortfolio(loans, { ...options, importanceShift: -2.5 });
  const a = plain!.estimates.tails[1]!;
  const b = shifted!.estimates.tails[1]!;
  const combined = Math.hypot(a.var.se, b.var.se);
  assert.ok(Math.abs(a.var.value - b.var.value) < 3 * combined, `${a.var.value} vs ${b.var.value}`);
  assert.ok(b.var.se < a.var.se / 2, `IS se ${b.var.se} vs plain ${a.var.se}`);
  assert.ok(b.varianceReduction > 10);
  assert.equal(a.varianceReduction, 1);
  assert.ok(Math.abs(shifted!.estimates.el.value - plain!.analyticEl) < 3 * shifted!.estimates.el.se);
});

test('the fast thinning kernel and the per-loan reference kernel give the same distribution', () => {
  const model = multiFactorModel(['north', 'south'], Float64Array.of(1, 0.5, 0.5, 1), Int32Array.of(0, 1, 1), Float64Array.of(0.1, 0.2, 0.05));
  const small = randomPortfolio(400, 4);
  for (const variant of [
    { periods: 1, eadFactor: Float64Array.of(1), lgdSd: 0 },
    { periods: 2, eadFactor: Float64Array.of(1, 0.5), lgdSd: 0.2 },
  ]) {
    const plan = buildSimulationPlan(small, model, baselineScenario(2, 3));
    const kernel = { scenarios: 6000, seed: 9, importanceShift: 0, ...variant };
    const fast = allocateResults(plan, 6000);
    const reference = allocateResults(plan, 6000);
    simulateBlocks(plan, kernel, 0, blockCount(6000), fast);
    simulateBlocksReference(plan, kernel, 0, blockCount(6000), reference);
    const a = summariseLosses(fast.loss);
    const b = summariseLosses(reference.loss);
    const se = Math.hypot(a.standardDeviation, b.standardDeviation) / Math.sqrt(6000);
    assert.ok(Math.abs(a.mean - b.mean) < 3.5 * se, `mean ${a.mean} vs ${b.mean}`);
    assert.ok(Math.abs(a.standardDeviation / b.standardDeviation - 1) < 0.06, `sd ${a.standardDeviation} vs ${b.standardDeviation}`);
    assert.ok(Math.abs(a.tails[0]!.var / b.tails[0]!.var - 1) < 0.1, `VaR99 ${a.tails[0]!.var} vs ${b.tails[0]!.var}`);
  }
});

test('macro scenarios: a factor shift m gives PD Φ(Φ⁻¹(PD) − √ρ·m); PD multipliers scale EL; two periods amortise', async () => {
  const pool = homogeneous(2000, 0.02);
  const rho = 0.2;
  const adverse = { name: 'adverse', factorShift: Float64Array.of(-1), pdMultiplier: Float64Array.of(1) };
  const doubled = { name: 'doubled', factorShift: Float64Array.of(0), pdMultiplier: Float64Array.of(2) };
  const runs = await simulatePortfolio(pool, { scenarios: 20_000, seed: 2, rho, macro: [baselineScenario(1, 1), adverse, doubled] });
  const expected = [0.02, normalCdf(normalInverse(0.02) + Math.sqrt(rho)), 0.04].map((p) => p * 2000);
  runs.forEach((run, k) => {
    const el = run.estimates.el;
    assert.ok(Math.abs(el.value - (expected[k] as number)) < 3.5 * el.se, `${run.scenario}: ${el.value} vs ${expected[k]}`);
    assert.ok(Math.abs(run.analyticEl - (expected[k] as number)) < 1e-9 * (expected[k] as number));
  });
  assert.deepEqual(
    runs.map((r) => r.scenario),
    ['baseline', 'adverse', 'doubled'],
  );
  const [twoYears] = await simulatePortfolio(pool, { scenarios: 20_000, seed: 2, rho, periods: 2, eadFactor: Float64Array.of(1, 0.5) });
  const el2 = twoYears!.estimates.el;
  const expected2 = 2000 * (0.02 + 0.98 * 0.02 * 0.5);
  assert.ok(Math.abs(el2.value - expected2) < 3.5 * el2.se, `${el2.value} vs ${expected2}`);
  assert.ok(Math.abs(twoYears!.analyticEl - expected2) < 1e-9 * expected2);
});

test('Beta LGD keeps EL and widens the tail; P(L > budget) is reported with its interval', async () => {
  const [fixed] = await simulatePortfolio(loans, { scenarios: 10_000, seed: 8, budget: 2e6 });
  const [beta] = await simulatePortfolio(loans, { scenarios: 10_000, seed: 8, lgdSd: 0.25, budget: 2e6 });
  assert.ok(Math.abs(beta!.estimates.el.value - fixed!.analyticEl) < 3.5 * beta!.estimates.el.se);
  assert.ok(beta!.estimates.tails[1]!.var.value > fixed!.estimates.tails[1]!.var.value);
  const p = beta!.estimates.exceedBudget!.probability;
  assert.ok(p.value > 0 && p.value < 1 && p.ci[0] < p.value && p.ci[1] > p.value);
});

test('same seed gives the same bytes; blocks are independent of how they are split', () => {
  const plan = buildSimulationPlan(loans, oneFactorModel(3, 0.15), baselineScenario(1, 3));
  const kernel = { scenarios: 500, seed: deriveSeed(1, 2), periods: 1, eadFactor: Float64Array.of(1), lgdSd: 0, importanceShift: -1 };
  const whole = allocateResults(plan, 500);
  simulateBlocks(plan, kernel, 0, blockCount(500), whole);
  const split = allocateResults(plan, 500);
  for (let b = blockCount(500) - 1; b >= 0; b--) simulateBlocks(plan, kernel, b, b + 1, split);
  assert.deepEqual(split, whole);
});

test('invalid loans and options are rejected naming the problem', async () => {
  const bad = { ...loans, pd: Float64Array.from(loans.pd, (p, i) => (i === 5 ? 1.5 : p)) };
  await assert.rejects(simulatePortfolio(bad), /portfolio row 6: pd 1.5 is not in \[0, 1\]/);
  await assert.rejects(simulatePortfolio(loans, { rho: 1 }), /rho must be in \[0, 1\)/);
  assert.throws(() => multiFactorModel(['a', 'b'], Float64Array.of(1, 2, 2, 1), Int32Array.of(0), Float64Array.of(0.1)), /not positive definite/);
});
