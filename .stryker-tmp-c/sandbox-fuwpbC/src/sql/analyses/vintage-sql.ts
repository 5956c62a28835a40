// @ts-nocheck
import type { SqlDialect } from '../dialects.js';
import { type PerformanceSqlColumns, performanceRowsSql, RUNNING, withCtes } from './performance-sql.js';

/**
 * Vintage curves (`vintageCurves`, finance/vintage.ts) as one query: per vintage and MOB up to the
 * vintage's observed horizon, `loans`, `balance` (Σ first observed balance, minor units),
 * `cumulative_bads`, `count_rate` (ever-bad loans / loans) and `balance_rate` (Σ balance at the
 * month each loan first went bad / Σ first balance; 0 when that is 0). Bad = dpd ≥ `badDpd` or
 * charged off. MOBs are those present in the table (the in-process columns run 1..max MOB: the
 * same when every MOB occurs, as in any real book).
 */
export function compileVintageSql(d: SqlDialect, from: string, columns: PerformanceSqlColumns = {}, badDpd = 90): string {
  return withCtes(
    [
      ['credo_rows', performanceRowsSql(d, from, columns)],
      [
        'credo_loans',
        'SELECT loan, MIN(vintage) AS vintage, MIN(mob) AS first_mob, MAX(mob) AS last_mob,\n' +
          `  MIN(CASE WHEN dpd >= ${d.formatDouble(badDpd)} OR charged_off = ${d.formatDouble(1)} THEN mob END) AS bad_mob\n` +
          'FROM credo_rows\nGROUP BY loan',
      ],
      [
        'credo_loan_balances',
        'SELECT l.vintage, l.last_mob, l.bad_mob, f.balance AS first_balance, b.balance AS bad_balance\n' +
          'FROM credo_loans l\n' +
          'JOIN credo_rows f ON f.loan = l.loan AND f.mob = l.first_mob\n' +
          'LEFT JOIN credo_rows b ON b.loan = l.loan AND b.mob = l.bad_mob',
      ],
      [
        'credo_vintages',
        'SELECT vintage, COUNT(*) AS loans, SUM(first_balance) AS balance, MAX(last_mob) AS observed_mob\nFROM credo_loan_balances\nGROUP BY vintage',
      ],
      [
        'credo_new_bads',
        'SELECT vintage, bad_mob AS mob, COUNT(*) AS n, SUM(bad_balance) AS b\nFROM credo_loan_balances\nWHERE bad_mob IS NOT NULL\nGROUP BY vintage, bad_mob',
      ],
      ['credo_mobs', 'SELECT DISTINCT mob FROM credo_rows'],
      [
        'credo_grid',
        'SELECT v.vintage, m.mob, v.loans, v.balance, COALESCE(n.n, 0) AS n, COALESCE(n.b, 0) AS b\n' +
          'FROM credo_vintages v CROSS JOIN credo_mobs m\n' +
          'LEFT JOIN credo_new_bads n ON n.vintage = v.vintage AND n.mob = m.mob\n' +
          'WHERE m.mob <= v.observed_mob',
      ],
      [
        'credo_curves',
        'SELECT vintage, mob, loans, balance,\n' +
          `  SUM(n) OVER (PARTITION BY vintage ORDER BY mob ${RUNNING}) AS cumulative_bads,\n` +
          `  SUM(b) OVER (PARTITION BY vintage ORDER BY mob ${RUNNING}) AS cumulative_balance\n` +
          'FROM credo_grid',
      ],
    ],
    [
      'SELECT',
      `  vintage AS ${d.quoteIdentifier('vintage')},`,
      `  mob AS ${d.quoteIdentifier('mob')},`,
      `  loans AS ${d.quoteIdentifier('loans')},`,
      `  balance AS ${d.quoteIdentifier('balance')},`,
      `  cumulative_bads AS ${d.quoteIdentifier('cumulative_bads')},`,
      `  ${d.divide('cumulative_bads', 'loans')} AS ${d.quoteIdentifier('count_rate')},`,
      `  CASE WHEN balance > 0 THEN ${d.divide('cumulative_balance', 'balance')} ELSE ${d.formatDouble(0)} END AS ${d.quoteIdentifier('balance_rate')}`,
      'FROM credo_curves',
      'ORDER BY vintage, mob',
    ].join('\n'),
  );
}
