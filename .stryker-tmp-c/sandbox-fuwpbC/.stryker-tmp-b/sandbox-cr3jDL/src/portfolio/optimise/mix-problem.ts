// @ts-nocheck
// 
import { expectedShortfall } from '../../finance/index.js';
import { allocateResults, blockCount, simulateBlocks } from '../simulate/monte-carlo-kernel.js';
import { baselineScenario, type FactorModel, type MacroScenario } from '../simulate/portfolio-model.js';
import { stressedPd } from '../simulate/simulate-portfolio.js';
import { buildSimulationPlan } from '../simulate/simulation-plan.js';
import type { AssignmentConstraint } from './assignment-model.js';
import { annualProfit, capitalPerUnit, type Economics } from './cutoff-problem.js';
import { type CommonLimits, commonConstraints, type PolicyMetrics, type PolicyProblem } from './policy-problem.js';

/** The book: one entry per loan, with its policy segment. */
export interface MixBook {
  readonly pd: Float64Array;
  readonly lgd: Float64Array;
  readonly ead: Float64Array;
  readonly rate: Float64Array;
  /** Policy segment of each loan (index into `labels`). */
  readonly segment: Int32Array;
  readonly labels: readonly string[];
}

/** The mix problem's configuration. */
export interface MixConfig {
  /** Volume levels as multiples of each segment's current volume, ascending (1 = current). */
  readonly volumes: readonly number[];
  readonly economics: Economics;
  readonly limits: CommonLimits;
  /** Factor model over the segments (one factor with ρ for every segment, or from a macro file). */
  readonly model: FactorModel;
  /** Stressed-loss limits: EL of the mix in each macro scenario at most `max`. */
  readonly stress: readonly { readonly scenario: MacroScenario; readonly max: number }[];
  /** CVaR limit over Monte Carlo draws of the loss (Rockafellar–Uryasev). */
  readonly cvar?: { readonly alpha: number; readonly max: number; readonly draws: number; readonly seed: number };
}

/** A mix problem with the pieces needed to report its risk. */
export interface MixProblem extends PolicyProblem {
  /** Stressed EL of each (segment, action) per macro scenario. */
  readonly stressedEl: readonly Float64Array[];
  /** Loss of each segment in each draw at current volume, draw-major (draws × segments). */
  readonly drawLoss?: Float64Array;
  readonly volumes: readonly number[];
}

/**
 * Portfolio rebalancing (REFERENCE §8): choose each segment's volume among `volumes` (the LP
 * relaxation mixes neighbouring levels, i.e. any volume in between) to maximise expected profit,
 * subject to the common limits, EL in each macro scenario (PD' = Φ(Φ⁻¹(PD·multiplier) − √ρ·shift)),
 * and CVaR_α of the loss over Monte Carlo draws ≤ max, linearised after Rockafellar & Uryasev
 * (2000): ζ + Σ_j u_j / (J(1−α)) ≤ max, u_j ≥ L_j(x) − ζ, u_j ≥ 0. Losses scale with volume.
 */
export function buildMixProblem(book: MixBook, config: MixConfig): MixProblem {
  const S = book.labels.length;
  const A = config.volumes.length;
  const size = S * A;
  const base = {
    count: new Float64Array(S),
    pd: new Float64Array(S),
    ead: new Float64Array(S),
    pdEad: new Float64Array(S),
    el: new Float64Array(S),
    capital: new Float64Array(S),
    profit: new Float64Array(S),
  };
  const stressBase = config.stress.map(() => new Float64Array(S));
  for (let i = 0; i < book.pd.length; i++) {
    const s = book.segment[i] as number;
    const pd = book.pd[i] as number;
    const lgd = book.lgd[i] as number;
    const ead = book.ead[i] as number;
    const capital = capitalPerUnit(pd, { ...config.economics, lgd }) * ead;
    base.count[s]! += 1;
    base.pd[s]! += pd;
    base.ead[s]! += ead;
    base.pdEad[s]! += pd * ead;
    base.el[s]! += pd * lgd * ead;
    base.capital[s]! += capital;
    base.profit[s]! += annualProfit({ ead, rate: book.rate[i] as number, pd, capital, accounts: 1 }, { ...config.economics, lgd });
    config.stress.forEach(({ scenario }, m) => {
      const stressed = stressedPd(
        Math.min(1, pd * (scenario.pdMultiplier[s] as number)),
        config.model.rhoOfSegment[s] as number,
        scenario.factorShift[config.model.factorOfSegment[s] as number] as number,
      );
      stressBase[m]![s]! += stressed * lgd * ead;
    });
  }
  const scale = (values: Float64Array) =>
    Float64Array.from({ length: size }, (_, k) => (config.volumes[k % A] as number) * (values[Math.floor(k / A)] as number));
  const metrics: PolicyMetrics = {
    approved: scale(base.count),
    bads: scale(base.pd),
    amount: scale(base.ead),
    badAmount: scale(base.pdEad),
    el: scale(base.el),
    capital: scale(base.capital),
    profit: scale(base.profit),
  };
  const stressedEl = stressBase.map(scale);
  const constraints: AssignmentConstraint[] = commonConstraints(metrics, base.count, config.limits, { volume: true });
  config.stress.forEach(({ scenario, max }, m) => {
    constraints.push({ name: `stress${m}`, label: `EL in ${scenario.name} ≤ ${max}`, coefficients: stressedEl[m] as Float64Array, sense: '<=', rhs: max });
  });
  const unit = config.volumes.indexOf(1);
  const current = new Float64Array(size);
  if (unit >= 0) for (let s = 0; s < S; s++) current[s * A + unit] = 1;
  const problem: MixProblem = {
    model: { segments: book.labels, actions: config.volumes.map((v) => `×${v}`), profit: metrics.profit, constraints },
    accounts: base.count,
    approves: Uint8Array.from(config.volumes, (v) => (v > 0 ? 1 : 0)),
    metrics,
    stressedEl,
    volumes: config.volumes,
    ...(unit >= 0 ? { current } : {}),
  };
  if (config.cvar === undefined) return problem;
  const drawLoss = simulateSegmentLosses(book, config.model, config.cvar.draws, config.cvar.seed);
  return { ...problem, drawLoss, model: { ...problem.model, ...cvarRows(drawLoss, config, S, A, constraints) } };
}

/** Loss of each segment in each Monte Carlo draw at current volume (the copula of REFERENCE §5). */
export function simulateSegmentLosses(book: MixBook, model: FactorModel, draws: number, seed: number): Float64Array {
  const loans = { pd: book.pd, lgd: book.lgd, ead: book.ead, segment: book.segment, segments: book.labels };
  const plan = buildSimulationPlan(loans, model, baselineScenario(model.factors.length, book.labels.length));
  const out = allocateResults(plan, draws);
  simulateBlocks(plan, { scenarios: draws, seed, periods: 1, eadFactor: Float64Array.of(1), lgdSd: 0, importanceShift: 0 }, 0, blockCount(draws), out);
  return out.segmentLoss;
}

function cvarRows(drawLoss: Float64Array, config: MixConfig, S: number, A: number, constraints: AssignmentConstraint[]) {
  const { alpha, max, draws } = config.cvar as NonNullable<MixConfig['cvar']>;
  const rows: string[] = [];
  const columns: { name: string; lower: number; upper: number }[] = [{ name: 'cvar_zeta', lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY }];
  const extraTerms: Record<string, number> = { cvar_zeta: 1 };
  for (let j = 0; j < draws; j++) {
    columns.push({ name: `cvar_u${j}`, lower: 0, upper: Number.POSITIVE_INFINITY });
    extraTerms[`cvar_u${j}`] = 1 / (draws * (1 - alpha));
    const terms: string[] = [`cvar_u${j} + cvar_zeta`];
    for (let s = 0; s < S; s++) {
      const loss = drawLoss[j * S + s] as number;
      if (loss === 0) continue;
      for (let a = 0; a < A; a++) {
        const c = Number(((config.volumes[a] as number) * loss).toPrecision(15));
        if (c !== 0) terms.push(`- ${c} x${s}_${a}`);
      }
    }
    rows.push(`cvar_draw${j}: ${terms.join(' ')} >= 0`);
  }
  constraints.push({
    name: 'cvar_max',
    label: `CVaR${(alpha * 100).toFixed(1)} ≤ ${max}`,
    coefficients: new Float64Array(S * A),
    sense: '<=',
    rhs: max,
    extraTerms,
  });
  return { constraints, extra: { columns, rows } };
}

/** Realised risk of a mix x: stressed EL per scenario and, with draws, the CVaR of Σ volume·loss. */
export function mixRisk(
  problem: MixProblem,
  config: MixConfig,
  x: Float64Array,
): { stressed_el: { scenario: string; value: number; max: number }[]; cvar?: { alpha: number; value: number; max: number } } {
  const S = problem.model.segments.length;
  const A = problem.volumes.length;
  const stressed_el = config.stress.map(({ scenario, max }, m) => {
    let v = 0;
    for (let k = 0; k < x.length; k++) v += (x[k] as number) * ((problem.stressedEl[m] as Float64Array)[k] as number);
    return { scenario: scenario.name, value: v, max };
  });
  if (problem.drawLoss === undefined || config.cvar === undefined) return { stressed_el };
  const volume = new Float64Array(S);
  for (let s = 0; s < S; s++) for (let a = 0; a < A; a++) volume[s]! += (x[s * A + a] as number) * (problem.volumes[a] as number);
  const draws = config.cvar.draws;
  const losses = new Float64Array(draws);
  for (let j = 0; j < draws; j++) for (let s = 0; s < S; s++) losses[j]! += (volume[s] as number) * (problem.drawLoss[j * S + s] as number);
  return { stressed_el, cvar: { alpha: config.cvar.alpha, value: expectedShortfall(losses, config.cvar.alpha), max: config.cvar.max } };
}
