// @ts-nocheck
import { CredoError } from '../errors/index.js';
import type { FrameSchema } from '../frame/index.js';
import type { ActiveRule } from '../strategy/index.js';
import { checkRule, type Expr, type RuleExpression, ruleError, type TypeMap, withRuleSource } from '../strategy/index.js';
import { duckdb, type SqlDialect } from './dialects.js';

/** SQL expressions that give a model's outputs per row, keyed by the model reference used in rules. */
export type ModelOutputSql = Readonly<Record<string, { readonly pd?: string; readonly score?: string }>>;

/** Options of `compileRuleSql`. */
export interface RuleSqlOptions {
  /** Target dialect (default DuckDB). */
  readonly dialect?: SqlDialect;
  /** Column names and types: when given, the rule is type-checked exactly as for the kernel. */
  readonly schema?: FrameSchema;
  /** SQL for `score(m)` / `pd(m)` calls. */
  readonly models?: ModelOutputSql;
  /** Names the rule in error messages. */
  readonly source?: string;
}

/**
 * Compiles a parsed rule into a SQL boolean expression with the kernel's missing semantics
 * (`compileRule`): every comparison, `in` and `between` is wrapped in `COALESCE(…, FALSE)`, so
 * a NULL operand gives FALSE rather than NULL and `NOT`/`AND`/`OR` act on two values, exactly
 * like the kernel. Division is NULL on a zero divisor. Missing values must be NULL in the table
 * (a floating-point NaN compares as a number in SQL engines).
 */
export function compileRuleSql(rule: RuleExpression, options: RuleSqlOptions = {}): string {
  const types: TypeMap | undefined = options.schema === undefined ? undefined : checkRule(rule, options.schema, options.source);
  const ctx: Ctx = { rule, dialect: options.dialect ?? duckdb, models: options.models ?? {}, types, source: options.source };
  return condition(rule.root, ctx);
}

interface Ctx {
  readonly rule: RuleExpression;
  readonly dialect: SqlDialect;
  readonly models: ModelOutputSql;
  readonly types: TypeMap | undefined;
  readonly source: string | undefined;
}

const SQL_OPS: Record<string, string> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '!=': '<>' };

function condition(expr: Expr, ctx: Ctx): string {
  switch (expr.kind) {
    case 'boolean':
      return expr.value ? 'TRUE' : 'FALSE';
    case 'and':
      return `(${condition(expr.left, ctx)} AND ${condition(expr.right, ctx)})`;
    case 'or':
      return `(${condition(expr.left, ctx)} OR ${condition(expr.right, ctx)})`;
    case 'not':
      return `(NOT ${condition(expr.operand, ctx)})`;
    case 'missing':
      return `(${value(expr.operand, ctx)} IS ${expr.negated ? 'NOT ' : ''}NULL)`;
    case 'compare':
      return `COALESCE(${value(expr.left, ctx)} ${SQL_OPS[expr.op]} ${value(expr.right, ctx)}, FALSE)`;
    case 'in': {
      const list = expr.values.map((v) => value(v, ctx)).join(', ');
      return `COALESCE(${value(expr.operand, ctx)} ${expr.negated ? 'NOT IN' : 'IN'} (${list}), FALSE)`;
    }
    case 'between': {
      const x = value(expr.operand, ctx);
      const lo = value(expr.low, ctx);
      const hi = value(expr.high, ctx);
      if (!expr.negated) return `COALESCE(${x} BETWEEN ${lo} AND ${hi}, FALSE)`;
      // x NOT BETWEEN NULL AND 5 is TRUE for x > 5 in SQL; the kernel says FALSE when a bound is missing.
      if (expr.low.kind === 'number' && expr.high.kind === 'number') return `COALESCE(${x} NOT BETWEEN ${lo} AND ${hi}, FALSE)`;
      return `(CASE WHEN ${x} IS NULL OR ${lo} IS NULL OR ${hi} IS NULL THEN FALSE ELSE ${x} NOT BETWEEN ${lo} AND ${hi} END)`;
    }
    default:
      throw ruleError('E_STRATEGY_RULE_TYPE', ctx.rule.text, expr.span, 'expected a condition, found a value', ctx.source);
  }
}

function value(expr: Expr, ctx: Ctx): string {
  const d = ctx.dialect;
  switch (expr.kind) {
    case 'number':
      return d.formatNumber(expr.value);
    case 'string':
      return d.quoteString(expr.value);
    case 'column':
      return d.quoteIdentifier(expr.name);
    case 'negate':
      return `(-${value(expr.operand, ctx)})`;
    case 'arith': {
      const a = value(expr.left, ctx);
      const b = value(expr.right, ctx);
      return expr.op === '/' ? d.divide(a, b) : `(${a} ${expr.op} ${b})`;
    }
    case 'model': {
      const sql = ctx.models[expr.model]?.[expr.output];
      if (sql === undefined) throw new CredoError('E_STRATEGY_MODEL_MISSING', { model: expr.model, output: expr.output });
      return `(${sql})`;
    }
    default:
      throw ruleError('E_STRATEGY_RULE_TYPE', ctx.rule.text, expr.span, 'expected a value, found a condition', ctx.source);
  }
}

/** SQL for a whole strategy: the id of the first rule that hits (NULL when none) and the decision. */
export interface StrategySql {
  /** `CASE WHEN <rule 1> THEN 'r1' … END`: first rule hit, NULL when none. */
  readonly firstRule: string;
  /** `CASE WHEN <rule 1> THEN 'decline' … ELSE 'approve' END`. */
  readonly decision: string;
  /** Each rule's boolean expression, in order. */
  readonly rules: readonly { readonly id: string; readonly sql: string }[];
}

/** Compiles a strategy's active rules (first hit decides, REFERENCE §7) into SQL CASE expressions. */
export function compileStrategySql(rules: readonly ActiveRule[], options: Omit<RuleSqlOptions, 'source'> = {}): StrategySql {
  const d = options.dialect ?? duckdb;
  const compiled = rules.map((r) => {
    try {
      return { id: r.id, action: r.action, sql: compileRuleSql(r.rule, { ...options, source: `rule "${r.id}"` }) };
    } catch (error) {
      throw withRuleSource(error, `rule "${r.id}"`);
    }
  });
  if (compiled.length === 0) return { firstRule: `CAST(NULL AS ${d.textType})`, decision: d.quoteString('approve'), rules: [] };
  const whens = (pick: (r: (typeof compiled)[number]) => string) => compiled.map((r) => `WHEN ${r.sql} THEN ${pick(r)}`).join(' ');
  return {
    firstRule: `(CASE ${whens((r) => d.quoteString(r.id))} ELSE NULL END)`,
    decision: `(CASE ${whens((r) => d.quoteString(r.action))} ELSE ${d.quoteString('approve')} END)`,
    rules: compiled.map((r) => ({ id: r.id, sql: r.sql })),
  };
}
