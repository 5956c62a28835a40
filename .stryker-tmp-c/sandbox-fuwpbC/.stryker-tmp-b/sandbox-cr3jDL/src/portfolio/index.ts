/** Portfolio analytics: Monte Carlo loss simulation and policy optimisation. */
// @ts-nocheck

// 


export * from './backtest/index.js';
export * from './optimise/index.js';
export * from './simulate/index.js';
