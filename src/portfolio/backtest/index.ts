/** Champion/challenger policy simulation on historical applications. */
export { type BacktestData, type BacktestOptions, backtestPolicies, type IntervalFigure, type PolicyBacktest, type PolicySide } from './backtest-policies.js';
