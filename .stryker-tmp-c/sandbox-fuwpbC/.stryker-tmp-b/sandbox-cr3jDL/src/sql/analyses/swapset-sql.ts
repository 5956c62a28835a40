// @ts-nocheck
// 
import type { ActiveRule } from '../../strategy/index.js';
import { type StrategyQueryOptions, strategyRows } from '../compile-strategy-query.js';
import { duckdb, quoteTableName } from '../dialects.js';
import { constantRows, withCtes } from './performance-sql.js';
import { segmentSql } from './strategy-source.js';

/** Options of `compileSwapsetSql`. */
export interface SwapsetSqlOptions extends StrategyQueryOptions {
  /** 0/1 outcome column (NULL = no outcome). */
  readonly target: string;
  /** Amount column for amount-weighted rates (a NULL amount counts as 0, as in-process). */
  readonly amount?: string;
  /** True outcome of every row (synthetic data): `true_bad_rate`. */
  readonly trueTarget?: string;
  /** Categorical segment column: a table per value as well as `ALL`. */
  readonly by?: string;
  /** Count a `refer` decision as approve (default: as decline). */
  readonly referApproves?: boolean;
}

/**
 * The swap set of `computeSwapset` (REFERENCE §7) as one query, without reject inference (rows
 * without an outcome are left out of the rates, as the CLI without `--infer`): per segment
 * (`ALL`, then each value of `by`) the rows all_in, swap_out, swap_in, all_out, old_approved
 * (A + B) and new_approved (A + C) with `count`, `share`, `amount`, `observed`, `bads`,
 * `bad_rate`, `bad_rate_amount`, `true_bad_rate` (with `trueTarget`) and `approval_rate` (the
 * approved rows). Decisions of both strategies are compiled in the same query.
 */
export function compileSwapsetSql(oldRules: readonly ActiveRule[], newRules: readonly ActiveRule[], options: SwapsetSqlOptions): string {
  const d = options.dialect ?? duckdb;
  const from = options.fromSql ?? quoteTableName(d, options.table ?? 'applications');
  const oldRows = strategyRows(oldRules, from, options, 'old');
  const newRows = strategyRows(newRules, oldRows.source, options, 'new');
  const approves = (decision: string) =>
    `CASE WHEN ${decision} = ${d.quoteString('approve')}${options.referApproves === true ? ` OR ${decision} = ${d.quoteString('refer')}` : ''} THEN 1 ELSE 0 END`;
  const num = (name: string) => `CAST(${d.quoteIdentifier(name)} AS ${d.doubleType})`;
  const t = num(options.target);
  const a = options.amount === undefined ? d.formatDouble(0) : `COALESCE(${num(options.amount)}, ${d.formatDouble(0)})`;
  const truth = options.trueTarget === undefined ? 'NULL' : num(options.trueTarget);
  const rows = [
    `${segmentSql(d, options.by)} AS seg`,
    `${approves(oldRows.sql.decision)} AS old_ok`,
    `${approves(newRows.sql.decision)} AS new_ok`,
    `${t} AS bad`,
    `${a} AS amount`,
    `${truth} AS truth`,
  ];
  const sums =
    'COUNT(*) AS n, SUM(amount) AS amount, COUNT(bad) AS observed, SUM(bad) AS bads, SUM(bad * amount) AS bad_amount,\n' +
    '  SUM(CASE WHEN bad IS NOT NULL THEN amount END) AS known_amount, SUM(truth) AS true_bads, COUNT(truth) AS true_known';
  const cell = 'CASE WHEN old_ok = 1 THEN (CASE WHEN new_ok = 1 THEN 0 ELSE 1 END) ELSE (CASE WHEN new_ok = 1 THEN 2 ELSE 3 END) END';
  const cells =
    `SELECT seg, ${cell} AS cell, ${sums}\nFROM credo_rows\nGROUP BY seg, ${cell}` +
    (options.by === undefined ? '' : `\nUNION ALL\nSELECT ${d.quoteString('ALL')} AS seg, ${cell} AS cell, ${sums}\nFROM credo_rows\nGROUP BY ${cell}`);
  const map = constantRows(
    [
      ['all_in', 0, 0],
      ['swap_out', 1, 1],
      ['swap_in', 2, 2],
      ['all_out', 3, 3],
      ['old_approved', 4, 0],
      ['old_approved', 4, 1],
      ['new_approved', 5, 0],
      ['new_approved', 5, 2],
    ].map(([name, order, c]) => [d.quoteString(name as string), String(order), String(c)]),
    ['name', 'position', 'cell'],
  );
  const measures = ['n', 'amount', 'observed', 'bads', 'bad_amount', 'known_amount', 'true_bads', 'true_known'];
  const q = (name: string) => d.quoteIdentifier(name);
  const zero = d.formatDouble(0);
  const final = [
    `seg AS ${q('segment')}`,
    `name AS ${q('cell')}`,
    `n AS ${q('count')}`,
    `CASE WHEN total_n > 0 THEN ${d.divide('n', 'total_n')} ELSE ${zero} END AS ${q('share')}`,
    `${options.amount === undefined ? 'NULL' : 'amount'} AS ${q('amount')}`,
    `observed AS ${q('observed')}`,
    `bads AS ${q('bads')}`,
    `${d.divide('bads', 'observed')} AS ${q('bad_rate')}`,
    `CASE WHEN known_amount > 0 THEN ${d.divide('bad_amount', 'known_amount')} END AS ${q('bad_rate_amount')}`,
    `${options.trueTarget === undefined ? 'NULL' : d.divide('true_bads', 'true_known')} AS ${q('true_bad_rate')}`,
    `CASE WHEN position >= 4 AND total_n > 0 THEN ${d.divide('n', 'total_n')} END AS ${q('approval_rate')}`,
  ];
  return withCtes(
    [
      ...oldRows.ctes,
      ...newRows.ctes,
      ['credo_rows', `SELECT ${rows.join(',\n  ')}\nFROM ${newRows.source}`],
      ['credo_cells', cells],
      ['credo_map', map],
      ['credo_segments', 'SELECT DISTINCT seg FROM credo_cells'],
      [
        'credo_table',
        `SELECT g.seg, m.name, m.position, ${measures.map((x) => `COALESCE(SUM(c.${x}), 0) AS ${x}`).join(', ')}\n` +
          'FROM credo_segments g CROSS JOIN credo_map m\nLEFT JOIN credo_cells c ON c.seg = g.seg AND c.cell = m.cell\nGROUP BY g.seg, m.name, m.position',
      ],
      ['credo_totals', `SELECT *, SUM(CASE WHEN position < 4 THEN n ELSE 0 END) OVER (PARTITION BY seg) AS total_n\nFROM credo_table`],
    ],
    `SELECT ${final.join(',\n  ')}\nFROM credo_totals\nORDER BY ${q('segment')}, position`,
  );
}
