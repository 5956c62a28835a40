// @ts-nocheck
// 
import type { ActiveRule } from '../../strategy/index.js';
import { type StrategyQueryOptions, strategyRows } from '../compile-strategy-query.js';
import { duckdb, quoteTableName } from '../dialects.js';
import { constantRows, RUNNING, withCtes } from './performance-sql.js';
import { type ReportRates, rateSql, segmentSql } from './strategy-source.js';

/** Options of `compileLiftSql`. */
export interface LiftSqlOptions extends StrategyQueryOptions, ReportRates {
  /** Categorical segment column: a table per value as well as `ALL`. */
  readonly by?: string;
}

/**
 * The sequential (waterfall) lift table of `computeLift` (REFERENCE §7) as one query: per
 * segment (`ALL`, then each value of `by`) a baseline row (position 0) and one row per rule in
 * order, with `touched`, `touched_share`, `touched_amount`, `cumulative_touched`, per rate
 * `hit_rate_<name>`, `remaining_rate_<name>` and `lift_<name>`, then `lift` and `capture` of the
 * primary rate (the first). Each row is assigned to the first rule that hits it; the remaining
 * population after rule r is every row whose first hit is later (or none). The standalone and
 * marginal tables of the CLI are not compiled.
 */
export function compileLiftSql(rules: readonly ActiveRule[], options: LiftSqlOptions): string {
  const d = options.dialect ?? duckdb;
  const from = options.fromSql ?? quoteTableName(d, options.table ?? 'applications');
  const rows = strategyRows(rules, from, options);
  const rates = rateSql(d, options);
  const k = rules.length;
  const slot = k === 0 ? '1' : `CASE ${rows.sql.rules.map((r, i) => `WHEN ${r.sql} THEN ${i + 1}`).join(' ')} ELSE ${k + 1} END`;
  const amount = options.amount === undefined ? 'NULL' : `CAST(${d.quoteIdentifier(options.amount)} AS ${d.doubleType})`;
  const measures = ['n', 'amount', ...rates.flatMap((_, j) => [`num${j}`, `den${j}`])];
  const rowCols = [
    `${segmentSql(d, options.by)} AS seg`,
    `${slot} AS slot`,
    `${amount} AS amount`,
    ...rates.flatMap((r, j) => [`${r.numerator} AS num${j}`, `${r.denominator} AS den${j}`]),
  ];
  const sums = ['COUNT(*) AS n', 'SUM(amount) AS amount', ...rates.flatMap((_, j) => [`SUM(num${j}) AS num${j}`, `SUM(den${j}) AS den${j}`])];
  const cells =
    `SELECT seg, slot, ${sums.join(', ')}\nFROM credo_rows\nGROUP BY seg, slot` +
    (options.by === undefined ? '' : `\nUNION ALL\nSELECT ${d.quoteString('ALL')} AS seg, slot, ${sums.join(', ')}\nFROM credo_rows\nGROUP BY slot`);
  const slots = constantRows(
    [
      ...rules.map((r, i) => [String(i + 1), d.quoteString(r.id), d.quoteString(r.action)]),
      [String(k + 1), `CAST(NULL AS ${d.textType})`, `CAST(NULL AS ${d.textType})`],
    ],
    ['slot', 'rule', 'action'],
  );
  const z = (m: string) => `COALESCE(c.${m}, 0) AS ${m}`;
  const window = (m: string, frame: string) => `SUM(${m}) OVER (PARTITION BY seg ${frame})`;
  const totals = measures.map((m) => `${window(m, '')} AS total_${m}`);
  const cumulative = measures.map((m) => `${window(m, `ORDER BY slot ${RUNNING}`)} AS cum_${m}`);
  const rest = measures.map((m) => `COALESCE(${window(m, 'ORDER BY slot ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING')}, 0) AS rest_${m}`);
  const rate = (num: string, den: string) => d.divide(num, den);
  const q = (name: string) => d.quoteIdentifier(name);
  const primary = rates.length > 0;
  const ruleRow = [
    'seg',
    'slot AS position',
    'rule',
    'action',
    'n AS touched',
    `CASE WHEN total_n > 0 THEN ${d.divide('n', 'total_n')} ELSE ${d.formatDouble(0)} END AS touched_share`,
    `${options.amount === undefined ? 'NULL' : 'amount'} AS touched_amount`,
    'cum_n AS cumulative_touched',
    ...rates.flatMap((_, j) => [
      `${rate(`num${j}`, `den${j}`)} AS hit${j}`,
      `${rate(`rest_num${j}`, `rest_den${j}`)} AS remaining${j}`,
      `${rate(`total_num${j}`, `total_den${j}`)} AS base${j}`,
    ]),
    `${primary ? `CASE WHEN total_num0 > 0 THEN ${d.divide('cum_num0', 'total_num0')} END` : 'NULL'} AS capture`,
  ];
  const baseRow = [
    'seg',
    '0 AS position',
    `${d.quoteString('baseline')} AS rule`,
    `CAST(NULL AS ${d.textType}) AS action`,
    'total_n AS touched',
    `CASE WHEN total_n > 0 THEN ${d.formatDouble(1)} ELSE ${d.formatDouble(0)} END AS touched_share`,
    `${options.amount === undefined ? 'NULL' : 'total_amount'} AS touched_amount`,
    '0 AS cumulative_touched',
    ...rates.flatMap((_, j) => {
      const base = rate(`total_num${j}`, `total_den${j}`);
      return [`${base} AS hit${j}`, `${base} AS remaining${j}`, `${base} AS base${j}`];
    }),
    'NULL AS capture',
  ];
  const finalCols = [
    `seg AS ${q('segment')}`,
    `position AS ${q('position')}`,
    `rule AS ${q('rule')}`,
    `action AS ${q('action')}`,
    `touched AS ${q('touched')}`,
    `touched_share AS ${q('touched_share')}`,
    `touched_amount AS ${q('touched_amount')}`,
    `cumulative_touched AS ${q('cumulative_touched')}`,
    ...rates.flatMap((r, j) => [
      `hit${j} AS ${q(`hit_rate_${r.name}`)}`,
      `remaining${j} AS ${q(`remaining_rate_${r.name}`)}`,
      `CASE WHEN base${j} <> 0 THEN hit${j} / base${j} END AS ${q(`lift_${r.name}`)}`,
    ]),
    `${primary ? 'CASE WHEN base0 <> 0 THEN hit0 / base0 END' : 'CAST(NULL AS DOUBLE)'} AS ${q('lift')}`.replace(
      'CAST(NULL AS DOUBLE)',
      `CAST(NULL AS ${d.doubleType})`,
    ),
    `capture AS ${q('capture')}`,
  ];
  return withCtes(
    [
      ...rows.ctes,
      ['credo_rows', `SELECT ${rowCols.join(',\n  ')}\nFROM ${rows.source}`],
      ['credo_cells', cells],
      ['credo_slots', slots],
      ['credo_segments', 'SELECT DISTINCT seg FROM credo_cells'],
      [
        'credo_grid',
        `SELECT g.seg, s.slot, s.rule, s.action, ${measures.map(z).join(', ')}\nFROM credo_segments g CROSS JOIN credo_slots s\nLEFT JOIN credo_cells c ON c.seg = g.seg AND c.slot = s.slot`,
      ],
      ['credo_running', `SELECT seg, slot, rule, action, ${measures.join(', ')},\n  ${[...totals, ...cumulative, ...rest].join(',\n  ')}\nFROM credo_grid`],
      [
        'credo_table',
        `SELECT ${ruleRow.join(',\n  ')}\nFROM credo_running\nWHERE slot <= ${k}\nUNION ALL\nSELECT ${baseRow.join(',\n  ')}\nFROM credo_running\nWHERE slot = ${k + 1}`,
      ],
    ],
    `SELECT ${finalCols.join(',\n  ')}\nFROM credo_table\nORDER BY ${q('segment')}, ${q('position')}`,
  );
}
