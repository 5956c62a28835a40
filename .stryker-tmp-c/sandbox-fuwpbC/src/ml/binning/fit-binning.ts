// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { CategoryColumn, Column } from '../../frame/index.js';
import { assignBins } from './assign-bins.js';
import { chiMergePartition } from './chimerge.js';
import { equalFrequencySplits, equalWidthSplits, quantileSplitsOfSorted, sortedRegularValues, valueSplitsOfSorted } from './equal-bins.js';
import { optimalPartitionDp, type PartitionResult } from './optimal-dp.js';
import { optimalPartitionMip } from './optimal-mip.js';
import type { MonotoneTrend, PartitionConstraints, PrebinCounts } from './partition.js';
import { type BinSpec, binCount, binLabels, type CategoryBinSpec, type NumericBinSpec, regularBinCount } from './spec.js';
import { treePartition } from './tree-bins.js';
import { binOutcomeCounts, computeWoe, type WoeOptions, type WoeSign } from './woe.js';

/** Binning methods. */
export type BinningMethod = 'optimal' | 'equal-width' | 'equal-frequency' | 'chimerge' | 'tree';

/** Options of `fitBinning`; defaults in brackets. */
export interface FitBinningOptions {
  /** ['optimal'] */
  readonly method?: BinningMethod;
  /** Most regular bins [none for optimal/chimerge; 10 for equal-width/frequency and tree]. */
  readonly maxBins?: number;
  readonly minBins?: number;
  /** Smallest bin as a share of the regular (non-missing, non-special) rows [0.05]. */
  readonly minBinShare?: number;
  readonly minBads?: number;
  readonly minGoods?: number;
  /** Bad-rate trend over numeric bins ['auto' = the better by IV of ascending and descending]. Categories are ordered by bad rate, so always ascending. */
  readonly monotone?: MonotoneTrend | 'auto';
  readonly minRateDiff?: number;
  /** Equal-frequency pre-bins for optimal/chimerge/tree [20 for optimal, 50 otherwise]. */
  readonly prebins?: number;
  /** Special values with their own bins (numbers for numeric columns, labels for categorical). */
  readonly specials?: readonly (number | string)[];
  /** 'auto' [default]: HiGHS MIP up to 20 pre-bins for none/ascending/descending trends, else the exact DP. */
  readonly solver?: 'auto' | 'mip' | 'dp';
  readonly woe?: WoeOptions;
  readonly weights?: Float64Array;
}

/** One row of a binning table (snake_case: printed as-is in JSON reports). */
export interface BinRow {
  readonly bin: number;
  readonly label: string;
  readonly count: number;
  readonly goods: number;
  readonly bads: number;
  readonly bad_rate: number;
  readonly woe: number;
  readonly iv: number;
}

/** A fitted binning: the editable spec, WOE per bin, and the table it came from. */
export interface FittedBinning {
  readonly feature: string;
  readonly spec: BinSpec;
  readonly method: BinningMethod;
  /** The bad-rate trend imposed (resolved from 'auto'), 'none' for unsupervised methods. */
  readonly trend: MonotoneTrend;
  readonly solver: 'mip' | 'dp' | null;
  /** WOE of each bin (layout of `spec.ts`), used by transform and scoring. */
  readonly woe: number[];
  readonly iv: number;
  readonly smoothing: number;
  readonly sign: WoeSign;
  readonly rows: BinRow[];
  /** Why the feature ended in a single regular bin (IV 0 by construction), when it did: a constant, one outcome class, or the constraints (minimum bin share, trend, counts). */
  readonly note?: string;
}

/**
 * Bins one feature against a binary outcome (1 = bad; rows with a missing outcome are ignored)
 * and computes WOE and IV (REFERENCE §2). Numeric columns get intervals; categorical columns get
 * groups of categories contiguous in bad-rate order. Missing and special values always get their
 * own bins. A column with two values (a flag, numeric or categorical) gets one bin per value
 * whatever the minimum bin share: merging them would discard the feature, so a rare flag keeps its
 * real IV (and a leaking one shows it). A numeric column with at most as many distinct values as
 * pre-bins uses its values as the pre-bins. Infeasible constraints raise `E_BINNING_INFEASIBLE`.
 */
export async function fitBinning(column: Column, labels: Float64Array, options: FitBinningOptions = {}): Promise<FittedBinning> {
  const method = options.method ?? 'optimal';
  if (column.type === 'category') return fitCategory(column, labels, method, options);
  const specials = (options.specials ?? []).map(Number).filter((x) => Number.isFinite(x));
  const base: NumericBinSpec = { feature: column.name, type: 'number', splits: [], specials };
  // one sort serves the flag test, the value pre-bins and the equal-frequency pre-bins
  const sorted = sortedRegularValues(column.values, specials);
  const flag = valueSplitsOfSorted(sorted, 2);
  if (flag !== null && flag.length === 1) return finish(column, labels, { ...base, splits: flag }, method, 'none', null, options);
  if (method === 'equal-width' || method === 'equal-frequency') {
    const bins = options.maxBins ?? 10;
    const splits = method === 'equal-width' ? equalWidthSplits(column.values, bins, specials) : equalFrequencySplits(column.values, bins, specials);
    return finish(column, labels, { ...base, splits }, method, 'none', null, options);
  }
  const prebins = options.prebins ?? (method === 'optimal' ? 20 : 50);
  const prebinSplits = valueSplitsOfSorted(sorted, prebins) ?? quantileSplitsOfSorted(sorted, prebins);
  const pre = prebinCounts(column, labels, { ...base, splits: prebinSplits }, options.weights);
  const { splits: mergedSplits, counts } = dropEmptyPrebins(prebinSplits, pre);
  const { ends, trend, solver, note } = await partition(counts, method, options, options.monotone ?? 'auto', column.name);
  const splits = ends.slice(0, -1).map((e) => mergedSplits[e - 1] as number);
  const fitted = finish(column, labels, { ...base, splits }, method, trend, solver, options);
  return note === undefined ? fitted : { ...fitted, note };
}

async function fitCategory(column: CategoryColumn, labels: Float64Array, method: BinningMethod, options: FitBinningOptions): Promise<FittedBinning> {
  if (method === 'equal-width' || method === 'equal-frequency') {
    throw new CredoError('E_INPUT_FLAG_INVALID', {
      flag: 'method',
      problem: `categorical column "${column.name}" needs optimal, chimerge or tree`,
      value: method,
    });
  }
  const specials = (options.specials ?? []).map(String).filter((s) => column.dictionary.includes(s));
  // One pre-bin per category present, ordered by bad rate (then label) so that contiguous groups are meaningful.
  const everyCategory: CategoryBinSpec = { feature: column.name, type: 'category', groups: column.dictionary.map((l) => [l]), specials: [], unseen: 'missing' };
  const { goods, bads } = binOutcomeCounts(assignBins(column, everyCategory), labels, column.dictionary.length + 1, options.weights);
  const special = new Set(specials);
  const present = column.dictionary
    .map((label, code) => ({ label, g: goods[code] as number, b: bads[code] as number }))
    .filter((c) => c.g + c.b > 0 && !special.has(c.label))
    .sort((x, y) => x.b / (x.g + x.b) - y.b / (y.g + y.b) || (x.label < y.label ? -1 : 1));
  const counts: PrebinCounts = { goods: Float64Array.from(present, (c) => c.g), bads: Float64Array.from(present, (c) => c.b) };
  // two categories: one bin each (see fitBinning)
  const { ends, solver, note } =
    present.length === 2 ? { ends: [1, 2], solver: null, note: undefined } : await partition(counts, method, options, 'none', column.name);
  const groups: string[][] = [];
  let start = 0;
  for (const end of ends) {
    groups.push(
      present
        .slice(start, end)
        .map((c) => c.label)
        .sort(),
    );
    start = end;
  }
  const spec: CategoryBinSpec = { feature: column.name, type: 'category', groups, specials, unseen: 'missing' };
  const fitted = finish(column, labels, spec, method, present.length > 0 ? 'ascending' : 'none', solver, options);
  return note === undefined ? fitted : { ...fitted, note };
}

async function partition(
  counts: PrebinCounts,
  method: BinningMethod,
  options: FitBinningOptions,
  monotone: MonotoneTrend | 'auto',
  feature: string,
): Promise<{ ends: number[]; trend: MonotoneTrend; solver: 'mip' | 'dp' | null; note?: string }> {
  const n = counts.goods.length;
  if (n <= 1) return { ends: n === 0 ? [] : [1], trend: 'none', solver: null, note: n === 0 ? 'no value with a known outcome' : 'a single value' };
  let regular = 0;
  let bads = 0;
  for (let k = 0; k < n; k++) {
    regular += (counts.goods[k] as number) + (counts.bads[k] as number);
    bads += counts.bads[k] as number;
  }
  // With one class only there is no information to split on: one regular bin.
  if (bads === 0 || bads === regular) return { ends: [n], trend: 'none', solver: null, note: `every row with a value is ${bads === 0 ? 'good' : 'bad'}` };
  const constraints: PartitionConstraints = {
    minBinSize: (options.minBinShare ?? 0.05) * regular,
    ...(options.maxBins === undefined ? {} : { maxBins: options.maxBins }),
    ...(options.minBins === undefined ? {} : { minBins: options.minBins }),
    ...(options.minBads === undefined ? {} : { minBads: options.minBads }),
    ...(options.minGoods === undefined ? {} : { minGoods: options.minGoods }),
    ...(options.minRateDiff === undefined ? {} : { minRateDiff: options.minRateDiff }),
  };
  const single = (ends: number[], trend: MonotoneTrend) =>
    ends.length === 1
      ? `one bin: no split of its ${n} pre-bins keeps every bin ≥ ${((options.minBinShare ?? 0.05) * 100).toFixed(1)}% of rows (minimum bin share)${options.minBads === undefined ? '' : `, ${options.minBads}+ bads`}${options.minGoods === undefined ? '' : `, ${options.minGoods}+ goods`}${trend === 'none' ? '' : ` with ${trend === 'ascending' ? 'an' : 'a'} ${trend} bad rate`}`
      : undefined;
  const withNote = <T extends { ends: number[]; trend: MonotoneTrend }>(r: T): T & { note?: string } => {
    const note = method === 'optimal' || method === 'chimerge' || method === 'tree' ? single(r.ends, r.trend) : undefined;
    return note === undefined ? r : { ...r, note };
  };
  if (method === 'chimerge') return withNote({ ends: chiMergePartition(counts, constraints), trend: 'none', solver: null });
  if (method === 'tree') return withNote({ ends: treePartition(counts, constraints), trend: 'none', solver: null });
  const trends: MonotoneTrend[] = monotone === 'auto' ? ['ascending', 'descending'] : [monotone];
  let best: { result: PartitionResult; trend: MonotoneTrend; solver: 'mip' | 'dp' } | undefined;
  for (const trend of trends) {
    const useMip = options.solver === 'mip' || (options.solver !== 'dp' && n <= 20 && trend !== 'peak' && trend !== 'valley');
    const c = { ...constraints, monotone: trend };
    const result = useMip ? await optimalPartitionMip(counts, c) : optimalPartitionDp(counts, c);
    if (result !== null && (best === undefined || result.iv > best.result.iv + 1e-12)) best = { result, trend, solver: useMip ? 'mip' : 'dp' };
  }
  if (best === undefined) {
    throw new CredoError('E_BINNING_INFEASIBLE', {
      feature,
      problem: `${n} pre-bins, trend ${monotone}, min bin ${((options.minBinShare ?? 0.05) * 100).toFixed(1)}% of rows${options.minBins === undefined ? '' : `, at least ${options.minBins} bins`}${options.minBads === undefined ? '' : `, ${options.minBads}+ bads per bin`}`,
    });
  }
  return withNote({ ends: best.result.ends, trend: best.trend, solver: best.solver });
}

function prebinCounts(column: Column, labels: Float64Array, spec: NumericBinSpec, weights?: Float64Array): PrebinCounts {
  const { goods, bads } = binOutcomeCounts(assignBins(column, spec), labels, binCount(spec), weights);
  const r = regularBinCount(spec);
  return { goods: goods.slice(0, r), bads: bads.slice(0, r) };
}

/** Merges pre-bins without outcome rows into their left neighbour (the first into its right). */
function dropEmptyPrebins(splits: readonly number[], counts: PrebinCounts): { splits: number[]; counts: PrebinCounts } {
  const keptSplits: number[] = [];
  const goods: number[] = [];
  const bads: number[] = [];
  for (let k = 0; k < counts.goods.length; k++) {
    const g = counts.goods[k] as number;
    const b = counts.bads[k] as number;
    const last = goods.length - 1;
    if (last >= 0 && (g + b === 0 || (goods[last] as number) + (bads[last] as number) === 0)) {
      goods[last] = (goods[last] as number) + g;
      bads[last] = (bads[last] as number) + b;
      continue;
    }
    if (last >= 0) keptSplits.push(splits[k - 1] as number);
    goods.push(g);
    bads.push(b);
  }
  return { splits: keptSplits, counts: { goods: Float64Array.from(goods), bads: Float64Array.from(bads) } };
}

/** Computes the final table of a spec on the training data. */
function finish(
  column: Column,
  labels: Float64Array,
  spec: BinSpec,
  method: BinningMethod,
  trend: MonotoneTrend,
  solver: 'mip' | 'dp' | null,
  options: FitBinningOptions,
): FittedBinning {
  return { ...binningTable(column, labels, spec, options.woe, options.weights), method, trend, solver };
}

/**
 * WOE/IV table of any spec on data (used after fitting and when re-applying an edited spec).
 */
export function binningTable(
  column: Column,
  labels: Float64Array,
  spec: BinSpec,
  woeOptions: WoeOptions = {},
  weights?: Float64Array,
): Omit<FittedBinning, 'method' | 'trend' | 'solver'> {
  const k = binCount(spec);
  const { goods, bads } = binOutcomeCounts(assignBins(column, spec), labels, k, weights);
  const table = computeWoe(goods, bads, woeOptions);
  const labelsOfBins = binLabels(spec);
  const rows: BinRow[] = [];
  for (let i = 0; i < k; i++) {
    const g = goods[i] as number;
    const b = bads[i] as number;
    rows.push({
      bin: i,
      label: labelsOfBins[i] as string,
      count: g + b,
      goods: g,
      bads: b,
      bad_rate: g + b > 0 ? b / (g + b) : 0,
      woe: table.woe[i] as number,
      iv: table.ivContribution[i] as number,
    });
  }
  return { feature: spec.feature, spec, woe: Array.from(table.woe), iv: table.iv, smoothing: table.smoothing, sign: table.sign, rows };
}
