/**
 * SQL dialects Credo compiles to. Each knows how to quote names and literals and the few
 * constructs that differ (division must be floating point and NULL on a zero divisor).
 */
export interface SqlDialect {
  readonly name: 'duckdb' | 'postgres';
  /** A quoted identifier (double quotes doubled). */
  quoteIdentifier(name: string): string;
  /** A string literal (single quotes doubled). */
  quoteString(text: string): string;
  /** A finite number literal (shortest round-trip form). */
  formatNumber(value: number): string;
  /** Floating-point division, NULL when the divisor is 0. */
  divide(numerator: string, denominator: string): string;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a SQL number`);
  const text = String(value);
  return value < 0 ? `(${text})` : text;
}

/** DuckDB: `/` on integers is already floating point. */
export const duckdb: SqlDialect = {
  name: 'duckdb',
  quoteIdentifier,
  quoteString,
  formatNumber,
  divide: (a, b) => `(${a} / NULLIF(${b}, 0))`,
};

/** PostgreSQL (and PGlite): integer division truncates, so cast the numerator to double precision. */
export const postgres: SqlDialect = {
  name: 'postgres',
  quoteIdentifier,
  quoteString,
  formatNumber,
  divide: (a, b) => `(CAST(${a} AS DOUBLE PRECISION) / NULLIF(${b}, 0))`,
};

/** Dialects by name. */
export const dialects: Readonly<Record<SqlDialect['name'], SqlDialect>> = { duckdb, postgres };
