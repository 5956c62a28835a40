// @ts-nocheck
// 
import { parseCurrency, readPerformanceTable, vintageCurves } from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatTable, printResult } from '../output.js';

/** Row `v` of a vintages × MOB matrix, NaN (unobserved) as null. */
function curve(matrix: Float64Array, v: number, width: number): (number | null)[] {
  return Array.from(matrix.subarray(v * width, (v + 1) * width), (x) => (Number.isNaN(x) ? null : x));
}

/** Right-aligns the text cells of columns ≥ `from` (percent strings would otherwise be left-aligned). */
function alignRight(headers: readonly string[], rows: Cell[][], from: number): void {
  for (let c = from; c < headers.length; c++) {
    const width = Math.max((headers[c] as string).length, ...rows.map((row) => String(row[c] ?? '').length));
    for (const row of rows) if (typeof row[c] === 'string') row[c] = (row[c] as string).padStart(width);
  }
}

/** `credo portfolio vintage --performance FILE`: cumulative bad rate by month on book per origination month. */
export const portfolioVintageCommand = defineCommand({
  name: 'portfolio vintage',
  summary: 'Vintage curves: cumulative bad rate (ever 90+ dpd or charged off) by month on book, per origination month',
  details:
    'Count basis: ever-bad loans / loans of the vintage. Balance basis: Σ balance when each loan first went bad /\n' +
    'Σ balance at its first month on book. A curve stops at the largest MOB its vintage reached (later cells are null).\n' +
    'Example: credo portfolio vintage --performance perf.csv --json',
  flags: {
    performance: { type: 'string', required: true, description: 'loan × month performance file (.csv or .parquet)' },
    ...schemaFlag,
    'bad-dpd': { type: 'int', default: 90, min: 1, max: 10_000, description: 'bad = dpd ≥ this (or charged off)' },
    basis: { type: 'enum', choices: ['count', 'balance'] as const, default: 'count', description: 'which rate the human table shows (JSON has both)' },
    'max-mob': { type: 'int', min: 1, max: 600, description: 'show MOB columns up to this one in the human table (default all, at most 24)' },
    currency: { type: 'string', default: 'USD', description: 'currency of the balance column (ISO 4217 code or CODE:EXPONENT)' },
  },
  async run(args, _positionals, context) {
    const currency = parseCurrency(args.currency);
    const table = readPerformanceTable(await readDataFile(context, args.performance, args), { currencyExponent: currency.exponent });
    const v = vintageCurves(table, args['bad-dpd']);
    const result = {
      bad_definition: `dpd >= ${v.badDpd} or charged off, ever by the month on book`,
      max_mob: v.maxMob,
      vintages: v.vintages.map((label, i) => ({
        vintage: label,
        loans: v.loans[i],
        balance: (v.balance[i] as number) / 10 ** currency.exponent,
        observed_mob: v.observedMob[i],
        bads: v.bads[i],
        count_rate: curve(v.countRate, i, v.maxMob),
        balance_rate: curve(v.balanceRate, i, v.maxMob),
      })),
    };
    printResult(context, result, () => {
      const shown = Math.min(v.maxMob, args['max-mob'] ?? 24);
      const matrix = args.basis === 'count' ? v.countRate : v.balanceRate;
      const rows: Cell[][] = v.vintages.map((label, i) => [
        label,
        v.loans[i] as number,
        ...Array.from({ length: shown }, (_, m) => {
          const x = matrix[i * v.maxMob + m] as number;
          return Number.isNaN(x) ? '' : `${(x * 100).toFixed(1)}%`;
        }),
      ]);
      const headers = ['vintage', 'loans', ...Array.from({ length: shown }, (_, m) => `M${m + 1}`)];
      alignRight(headers, rows, 2);
      return formatTable(headers, rows, { title: `cumulative bad rate (${args.basis} basis; bad = dpd ≥ ${v.badDpd} or charged off) by month on book` });
    });
    return 0;
  },
});
