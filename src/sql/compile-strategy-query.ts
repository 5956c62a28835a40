import type { FrameSchema } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { type ActiveRule, modelReferences } from '../strategy/index.js';
import { duckdb, quoteTableName, type SqlDialect } from './dialects.js';
import { type AddColumnCte, modelColumnSteps } from './model-columns.js';
import { compileStrategySql, type ModelOutputSql } from './rules.js';

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

/**
 * One SELECT giving, per row of the table, the keys, `rule` (id of the first active rule that
 * hits, NULL when none) and `decision` (its action, `approve` when none hits) — the same as
 * `decide()` in-process (REFERENCE §7, first hit decides). Models the rules call are compiled in
 * CTEs that add their pd and score as columns (`SELECT *, … FROM …`), so every referenced model
 * is computed once per row.
 */
export function compileStrategyQuery(rules: readonly ActiveRule[], options: StrategyQueryOptions = {}): string {
  const d = options.dialect ?? duckdb;
  const from = options.fromSql ?? quoteTableName(d, options.table ?? 'applications');
  const steps: AddColumnCte[] = [];
  const outputs: Record<string, { pd: string; score: string }> = {};
  modelReferences(rules).forEach((ref, i) => {
    const model = options.models?.[ref];
    if (model === undefined) return;
    const compiled = modelColumnSteps(model, d, i);
    steps.push(...compiled.steps);
    outputs[ref] = { pd: compiled.pd, score: compiled.score };
  });
  const models: ModelOutputSql = outputs;
  const sql = compileStrategySql(rules, { dialect: d, models, ...(options.schema === undefined ? {} : { schema: options.schema }) });
  const ctes = steps.map((s, k) => `credo_step_${k + 1} AS (\n  SELECT *, ${s.expression} AS ${s.column}\n  FROM ${k === 0 ? from : `credo_step_${k}`}\n)`);
  const source = steps.length === 0 ? from : `credo_step_${steps.length}`;
  const columns = [
    ...(options.keys ?? []).map((k) => d.quoteIdentifier(k)),
    `${sql.firstRule} AS ${d.quoteIdentifier('rule')}`,
    `${sql.decision} AS ${d.quoteIdentifier('decision')}`,
  ];
  return `${ctes.length === 0 ? '' : `WITH ${ctes.join(',\n')}\n`}SELECT\n  ${columns.join(',\n  ')}\nFROM ${source}`;
}
