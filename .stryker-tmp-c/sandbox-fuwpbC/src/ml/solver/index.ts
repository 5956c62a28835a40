/** LP/MIP solving through HiGHS (WebAssembly): one loader shared by binning, portfolio optimisation and explanations. */
// @ts-nocheck

export { type LpSolution, type LpStatus, loadHighs, type SolveLpOptions, solveLp } from './highs.js';
