/** Public API, finance area: loan arithmetic, loss, IRB capital, IFRS 9/CECL, RAROC, roll rates, money. */
export * from '../finance/index.js';
