// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalCdf, normalInverse, normalPdf } from '../../finance/index.js';
import { Rng } from '../../random/index.js';
import { allocateResults, blockCount, simulateBlocks } from './monte-carlo-kernel.js';
import { baselineScenario, type FactorModel, multiFactorModel, oneFactorModel, type PortfolioLoans } from './portfolio-model.js';
import { simulateBlocksReference } from './reference-kernel.js';
import { simulatePortfolio } from './simulate-portfolio.js';
import { buildSimulationPlan } from './simulation-plan.js';

/**
 * Monte Carlo tails against closed forms, with tolerances from the simulation's own standard errors:
 * - Var L = Σ_{i≠j} a_i a_j (Φ2(Φ⁻¹p_i, Φ⁻¹p_j; r_ij) − p_i p_j) + Σ_i a_i² p_i(1 − p_i), a = EAD·LGD,
 *   r_ij = √ρ_i √ρ_j corr(Y_f(i), Y_f(j)); Φ2 by Plackett's identity (no factor representation);
 * - VaR and ES against the granularity-adjusted Vasicek quantile (Gordy 2003; Martin & Wilde 2002);
 * - a per-loan kernel written here from the loans and the factor correlation (not from the plan).
 */

/** Bivariate normal CDF by Plackett: Φ2(h, k; r) = Φ(h)Φ(k) + ∫₀^r φ2(h, k; s) ds (Simpson, 400 steps). */
function bivariateNormalCdf(h: number, k: number, r: number): number {
  const density = (s: number) => Math.exp(-(h * h - 2 * s * h * k + k * k) / (2 * (1 - s * s))) / (2 * Math.PI * Math.sqrt(1 - s * s));
  const steps = 400;
  const dx = r / steps;
  let sum = density(0) + density(r);
  for (let m = 1; m < steps; m++) sum += (m % 2 === 1 ? 4 : 2) * density(m * dx);
  return normalCdf(h) * normalCdf(k) + (sum * dx) / 3;
}

test('bivariate normal CDF: hand-worked values (Φ2(0,0;r) = ¼ + asin(r)/2π; r = 0 factorises)', () => {
  for (const r of [0.1, 0.3, 0.7]) assert.ok(Math.abs(bivariateNormalCdf(0, 0, r) - (0.25 + Math.asin(r) / (2 * Math.PI))) < 1e-12);
  assert.ok(Math.abs(bivariateNormalCdf(-1, 0.5, 0) - normalCdf(-1) * normalCdf(0.5)) < 1e-15);
});

/** Loans in a few classes (PD, a = EAD·LGD, segment): the closed forms sum over class pairs. */
interface LoanClass {
  readonly pd: number;
  readonly ead: number;
  readonly lgd: number;
  readonly segment: number;
  readonly count: number;
}

function portfolioOf(classes: readonly LoanClass[], segments: readonly string[]): PortfolioLoans {
  const rows = classes.flatMap((c) => Array.from({ length: c.count }, () => c));
  return {
    pd: Float64Array.from(rows, (c) => c.pd),
    lgd: Float64Array.from(rows, (c) => c.lgd),
    ead: Float64Array.from(rows, (c) => c.ead),
    segment: Int32Array.from(rows, (c) => c.segment),
    segments,
  };
}

/** The closed-form loss variance; `latent(c, d)` is the correlation of two distinct loans' latent variables. */
function closedFormVariance(classes: readonly LoanClass[], latent: (c: LoanClass, d: LoanClass) => number): number {
  let variance = 0;
  for (const c of classes) {
    const a = c.ead * c.lgd;
    for (const d of classes) {
      const b = d.ead * d.lgd;
      const pairs = c === d ? c.count * (c.count - 1) : c.count * d.count;
      variance += pairs * a * b * (bivariateNormalCdf(normalInverse(c.pd), normalInverse(d.pd), latent(c, d)) - c.pd * d.pd);
    }
    variance += c.count * a * a * c.pd * (1 - c.pd);
  }
  return variance;
}

/** Sample variance and its standard error √((m4 − s⁴)/n) (plain, unweighted draws). */
function varianceWithSe(loss: Float64Array): { variance: number; se: number; mean: number } {
  const n = loss.length;
  const mean = loss.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of loss) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  return { mean, variance: (m2 * n) / (n - 1), se: Math.sqrt((m4 - m2 * m2) / n) };
}

/**
 * A per-loan Gaussian-copula kernel written from the loans and the model's inputs only: factors
 * Y = C·g with C from the 2×2 correlation by hand, loadings √ρ of each loan's segment computed here,
 * default when √ρ·Y + √(1−ρ)·ε < Φ⁻¹(PD). Plain Monte Carlo, fixed LGD, one period.
 */
function independentKernel(
  loans: PortfolioLoans,
  rho: readonly number[],
  factorOf: readonly number[],
  factorCorrelation: number,
  scenarios: number,
  seed: number,
) {
  const rng = new Rng(seed);
  const loss = new Float64Array(scenarios);
  const n = loans.pd.length;
  const threshold = Float64Array.from(loans.pd, (p) => normalInverse(p));
  for (let s = 0; s < scenarios; s++) {
    const g0 = rng.nextNormal();
    const g1 = rng.nextNormal();
    const y = [g0, factorCorrelation * g0 + Math.sqrt(1 - factorCorrelation * factorCorrelation) * g1];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const segment = loans.segment[i]!;
      const z = Math.sqrt(rho[segment]!) * y[factorOf[segment]!]! + Math.sqrt(1 - rho[segment]!) * rng.nextNormal();
      if (z < threshold[i]!) total += loans.ead[i]! * loans.lgd[i]!;
    }
    loss[s] = total;
  }
  return loss;
}

const oneFactorClasses: LoanClass[] = [
  { pd: 0.005, ead: 5, lgd: 0.45, segment: 0, count: 300 },
  { pd: 0.01, ead: 2, lgd: 0.6, segment: 0, count: 500 },
  { pd: 0.03, ead: 1, lgd: 0.45, segment: 0, count: 600 },
  { pd: 0.08, ead: 0.5, lgd: 0.8, segment: 0, count: 200 },
];
const oneFactorLoans = portfolioOf(oneFactorClasses, ['all']);
const RHO = 0.12;

/** Runs a kernel over a plan of `loans` and returns its scenario losses. */
function run(kernel: typeof simulateBlocks, loans: PortfolioLoans, model: FactorModel, scenarios: number, seed: number): Float64Array {
  const plan = buildSimulationPlan(loans, model, baselineScenario(model.factors.length, loans.segments.length));
  const out = allocateResults(plan, scenarios);
  kernel(plan, { scenarios, seed, periods: 1, eadFactor: Float64Array.of(1), lgdSd: 0, importanceShift: 0 }, 0, blockCount(scenarios), out);
  return out.loss;
}

test('one factor: the simulated loss variance matches its closed form within 3.5 standard errors (fast and reference kernels)', () => {
  const expected = closedFormVariance(oneFactorClasses, () => RHO);
  const el = oneFactorClasses.reduce((a, c) => a + c.count * c.pd * c.ead * c.lgd, 0);
  for (const [name, kernel, scenarios] of [
    ['fast', simulateBlocks, 40_000],
    ['reference', simulateBlocksReference, 6_000],
  ] as const) {
    const { mean, variance, se } = varianceWithSe(run(kernel, oneFactorLoans, oneFactorModel(1, RHO), scenarios, 7));
    assert.ok(Math.abs(variance - expected) < 3.5 * se, `${name}: variance ${variance} ± ${se} vs closed form ${expected}`);
    const meanSe = Math.sqrt(expected / scenarios);
    assert.ok(Math.abs(mean - el) < 3.5 * meanSe, `${name}: mean ${mean} vs ${el}`);
  }
  // The check bites: a loading of ρ instead of √ρ (same EL) moves the variance far outside the band.
  const wrong = closedFormVariance(oneFactorClasses, () => RHO * RHO);
  assert.ok(expected / wrong > 2, `${expected} vs ${wrong}`);
});

/**
 * Granularity-adjusted Vasicek VaR and ES at α for a one-factor portfolio with fixed LGD. With
 * x = −Y (loss rises with x): μ(x) = Σ a_i p_i(x), σ²(x) = Σ a_i² p_i(x)(1 − p_i(x)),
 * v = σ²/μ′; VaR ≈ μ(x_α) + ½(x_α v(x_α) − v′(x_α)) and, integrating over the tail,
 * ES ≈ [∫_{x_α}^∞ μ(x) φ(x) dx + ½ φ(x_α) v(x_α)] / (1 − α) (Martin & Wilde 2002, Gordy 2003).
 */
function granularityAdjusted(classes: readonly LoanClass[], rho: number, alpha: number): { vasicek: number; var: number; es: number } {
  const p = (c: LoanClass, x: number) => normalCdf((normalInverse(c.pd) + Math.sqrt(rho) * x) / Math.sqrt(1 - rho));
  const mu = (x: number) => classes.reduce((a, c) => a + c.count * c.ead * c.lgd * p(c, x), 0);
  const sigma2 = (x: number) => classes.reduce((a, c) => a + c.count * (c.ead * c.lgd) ** 2 * p(c, x) * (1 - p(c, x)), 0);
  const dmu = (x: number) =>
    classes.reduce(
      (a, c) =>
        a + (c.count * c.ead * c.lgd * normalPdf((normalInverse(c.pd) + Math.sqrt(rho) * x) / Math.sqrt(1 - rho)) * Math.sqrt(rho)) / Math.sqrt(1 - rho),
      0,
    );
  const v = (x: number) => sigma2(x) / dmu(x);
  const xa = normalInverse(alpha);
  const dv = (v(xa + 1e-4) - v(xa - 1e-4)) / 2e-4;
  // Tail integral of μφ by Simpson on [x_α, x_α + 10].
  const steps = 2000;
  const dx = 10 / steps;
  let tail = mu(xa) * normalPdf(xa) + mu(xa + 10) * normalPdf(xa + 10);
  for (let m = 1; m < steps; m++) tail += (m % 2 === 1 ? 4 : 2) * mu(xa + m * dx) * normalPdf(xa + m * dx);
  tail *= dx / 3;
  return {
    vasicek: mu(xa),
    var: mu(xa) + 0.5 * (xa * v(xa) - dv),
    es: (tail + 0.5 * normalPdf(xa) * v(xa)) / (1 - alpha),
  };
}

test('VaR and ES at 99% and 99.9% match the granularity-adjusted Vasicek values within 3 of their own standard errors', async () => {
  const [sim] = await simulatePortfolio(oneFactorLoans, { scenarios: 40_000, seed: 13, rho: RHO, importanceShift: -2.5 });
  for (const tail of sim!.estimates.tails) {
    const ga = granularityAdjusted(oneFactorClasses, RHO, tail.alpha);
    // Losses lie on a lattice of step 0.05 (the gcd of the loans' EAD·LGD): one step of slack on top.
    const varTol = 3 * tail.var.se + 0.05;
    const esTol = 3 * tail.es.se + 0.05;
    assert.ok(Math.abs(tail.var.value - ga.var) < varTol, `VaR ${tail.alpha}: ${tail.var.value} ± ${tail.var.se} vs GA ${ga.var}`);
    assert.ok(Math.abs(tail.es.value - ga.es) < esTol, `ES ${tail.alpha}: ${tail.es.value} ± ${tail.es.se} vs GA ${ga.es}`);
    // The adjustment matters here: the plain large-portfolio quantile is outside the band.
    assert.ok(Math.abs(tail.var.value - ga.vasicek) > varTol, `VaR ${tail.alpha}: GA ${ga.var}, Vasicek ${ga.vasicek}, sim ${tail.var.value}`);
  }
});

test('two correlated factors: fast kernel, the plan-free kernel above and the closed-form variance agree', () => {
  const classes: LoanClass[] = [
    { pd: 0.02, ead: 1, lgd: 0.5, segment: 0, count: 250 },
    { pd: 0.05, ead: 2, lgd: 0.4, segment: 1, count: 150 },
    { pd: 0.01, ead: 3, lgd: 0.6, segment: 2, count: 200 },
  ];
  const rho = [0.1, 0.25, 0.05];
  const factorOf = [0, 1, 1];
  const c = 0.4;
  const loans = portfolioOf(classes, ['a', 'b', 'c']);
  const model = multiFactorModel(['north', 'south'], Float64Array.of(1, c, c, 1), Int32Array.from(factorOf), Float64Array.from(rho));
  const expected = closedFormVariance(classes, (x, y) => Math.sqrt(rho[x.segment]! * rho[y.segment]!) * (factorOf[x.segment] === factorOf[y.segment] ? 1 : c));
  const fast = varianceWithSe(run(simulateBlocks, loans, model, 30_000, 5));
  const plain = varianceWithSe(independentKernel(loans, rho, factorOf, c, 6_000, 5));
  for (const [name, r] of [
    ['fast', fast],
    ['independent', plain],
  ] as const) {
    assert.ok(Math.abs(r.variance - expected) < 3.5 * r.se, `${name}: variance ${r.variance} ± ${r.se} vs ${expected}`);
  }
  const el = classes.reduce((a, k) => a + k.count * k.pd * k.ead * k.lgd, 0);
  assert.ok(Math.abs(fast.mean - el) < 3.5 * Math.sqrt(expected / 30_000));
  assert.ok(Math.abs(plain.mean - el) < 3.5 * Math.sqrt(expected / 6_000));
});
