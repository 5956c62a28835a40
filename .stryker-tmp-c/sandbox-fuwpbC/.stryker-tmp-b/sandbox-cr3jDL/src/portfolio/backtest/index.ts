/** Champion/challenger policy simulation on historical applications. */
// @ts-nocheck

// 

export { type BacktestData, type BacktestOptions, backtestPolicies, type IntervalFigure, type PolicyBacktest, type PolicySide } from './backtest-policies.js';
