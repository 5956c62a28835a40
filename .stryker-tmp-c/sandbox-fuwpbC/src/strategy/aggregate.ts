// @ts-nocheck
import type { RateSpec } from './outcomes.js';

/**
 * Sums over cells: `count`, `amount`, and per rate its numerator and denominator, for
 * `cells` groups. Cell sums are laid out flat: value of cell c is `array[c]`.
 */
export interface CellSums {
  readonly cells: number;
  readonly count: Float64Array;
  readonly amount: Float64Array;
  readonly numerator: readonly Float64Array[];
  readonly denominator: readonly Float64Array[];
}

/**
 * One pass per measure over the rows, adding row i into cell `cell[i]` (cells < 0 are
 * skipped). A rate's row counts only when both its numerator and denominator are present.
 * Plain typed-array loops, no per-row objects.
 */
export function sumByCell(cell: Int32Array, cells: number, amount: Float64Array | undefined, rates: readonly RateSpec[]): CellSums {
  if (rates.length <= 2) return sumByCellFused(cell, cells, amount, rates);
  const n = cell.length;
  const count = new Float64Array(cells);
  const amounts = new Float64Array(cells);
  if (amount === undefined) {
    for (let i = 0; i < n; i++) {
      const c = cell[i] as number;
      if (c >= 0) count[c] = (count[c] as number) + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = cell[i] as number;
      if (c < 0) continue;
      count[c] = (count[c] as number) + 1;
      const a = amount[i] as number;
      if (!Number.isNaN(a)) amounts[c] = (amounts[c] as number) + a;
    }
  }
  const numerator: Float64Array[] = [];
  const denominator: Float64Array[] = [];
  for (const rate of rates) {
    const num = new Float64Array(cells);
    const den = new Float64Array(cells);
    const x = rate.numerator;
    const y = rate.denominator;
    for (let i = 0; i < n; i++) {
      const c = cell[i] as number;
      const a = x[i] as number;
      const b = y[i] as number;
      if (c >= 0 && !Number.isNaN(a) && !Number.isNaN(b)) {
        num[c] = (num[c] as number) + a;
        den[c] = (den[c] as number) + b;
      }
    }
    numerator.push(num);
    denominator.push(den);
  }
  return { cells, count, amount: amounts, numerator, denominator };
}

/**
 * `sumByCell` for up to two rates in a single pass over the rows (the common case: a target and
 * an amount outcome, or two amount outcomes), reading `cell` once. Each cell's sums are added in
 * row order, exactly as the multi-pass loop does, so the results are identical.
 */
function sumByCellFused(cell: Int32Array, cells: number, amount: Float64Array | undefined, rates: readonly RateSpec[]): CellSums {
  const n = cell.length;
  const count = new Float64Array(cells);
  const amounts = new Float64Array(cells);
  const numerator = rates.map(() => new Float64Array(cells));
  const denominator = rates.map(() => new Float64Array(cells));
  // Absent measures read an all-NaN column of length 0 behind a loop-invariant flag.
  const none = new Float64Array(0);
  const hasAmount = amount !== undefined;
  const a0 = amount ?? none;
  const has0 = rates.length > 0;
  const has1 = rates.length > 1;
  const x0 = rates[0]?.numerator ?? none;
  const y0 = rates[0]?.denominator ?? none;
  const x1 = rates[1]?.numerator ?? none;
  const y1 = rates[1]?.denominator ?? none;
  const num0 = numerator[0] ?? none;
  const den0 = denominator[0] ?? none;
  const num1 = numerator[1] ?? none;
  const den1 = denominator[1] ?? none;
  for (let i = 0; i < n; i++) {
    const c = cell[i] as number;
    if (c < 0) continue;
    count[c] = (count[c] as number) + 1;
    if (hasAmount) {
      const a = a0[i] as number;
      if (!Number.isNaN(a)) amounts[c] = (amounts[c] as number) + a;
    }
    if (has0) {
      const x = x0[i] as number;
      const y = y0[i] as number;
      if (!Number.isNaN(x) && !Number.isNaN(y)) {
        num0[c] = (num0[c] as number) + x;
        den0[c] = (den0[c] as number) + y;
      }
    }
    if (has1) {
      const x = x1[i] as number;
      const y = y1[i] as number;
      if (!Number.isNaN(x) && !Number.isNaN(y)) {
        num1[c] = (num1[c] as number) + x;
        den1[c] = (den1[c] as number) + y;
      }
    }
  }
  return { cells, count, amount: amounts, numerator, denominator };
}

/** Running totals of selected cells: count, amount, and each rate's numerator and denominator. */
export interface Totals {
  count: number;
  amount: number;
  readonly numerator: number[];
  readonly denominator: number[];
}

/** Totals of the given cells of `sums`, added in the order given. */
export function totalOf(sums: CellSums, cellIds: Iterable<number>): Totals {
  const t: Totals = { count: 0, amount: 0, numerator: sums.numerator.map(() => 0), denominator: sums.denominator.map(() => 0) };
  for (const c of cellIds) {
    t.count += sums.count[c] as number;
    t.amount += sums.amount[c] as number;
    for (let r = 0; r < sums.numerator.length; r++) {
      t.numerator[r] = (t.numerator[r] as number) + ((sums.numerator[r] as Float64Array)[c] as number);
      t.denominator[r] = (t.denominator[r] as number) + ((sums.denominator[r] as Float64Array)[c] as number);
    }
  }
  return t;
}

/** `{rate name: numerator / denominator}`, null where the denominator is 0. */
export function ratesOf(t: Totals, rates: readonly RateSpec[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  rates.forEach((rate, r) => {
    const den = t.denominator[r] as number;
    out[rate.name] = den > 0 ? (t.numerator[r] as number) / den : null;
  });
  return out;
}
