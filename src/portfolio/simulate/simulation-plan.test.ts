import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalInverse } from '../../finance/index.js';
import { multiFactorModel, oneFactorModel, type PortfolioLoans } from './portfolio-model.js';
import { buildSimulationPlan } from './simulation-plan.js';

const portfolio = (rows: [pd: number, lgd: number, ead: number, segment: number][], segments: string[]): PortfolioLoans => ({
  pd: Float64Array.from(rows, (r) => r[0]),
  lgd: Float64Array.from(rows, (r) => r[1]),
  ead: Float64Array.from(rows, (r) => r[2]),
  segment: Int32Array.from(rows, (r) => r[3]),
  segments,
});

test('plan layout worked by hand: drops, groups by (factor, ρ), ascending thresholds, buckets cut at a 0.04 spread', () => {
  const loans = portfolio(
    [
      [0.02, 0.5, 10, 0], // 0: a, Φ⁻¹ = −2.0537
      [0.02, 0.5, 20, 1], // 1: b, PD × 60 capped at 1 → threshold 40
      [0.0201, 0.4, 30, 2], // 2: c (same factor and ρ as a), Φ⁻¹ = −2.0523: within 0.04 of loan 0
      [0.03, 0.5, 40, 0], // 3: a, Φ⁻¹ = −1.8808: a new bucket
      [0, 0.5, 50, 0], // 4: PD 0, dropped
      [0.1, 0, 60, 1], // 5: LGD 0, dropped
      [0.5, 0.5, 70, 0], // 6: a, Φ⁻¹ = 0
      [0.01 / 60, 1, 80, 1], // 7: b, PD 0.01 after the multiplier, Φ⁻¹ = −2.3263
      [0.2, 0.5, 0, 2], // 8: EAD 0, dropped
    ],
    ['a', 'b', 'c'],
  );
  const model = { ...oneFactorModel(3, 0.1), rhoOfSegment: Float64Array.of(0.1, 0.2, 0.1) };
  const scenario = { name: 's', factorShift: Float64Array.of(-0.5), pdMultiplier: Float64Array.of(1, 60, 1) };
  const plan = buildSimulationPlan(loans, model, scenario);
  // group (factor 0, ρ 0.1) = a and c first: loans 0, 2, 3, 6; then (0, 0.2) = b: loans 7, 1
  assert.equal(plan.loanCount, 6);
  assert.deepEqual([...plan.ead], [10, 30, 40, 70, 80, 20]);
  assert.deepEqual([...plan.lgd], [0.5, 0.4, 0.5, 0.5, 1, 0.5]);
  assert.deepEqual([...plan.segment], [0, 2, 0, 0, 1, 1]);
  assert.deepEqual(
    [...plan.threshold],
    [normalInverse(0.02), normalInverse(0.0201), normalInverse(0.03), normalInverse(0.5), normalInverse((0.01 / 60) * 60), 40],
  );
  assert.deepEqual([...plan.bucketStart], [0, 2, 3, 4, 5, 6]);
  assert.deepEqual([...plan.bucketFactor], [0, 0, 0, 0, 0]);
  assert.deepEqual([...plan.bucketLoading], [0.1, 0.1, 0.1, 0.2, 0.2].map(Math.sqrt));
  assert.deepEqual([...plan.bucketIdiosyncratic], [0.9, 0.9, 0.9, 0.8, 0.8].map(Math.sqrt));
  assert.equal(plan.factorCount, 1);
  assert.equal(plan.segmentCount, 3);
  assert.deepEqual([...plan.cholesky], [1]);
  assert.deepEqual([...plan.factorShift], [-0.5]);
});

test('two factors: groups ordered by factor then ρ, whatever the segment order; a PD of exactly 1 gets threshold 40', () => {
  const loans = portfolio(
    [
      [0.05, 0.5, 1, 0], // segment x: factor 1, ρ 0.05
      [0.05, 0.5, 2, 1], // segment y: factor 0, ρ 0.3
      [0.05, 0.5, 3, 2], // segment z: factor 0, ρ 0.1
      [1, 0.5, 4, 2],
      [0.05, 0.5, 5, 3], // segment w: factor 1, ρ 0.05 (shares x's group)
    ],
    ['x', 'y', 'z', 'w'],
  );
  const model = multiFactorModel(['f0', 'f1'], Float64Array.of(1, 0.5, 0.5, 1), Int32Array.of(1, 0, 0, 1), Float64Array.of(0.05, 0.3, 0.1, 0.05));
  const plan = buildSimulationPlan(loans, model, { name: 'b', factorShift: new Float64Array(2), pdMultiplier: new Float64Array(4).fill(1) });
  // (0, 0.1): z's loans 2 then 3 (threshold 40: its own bucket); (0, 0.3): y; (1, 0.05): x and w, equal thresholds keep loan order
  assert.deepEqual([...plan.ead], [3, 4, 2, 1, 5]);
  assert.deepEqual([...plan.threshold], [normalInverse(0.05), 40, normalInverse(0.05), normalInverse(0.05), normalInverse(0.05)]);
  assert.deepEqual([...plan.bucketStart], [0, 1, 2, 3, 5]);
  assert.deepEqual([...plan.bucketFactor], [0, 0, 0, 1]);
  assert.deepEqual([...plan.bucketLoading], [0.1, 0.1, 0.3, 0.05].map(Math.sqrt));
  assert.equal(plan.factorCount, 2);
  assert.equal(plan.cholesky, model.cholesky);
});

test('a bucket holds at most 4096 loans; an empty portfolio gives an empty plan', () => {
  const n = 4097;
  const plan = buildSimulationPlan(
    {
      pd: new Float64Array(n).fill(0.01),
      lgd: new Float64Array(n).fill(1),
      ead: Float64Array.from({ length: n }, (_, i) => i),
      segment: new Int32Array(n),
      segments: ['all'],
    },
    oneFactorModel(1, 0.1),
    { name: 'b', factorShift: new Float64Array(1), pdMultiplier: Float64Array.of(1) },
  );
  // loan 0 has EAD 0 and is dropped: 4096 loans in the first bucket, then loan 4096 alone
  assert.equal(plan.loanCount, 4096);
  assert.deepEqual([...plan.bucketStart], [0, 4096]);
  const full = buildSimulationPlan(
    { pd: new Float64Array(n).fill(0.01), lgd: new Float64Array(n).fill(1), ead: new Float64Array(n).fill(1), segment: new Int32Array(n), segments: ['all'] },
    oneFactorModel(1, 0.1),
    { name: 'b', factorShift: new Float64Array(1), pdMultiplier: Float64Array.of(1) },
  );
  assert.deepEqual([...full.bucketStart], [0, 4096, 4097]);
  const empty = buildSimulationPlan(portfolio([], ['all']), oneFactorModel(1, 0.1), {
    name: 'b',
    factorShift: new Float64Array(1),
    pdMultiplier: Float64Array.of(1),
  });
  assert.deepEqual([empty.loanCount, [...empty.bucketStart], empty.bucketFactor.length], [0, [0], 0]);
});
