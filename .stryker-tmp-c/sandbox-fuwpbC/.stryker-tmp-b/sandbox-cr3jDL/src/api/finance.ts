/** Public API, finance area: loan arithmetic, loss, IRB capital, IFRS 9/CECL, RAROC, roll rates, money. */
// @ts-nocheck

// 

export * from '../finance/index.js';
