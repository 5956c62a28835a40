/** Monte Carlo simulation of portfolio credit losses (Gaussian copula, REFERENCE §5). */
// @ts-nocheck

export type { Estimate, LossEstimates, TailEstimate } from './loss-estimates.js';
export { estimateLosses, MIN_TAIL_SCENARIOS, TARGET_PRECISION, tailWarnings } from './loss-estimates.js';
export { type MacroConfig, parseMacroConfig } from './macro-config.js';
export { allocateResults, blockCount, type KernelOptions, SCENARIO_BLOCK, type ScenarioResults, simulateBlocks } from './monte-carlo-kernel.js';
export { type PortfolioColumns, portfolioFromFrame } from './portfolio-from-frame.js';
export {
  analyticExpectedLoss,
  baselineScenario,
  choleskyLower,
  type FactorModel,
  type MacroScenario,
  multiFactorModel,
  oneFactorModel,
  type PortfolioLoans,
  validatePortfolio,
} from './portfolio-model.js';
export { simulateBlocksReference } from './reference-kernel.js';
export {
  headline,
  type KernelRunner,
  type ResolvedSimulation,
  resolveSimulationOptions,
  runKernelInline,
  type ScenarioSimulation,
  type SimulationOptions,
  scenarioExpectedLoss,
  simulatePortfolio,
  stressedPd,
  summariseScenario,
} from './simulate-portfolio.js';
export { buildSimulationPlan, type SimulationPlan } from './simulation-plan.js';
