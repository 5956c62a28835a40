// @ts-nocheck
// 
import { deriveSeed, nextBeta, nextZigguratNormal, Rng } from '../../random/index.js';
import { type KernelOptions, SCENARIO_BLOCK, type ScenarioResults } from './monte-carlo-kernel.js';
import type { SimulationPlan } from './simulation-plan.js';

/**
 * The simple reference kernel: one normal ε_i per loan per period and the copula test
 * √ρ·Y + √(1−ρ)·ε_i < Φ⁻¹(PD_i) (REFERENCE §5), exactly as written. Slow (a draw per loan); it
 * exists to check the fast kernel (same distribution, different random streams).
 */
export function simulateBlocksReference(plan: SimulationPlan, options: KernelOptions, firstBlock: number, endBlock: number, out: ScenarioResults): void {
  const { threshold, ead, lgd, segment, bucketStart, bucketFactor, bucketLoading, bucketIdiosyncratic, factorCount, segmentCount, cholesky, factorShift } =
    plan;
  const mu = options.importanceShift;
  const g = new Float64Array(factorCount);
  const y = new Float64Array(factorCount);
  const defaulted = new Uint8Array(plan.loanCount);
  for (let block = firstBlock; block < endBlock; block++) {
    const rng = new Rng(deriveSeed(options.seed ^ 0x5bd1e995, block));
    const end = Math.min(options.scenarios, (block + 1) * SCENARIO_BLOCK);
    for (let s = block * SCENARIO_BLOCK; s < end; s++) {
      defaulted.fill(0);
      let loss = 0;
      let logWeight = 0;
      for (let t = 0; t < options.periods; t++) {
        for (let f = 0; f < factorCount; f++) {
          g[f] = nextZigguratNormal(rng) + mu;
          logWeight += -mu * (g[f] as number) + 0.5 * mu * mu;
        }
        for (let f = 0; f < factorCount; f++) {
          let v = factorShift[f] as number;
          for (let k = 0; k <= f; k++) v += (cholesky[f * factorCount + k] as number) * (g[k] as number);
          y[f] = v;
        }
        for (let b = 0; b < bucketFactor.length; b++) {
          const systematic = (bucketLoading[b] as number) * (y[bucketFactor[b] as number] as number);
          const idiosyncratic = bucketIdiosyncratic[b] as number;
          for (let i = bucketStart[b] as number; i < (bucketStart[b + 1] as number); i++) {
            const z = systematic + idiosyncratic * nextZigguratNormal(rng);
            if (z >= (threshold[i] as number) || defaulted[i] === 1) continue;
            defaulted[i] = 1;
            const meanLgd = lgd[i] as number;
            let rate = meanLgd;
            if (options.lgdSd > 0 && meanLgd > 0 && meanLgd < 1) {
              const k = Math.max((meanLgd * (1 - meanLgd)) / (options.lgdSd * options.lgdSd) - 1, 0.05);
              rate = nextBeta(rng, meanLgd * k, (1 - meanLgd) * k);
            }
            const amount = rate * (ead[i] as number) * (options.eadFactor[t] as number);
            loss += amount;
            out.segmentLoss[s * segmentCount + (segment[i] as number)]! += amount;
          }
        }
      }
      out.loss[s] = loss;
      out.weight[s] = Math.exp(logWeight);
    }
  }
}
