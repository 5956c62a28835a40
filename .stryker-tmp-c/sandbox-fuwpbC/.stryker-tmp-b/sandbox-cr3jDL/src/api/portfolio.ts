/** Public API, portfolio area: Monte Carlo loss simulation, policy back-tests and cutoff/limit/mix optimisation. */
// @ts-nocheck

// 

export {
  backtestPolicies,
  computeFrontier,
  optimisePolicy,
  type PolicyOptimum,
  type PortfolioLoans,
  portfolioFromFrame,
  type ScenarioSimulation,
  type SimulationOptions,
  simulatePortfolio,
  studyCutoffs,
  studyLimits,
  studyMix,
} from '../portfolio/index.js';
