// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import { DEFAULT_DPD_BOUNDS, parseCurrency, type RollRates, readPerformanceTable, rollRates, rollRatesByGroup } from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatTable, printResult } from '../output.js';

/** A k × k row-major matrix as nested arrays, NaN as null. */
function nested(matrix: Float64Array, k: number): (number | null)[][] {
  return Array.from({ length: k }, (_, r) => Array.from(matrix.subarray(r * k, (r + 1) * k), (x) => (Number.isNaN(x) ? null : x)));
}

function toJson(rates: RollRates, scale: number) {
  const k = rates.buckets.length;
  return {
    buckets: rates.buckets,
    transitions: rates.transitions,
    counts: nested(rates.counts, k),
    balances: nested(
      rates.balances.map((x) => x / scale),
      k,
    ),
    count_shares: nested(rates.countShares, k),
    balance_shares: nested(rates.balanceShares, k),
  };
}

/** Right-aligns the text cells of columns ≥ `from` (percent strings would otherwise be left-aligned). */
function alignRight(headers: readonly string[], rows: Cell[][], from: number): void {
  for (let c = from; c < headers.length; c++) {
    const width = Math.max((headers[c] as string).length, ...rows.map((row) => String(row[c] ?? '').length));
    for (const row of rows) if (typeof row[c] === 'string') row[c] = (row[c] as string).padStart(width);
  }
}

function matrixTable(rates: RollRates, shares: Float64Array, title: string): string {
  const k = rates.buckets.length;
  const rows: Cell[][] = rates.buckets.map((from, r) => {
    let total = 0;
    for (let c = 0; c < k; c++) total += rates.counts[r * k + c] as number;
    return [
      from,
      total,
      ...Array.from({ length: k }, (_, c) => {
        const x = shares[r * k + c] as number;
        return Number.isNaN(x) ? '' : `${(x * 100).toFixed(1)}%`;
      }),
    ];
  });
  const headers = ['from \\ to', 'n', ...rates.buckets];
  alignRight(headers, rows, 2);
  return formatTable(headers, rows, { title });
}

/** Parses `--bounds 0,30,60,90` into ascending whole numbers starting at 0. */
function parseBounds(values: readonly string[]): number[] {
  const bounds = values.map(Number);
  const ok = bounds.length >= 1 && bounds[0] === 0 && bounds.every((b, i) => Number.isInteger(b) && (i === 0 || b > (bounds[i - 1] as number)));
  if (!ok)
    throw new CredoError('E_INPUT_FLAG_INVALID', {
      flag: 'bounds',
      problem: 'must be ascending whole dpd upper bounds starting with 0, e.g. 0,30,60,90',
      value: values.join(','),
    });
  return bounds;
}

/** `credo portfolio roll-rates --performance FILE`: month-to-month transition matrix between dpd buckets. */
export const portfolioRollRatesCommand = defineCommand({
  name: 'portfolio roll-rates',
  summary: 'Roll-rate matrices: month-to-month transitions between dpd buckets (count and balance-weighted shares)',
  details:
    'Buckets: Current, 1-30, 31-60, 61-90, 90+ (> 90 dpd) and Charged off; --bounds changes the dpd upper bounds.\n' +
    'A transition pairs a loan’s rows at MOB t and t+1; balance weights use the from-month balance. Row shares sum to 100%.\n' +
    'Example: credo portfolio roll-rates --performance perf.csv --by segment',
  flags: {
    performance: { type: 'string', required: true, description: 'loan × month performance file (.csv or .parquet)' },
    ...schemaFlag,
    by: { type: 'string', description: 'also one matrix per value of this column (e.g. segment, product)' },
    bounds: { type: 'list', default: DEFAULT_DPD_BOUNDS.map(String), description: 'dpd upper bounds of the buckets before 90+' },
    basis: { type: 'enum', choices: ['count', 'balance'] as const, default: 'count', description: 'which shares the human table shows (JSON has both)' },
    currency: { type: 'string', default: 'USD', description: 'currency of the balance column (ISO 4217 code or CODE:EXPONENT)' },
  },
  async run(args, _positionals, context) {
    const bounds = parseBounds(args.bounds);
    const currency = parseCurrency(args.currency);
    const scale = 10 ** currency.exponent;
    const table = readPerformanceTable(await readDataFile(context, args.performance, args), {
      currencyExponent: currency.exponent,
      ...(args.by === undefined ? {} : { group: args.by }),
    });
    const all = rollRates(table, bounds);
    const groups = args.by === undefined ? [] : rollRatesByGroup(table, bounds);
    const result = { ...toJson(all, scale), by: args.by ?? null, groups: groups.map((g) => ({ group: g.group, ...toJson(g.rates, scale) })) };
    printResult(context, result, () => {
      const pick = (r: RollRates) => (args.basis === 'count' ? r.countShares : r.balanceShares);
      let out = matrixTable(all, pick(all), `roll rates, ${args.basis}-weighted row shares (${all.transitions} transitions)`);
      for (const g of groups) out += `\n${matrixTable(g.rates, pick(g.rates), `${args.by} = ${g.group} (${g.rates.transitions} transitions)`)}`;
      return out;
    });
    return 0;
  },
});
