/** Strategy and portfolio analyses compiled to SQL: lift, swap set, vintage curves, roll rates. */
// @ts-nocheck

// 

export { compileLiftSql, type LiftSqlOptions } from './lift-sql.js';
export type { PerformanceSqlColumns } from './performance-sql.js';
export { compileRollRatesSql } from './roll-rates-sql.js';
export { compileSwapsetSql, type SwapsetSqlOptions } from './swapset-sql.js';
export { compileVintageSql } from './vintage-sql.js';
