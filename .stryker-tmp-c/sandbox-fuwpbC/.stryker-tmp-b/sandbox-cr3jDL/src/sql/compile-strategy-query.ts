// @ts-nocheck
// 
import type { FrameSchema } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { type ActiveRule, modelReferences } from '../strategy/index.js';
import { duckdb, quoteTableName, type SqlDialect } from './dialects.js';
import { type AddColumnCte, modelColumnSteps } from './model-columns.js';
import { compileStrategySql, type ModelOutputSql, type StrategySql } from './rules.js';

/** Options of `compileStrategyQuery`. */
export interface StrategyQueryOptions {
  readonly dialect?: SqlDialect;
  /** Input table, possibly qualified (default `applications`). */
  readonly table?: string;
  /** Raw SQL for the FROM clause instead of `table` (dbt's `{{ ref('x') }}`); never user data. */
  readonly fromSql?: string;
  /** Input columns copied to the output, first. */
  readonly keys?: readonly string[];
  /** The model behind each `pd(m)` / `score(m)` reference of the rules. */
  readonly models?: Readonly<Record<string, CredoModel>>;
  /** Column types of the table: the rules are type-checked as for the kernel. */
  readonly schema?: FrameSchema;
}

/** CTEs adding the pd/score columns of the models a strategy calls, and the strategy's SQL over them. */
export interface StrategyRows {
  /** `[name, body]` pairs, in order (empty when no rule calls a model). */
  readonly ctes: readonly (readonly [string, string])[];
  /** What to select FROM after the CTEs: the input or the last CTE. */
  readonly source: string;
  readonly sql: StrategySql;
}

/**
 * The row-level SQL of a strategy over a FROM clause: models the rules call get CTEs adding their
 * pd and score columns (`SELECT *, … FROM …`; names carry `tag` so two strategies can share a
 * query), then the rules compile against those columns.
 */
export function strategyRows(rules: readonly ActiveRule[], from: string, options: StrategyQueryOptions, tag = ''): StrategyRows {
  const d = options.dialect ?? duckdb;
  const steps: AddColumnCte[] = [];
  const outputs: Record<string, { pd: string; score: string }> = {};
  modelReferences(rules).forEach((ref, i) => {
    const model = options.models?.[ref];
    if (model === undefined) return;
    const compiled = modelColumnSteps(model, d, `${tag}${i}`);
    steps.push(...compiled.steps);
    outputs[ref] = { pd: compiled.pd, score: compiled.score };
  });
  const models: ModelOutputSql = outputs;
  const sql = compileStrategySql(rules, { dialect: d, models, ...(options.schema === undefined ? {} : { schema: options.schema }) });
  const name = (k: number) => `credo_step_${tag}${k}`;
  const ctes = steps.map((s, k) => [name(k + 1), `  SELECT *, ${s.expression} AS ${s.column}\n  FROM ${k === 0 ? from : name(k)}`] as const);
  return { ctes, source: steps.length === 0 ? from : name(steps.length), sql };
}

/**
 * One SELECT giving, per row of the table, the keys, `rule` (id of the first active rule that
 * hits, NULL when none) and `decision` (its action, `approve` when none hits) — the same as
 * `decide()` in-process (REFERENCE §7, first hit decides). Models the rules call are compiled in
 * CTEs that add their pd and score as columns, so every referenced model is computed once per row.
 */
export function compileStrategyQuery(rules: readonly ActiveRule[], options: StrategyQueryOptions = {}): string {
  const d = options.dialect ?? duckdb;
  const from = options.fromSql ?? quoteTableName(d, options.table ?? 'applications');
  const { ctes, source, sql } = strategyRows(rules, from, options);
  const columns = [
    ...(options.keys ?? []).map((k) => d.quoteIdentifier(k)),
    `${sql.firstRule} AS ${d.quoteIdentifier('rule')}`,
    `${sql.decision} AS ${d.quoteIdentifier('decision')}`,
  ];
  const select = `SELECT\n  ${columns.join(',\n  ')}\nFROM ${source}`;
  return ctes.length === 0 ? select : `WITH ${ctes.map(([n, b]) => `${n} AS (\n${b}\n)`).join(',\n')}\n${select}`;
}
