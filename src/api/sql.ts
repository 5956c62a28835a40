/** Public API, SQL area: compiling models, rules and strategies to DuckDB and PostgreSQL SQL. */
export { compileRuleSql, compileStrategySql, dialects, type SqlDialect } from '../sql/index.js';
