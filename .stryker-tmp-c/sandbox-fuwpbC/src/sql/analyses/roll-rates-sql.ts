// @ts-nocheck
import { bucketLabels, DEFAULT_DPD_BOUNDS } from '../../finance/index.js';
import type { SqlDialect } from '../dialects.js';
import { constantRows, type PerformanceSqlColumns, performanceRowsSql, withCtes } from './performance-sql.js';

/**
 * Roll rates (`rollRates`, finance/roll-rates.ts) as one query: every (from, to) bucket pair, in
 * bucket order, with `from_bucket`, `to_bucket`, `transitions`, `balance` (Σ from-month balance,
 * minor units), `count_share` and `balance_share` (row shares, NULL for an empty from-row). A
 * transition pairs a loan's rows at MOB t and t + 1 (LAG over the loan's rows by MOB; gaps
 * skipped); charged-off is its own absorbing bucket.
 */
export function compileRollRatesSql(d: SqlDialect, from: string, columns: PerformanceSqlColumns = {}, bounds: readonly number[] = DEFAULT_DPD_BOUNDS): string {
  const labels = bucketLabels(bounds);
  const chargedOff = labels.length - 1;
  const bucket = (dpd: string, co: string) =>
    `CASE WHEN ${co} = ${d.formatDouble(1)} THEN ${chargedOff} ${bounds.map((b, k) => `WHEN ${dpd} <= ${d.formatDouble(b)} THEN ${k}`).join(' ')} ELSE ${bounds.length} END`;
  const buckets = constantRows(
    labels.map((l, k) => [String(k), d.quoteString(l)]),
    ['b', 'label'],
  );
  return withCtes(
    [
      ['credo_rows', performanceRowsSql(d, from, columns)],
      [
        'credo_lagged',
        'SELECT loan, mob, dpd, charged_off,\n' +
          '  LAG(mob) OVER (PARTITION BY loan ORDER BY mob) AS prev_mob,\n' +
          '  LAG(dpd) OVER (PARTITION BY loan ORDER BY mob) AS prev_dpd,\n' +
          '  LAG(charged_off) OVER (PARTITION BY loan ORDER BY mob) AS prev_charged_off,\n' +
          '  LAG(balance) OVER (PARTITION BY loan ORDER BY mob) AS prev_balance\n' +
          'FROM credo_rows',
      ],
      [
        'credo_moves',
        `SELECT ${bucket('prev_dpd', 'prev_charged_off')} AS from_b, ${bucket('dpd', 'charged_off')} AS to_b, prev_balance AS balance\nFROM credo_lagged\nWHERE prev_mob = mob - ${d.formatDouble(1)}`,
      ],
      ['credo_cells', 'SELECT from_b, to_b, COUNT(*) AS n, SUM(balance) AS balance\nFROM credo_moves\nGROUP BY from_b, to_b'],
      ['credo_buckets', buckets],
      [
        'credo_matrix',
        'SELECT f.b AS from_b, f.label AS from_label, t.b AS to_b, t.label AS to_label,\n' +
          '  COALESCE(c.n, 0) AS n, COALESCE(c.balance, 0) AS balance\n' +
          'FROM credo_buckets f CROSS JOIN credo_buckets t\n' +
          'LEFT JOIN credo_cells c ON c.from_b = f.b AND c.to_b = t.b',
      ],
      [
        'credo_totals',
        'SELECT from_b, from_label, to_b, to_label, n, balance,\n' +
          '  SUM(n) OVER (PARTITION BY from_b) AS row_n, SUM(balance) OVER (PARTITION BY from_b) AS row_balance\n' +
          'FROM credo_matrix',
      ],
    ],
    [
      'SELECT',
      `  from_label AS ${d.quoteIdentifier('from_bucket')},`,
      `  to_label AS ${d.quoteIdentifier('to_bucket')},`,
      `  n AS ${d.quoteIdentifier('transitions')},`,
      `  balance AS ${d.quoteIdentifier('balance')},`,
      `  ${d.divide('n', 'row_n')} AS ${d.quoteIdentifier('count_share')},`,
      `  ${d.divide('balance', 'row_balance')} AS ${d.quoteIdentifier('balance_share')}`,
      'FROM credo_totals',
      'ORDER BY from_b, to_b',
    ].join('\n'),
  );
}
