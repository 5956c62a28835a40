// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { normalCdf, normalInverse } from '../../finance/index.js';
import { type Estimate, estimateLosses, type LossEstimates } from './loss-estimates.js';
import { allocateResults, blockCount, type KernelOptions, type ScenarioResults, simulateBlocks } from './monte-carlo-kernel.js';
import { baselineScenario, type FactorModel, type MacroScenario, oneFactorModel, type PortfolioLoans, validatePortfolio } from './portfolio-model.js';
import { buildSimulationPlan, type SimulationPlan } from './simulation-plan.js';

/** Options of a portfolio simulation; defaults in `resolveSimulationOptions`. */
export interface SimulationOptions {
  /** Monte Carlo scenarios (default 10,000). */
  readonly scenarios?: number;
  /** Seed (default 1). */
  readonly seed?: number;
  /** Asset correlation of the one-factor model when no `model` is given (default 0.15). */
  readonly rho?: number;
  /** Factor structure (default: one factor, ρ = `rho` for every segment). */
  readonly model?: FactorModel;
  /** Macro scenarios, each simulated with the same random numbers (default: baseline only). */
  readonly macro?: readonly MacroScenario[];
  /** Horizon in periods (default 1); PDs are per period and a loan defaults at most once. */
  readonly periods?: number;
  /** EAD multiplier per period (default straight-line amortisation (T − t)/T, i.e. 1 for one period). */
  readonly eadFactor?: Float64Array;
  /** Standard deviation of Beta-distributed LGD around each loan's LGD (default 0 = fixed LGD). */
  readonly lgdSd?: number;
  /** Importance-sampling mean shift of the factor normals (negative = towards bad economies; default 0 = off). */
  readonly importanceShift?: number;
  /** Loss budget: report P(L > budget). */
  readonly budget?: number;
  /** Histogram bins (default 40). */
  readonly histogramBins?: number;
}

/** Runs the kernel over all blocks of a plan; the Node adapter substitutes a worker-thread runner. */
export type KernelRunner = (plan: SimulationPlan, options: KernelOptions) => ScenarioResults | Promise<ScenarioResults>;

/** Results for one macro scenario. */
export interface ScenarioSimulation {
  readonly scenario: string;
  /** The exact expected loss of the scenario over the horizon (`scenarioExpectedLoss`): what EL converges to. */
  readonly analyticEl: number;
  readonly segments: readonly string[];
  readonly estimates: LossEstimates;
  readonly importanceShift: number;
}

/** The resolved options: every default filled in, validated. */
export interface ResolvedSimulation {
  readonly model: FactorModel;
  readonly macro: readonly MacroScenario[];
  readonly kernel: KernelOptions;
  readonly budget: number | undefined;
  readonly histogramBins: number;
}

/** Fills defaults and validates simulation options (throws `E_INPUT_VALIDATION` naming the option). */
export function resolveSimulationOptions(loans: PortfolioLoans, options: SimulationOptions): ResolvedSimulation {
  validatePortfolio(loans);
  const scenarios = options.scenarios ?? 10_000;
  const periods = options.periods ?? 1;
  const rho = options.rho ?? 0.15;
  const check = (ok: boolean, summary: string) => {
    if (!ok) throw new CredoError('E_INPUT_VALIDATION', { summary });
  };
  check(Number.isInteger(scenarios) && scenarios >= 10, `scenarios must be an integer ≥ 10 (got ${scenarios})`);
  check(Number.isInteger(periods) && periods >= 1, `periods must be an integer ≥ 1 (got ${periods})`);
  check(rho >= 0 && rho < 1, `rho must be in [0, 1) (got ${rho})`);
  const model = options.model ?? oneFactorModel(loans.segments.length, rho);
  for (const r of model.rhoOfSegment) check(r >= 0 && r < 1, `every segment's rho must be in [0, 1) (got ${r})`);
  const eadFactor = options.eadFactor ?? Float64Array.from({ length: periods }, (_, t) => (periods - t) / periods);
  check(eadFactor.length === periods, `eadFactor needs one value per period (${periods})`);
  const lgdSd = options.lgdSd ?? 0;
  check(lgdSd >= 0 && lgdSd < 0.5, `lgdSd must be in [0, 0.5) (got ${lgdSd})`);
  const importanceShift = options.importanceShift ?? 0;
  check(Math.abs(importanceShift) <= 6, `importanceShift must be within ±6 (got ${importanceShift})`);
  return {
    model,
    macro: options.macro ?? [baselineScenario(model.factors.length, loans.segments.length)],
    kernel: { scenarios, seed: options.seed ?? 1, periods, eadFactor, lgdSd, importanceShift },
    budget: options.budget,
    histogramBins: options.histogramBins ?? 40,
  };
}

/** The single-threaded runner: all blocks in order on this thread. */
export const runKernelInline: KernelRunner = (plan, options) => {
  const out = allocateResults(plan, options.scenarios);
  simulateBlocks(plan, options, 0, blockCount(options.scenarios), out);
  return out;
};

/**
 * Simulates portfolio losses under a Gaussian-copula factor model (REFERENCE §5) for each macro
 * scenario, with common random numbers across scenarios; returns EL, VaR, ES and EC at 99% and
 * 99.9% with confidence intervals, the histogram, Euler contributions by segment and P(L > budget).
 */
export async function simulatePortfolio(
  loans: PortfolioLoans,
  options: SimulationOptions = {},
  runner: KernelRunner = runKernelInline,
): Promise<ScenarioSimulation[]> {
  const resolved = resolveSimulationOptions(loans, options);
  const out: ScenarioSimulation[] = [];
  for (const scenario of resolved.macro) {
    const plan = buildSimulationPlan(loans, resolved.model, scenario);
    const results = await runner(plan, resolved.kernel);
    out.push(summariseScenario(loans, resolved, scenario, results));
  }
  return out;
}

/** Summarises one macro scenario's scenario results. */
export function summariseScenario(loans: PortfolioLoans, resolved: ResolvedSimulation, scenario: MacroScenario, results: ScenarioResults): ScenarioSimulation {
  const analyticEl = scenarioExpectedLoss(loans, resolved, scenario);
  const estimates = estimateLosses(results, loans.segments.length, {
    alphas: [0.99, 0.999],
    histogramBins: resolved.histogramBins,
    weighted: resolved.kernel.importanceShift !== 0,
    ...(resolved.budget === undefined ? {} : { budget: resolved.budget }),
  });
  return { scenario: scenario.name, analyticEl, segments: loans.segments, estimates, importanceShift: resolved.kernel.importanceShift };
}

/**
 * The exact expected loss of a macro scenario over the horizon: per loan, the period PD after the
 * multiplier and the factor shift m is p = Φ(Φ⁻¹(PD·multiplier) − √ρ·m) (the latent variable is
 * N(√ρ·m, 1)), and EL = Σ_t (1 − p)^t·p·LGD·EAD·eadFactor_t (periods are independent draws).
 */
export function scenarioExpectedLoss(loans: PortfolioLoans, resolved: ResolvedSimulation, scenario: MacroScenario): number {
  const { model, kernel } = resolved;
  let total = 0;
  for (let i = 0; i < loans.pd.length; i++) {
    const s = loans.segment[i] as number;
    const pd = Math.min(1, (loans.pd[i] as number) * (scenario.pdMultiplier[s] as number));
    const shift = scenario.factorShift[model.factorOfSegment[s] as number] as number;
    const p = stressedPd(pd, model.rhoOfSegment[s] as number, shift);
    let horizon = 0;
    let alive = 1;
    for (let t = 0; t < kernel.periods; t++) {
      horizon += alive * p * (kernel.eadFactor[t] as number);
      alive *= 1 - p;
    }
    total += horizon * (loans.lgd[i] as number) * (loans.ead[i] as number);
  }
  return total;
}

/**
 * The unconditional PD of a loan when its factor is shifted by m standard deviations: the latent
 * variable is N(√ρ·m, 1), so PD' = Φ(Φ⁻¹(PD) − √ρ·m) (REFERENCE §5 with a shifted Y).
 */
export function stressedPd(pd: number, rho: number, shift: number): number {
  if (shift === 0 || pd <= 0 || pd >= 1) return pd;
  return normalCdf(normalInverse(pd) - Math.sqrt(rho) * shift);
}

/** The headline numbers of a scenario as plain values (the CLI's JSON keys). */
export function headline(simulation: ScenarioSimulation): Record<string, Estimate> {
  const [t99, t999] = simulation.estimates.tails as [LossEstimates['tails'][0], LossEstimates['tails'][0]];
  return { el: simulation.estimates.el, var99: t99.var, var999: t999.var, es99: t99.es, es999: t999.es, ec: t999.ec };
}
