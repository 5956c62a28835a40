import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalCdf, normalInverse } from '../../finance/index.js';
import { allocateResults, blockCount, type KernelOptions, SCENARIO_BLOCK, type ScenarioResults, simulateBlocks } from './monte-carlo-kernel.js';
import { baselineScenario, type FactorModel, type MacroScenario, multiFactorModel, oneFactorModel, type PortfolioLoans } from './portfolio-model.js';
import { simulateBlocksReference } from './reference-kernel.js';
import { buildSimulationPlan } from './simulation-plan.js';

/**
 * Small, fast checks of both kernels (the thinning kernel and the per-loan reference) against exact
 * values (PD = 1 loans default in every draw) and closed-form moments: per-loan default rates
 * Φ((Φ⁻¹(PD) − √ρ·m)/1) under a factor shift m, independence at ρ = 0 (binomial variance), the
 * Beta LGD's mean and standard deviation, and the likelihood ratio's moments E[w] = 1,
 * E[w²] = e^{μ²} (one factor, one period; Glasserman §4.6).
 */
const kernels = [
  ['fast', simulateBlocks],
  ['reference', simulateBlocksReference],
] as const;

interface Loan {
  readonly pd: number;
  readonly lgd: number;
  readonly ead: number;
  readonly segment: number;
}

function portfolioOf(rows: readonly Loan[], segments: readonly string[]): PortfolioLoans {
  return {
    pd: Float64Array.from(rows, (r) => r.pd),
    lgd: Float64Array.from(rows, (r) => r.lgd),
    ead: Float64Array.from(rows, (r) => r.ead),
    segment: Int32Array.from(rows, (r) => r.segment),
    segments,
  };
}

function simulate(
  kernel: typeof simulateBlocks,
  loans: PortfolioLoans,
  model: FactorModel,
  options: Partial<KernelOptions> & { scenarios: number },
  scenario: MacroScenario = baselineScenario(model.factors.length, loans.segments.length),
): ScenarioResults {
  const plan = buildSimulationPlan(loans, model, scenario);
  const full: KernelOptions = { seed: 3, periods: 1, eadFactor: Float64Array.of(1), lgdSd: 0, importanceShift: 0, ...options };
  const out = allocateResults(plan, full.scenarios);
  kernel(plan, full, 0, blockCount(full.scenarios), out);
  return out;
}

function moments(values: ArrayLike<number>): { mean: number; sd: number; se: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, sd, se: sd / Math.sqrt(n) };
}

/** Column k of a scenario-major segment-loss matrix. */
const segmentColumn = (out: ScenarioResults, segments: number, k: number) =>
  Float64Array.from({ length: out.loss.length }, (_, s) => out.segmentLoss[s * segments + k] as number);

test('SCENARIO_BLOCK and blockCount: ⌈scenarios / 64⌉', () => {
  assert.equal(SCENARIO_BLOCK, 64);
  assert.deepEqual([blockCount(1), blockCount(64), blockCount(65), blockCount(128)], [1, 1, 2, 2]);
});

test('PD = 1 loans default in every scenario, once over several periods, at the first period’s EAD factor', () => {
  const loans = portfolioOf(
    [
      { pd: 1, lgd: 0.5, ead: 10, segment: 0 },
      { pd: 1, lgd: 0.25, ead: 8, segment: 1 },
      { pd: 1, lgd: 1, ead: 3, segment: 1 },
    ],
    ['a', 'b'],
  );
  for (const [name, kernel] of kernels) {
    // 70 scenarios: one full block and a partial one
    const one = simulate(kernel, loans, oneFactorModel(2, 0.3), { scenarios: 70 });
    assert.deepEqual([...one.loss], new Array(70).fill(10), name);
    assert.deepEqual([...one.weight], new Array(70).fill(1), name);
    assert.deepEqual(
      [...one.segmentLoss],
      new Array(140).fill(0).map((_, k) => (k % 2 === 0 ? 5 : 5)),
      name,
    );
    const two = simulate(kernel, loans, oneFactorModel(2, 0.3), { scenarios: 70, periods: 2, eadFactor: Float64Array.of(0.75, 0.5) });
    assert.deepEqual([...two.loss], new Array(70).fill(7.5), name);
    assert.deepEqual([...two.segmentLoss.slice(0, 4)], [3.75, 3.75, 3.75, 3.75], name);
    // a worse economy and a PD multiplier do not change a sure default; a Beta LGD at mean 0 or 1 stays fixed
    const fixed = simulate(
      kernel,
      portfolioOf([{ pd: 1, lgd: 1, ead: 2, segment: 0 }], ['a']),
      oneFactorModel(1, 0.2),
      { scenarios: 10, lgdSd: 0.3 },
      {
        name: 'bad',
        factorShift: Float64Array.of(-3),
        pdMultiplier: Float64Array.of(4),
      },
    );
    assert.deepEqual([...fixed.loss], new Array(10).fill(2), name);
  }
});

test('ρ = 0: each loan defaults independently with its PD (binomial mean and variance), across and inside buckets', () => {
  // PDs 0.1 and 0.107 share a bucket (thresholds 0.039 apart: the thinning step rejects some candidates); 0.3 is alone
  const rows: Loan[] = [];
  for (let i = 0; i < 60; i++)
    rows.push({ pd: 0.1, lgd: 1, ead: 1, segment: 0 }, { pd: 0.107, lgd: 1, ead: 1, segment: 1 }, { pd: 0.3, lgd: 0.5, ead: 2, segment: 2 });
  const loans = portfolioOf(rows, ['a', 'b', 'c']);
  for (const [name, kernel] of kernels) {
    const out = simulate(kernel, loans, oneFactorModel(3, 0), { scenarios: 3000, seed: 11 });
    for (const [k, pd] of [
      [0, 0.1],
      [1, 0.107],
      [2, 0.3],
    ] as const) {
      const m = moments(segmentColumn(out, 3, k));
      const variance = 60 * pd * (1 - pd);
      assert.ok(Math.abs(m.mean - 60 * pd) < 4 * Math.sqrt(variance / 3000), `${name} segment ${k}: mean ${m.mean} vs ${60 * pd}`);
      // the sample variance of a binomial count has se ≈ σ²·√(2/n) (plus a small kurtosis term)
      assert.ok(Math.abs(m.sd ** 2 / variance - 1) < 0.12, `${name} segment ${k}: variance ${m.sd ** 2} vs ${variance}`);
    }
    assert.deepEqual([...out.weight.slice(0, 5)], [1, 1, 1, 1, 1]);
    // the scenario loss is the sum of its segment losses
    for (let s = 0; s < 20; s++) {
      const total = (out.segmentLoss[3 * s] as number) + (out.segmentLoss[3 * s + 1] as number) + (out.segmentLoss[3 * s + 2] as number);
      assert.ok(Math.abs((out.loss[s] as number) - total) < 1e-9);
    }
  }
});

test('a factor shift m moves the default rate to Φ(Φ⁻¹(PD) − √ρ·m); two periods give p + (1 − p)·p·f₂', () => {
  const rows: Loan[] = Array.from({ length: 100 }, () => ({ pd: 0.05, lgd: 1, ead: 1, segment: 0 }));
  const loans = portfolioOf(rows, ['all']);
  const rho = 0.2;
  const stressed = normalCdf(normalInverse(0.05) + Math.sqrt(rho)); // m = −1
  for (const [name, kernel] of kernels) {
    const shifted = simulate(
      kernel,
      loans,
      oneFactorModel(1, rho),
      { scenarios: 3000, seed: 5 },
      {
        name: 'adverse',
        factorShift: Float64Array.of(-1),
        pdMultiplier: Float64Array.of(1),
      },
    );
    const m = moments(shifted.loss);
    assert.ok(Math.abs(m.mean - 100 * stressed) < 4 * m.se, `${name}: ${m.mean} vs ${100 * stressed} ± ${m.se}`);
    // a high PD under the same shift: most conditional PDs above ½ (the bucket's bound must still cover them)
    const high = portfolioOf(
      Array.from({ length: 50 }, () => ({ pd: 0.7, lgd: 1, ead: 1, segment: 0 })),
      ['all'],
    );
    const adverse = { name: 'adverse', factorShift: Float64Array.of(-1), pdMultiplier: Float64Array.of(1) };
    const highLoss = moments(simulate(kernel, high, oneFactorModel(1, 0.5), { scenarios: 2000, seed: 8 }, adverse).loss);
    const highExpected = 50 * normalCdf(normalInverse(0.7) + Math.sqrt(0.5));
    assert.ok(Math.abs(highLoss.mean - highExpected) < 4 * highLoss.se, `${name} PD 0.7: ${highLoss.mean} vs ${highExpected} ± ${highLoss.se}`);
    const two = moments(simulate(kernel, loans, oneFactorModel(1, rho), { scenarios: 3000, seed: 6, periods: 2, eadFactor: Float64Array.of(1, 0.5) }).loss);
    const expected = 100 * (0.05 + 0.95 * 0.05 * 0.5);
    assert.ok(Math.abs(two.mean - expected) < 4 * two.se, `${name} two periods: ${two.mean} vs ${expected} ± ${two.se}`);
  }
});

test('two correlated factors: a segment on the second factor keeps its PD (Var Y₂ = 1 through the Cholesky factor)', () => {
  const rows: Loan[] = [];
  for (let i = 0; i < 80; i++) rows.push({ pd: 0.02, lgd: 1, ead: 1, segment: 0 }, { pd: 0.02, lgd: 1, ead: 1, segment: 1 });
  const loans = portfolioOf(rows, ['north', 'south']);
  const model = multiFactorModel(['n', 's'], Float64Array.of(1, 0.6, 0.6, 1), Int32Array.of(0, 1), Float64Array.of(0.5, 0.5));
  for (const [name, kernel] of kernels) {
    const out = simulate(kernel, loans, model, { scenarios: 4000, seed: 9 });
    for (const k of [0, 1]) {
      const m = moments(segmentColumn(out, 2, k));
      assert.ok(Math.abs(m.mean - 1.6) < 4 * m.se, `${name} segment ${k}: ${m.mean} vs 1.6 ± ${m.se}`);
    }
    // a second-factor shift moves only the second segment's default rate: Φ(Φ⁻¹(0.02) + √0.5·1.5)
    const shifted = simulate(
      kernel,
      loans,
      model,
      { scenarios: 4000, seed: 9 },
      { name: 's', factorShift: Float64Array.of(0, -1.5), pdMultiplier: Float64Array.of(1, 1) },
    );
    const south = moments(segmentColumn(shifted, 2, 1));
    const expected = 80 * normalCdf(normalInverse(0.02) + Math.sqrt(0.5) * 1.5);
    assert.ok(Math.abs(south.mean - expected) < 4 * south.se, `${name} shifted south: ${south.mean} vs ${expected}`);
    const north = moments(segmentColumn(shifted, 2, 0));
    assert.ok(Math.abs(north.mean - 1.6) < 4 * north.se, `${name} shifted north: ${north.mean}`);
  }
});

test('Beta LGD: mean LGD kept, standard deviation as asked (or capped at k = 0.05)', () => {
  for (const [name, kernel] of kernels) {
    // LGD 0.4, sd 0.2: Beta(2, 3), variance 0.04
    const beta = moments(
      simulate(kernel, portfolioOf([{ pd: 1, lgd: 0.4, ead: 1, segment: 0 }], ['a']), oneFactorModel(1, 0.1), { scenarios: 4000, lgdSd: 0.2 }).loss,
    );
    assert.ok(Math.abs(beta.mean - 0.4) < 4 * beta.se, `${name}: mean ${beta.mean}`);
    assert.ok(Math.abs(beta.sd - 0.2) < 0.012, `${name}: sd ${beta.sd}`);
    // LGD 0.9, sd 0.45: k = 0.09/0.2025 − 1 < 0.05 → 0.05, variance 0.09/1.05, sd 0.29277
    const capped = moments(
      simulate(kernel, portfolioOf([{ pd: 1, lgd: 0.9, ead: 1, segment: 0 }], ['a']), oneFactorModel(1, 0.1), { scenarios: 4000, lgdSd: 0.45 }).loss,
    );
    assert.ok(Math.abs(capped.mean - 0.9) < 4 * capped.se, `${name}: mean ${capped.mean}`);
    assert.ok(Math.abs(capped.sd - Math.sqrt(0.09 / 1.05)) < 0.02, `${name}: capped sd ${capped.sd}`);
  }
});

test('importance sampling: E[w] = 1, E[w²] = e^{μ²}, and E[w·L] is still the expected loss', () => {
  const rows: Loan[] = Array.from({ length: 50 }, () => ({ pd: 0.03, lgd: 1, ead: 1, segment: 0 }));
  const loans = portfolioOf(rows, ['all']);
  const mu = -0.8;
  for (const [name, kernel] of kernels) {
    const out = simulate(kernel, loans, oneFactorModel(1, 0.2), { scenarios: 4000, seed: 21, importanceShift: mu });
    const w = moments(out.weight);
    assert.ok(Math.abs(w.mean - 1) < 4 * w.se, `${name}: E[w] ${w.mean} ± ${w.se}`);
    const w2 = moments(Float64Array.from(out.weight, (v) => v * v));
    assert.ok(Math.abs(w2.mean - Math.exp(mu * mu)) < 4 * w2.se, `${name}: E[w²] ${w2.mean} vs ${Math.exp(mu * mu)} ± ${w2.se}`);
    const el = moments(Float64Array.from(out.loss, (l, s) => l * (out.weight[s] as number)));
    assert.ok(Math.abs(el.mean - 1.5) < 4 * el.se, `${name}: E[wL] ${el.mean} vs 1.5 ± ${el.se}`);
    // shifted towards bad economies, the plain mean of L is above the EL
    assert.ok(moments(out.loss).mean > 1.5 + 4 * el.se, name);
  }
});

test('blocks simulated in separate ranges (as the threads do) give the one-call results, each block from its own stream', () => {
  const rows: Loan[] = [];
  for (let i = 0; i < 40; i++) rows.push({ pd: 0.2, lgd: 0.6, ead: 1 + (i % 3), segment: i % 2 });
  const loans = portfolioOf(rows, ['a', 'b']);
  const model = oneFactorModel(2, 0.25);
  const plan = buildSimulationPlan(loans, model, baselineScenario(1, 2));
  // 150 scenarios: blocks 0 and 1 full, block 2 holds 22
  const options: KernelOptions = { scenarios: 150, seed: 7, periods: 2, eadFactor: Float64Array.of(1, 0.5), lgdSd: 0.2, importanceShift: -0.5 };
  for (const [name, kernel] of kernels) {
    const whole = allocateResults(plan, 150);
    kernel(plan, options, 0, 3, whole);
    const parts = allocateResults(plan, 150);
    kernel(plan, options, 2, 3, parts);
    kernel(plan, options, 0, 1, parts);
    kernel(plan, options, 1, 2, parts);
    assert.deepEqual(parts, whole, name);
    // a range writes its own scenarios only
    const middle = allocateResults(plan, 150);
    kernel(plan, options, 1, 2, middle);
    assert.deepEqual([...middle.loss.subarray(64, 128)], [...whole.loss.subarray(64, 128)], name);
    assert.ok(middle.loss.subarray(0, 64).every((v) => v === 0) && middle.loss.subarray(128).every((v) => v === 0), name);
    assert.ok(middle.weight.subarray(128).every((v) => v === 0) && middle.segmentLoss.subarray(256).every((v) => v === 0), name);
    // some scenarios lose and some do not: the comparison above is not between zeros
    assert.ok(whole.loss.some((v) => v > 0) && whole.loss.some((v, s) => v !== whole.loss[0] && s > 0), name);
  }
});

test('a bucket of two PDs under ρ > 0: each keeps its own stressed default rate (the thinning squeeze accepts no extra candidate)', () => {
  // PD 0.1 and 0.107 lie 0.039 apart in threshold: one bucket. A good economy (factor shift +3, ρ = 0.1) moves the
  // factor term √ρ·Y above the bucket's half-width in almost every scenario, so a wrong lower bound of the bucket's
  // rates would accept the low-PD candidates at the high PD's rate. Paired per scenario:
  // E[N(0.107) − N(0.1)] = 600·(Φ(Φ⁻¹(0.107) − √ρ·3) − Φ(Φ⁻¹(0.1) − √ρ·3)) ≈ 0.78.
  const rows: Loan[] = [];
  for (let i = 0; i < 600; i++) rows.push({ pd: 0.1, lgd: 1, ead: 1, segment: 0 }, { pd: 0.107, lgd: 1, ead: 1, segment: 1 });
  const loans = portfolioOf(rows, ['low', 'high']);
  const rho = 0.1;
  const shifted = (pd: number) => normalCdf(normalInverse(pd) - Math.sqrt(rho) * 3);
  const expected = 600 * (shifted(0.107) - shifted(0.1));
  for (const [name, kernel] of kernels) {
    const out = simulate(
      kernel,
      loans,
      oneFactorModel(2, rho),
      { scenarios: 4000, seed: 13 },
      {
        name: 'good',
        factorShift: Float64Array.of(3),
        pdMultiplier: Float64Array.of(1, 1),
      },
    );
    const low = segmentColumn(out, 2, 0);
    const high = segmentColumn(out, 2, 1);
    const difference = moments(Float64Array.from(high, (v, s) => v - (low[s] as number)));
    assert.ok(Math.abs(difference.mean - expected) < 4 * difference.se, `${name}: ${difference.mean} vs ${expected} ± ${difference.se}`);
    assert.ok(expected > 6 * difference.se, `${name}: the test separates the two rates`);
    const lowMean = moments(low);
    assert.ok(Math.abs(lowMean.mean - 600 * shifted(0.1)) < 4 * lowMean.se, `${name}: low ${lowMean.mean} vs ${600 * shifted(0.1)}`);
  }
});

test('an LGD of 1 is fixed: no Beta draw, so the results are the same with or without an LGD standard deviation', () => {
  const rows: Loan[] = Array.from({ length: 30 }, (_, i) => ({ pd: 0.2 + 0.01 * (i % 5), lgd: 1, ead: 1 + (i % 4), segment: i % 2 }));
  const loans = portfolioOf(rows, ['a', 'b']);
  for (const [name, kernel] of kernels) {
    const fixed = simulate(kernel, loans, oneFactorModel(2, 0.3), { scenarios: 100, seed: 4, periods: 2, eadFactor: Float64Array.of(1, 0.5) });
    const beta = simulate(kernel, loans, oneFactorModel(2, 0.3), { scenarios: 100, seed: 4, periods: 2, eadFactor: Float64Array.of(1, 0.5), lgdSd: 0.3 });
    assert.deepEqual(beta, fixed, name);
    assert.ok(
      fixed.loss.some((v) => v > 0),
      name,
    );
  }
});
