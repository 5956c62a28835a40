/** Public API, SQL area: compiling models, rules and strategies to DuckDB and PostgreSQL SQL. */
// @ts-nocheck

// 

export { compileRuleSql, compileStrategySql, dialects, type SqlDialect } from '../sql/index.js';
