/** Loan arithmetic, loss, capital and portfolio finance: pure functions, money in integer minor units. */
export { computeEmi } from './emi.js';
