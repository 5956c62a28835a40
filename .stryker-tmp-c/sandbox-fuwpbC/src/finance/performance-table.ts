// @ts-nocheck
import { CredoError } from '../errors/index.js';
import type { Column, Frame } from '../frame/index.js';

/**
 * The loan × month performance table of the synthetic world (or a bank's own): one row per loan
 * and month on book with the loan id, its vintage (origination month), MOB, outstanding balance,
 * days past due and a charged-off flag. This module validates it once and orders it by loan and
 * MOB so the analytics (vintage curves, roll rates, NPA) can run single passes over typed arrays.
 */
export interface PerformanceTable {
  /** Rows in loan, then MOB order. */
  readonly rows: number;
  /** Dense loan code per row (0..loanCount−1); equal codes are adjacent. */
  readonly loan: Int32Array;
  readonly loanCount: number;
  /** Loan id labels by loan code (for joins). */
  readonly loanIds: readonly string[];
  /** Vintage code per row into `vintages` (sorted ascending, e.g. YYYY-MM). */
  readonly vintage: Int32Array;
  readonly vintages: readonly string[];
  readonly mob: Float64Array;
  /** Outstanding balance in integer minor units (exact sums). */
  readonly balance: Float64Array;
  readonly dpd: Float64Array;
  /** 1 = charged off in this month. */
  readonly chargedOff: Uint8Array;
  /** Optional grouping column (e.g. segment) per row, codes into `groupLabels`, −1 = missing. */
  readonly group?: Int32Array;
  readonly groupLabels?: readonly string[];
}

/** Column names of the performance table (defaults are the synthetic world's). */
export interface PerformanceColumnNames {
  readonly loanId?: string;
  readonly vintage?: string;
  readonly mob?: string;
  readonly balance?: string;
  readonly dpd?: string;
  readonly chargedOff?: string;
  /** A column to group by (any type), e.g. `segment`. */
  readonly group?: string;
}

/** Options of `readPerformanceTable`. */
export interface PerformanceOptions extends PerformanceColumnNames {
  /** Minor-unit exponent of the balance column's currency (default 2): balances become integer minor units. */
  readonly currencyExponent?: number;
}

function invalid(problem: string): never {
  throw new CredoError('E_FINANCE_PERFORMANCE_INVALID', { problem });
}

/** Labels of any column row by row (numbers written as is). Missing → ''. */
function labelsOf(column: Column): { codes: Int32Array; labels: string[] } {
  if (column.type === 'category') return { codes: column.codes, labels: [...column.dictionary] };
  const index = new Map<number, number>();
  const labels: string[] = [];
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = column.values[i] as number;
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = labels.length;
      index.set(v, code);
      labels.push(String(v));
    }
    codes[i] = code;
  }
  return { codes, labels };
}

/** Recodes so that labels are sorted ascending (vintages in time order); −1 stays −1. */
function sortedCodes(codes: Int32Array, labels: readonly string[]): { codes: Int32Array; labels: string[] } {
  const order = labels
    .map((_, i) => i)
    .sort((a, b) => ((labels[a] as string) < (labels[b] as string) ? -1 : (labels[a] as string) > (labels[b] as string) ? 1 : 0));
  const remap = new Int32Array(labels.length);
  order.forEach((old, rank) => {
    remap[old] = rank;
  });
  return { codes: Int32Array.from(codes, (c) => (c < 0 ? -1 : (remap[c] as number))), labels: order.map((i) => labels[i] as string) };
}

/**
 * Validates and orders a performance frame. Checks: required columns exist and are numeric where
 * needed, no missing loan id/vintage/MOB/balance/dpd, MOB a whole number ≥ 1, dpd ≥ 0,
 * balance ≥ 0 (converted to integer minor units), charged_off 0/1, no loan with two rows for one MOB, one vintage per loan.
 * Throws `E_FINANCE_PERFORMANCE_INVALID` naming the row (1-based) and problem.
 */
export function readPerformanceTable(frame: Frame, names: PerformanceOptions = {}): PerformanceTable {
  const scale = 10 ** (names.currencyExponent ?? 2);
  const loanColumn = frame.column(names.loanId ?? 'loan_id');
  const vintageColumn = frame.column(names.vintage ?? 'vintage');
  const mobIn = frame.numeric(names.mob ?? 'mob').values;
  const balanceIn = frame.numeric(names.balance ?? 'balance').values;
  const dpdIn = frame.numeric(names.dpd ?? 'dpd').values;
  const chargedName = names.chargedOff ?? 'charged_off';
  const chargedIn = frame.has(chargedName) ? frame.numeric(chargedName).values : undefined;
  const n = frame.rowCount;
  const loanRaw = labelsOf(loanColumn);
  const vintageSorted = (() => {
    const raw = labelsOf(vintageColumn);
    return sortedCodes(raw.codes, raw.labels);
  })();
  const groupRaw = names.group === undefined ? undefined : labelsOf(frame.column(names.group));
  for (let i = 0; i < n; i++) {
    const mob = mobIn[i] as number;
    if ((loanRaw.codes[i] as number) < 0) invalid(`row ${i + 1}: loan id is missing`);
    if ((vintageSorted.codes[i] as number) < 0) invalid(`row ${i + 1}: vintage is missing`);
    if (!(Number.isInteger(mob) && mob >= 1)) invalid(`row ${i + 1}: mob must be a whole number ≥ 1, got ${mob}`);
    if (!((balanceIn[i] as number) >= 0)) invalid(`row ${i + 1}: balance must be a number ≥ 0, got ${balanceIn[i]}`);
    if (!((dpdIn[i] as number) >= 0)) invalid(`row ${i + 1}: dpd must be a number ≥ 0, got ${dpdIn[i]}`);
    if (chargedIn !== undefined && chargedIn[i] !== 0 && chargedIn[i] !== 1) invalid(`row ${i + 1}: charged_off must be 0 or 1, got ${chargedIn[i]}`);
  }
  // Order rows by loan (first appearance) then MOB; skip the sort when already ordered (the synthetic world's layout).
  const firstSeen = new Int32Array(loanRaw.labels.length).fill(-1);
  let loanCount = 0;
  for (let i = 0; i < n; i++) {
    const c = loanRaw.codes[i] as number;
    if (firstSeen[c] === -1) firstSeen[c] = loanCount++;
  }
  const dense = Int32Array.from(loanRaw.codes, (c) => firstSeen[c] as number);
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) {
    const a = dense[i - 1] as number;
    const b = dense[i] as number;
    ordered = a < b || (a === b && (mobIn[i - 1] as number) < (mobIn[i] as number));
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!ordered) order.sort((x, y) => (dense[x] as number) - (dense[y] as number) || (mobIn[x] as number) - (mobIn[y] as number));
  const loan = new Int32Array(n);
  const vintage = new Int32Array(n);
  const mob = new Float64Array(n);
  const balance = new Float64Array(n);
  const dpd = new Float64Array(n);
  const chargedOff = new Uint8Array(n);
  const group = groupRaw === undefined ? undefined : new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    loan[k] = dense[i] as number;
    vintage[k] = vintageSorted.codes[i] as number;
    mob[k] = mobIn[i] as number;
    // Half away from zero at the minor unit; balances are non-negative here.
    balance[k] = Math.round((balanceIn[i] as number) * scale);
    dpd[k] = dpdIn[i] as number;
    chargedOff[k] = chargedIn === undefined ? 0 : (chargedIn[i] as number);
    if (group !== undefined && groupRaw !== undefined) group[k] = groupRaw.codes[i] as number;
    if (k > 0 && loan[k] === loan[k - 1]) {
      if (mob[k] === mob[k - 1]) invalid(`loan "${loanRaw.labels[loanRaw.codes[i] as number]}" has two rows for mob ${mob[k]}`);
      if (vintage[k] !== vintage[k - 1]) invalid(`loan "${loanRaw.labels[loanRaw.codes[i] as number]}" has more than one vintage`);
    }
  }
  const loanIds = new Array<string>(loanCount);
  for (let c = 0; c < loanRaw.labels.length; c++) if ((firstSeen[c] as number) >= 0) loanIds[firstSeen[c] as number] = loanRaw.labels[c] as string;
  const table: PerformanceTable = { rows: n, loan, loanCount, loanIds, vintage, vintages: vintageSorted.labels, mob, balance, dpd, chargedOff };
  return group === undefined ? table : { ...table, group, groupLabels: groupRaw?.labels ?? [] };
}
