// @ts-nocheck
import type { SqlDialect } from '../dialects.js';

/** Column names of a loan × month-on-book performance table (defaults: the synthetic world's, as `readPerformanceTable`). */
export interface PerformanceSqlColumns {
  readonly loanId?: string;
  readonly vintage?: string;
  readonly mob?: string;
  readonly balance?: string;
  readonly dpd?: string;
  /** 0/1 charged-off flag column; absent = never charged off. */
  readonly chargedOff?: string | null;
  /** Minor-unit exponent of the balance (default 2): balances are summed as integer minor units. */
  readonly currencyExponent?: number;
}

/**
 * The SELECT body that reads a performance table into Credo's conventions: loan and vintage as
 * text, mob and dpd as doubles, balance rounded half up to integer minor units (as
 * `readPerformanceTable`), charged-off 0/1.
 */
export function performanceRowsSql(d: SqlDialect, from: string, c: PerformanceSqlColumns): string {
  const q = (name: string) => d.quoteIdentifier(name);
  const scale = d.formatDouble(10 ** (c.currencyExponent ?? 2));
  const charged = c.chargedOff === null ? d.formatDouble(0) : `COALESCE(CAST(${q(c.chargedOff ?? 'charged_off')} AS ${d.doubleType}), ${d.formatDouble(0)})`;
  return [
    'SELECT',
    `  ${d.toText(q(c.loanId ?? 'loan_id'))} AS loan,`,
    `  ${d.toText(q(c.vintage ?? 'vintage'))} AS vintage,`,
    `  CAST(${q(c.mob ?? 'mob')} AS ${d.doubleType}) AS mob,`,
    `  FLOOR(CAST(${q(c.balance ?? 'balance')} AS ${d.doubleType}) * ${scale} + ${d.formatDouble(0.5)}) AS balance,`,
    `  CAST(${q(c.dpd ?? 'dpd')} AS ${d.doubleType}) AS dpd,`,
    `  ${charged} AS charged_off`,
    `FROM ${from}`,
  ].join('\n');
}

/** `WITH a AS (…), b AS (…) <final>`. */
export function withCtes(ctes: readonly (readonly [string, string])[], final: string): string {
  return `WITH ${ctes.map(([name, body]) => `${name} AS (\n${body}\n)`).join(',\n')}\n${final}`;
}

/** A constant table as `SELECT … UNION ALL SELECT …` (portable: BigQuery has no VALUES table). */
export function constantRows(rows: readonly (readonly string[])[], names: readonly string[]): string {
  return rows.map((r) => `SELECT ${r.map((v, j) => `${v} AS ${names[j]}`).join(', ')}`).join('\nUNION ALL\n');
}

/** A window frame every dialect accepts: from the partition's first row to the current one. */
export const RUNNING = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';
