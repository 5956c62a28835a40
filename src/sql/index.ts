/** Compiling Credo's models, rules and analyses to SQL dialects. */

export * from './analyses/index.js';
export { compileModelSql, type ModelSql, type ModelSqlOptions } from './compile-model-sql.js';
export { compileStrategyQuery, type StrategyQueryOptions } from './compile-strategy-query.js';
export { DBT_SOURCE_TOKEN, type DbtColumn, type DbtModel, dbtModel } from './dbt-model.js';
export { bigquery, type DialectName, dialectNames, dialects, duckdb, postgres, quoteTableName, type SqlDialect, snowflake, spark, trino } from './dialects.js';
export { float32Threshold, shortestDouble } from './numbers.js';
export { compileRuleSql, compileStrategySql, type ModelOutputSql, type RuleSqlOptions, type StrategySql } from './rules.js';
export { DEFAULT_TREE_REASON_CHARS, LARGE_REASON_SQL_CHARS } from './tree-shap-sql.js';
