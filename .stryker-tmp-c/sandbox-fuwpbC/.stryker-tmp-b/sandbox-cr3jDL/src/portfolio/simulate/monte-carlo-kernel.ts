// @ts-nocheck
// 
import { normalCdf } from '../../finance/index.js';
import { deriveSeed, nextBeta, nextZigguratExponential, nextZigguratNormal, Rng } from '../../random/index.js';
import type { SimulationPlan } from './simulation-plan.js';

/** Scenarios per block: each block draws from its own stream deriveSeed(seed, block), whatever the thread count. */
export const SCENARIO_BLOCK = 64;

/** What the kernels need besides the plan; validated by the caller. */
export interface KernelOptions {
  /** Number of Monte Carlo scenarios (draws of the systematic factors). */
  readonly scenarios: number;
  readonly seed: number;
  /** Periods of the horizon (1 = one year); a loan defaults at most once. */
  readonly periods: number;
  /** EAD multiplier of each period (amortisation), length `periods`. */
  readonly eadFactor: Float64Array;
  /** Standard deviation of a Beta-distributed LGD around each loan's mean; 0 = fixed LGD. */
  readonly lgdSd: number;
  /** Mean shift μ of every independent factor normal under importance sampling; 0 = plain Monte Carlo. */
  readonly importanceShift: number;
}

/** Per-scenario results of a range of blocks, written into arrays covering all scenarios. */
export interface ScenarioResults {
  /** Portfolio loss of each scenario. */
  readonly loss: Float64Array;
  /** Likelihood ratio of each scenario (1 without importance sampling). */
  readonly weight: Float64Array;
  /** Loss by segment, scenario-major (scenario × segmentCount). */
  readonly segmentLoss: Float64Array;
}

/** Allocates result arrays for `scenarios` scenarios of a plan. */
export function allocateResults(plan: SimulationPlan, scenarios: number): ScenarioResults {
  return { loss: new Float64Array(scenarios), weight: new Float64Array(scenarios), segmentLoss: new Float64Array(scenarios * plan.segmentCount) };
}

/** Number of scenario blocks for a scenario count. */
export function blockCount(scenarios: number): number {
  return Math.ceil(scenarios / SCENARIO_BLOCK);
}

/**
 * The fast kernel: simulates blocks [firstBlock, endBlock) into `out` (at the blocks' own offsets).
 * Conditional on the factors, loan i defaults with p_i(Y) = Φ((Φ⁻¹(PD_i) − √ρ·Y)/√(1−ρ)) (Vasicek,
 * REFERENCE §5). Instead of one draw per loan, each bucket draws candidate defaults at its largest
 * rate p_max by geometric skips (one ziggurat exponential per candidate) and keeps a candidate with probability
 * p_i/p_max (thinning, Lewis & Shedler 1979), so a scenario costs about one step per default rather
 * than one per loan; the loss distribution is exactly that of the per-loan Bernoulli draws.
 */
export function simulateBlocks(plan: SimulationPlan, options: KernelOptions, firstBlock: number, endBlock: number, out: ScenarioResults): void {
  const { threshold, ead, lgd, segment, bucketStart, bucketFactor, bucketLoading, bucketIdiosyncratic, factorCount, segmentCount, cholesky, factorShift } =
    plan;
  const bucketCount = bucketFactor.length;
  const { periods, eadFactor, lgdSd, importanceShift: mu } = options;
  const g = new Float64Array(factorCount);
  const y = new Float64Array(factorCount);
  // Loans already defaulted in the current scenario (multi-period): marked with the scenario number + 1
  const defaultedIn = periods > 1 ? new Int32Array(plan.loanCount) : undefined;
  const lgdVariance = lgdSd * lgdSd;
  for (let block = firstBlock; block < endBlock; block++) {
    const rng = new Rng(deriveSeed(options.seed, block));
    const first = block * SCENARIO_BLOCK;
    const end = Math.min(options.scenarios, first + SCENARIO_BLOCK);
    for (let s = first; s < end; s++) {
      let loss = 0;
      let logWeight = 0;
      const segmentBase = s * segmentCount;
      for (let t = 0; t < periods; t++) {
        for (let f = 0; f < factorCount; f++) {
          const z = nextZigguratNormal(rng) + mu;
          g[f] = z;
          // likelihood ratio φ(z)/φ(z−μ) of the shifted draw
          logWeight += -mu * z + 0.5 * mu * mu;
        }
        for (let f = 0; f < factorCount; f++) {
          let v = factorShift[f] as number;
          for (let k = 0; k <= f; k++) v += (cholesky[f * factorCount + k] as number) * (g[k] as number);
          y[f] = v;
        }
        const exposureFactor = eadFactor[t] as number;
        for (let b = 0; b < bucketCount; b++) {
          const start = bucketStart[b] as number;
          const stop = bucketStart[b + 1] as number;
          const shift = (bucketLoading[b] as number) * (y[bucketFactor[b] as number] as number);
          const scale = 1 / (bucketIdiosyncratic[b] as number);
          const pMax = normalCdf(((threshold[stop - 1] as number) - shift) * scale);
          if (pMax <= 0) continue;
          const pMin = normalCdf(((threshold[start] as number) - shift) * scale);
          const squeeze = pMin / pMax;
          // geometric skips: floor(E/−log(1−p)) with E ~ Exp(1) (0 when pMax = 1)
          const skipScale = -1 / Math.log1p(-pMax);
          let i = start - 1;
          for (;;) {
            i += 1 + Math.floor(nextZigguratExponential(rng) * skipScale);
            if (i >= stop) break;
            const accept = (rng.nextUint32() + 0.5) / 4294967296;
            if (accept >= squeeze && accept * pMax >= normalCdf(((threshold[i] as number) - shift) * scale)) continue;
            if (defaultedIn !== undefined) {
              if (defaultedIn[i] === s + 1) continue;
              defaultedIn[i] = s + 1;
            }
            const meanLgd = lgd[i] as number;
            let lossRate = meanLgd;
            if (lgdVariance > 0 && meanLgd > 0 && meanLgd < 1) {
              // Beta with the loan's mean LGD and the stated sd (capped below the Bernoulli sd)
              const k = Math.max((meanLgd * (1 - meanLgd)) / lgdVariance - 1, 0.05);
              lossRate = nextBeta(rng, meanLgd * k, (1 - meanLgd) * k);
            }
            const amount = lossRate * (ead[i] as number) * exposureFactor;
            loss += amount;
            out.segmentLoss[segmentBase + (segment[i] as number)]! += amount;
          }
        }
      }
      out.loss[s] = loss;
      out.weight[s] = Math.exp(logWeight);
    }
  }
}
