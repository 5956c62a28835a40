// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Column, Frame } from '../../frame/index.js';
import { assignBins } from './assign-bins.js';
import { quantileSplitsOfSorted, sortedRegularValues, valueSplitsOfSorted } from './equal-bins.js';
import { aucOfSortedOutcomes, binCountsOfSorted, sortWithOutcomes } from './profile-numeric.js';
import { type BinSpec, binCount, binLabels } from './spec.js';
import { binOutcomeCounts, computeWoe, describeWoeConventions, type WoeOptions } from './woe.js';

/** Options of `profileFrame`. */
export interface ProfileOptions {
  /** Outcome column (1 = bad, 0 = good, missing = excluded and counted). */
  readonly target?: string;
  /** Equal-frequency pre-bins of numeric columns for the IV quick-look (default 10). */
  readonly bins?: number;
  /** Categories listed per categorical column (default 5). */
  readonly topCategories?: number;
  /** Categorical IV quick-look keeps this many most frequent categories as bins, the rest grouped (default 20). */
  readonly maxCategoryBins?: number;
  readonly woe?: WoeOptions;
}

/** One bin of the IV quick-look. */
export interface ProfileBin {
  readonly bin: string;
  readonly count: number;
  readonly bads: number;
  readonly bad_rate: number;
  readonly woe: number;
}

/** Profile of one column (snake_case: printed as-is by `credo data profile --json`). */
export interface ColumnProfile {
  readonly name: string;
  readonly type: 'number' | 'category';
  readonly missing_share: number;
  /** Distinct non-missing values. */
  readonly distinct: number;
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
  readonly top_categories?: { value: string; count: number; share: number }[];
  readonly iv?: number;
  /**
   * Numeric columns with a target: AUC of the values as a score for the outcome (rows with a value
   * and a known outcome; above 0.5 when higher values are riskier), null when one class is absent.
   */
  readonly auc?: number | null;
  readonly bad_rate_by_bin?: ProfileBin[];
}

/** A frame's profile. */
export interface FrameProfile {
  readonly rows: number;
  readonly columns: ColumnProfile[];
  readonly target?: string;
  /** Rows excluded from the target analysis because the target is missing. */
  readonly target_missing?: number;
  readonly bad_rate?: number;
  /** The WOE sign and smoothing used (REFERENCE §2). */
  readonly woe_conventions?: string;
}

/**
 * Per-column summary of a frame and, with a target, the bad rate and an information-value
 * quick-look per column (one bin per value for numeric columns with at most `bins` values, else
 * equal-frequency bins; missing in its own bin; WOE per REFERENCE §2) and each numeric column's
 * AUC. Each numeric column is sorted once (a radix sort of its float bits, with the outcomes
 * carried along when there is a target), and that one sorted copy gives the exact median, the exact
 * distinct count, the bins' splits and counts, and the AUC.
 */
export function profileFrame(frame: Frame, options: ProfileOptions = {}): FrameProfile {
  const bins = options.bins ?? 10;
  let labels: Float64Array | undefined;
  let targetMissing = 0;
  let badRate = 0;
  if (options.target !== undefined) {
    labels = targetLabels(frame.column(options.target));
    let bads = 0;
    let known = 0;
    for (let i = 0; i < labels.length; i++) {
      const y = labels[i] as number;
      if (Number.isNaN(y)) targetMissing++;
      else {
        known++;
        bads += y;
      }
    }
    badRate = known > 0 ? bads / known : 0;
  }
  const woeOptions = { smoothing: options.woe?.smoothing ?? 0.5, sign: options.woe?.sign ?? 'goods-over-bads' } as const;
  const columns = frame.columns.map((column) => {
    const withTarget = labels !== undefined && column.name !== options.target;
    // one sort per numeric column: values with their outcomes when there is a target
    const outcomes = labels !== undefined && withTarget && column.type === 'number' ? sortWithOutcomes(column.values, labels) : undefined;
    const sorted = column.type === 'number' ? (outcomes?.values ?? sortedRegularValues(column.values)) : undefined;
    const base = describeColumn(column, options.topCategories ?? 5, sorted);
    if (labels === undefined || !withTarget) return base;
    const spec = quickSpec(column, bins, options.maxCategoryBins ?? 20, sorted);
    const { goods, bads } =
      outcomes !== undefined && spec.type === 'number'
        ? binCountsOfSorted(outcomes, spec.splits)
        : binOutcomeCounts(assignBins(column, spec), labels, binCount(spec));
    const table = computeWoe(goods, bads, woeOptions);
    const names = binLabels(spec);
    const byBin: ProfileBin[] = [];
    for (let b = 0; b < names.length; b++) {
      const count = (goods[b] as number) + (bads[b] as number);
      if (count === 0) continue;
      byBin.push({ bin: names[b] as string, count, bads: bads[b] as number, bad_rate: (bads[b] as number) / count, woe: table.woe[b] as number });
    }
    if (outcomes === undefined) return { ...base, iv: table.iv, bad_rate_by_bin: byBin };
    const auc = aucOfSortedOutcomes(outcomes);
    return { ...base, iv: table.iv, auc: Number.isNaN(auc) ? null : auc, bad_rate_by_bin: byBin };
  });
  if (options.target === undefined) return { rows: frame.rowCount, columns };
  return {
    rows: frame.rowCount,
    columns,
    target: options.target,
    target_missing: targetMissing,
    bad_rate: badRate,
    woe_conventions: describeWoeConventions(woeOptions),
  };
}

/** Target as 0/1/NaN: numeric 0/1 (NaN = missing), or categories "0"/"1"/"true"/"false"/"bad"/"good". */
export function targetLabels(column: Column): Float64Array {
  const n = column.type === 'number' ? column.values.length : column.codes.length;
  const out = new Float64Array(n);
  const invalid = (row: number, value: unknown): never => {
    throw new CredoError('E_METRICS_LABEL_INVALID', { what: `target "${column.name}"`, row, value: String(value) });
  };
  if (column.type === 'number') {
    for (let i = 0; i < n; i++) {
      const y = column.values[i] as number;
      if (y === 0 || y === 1 || Number.isNaN(y)) out[i] = y;
      else invalid(i, y);
    }
    return out;
  }
  const map: Record<string, number> = { '0': 0, '1': 1, false: 0, true: 1, good: 0, bad: 1 };
  const lookup = column.dictionary.map((label) => map[label.toLowerCase()]);
  for (let i = 0; i < n; i++) {
    const code = column.codes[i] as number;
    if (code < 0) {
      out[i] = Number.NaN;
      continue;
    }
    const y = lookup[code];
    if (y === undefined) invalid(i, column.dictionary[code]);
    out[i] = y as number;
  }
  return out;
}

/** Summary of one column; `sorted` holds a numeric column's non-missing values in ascending order. */
function describeColumn(column: Column, top: number, sortedValues: Float64Array | undefined): ColumnProfile {
  if (column.type === 'number') {
    const values = column.values;
    const sorted = sortedValues ?? sortedRegularValues(values);
    const n = sorted.length;
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    const median = n === 0 ? null : n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
    return {
      name: column.name,
      type: 'number',
      missing_share: values.length > 0 ? (values.length - n) / values.length : 0,
      distinct,
      min: n === 0 ? null : (sorted[0] as number),
      median,
      max: n === 0 ? null : (sorted[n - 1] as number),
    };
  }
  const counts = categoryCounts(column);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) if ((column.codes[i] as number) < 0) missing++;
  const rows = column.codes.length;
  const present = [...counts.entries()].filter(([, c]) => c > 0);
  present.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return {
    name: column.name,
    type: 'category',
    missing_share: rows > 0 ? missing / rows : 0,
    distinct: present.length,
    min: null,
    median: null,
    max: null,
    top_categories: present.slice(0, top).map(([code, count]) => ({ value: column.dictionary[code] as string, count, share: count / rows })),
  };
}

function categoryCounts(column: Extract<Column, { type: 'category' }>): Int32Array {
  const counts = new Int32Array(column.dictionary.length);
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i] as number;
    if (code >= 0) counts[code] = (counts[code] as number) + 1;
  }
  return counts;
}

function quickSpec(column: Column, bins: number, maxCategoryBins: number, sortedValues: Float64Array | undefined): BinSpec {
  if (column.type === 'number') {
    const sorted = sortedValues ?? sortedRegularValues(column.values);
    // a flag or a small count: one bin per value (equal-frequency bins would fold a rare value into its neighbour)
    const splits = valueSplitsOfSorted(sorted, bins) ?? quantileSplitsOfSorted(sorted, bins);
    return { feature: column.name, type: 'number', splits, specials: [] };
  }
  const counts = categoryCounts(column);
  const order = [...counts.keys()].filter((c) => (counts[c] as number) > 0).sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  const groups: string[][] = order.slice(0, maxCategoryBins - 1).map((c) => [column.dictionary[c] as string]);
  const rest = order.slice(maxCategoryBins - 1).map((c) => column.dictionary[c] as string);
  if (rest.length > 0) groups.push(rest);
  return { feature: column.name, type: 'category', groups, specials: [], unseen: 'missing' };
}
