// @ts-nocheck
import type { PerformanceTable } from './performance-table.js';

/**
 * Roll-rate matrices: how loans move between delinquency buckets from one month on book to the
 * next. Buckets by dpd with inclusive upper bounds (default 0 | 1–30 | 31–60 | 61–90 | 90+, i.e.
 * > 90) plus "Charged off" (the charged_off flag, absorbing). A transition pairs a loan's rows at
 * MOB t and t + 1; gaps in MOB are skipped. The balance-weighted matrix weights each transition by
 * the balance in the from-month.
 */
export interface RollRates {
  /** Bucket labels, from/to order. */
  readonly buckets: readonly string[];
  /** Transitions counted. */
  readonly transitions: number;
  /** Counts, row-major from × to. */
  readonly counts: Float64Array;
  /** Σ from-month balance (minor units), row-major from × to. */
  readonly balances: Float64Array;
  /** counts / row total (NaN for an empty row). */
  readonly countShares: Float64Array;
  /** balances / row total (NaN for an empty row). */
  readonly balanceShares: Float64Array;
}

/** Default bucket upper bounds in dpd: Current (0), 1–30, 31–60, 61–90; above the last is 90+. */
export const DEFAULT_DPD_BOUNDS: readonly number[] = [0, 30, 60, 90];

/**
 * Labels for bounds [0, a, b, …]: "Current", "1-a", "(a+1)-b", …, then the open bucket: "90+"
 * (meaning > 90 dpd) when the last bound is a round number like 90, else "(last+1)+" (e.g. bounds
 * 0,29,59,89 → "90+"), then "Charged off".
 */
export function bucketLabels(bounds: readonly number[] = DEFAULT_DPD_BOUNDS): string[] {
  const labels: string[] = [];
  let low = 0;
  for (const upper of bounds) {
    labels.push(upper === 0 ? 'Current' : `${low}-${upper}`);
    low = upper + 1;
  }
  const last = bounds[bounds.length - 1] ?? 0;
  labels.push(`${last > 0 && last % 10 === 0 ? last : last + 1}+`, 'Charged off');
  return labels;
}

/** Bucket index of a dpd value for the given bounds (charged off is handled by the caller). */
export function dpdBucket(dpd: number, bounds: readonly number[] = DEFAULT_DPD_BOUNDS): number {
  for (let b = 0; b < bounds.length; b++) if (dpd <= (bounds[b] as number)) return b;
  return bounds.length;
}

/** Roll-rate matrices over every transition of a performance table. */
export function rollRates(table: PerformanceTable, bounds: readonly number[] = DEFAULT_DPD_BOUNDS): RollRates {
  return rollRatesWhere(table, bounds, -2);
}

/** Roll rates per group of the table's group column (a loan's transitions go to its from-month group). */
export function rollRatesByGroup(table: PerformanceTable, bounds: readonly number[] = DEFAULT_DPD_BOUNDS): { group: string; rates: RollRates }[] {
  const labels = table.groupLabels ?? [];
  return labels.map((group, code) => ({ group, rates: rollRatesWhere(table, bounds, code) })).filter((g) => g.rates.transitions > 0);
}

/** `onlyGroup` −2 = all rows, otherwise the group code whose transitions count. */
function rollRatesWhere(table: PerformanceTable, bounds: readonly number[], onlyGroup: number): RollRates {
  const k = bounds.length + 2;
  const chargedOff = k - 1;
  const counts = new Float64Array(k * k);
  const balances = new Float64Array(k * k);
  let transitions = 0;
  for (let i = 1; i < table.rows; i++) {
    if (table.loan[i] !== table.loan[i - 1] || (table.mob[i] as number) !== (table.mob[i - 1] as number) + 1) continue;
    if (onlyGroup !== -2 && table.group?.[i - 1] !== onlyGroup) continue;
    const from = table.chargedOff[i - 1] === 1 ? chargedOff : dpdBucket(table.dpd[i - 1] as number, bounds);
    const to = table.chargedOff[i] === 1 ? chargedOff : dpdBucket(table.dpd[i] as number, bounds);
    const cell = from * k + to;
    counts[cell] = (counts[cell] as number) + 1;
    balances[cell] = (balances[cell] as number) + (table.balance[i - 1] as number);
    transitions++;
  }
  return { buckets: bucketLabels(bounds), transitions, counts, balances, countShares: rowShares(counts, k), balanceShares: rowShares(balances, k) };
}

function rowShares(matrix: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    let total = 0;
    for (let c = 0; c < k; c++) total += matrix[r * k + c] as number;
    for (let c = 0; c < k; c++) out[r * k + c] = total > 0 ? (matrix[r * k + c] as number) / total : Number.NaN;
  }
  return out;
}
