import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedShortfall, normalCdf, normalInverse } from '../../finance/index.js';
import { oneFactorModel } from '../simulate/portfolio-model.js';
import { capitalPerUnit } from './cutoff-problem.js';
import { buildMixProblem, type MixBook, type MixConfig, mixRisk, simulateSegmentLosses } from './mix-problem.js';

/** Three loans in two segments, volumes ×0, ×1, ×2, economics funding 2%, opex 1, hurdle 10% (each loan's own LGD). */
const book: MixBook = {
  pd: Float64Array.of(0.1, 0.2, 0.05),
  lgd: Float64Array.of(0.5, 0.4, 1),
  ead: Float64Array.of(100, 50, 200),
  rate: Float64Array.of(0.2, 0.1, 0.08),
  segment: Int32Array.of(0, 0, 1),
  labels: ['card', 'auto'],
};
const economics = { lgd: 0.3, funding_rate: 0.02, opex: 1, hurdle_rate: 0.1 };
const model = oneFactorModel(2, 0.25);
const severe = { name: 'severe', factorShift: Float64Array.of(-1), pdMultiplier: Float64Array.of(2, 1) };
const config: MixConfig = { volumes: [0, 1, 2], economics, limits: { approval_min: 1 }, model, stress: [{ scenario: severe, max: 50 }] };
const close = (actual: ArrayLike<number>, expected: number[], what: string) => {
  for (const [k, v] of expected.entries())
    assert.ok(Math.abs((actual[k] as number) - v) < 1e-9 * Math.max(1, Math.abs(v)), `${what}[${k}]: ${actual[k]} vs ${v}`);
};
const perVolume = (v0: number, v1: number) => [0, v0, 2 * v0, 0, v1, 2 * v1];

test('mix problem: segment figures at current volume scaled by each level; stressed EL rows; the current book at ×1', () => {
  const p = buildMixProblem(book, config);
  const cap = [
    capitalPerUnit(0.1, { ...economics, lgd: 0.5 }) * 100,
    capitalPerUnit(0.2, { ...economics, lgd: 0.4 }) * 50,
    capitalPerUnit(0.05, { ...economics, lgd: 1 }) * 200,
  ];
  close(p.metrics.approved, perVolume(2, 1), 'approved');
  close(p.metrics.bads, perVolume(0.3, 0.05), 'bads');
  close(p.metrics.amount, perVolume(150, 200), 'amount');
  close(p.metrics.badAmount, perVolume(20, 10), 'bad amount');
  close(p.metrics.el, perVolume(9, 10), 'el');
  close(p.metrics.capital, perVolume((cap[0] as number) + (cap[1] as number), cap[2] as number), 'capital');
  // profit per loan: 20 − 2 − 1 − 5, 5 − 1 − 1 − 4, 16 − 4 − 1 − 10, each less 10% of its capital
  close(p.metrics.profit, perVolume(12 - 1 - 0.1 * ((cap[0] as number) + (cap[1] as number)), 1 - 0.1 * (cap[2] as number)), 'profit');
  // stressed PDs Φ(Φ⁻¹(min(1, PD·m)) + √0.25) under a −1 shift, multiplier 2 on card
  const s = (pd: number) => normalCdf(normalInverse(pd) + 0.5);
  close(p.stressedEl[0] ?? [], perVolume(s(0.2) * 50 + s(0.4) * 20, s(0.05) * 200), 'stressed EL');
  assert.deepEqual(
    p.model.constraints.map((c) => [c.name, c.label, c.sense, c.rhs]),
    [
      ['approval_min', 'volume ≥ ×1.0000 the current book', '>=', 3],
      ['stress0', 'EL in severe ≤ 50', '<=', 50],
    ],
  );
  assert.equal(p.model.constraints[1]?.coefficients, p.stressedEl[0]);
  assert.deepEqual(p.model.actions, ['×0', '×1', '×2']);
  assert.deepEqual(p.model.segments, ['card', 'auto']);
  assert.deepEqual([...p.accounts], [2, 1]);
  assert.deepEqual([...p.approves], [0, 1, 1]);
  assert.deepEqual([...(p.current ?? [])], [0, 1, 0, 0, 1, 0]);
  assert.deepEqual(p.volumes, [0, 1, 2]);
  assert.equal(p.drawLoss, undefined);
  assert.equal(p.model.extra, undefined);
  // without a ×1 level there is no current book
  const noUnit = buildMixProblem(book, { ...config, volumes: [0.5, 2] });
  assert.ok(!('current' in noUnit));
  // ×1 as the first level: the current book is action 0
  assert.deepEqual([...(buildMixProblem(book, { ...config, volumes: [1, 2] }).current ?? [])], [1, 0, 1, 0]);
  // realised stressed EL of a mix: card at ×1.5 (half ×1, half ×2), auto at ×2
  const x = Float64Array.of(0, 0.5, 0.5, 0, 0, 1);
  const risk = mixRisk(p, config, x);
  assert.deepEqual(
    risk.stressed_el.map((r) => [r.scenario, r.max]),
    [['severe', 50]],
  );
  close([risk.stressed_el[0]?.value ?? 0], [1.5 * (s(0.2) * 50 + s(0.4) * 20) + 2 * s(0.05) * 200], 'realised stressed EL');
  assert.equal(risk.cvar, undefined);
});

test('mix CVaR rows (Rockafellar–Uryasev): ζ free, one u_j ≥ 0 per draw with weight 1/(J(1 − α)), rows over the draws’ segment losses', () => {
  const cvar = { alpha: 0.9, max: 1000, draws: 100, seed: 3 };
  const p = buildMixProblem(book, { ...config, stress: [], cvar });
  const draws = simulateSegmentLosses(book, model, 100, 3);
  assert.deepEqual([...(p.drawLoss ?? [])], [...draws]);
  // each draw's segment losses are sums of whole loans' LGD·EAD: card ∈ {0, 50, 20, 70}, auto ∈ {0, 200}
  // the draws are a real simulation: over 100 draws some loans default (EL per draw 9 + 10 = 19)
  assert.ok(draws.some((v) => v > 0));
  for (let j = 0; j < 100; j++) {
    assert.ok([0, 50, 20, 70].includes(draws[2 * j] as number), `card ${draws[2 * j]}`);
    assert.ok([0, 200].includes(draws[2 * j + 1] as number), `auto ${draws[2 * j + 1]}`);
  }
  const columns = p.model.extra?.columns ?? [];
  assert.equal(columns.length, 101);
  assert.deepEqual(columns[0], { name: 'cvar_zeta', lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY });
  assert.deepEqual(columns[100], { name: 'cvar_u99', lower: 0, upper: Number.POSITIVE_INFINITY });
  const row = p.model.constraints.find((c) => c.name === 'cvar_max');
  assert.ok(row !== undefined);
  assert.deepEqual([row.label, row.sense, row.rhs, [...row.coefficients]], ['CVaR90.0 ≤ 1000', '<=', 1000, [0, 0, 0, 0, 0, 0]]);
  assert.equal(row.extraTerms?.cvar_zeta, 1);
  assert.ok(Math.abs((row.extraTerms?.cvar_u7 ?? 0) - 0.1) < 1e-15);
  assert.equal(Object.keys(row.extraTerms ?? {}).length, 101);
  const rows = p.model.extra?.rows ?? [];
  assert.equal(rows.length, 100);
  rows.forEach((text, j) => {
    const card = draws[2 * j] as number;
    const auto = draws[2 * j + 1] as number;
    const terms = [`cvar_u${j} + cvar_zeta`];
    if (card !== 0) terms.push(`- ${card} x0_1`, `- ${2 * card} x0_2`);
    if (auto !== 0) terms.push(`- ${auto} x1_1`, `- ${2 * auto} x1_2`);
    assert.equal(text, `cvar_draw${j}: ${terms.join(' ')} >= 0`);
  });
  // realised CVaR of a mix: finance's ES of Σ volume·loss over the draws
  const x = Float64Array.of(0, 0.5, 0.5, 0, 0, 1);
  const risk = mixRisk(p, { ...config, stress: [], cvar }, x);
  const losses = Float64Array.from({ length: 100 }, (_, j) => 1.5 * (draws[2 * j] as number) + 2 * (draws[2 * j + 1] as number));
  assert.deepEqual(risk.cvar, { alpha: 0.9, value: expectedShortfall(losses, 0.9), max: 1000 });
  assert.deepEqual(risk.stressed_el, []);
});
