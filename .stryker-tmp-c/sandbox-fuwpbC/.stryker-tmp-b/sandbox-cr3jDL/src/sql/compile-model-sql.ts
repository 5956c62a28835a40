// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import type { ReasonCatalogue } from '../explain/index.js';
import type { CredoModel } from '../ml/model.js';
import { type DialectName, duckdb, quoteTableName, type SqlDialect } from './dialects.js';
import { forestClampSql, logitSql, pdSql, scoreSql, termsRawSql, treeMarginSql } from './model-outputs.js';
import { featureAlias, type ModelPieces, modelPieces } from './model-terms.js';
import { additiveReasonParts } from './reason-codes-sql.js';
import { sumBalanced } from './sum-balanced.js';

/** Options of `compileModelSql`. */
export interface ModelSqlOptions {
  /** Target dialect (default DuckDB). */
  readonly dialect?: SqlDialect;
  /** Input table, possibly qualified (`db.schema.table`; default `applications`). */
  readonly table?: string;
  /** Raw SQL for the FROM clause instead of `table` (e.g. dbt's `{{ ref('x') }}`); never user data. */
  readonly fromSql?: string;
  /** Input columns copied to the output, first (default none). */
  readonly keys?: readonly string[];
  /** Name prefix of the views written when the statement is over the dialect's size budget (default `credo_score`). */
  readonly viewPrefix?: string;
  /** Overrides the dialect's statement size budget (characters). */
  readonly maxStatementChars?: number;
  /** Most trees per stage (default 500: PostgreSQL allows 1,664 target entries per SELECT). */
  readonly treesPerStage?: number;
  /**
   * Principal reason codes as `credo score --reasons N` gives them (columns `reason_1..N+1`,
   * `reason_text_1..N+1`): additive models only (logistic, SVM, scorecard); a tree model is refused.
   */
  readonly reasons?: { readonly count: number; readonly catalogue: ReasonCatalogue };
}

/** The SQL of a model: statements to run in order, the last one a SELECT of keys, `pd` and `score`. */
export interface ModelSql {
  readonly dialect: DialectName;
  /** Statements without trailing semicolons; all but the last are `CREATE OR REPLACE VIEW`. */
  readonly statements: readonly string[];
  /** `single` = one SELECT with CTEs; `views` = over the size budget, stages written as views. */
  readonly layout: 'single' | 'views';
  /** Number of tree stages (partial sums of at most `treesPerStage` trees each). */
  readonly stages: number;
  /** Output columns, in order. */
  readonly columns: readonly string[];
  /** The whole script: a comment header and every statement ending in `;`. */
  readonly text: string;
}

interface Part {
  readonly name: string;
  readonly body: (ref: (name: string) => string) => string;
}

/**
 * Compiles a model to SQL computing `pd` and `score` per row of the input table, with the
 * in-process semantics (`predictPd`, `predictScore`). Shape: an input CTE that aliases the keys
 * (`k0…`) and casts features to double (NaN → NULL) or text (`f0…`); for tree models, stages of
 * at most `treesPerStage` trees, each tree its own column (`t0…`) in one SELECT and the columns
 * summed in balanced batches of ≤ 50 into a running partial sum `s`; then raw log-odds → pd →
 * score (clamped, rounded half up as `Math.round`). When the single statement is longer than the
 * dialect's budget (BigQuery/Snowflake 1 MB, Trino 1,000,000 characters) each stage becomes a
 * view (`<viewPrefix>_…`) of at most the budget, and `layout` says so.
 */
export function compileModelSql(model: CredoModel, options: ModelSqlOptions = {}): ModelSql {
  const d = options.dialect ?? duckdb;
  const pieces = modelPieces(model, d);
  const keys = options.keys ?? [];
  const budget = options.maxStatementChars ?? d.maxStatementChars;
  const from = options.fromSql ?? quoteTableName(d, options.table ?? 'applications');
  const prefix = options.viewPrefix ?? 'credo_score';
  const limit = Math.max(1, Math.min(options.treesPerStage ?? 500, 1600 - pieces.features.length - keys.length));
  const reasonCount = options.reasons?.count;
  const columns = [
    ...keys,
    'pd',
    'score',
    ...(reasonCount === undefined
      ? []
      : [
          ...Array.from({ length: reasonCount + 1 }, (_, k) => `reason_${k + 1}`),
          ...Array.from({ length: reasonCount + 1 }, (_, k) => `reason_text_${k + 1}`),
        ]),
  ];
  if (options.reasons !== undefined && pieces.kind !== 'terms') {
    throw new CredoError('E_INPUT_ARGUMENT_INVALID', {
      argument: 'reasons',
      problem: `reason codes of a ${model.kind} model are not compiled to SQL: only additive models (logistic, SVM, scorecard) are exact in SQL; use credo score --reasons (see docs/scale.md)`,
    });
  }
  const build = (packing: number | undefined) => {
    const parts = modelParts(model, pieces, d, keys, from, limit, packing, options.reasons);
    return { parts, stages: parts.filter((p) => p.name.startsWith('stage_')).length };
  };
  const single = build(undefined);
  const withText = render(single.parts, 'single', prefix, d);
  if (budget === undefined || withText.statements[0]!.length <= budget) {
    return {
      dialect: d.name,
      statements: withText.statements,
      layout: 'single',
      stages: single.stages,
      columns,
      text: header(model, d, 'single', single.stages, options.reasons !== undefined) + script(withText.statements),
    };
  }
  // Over the budget: pack trees into stages of at most 90% of the budget each, one view per part.
  const staged = build(Math.floor(budget * 0.9));
  const views = render(staged.parts, 'views', prefix, d);
  for (const s of views.statements) {
    if (s.length > budget) {
      throw new CredoError('E_INPUT_ARGUMENT_INVALID', {
        argument: 'model',
        problem: `one part of the compiled model is ${s.length} characters, over the ${d.name} budget of ${budget}`,
      });
    }
  }
  return {
    dialect: d.name,
    statements: views.statements,
    layout: 'views',
    stages: staged.stages,
    columns,
    text: header(model, d, 'views', staged.stages, options.reasons !== undefined) + script(views.statements),
  };
}

function script(statements: readonly string[]): string {
  return `${statements.map((s) => `${s};`).join('\n\n')}\n`;
}

function header(model: CredoModel, d: SqlDialect, layout: 'single' | 'views', stages: number, reasons: boolean): string {
  const lines = [`-- Credo ${model.kind} model compiled to ${d.name} SQL: one row per input row with pd and score${reasons ? ' and reason codes' : ''}.`];
  if (d.name === 'postgres')
    lines.unshift('-- Advice: run with SET LOCAL jit = off; (inside a transaction): PostgreSQL JIT makes many-tree scoring about 10x slower.');
  if (layout === 'views') lines.push(`-- Over the ${d.name} statement size budget: written as ${stages} tree stage(s) in views, then one SELECT.`);
  return `${lines.join('\n')}\n`;
}

function render(parts: readonly Part[], layout: 'single' | 'views', prefix: string, d: SqlDialect): { statements: string[] } {
  const last = parts[parts.length - 1] as Part;
  const body = parts.slice(0, -1);
  if (layout === 'single') {
    const ref = (name: string) => `credo_${name}`;
    const ctes = body.map((p) => `${ref(p.name)} ${d.stageCte} (\n${p.body(ref)}\n)`);
    return { statements: [`WITH ${ctes.join(',\n')}\n${last.body(ref)}`] };
  }
  const ref = (name: string) => quoteTableName(d, `${prefix}_${name}`);
  return { statements: [...body.map((p) => `CREATE OR REPLACE VIEW ${ref(p.name)} AS\n${p.body(ref)}`), last.body(ref)] };
}

function modelParts(
  model: CredoModel,
  pieces: ModelPieces,
  d: SqlDialect,
  keys: readonly string[],
  from: string,
  limit: number,
  packing: number | undefined,
  reasons: ModelSqlOptions['reasons'],
): Part[] {
  const keyAliases = keys.map((_, i) => `k${i}`);
  const inputCols = [
    ...keys.map((k, i) => `  ${d.quoteIdentifier(k)} AS ${keyAliases[i]}`),
    ...pieces.features.map(
      (f, j) => `  ${f.type === 'number' ? d.toDouble(d.quoteIdentifier(f.name)) : d.toText(d.quoteIdentifier(f.name))} AS ${featureAlias(j)}`,
    ),
  ];
  const parts: Part[] = [{ name: 'input', body: () => `SELECT\n${inputCols.join(',\n')}\nFROM ${from}` }];
  const featureCols = pieces.features.map((_, j) => featureAlias(j));
  const carry = [...keyAliases, ...featureCols];
  const select = (cols: readonly string[]) => (cols.length === 0 ? '' : `${cols.join(', ')}, `);
  let rawExpr: string;
  let source = 'input';
  // Columns carried from the model steps to the output (the reason codes and texts), internal → output name.
  let extra: readonly { readonly internal: string; readonly output: string }[] = [];
  if (pieces.kind === 'terms' && reasons !== undefined) {
    const r = additiveReasonParts(pieces, d, keyAliases, reasons.catalogue, reasons.count);
    parts.push(...r.parts);
    source = r.source;
    rawExpr = termsRawSql({ ...pieces, terms: r.termColumns }, d);
    extra = r.columns;
  } else if (pieces.kind === 'terms') {
    rawExpr = termsRawSql(pieces, d);
  } else {
    const stages = packStages(pieces.trees, limit, packing);
    stages.forEach((trees, k) => {
      const prev = source;
      const hasSum = k > 0;
      const treeCols = trees.map((t, i) => `  ${t} AS t${i}`);
      parts.push({ name: `stage_${k + 1}`, body: (ref) => `SELECT ${select(hasSum ? [...carry, 's'] : carry)}\n${treeCols.join(',\n')}\nFROM ${ref(prev)}` });
      const total = sumBalanced(trees.map((_, i) => `t${i}`));
      const keep = k === stages.length - 1 ? keyAliases : carry;
      parts.push({ name: `sum_${k + 1}`, body: (ref) => `SELECT ${select(keep)}${hasSum ? `s + ${total}` : total} AS s\nFROM ${ref(`stage_${k + 1}`)}` });
      source = `sum_${k + 1}`;
    });
    if (stages.length === 0) {
      parts.push({ name: 'sum_0', body: (ref) => `SELECT ${select(keyAliases)}${d.formatDouble(0)} AS s\nFROM ${ref('input')}` });
      source = 'sum_0';
    }
    const margin = treeMarginSql(pieces, d, 's');
    if (pieces.probability) {
      const summed = source;
      parts.push({ name: 'clamped', body: (ref) => `SELECT ${select(keyAliases)}${forestClampSql(d, margin)} AS p\nFROM ${ref(summed)}` });
      source = 'clamped';
      rawExpr = logitSql(d, 'p');
    } else {
      rawExpr = margin;
    }
  }
  const rawSource = source;
  const kept = [...keyAliases, ...extra.map((c) => c.internal)];
  parts.push({ name: 'raw', body: (ref) => `SELECT ${select(kept)}${rawExpr} AS raw\nFROM ${ref(rawSource)}` });
  parts.push({ name: 'pd', body: (ref) => `SELECT ${select(kept)}${pdSql(d, 'raw')} AS pd\nFROM ${ref('raw')}` });
  const score = scoreSql(d, model, 'pd');
  const out = [
    ...keys.map((k, i) => `${keyAliases[i]} AS ${d.quoteIdentifier(k)}`),
    `pd AS ${d.quoteIdentifier('pd')}`,
    `${score} AS ${d.quoteIdentifier('score')}`,
    ...extra.map((c) => `${c.internal} AS ${d.quoteIdentifier(c.output)}`),
  ];
  parts.push({ name: 'final', body: (ref) => `SELECT\n  ${out.join(',\n  ')}\nFROM ${ref('pd')}` });
  return parts;
}

/** Consecutive groups of trees: at most `limit` trees and (when packing) at most `packing` characters of tree text each. */
function packStages(trees: readonly string[], limit: number, packing: number | undefined): string[][] {
  const stages: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const t of trees) {
    const cost = t.length + 16;
    if (current.length > 0 && (current.length >= limit || (packing !== undefined && size + cost > packing))) {
      stages.push(current);
      current = [];
      size = 0;
    }
    current.push(t);
    size += cost;
  }
  if (current.length > 0) stages.push(current);
  return stages;
}
