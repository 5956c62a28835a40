// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { shortestDouble } from './numbers.js';

/** Names of the SQL dialects Credo compiles to. */
export type DialectName = 'duckdb' | 'postgres' | 'spark' | 'trino' | 'bigquery' | 'snowflake';

/**
 * A SQL dialect Credo compiles to: how it quotes names and literals, spells a double, casts, and
 * the few constructs that differ. Every string and identifier Credo writes goes through
 * `quoteString` / `quoteIdentifier`, so no user text can end a literal or a name early.
 */
export interface SqlDialect {
  readonly name: DialectName;
  /** A quoted identifier: `"…"` with `"` doubled (backticks with the dialect's escape for Spark and BigQuery). */
  quoteIdentifier(name: string): string;
  /** A string literal: `'…'` with `'` doubled, or backslash-escaped where the dialect reads backslash escapes. */
  quoteString(text: string): string;
  /** A finite number literal for rule text (shortest round-trip form, the dialect's natural type). */
  formatNumber(value: number): string;
  /** A double-precision literal that parses back to exactly `value` (shortest round-trip digits). */
  formatDouble(value: number): string;
  /** Floating-point division, NULL when the divisor is 0. */
  divide(numerator: string, denominator: string): string;
  /** `expr` cast to a double, NaN turned into NULL. */
  toDouble(expr: string): string;
  /** `expr` cast to the dialect's string type. */
  toText(expr: string): string;
  /** The dialect's name of the 64-bit float type. */
  readonly doubleType: string;
  /** The dialect's name of the variable-length string type. */
  readonly textType: string;
  /**
   * Keyword(s) after a stage CTE's name: PostgreSQL gets `AS MATERIALIZED` on every CTE (its planner inlines
   * CTEs and then spends seconds on a 500-tree expression; materialised stages plan in 0.3 s).
   */
  readonly stageCte: string;
  /** Largest statement text the engine accepts (characters), or undefined when it has no practical limit. */
  readonly maxStatementChars: number | undefined;
}

function checkText(text: string, what: string): void {
  if (text.includes('\u0000'))
    throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: what, problem: 'contains a NUL character, which SQL engines cannot store' });
}

function doubledQuotes(quote: string): (text: string) => string {
  return (text) => {
    checkText(text, quote === "'" ? 'string literal' : 'identifier');
    return `${quote}${text.replaceAll(quote, quote + quote)}${quote}`;
  };
}

// Spark, BigQuery and Snowflake read C-style backslash escapes inside quotes: escape the backslash
// first, then the quote and line breaks, so the literal holds exactly the given text.
function backslashQuoted(quote: string): (text: string) => string {
  return (text) => {
    checkText(text, quote === "'" ? 'string literal' : 'identifier');
    const body = text.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`).replaceAll('\n', '\\n').replaceAll('\r', '\\r');
    return `${quote}${body}${quote}`;
  };
}

function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a SQL number`);
  const text = String(value);
  return value < 0 ? `(${text})` : text;
}

function exponentDouble(value: number): string {
  const text = shortestDouble(value);
  const literal = /[eE]/.test(text) ? text : `${text}e0`;
  return literal.startsWith('-') ? `(${literal})` : literal;
}

function castDouble(suffix: string): (value: number) => string {
  return (value) => {
    const text = shortestDouble(value);
    return text.startsWith('-') ? `(${text}${suffix})` : `${text}${suffix}`;
  };
}

interface Spec {
  readonly name: DialectName;
  readonly identifier: (name: string) => string;
  readonly string: (text: string) => string;
  readonly double: (value: number) => string;
  readonly doubleType: string;
  readonly textType: string;
  readonly nanToNull: (expr: string) => string;
  /** Whether `/` on integers already gives a floating-point result. */
  readonly floatDivision: boolean;
  readonly maxStatementChars?: number;
  readonly stageCte?: string;
}

function dialect(spec: Spec): SqlDialect {
  return {
    name: spec.name,
    quoteIdentifier: spec.identifier,
    quoteString: spec.string,
    formatNumber: plainNumber,
    formatDouble: spec.double,
    divide: (a, b) => (spec.floatDivision ? `(${a} / NULLIF(${b}, 0))` : `(CAST(${a} AS ${spec.doubleType}) / NULLIF(${b}, 0))`),
    toDouble: (expr) => spec.nanToNull(`CAST(${expr} AS ${spec.doubleType})`),
    toText: (expr) => `CAST(${expr} AS ${spec.textType})`,
    doubleType: spec.doubleType,
    textType: spec.textType,
    maxStatementChars: spec.maxStatementChars,
    stageCte: spec.stageCte ?? 'AS',
  };
}

const caseIsNan = (fn: string) => (expr: string) => `(CASE WHEN ${fn}(${expr}) THEN NULL ELSE ${expr} END)`;

/** DuckDB: `/` on integers is already floating point; `1.5e0` is a DOUBLE literal. */
export const duckdb: SqlDialect = dialect({
  name: 'duckdb',
  identifier: doubledQuotes('"'),
  string: doubledQuotes("'"),
  double: exponentDouble,
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  nanToNull: caseIsNan('isnan'),
  floatDivision: true,
});

/** PostgreSQL (and PGlite): integer division truncates, so the numerator is cast; doubles as `1.5::float8`. */
export const postgres: SqlDialect = dialect({
  name: 'postgres',
  identifier: doubledQuotes('"'),
  string: doubledQuotes("'"),
  double: castDouble('::float8'),
  doubleType: 'DOUBLE PRECISION',
  textType: 'TEXT',
  // PostgreSQL compares NaN equal to NaN, so NULLIF catches it.
  nanToNull: (expr) => `NULLIF(${expr}, 'NaN'::float8)`,
  floatDivision: false,
  stageCte: 'AS MATERIALIZED',
});

/** Apache Spark SQL (Databricks): backtick identifiers, backslash escapes in strings, `1.5e0` doubles. */
export const spark: SqlDialect = dialect({
  name: 'spark',
  identifier: doubledQuotes('`'),
  string: backslashQuoted("'"),
  double: exponentDouble,
  doubleType: 'DOUBLE',
  textType: 'STRING',
  nanToNull: caseIsNan('isnan'),
  floatDivision: true,
});

/** Trino (and Presto): integer division truncates; statements are capped at 1,000,000 characters (query.max-length). */
export const trino: SqlDialect = dialect({
  name: 'trino',
  identifier: doubledQuotes('"'),
  string: doubledQuotes("'"),
  double: exponentDouble,
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  nanToNull: caseIsNan('is_nan'),
  floatDivision: false,
  maxStatementChars: 1_000_000,
});

/** Google BigQuery (GoogleSQL): backtick identifiers, backslash escapes; a query is at most 1 MB. */
export const bigquery: SqlDialect = dialect({
  name: 'bigquery',
  identifier: backslashQuoted('`'),
  string: backslashQuoted("'"),
  double: exponentDouble,
  doubleType: 'FLOAT64',
  textType: 'STRING',
  nanToNull: caseIsNan('IS_NAN'),
  floatDivision: true,
  maxStatementChars: 1_000_000,
});

/** Snowflake: backslash escapes in strings, doubles as `1.5::FLOAT`; a statement is at most 1 MB. */
export const snowflake: SqlDialect = dialect({
  name: 'snowflake',
  identifier: doubledQuotes('"'),
  string: backslashQuoted("'"),
  double: castDouble('::FLOAT'),
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  // Snowflake compares NaN equal to NaN, like PostgreSQL.
  nanToNull: (expr) => `NULLIF(${expr}, 'NaN'::FLOAT)`,
  floatDivision: false,
  maxStatementChars: 1_000_000,
});

/** Dialects by name. */
export const dialects: Readonly<Record<DialectName, SqlDialect>> = { duckdb, postgres, spark, trino, bigquery, snowflake };

/** Every dialect name, in the order the CLI lists them. */
export const dialectNames: readonly DialectName[] = ['duckdb', 'postgres', 'spark', 'trino', 'bigquery', 'snowflake'];

/** A possibly qualified table name (`db.schema.table`, split on dots) quoted part by part. */
export function quoteTableName(dialect: SqlDialect, table: string): string {
  const parts = table.split('.');
  if (parts.some((p) => p.length === 0)) throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: 'table', problem: `"${table}" has an empty name part` });
  return parts.map((p) => dialect.quoteIdentifier(p)).join('.');
}
