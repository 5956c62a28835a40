/** Compiling Credo's models, rules and analyses to SQL dialects. */
export { dialects, duckdb, postgres, type SqlDialect } from './dialects.js';
export { compileRuleSql, compileStrategySql, type ModelSql, type RuleSqlOptions, type StrategySql } from './rules.js';
