// @ts-nocheck
import type { Frame } from '../frame/index.js';
import { checkBinaryTarget } from './outcomes.js';
import type { InferenceResult } from './reject-inference.js';
import { segmentRows } from './segments.js';

/** Swap-set cells: A all-in, B swap-out, C swap-in, D all-out (REFERENCE §7). */
export const SWAP_CELLS = ['all_in', 'swap_out', 'swap_in', 'all_out'] as const;

/** A swap-set cell name. */
export type SwapCell = (typeof SWAP_CELLS)[number];

/** Cell per row from the two approval masks: 0 A (both approve), 1 B (old only), 2 C (new only), 3 D (neither). */
export function swapCells(oldApproved: Uint8Array, newApproved: Uint8Array): Int32Array {
  const n = oldApproved.length;
  const cells = new Int32Array(n);
  for (let i = 0; i < n; i++) cells[i] = oldApproved[i] === 1 ? (newApproved[i] === 1 ? 0 : 1) : newApproved[i] === 1 ? 2 : 3;
  return cells;
}

/** Figures of one cell (or of an approved population). Rates are null when nothing is known. */
export interface SwapStats {
  readonly count: number;
  /** count / applications of the segment. */
  readonly share: number;
  /** Σ amount; null without an amount column. */
  readonly amount: number | null;
  /** Rows with an observed outcome. */
  readonly observed: number;
  /** Rows whose outcome was inferred. */
  readonly inferred: number;
  /** Expected bads: observed bads + Σ inferred probabilities. */
  readonly bads: number;
  /** Count-weighted bad rate over observed and inferred rows. */
  readonly bad_rate: number | null;
  /** Amount-weighted bad rate over observed and inferred rows. */
  readonly bad_rate_amount: number | null;
  /** Which numbers produced the rates: `observed`, the inference method, both joined by `+`, or `none`. */
  readonly source: string;
  /** With a true-outcome column (the synthetic world): the true bad rate of every row of the cell. */
  readonly true_bad_rate?: number | null;
  /** With a true-outcome column: bad_rate − true_bad_rate (the inference error where rows were inferred). */
  readonly error?: number | null;
}

/** Swap-set table of one segment. */
export interface SwapsetTable {
  readonly applications: number;
  readonly cells: Record<SwapCell, SwapStats>;
  /** Old-approved population (A + B). */
  readonly old_approved: SwapStats & { readonly approval_rate: number };
  /** New-approved population (A + C). */
  readonly new_approved: SwapStats & { readonly approval_rate: number };
  /** New − old: approval rate and bad rates (count, amount, and true when known). */
  readonly change: {
    readonly approval_rate: number;
    readonly bad_rate: number | null;
    readonly bad_rate_amount: number | null;
    readonly true_bad_rate?: number | null;
  };
}

/** Options of `computeSwapset`. */
export interface SwapsetOptions {
  /** 0/1 outcome column (NaN = no outcome). */
  readonly target: string;
  /** Amount column for amount-weighted rates. */
  readonly amount?: string;
  /** Segment column: a table per value plus `ALL`. */
  readonly by?: string;
  /** True outcome for every row (synthetic data), reported next to inferred rates. */
  readonly trueTarget?: string;
  /** Inferred bad probabilities for rows without an outcome. */
  readonly inference?: InferenceResult;
}

/** The swap-set report: a table per segment (`ALL` first) and the inference method used, if any. */
export interface SwapsetReport {
  readonly segments: Record<string, SwapsetTable>;
  readonly inference: string | null;
}

const SUMS = 8; // count, amount, observed, inferred, bads, badAmount, knownAmount, trueBads

/**
 * The swap set of an old and a new strategy on the same applications (REFERENCE §7): the 2×2 of
 * old × new decision with counts, shares, approval rates, count- and amount-weighted bad rates per
 * cell, and old-approved (A+B) vs new-approved (A+C) bad rates and their change, per segment.
 * Rows without an outcome use `inference` when given (labelled with its method) and are left out
 * of the rates otherwise. One pass over the rows sums every figure per (segment, cell).
 */
export function computeSwapset(frame: Frame, oldApproved: Uint8Array, newApproved: Uint8Array, options: SwapsetOptions): SwapsetReport {
  const n = frame.rowCount;
  const target = frame.numeric(options.target).values;
  checkBinaryTarget(target, options.target);
  const amount = options.amount === undefined ? undefined : frame.numeric(options.amount).values;
  const truth = options.trueTarget === undefined ? undefined : frame.numeric(options.trueTarget).values;
  const inferred = options.inference?.probability;
  const segmentation = segmentRows(frame, options.by);
  const seg = segmentation.codes;
  const groups = segmentation.labels.length;
  const sums = new Float64Array(groups * 4 * SUMS);
  const trueKnown = new Float64Array(groups * 4);
  for (let i = 0; i < n; i++) {
    const cell = oldApproved[i] === 1 ? (newApproved[i] === 1 ? 0 : 1) : newApproved[i] === 1 ? 2 : 3;
    const g = (seg[i] as number) * 4 + cell;
    const o = g * SUMS;
    const a = amount === undefined ? 0 : (amount[i] as number);
    const av = !Number.isNaN(a) ? a : 0;
    sums[o] = (sums[o] as number) + 1;
    sums[o + 1] = (sums[o + 1] as number) + av;
    let bad = target[i] as number;
    if (!Number.isNaN(bad)) sums[o + 2] = (sums[o + 2] as number) + 1;
    else if (inferred !== undefined && !Number.isNaN(inferred[i] as number)) {
      bad = inferred[i] as number;
      sums[o + 3] = (sums[o + 3] as number) + 1;
    }
    if (!Number.isNaN(bad)) {
      sums[o + 4] = (sums[o + 4] as number) + bad;
      sums[o + 5] = (sums[o + 5] as number) + bad * av;
      sums[o + 6] = (sums[o + 6] as number) + av;
    }
    if (truth !== undefined) {
      const t = truth[i] as number;
      if (!Number.isNaN(t)) {
        sums[o + 7] = (sums[o + 7] as number) + t;
        trueKnown[g] = (trueKnown[g] as number) + 1;
      }
    }
  }
  const method = options.inference?.method ?? null;
  const tables: Record<string, SwapsetTable> = {};
  const all = [...Array(groups).keys()];
  tables.ALL = tableOf(sums, trueKnown, all, method, truth !== undefined, amount !== undefined);
  if (options.by !== undefined) {
    segmentation.labels.forEach((label, g) => {
      tables[label] = tableOf(sums, trueKnown, [g], method, truth !== undefined, amount !== undefined);
    });
  }
  return { segments: tables, inference: method };
}

function tableOf(sums: Float64Array, trueKnown: Float64Array, groups: number[], method: string | null, withTruth: boolean, withAmount: boolean): SwapsetTable {
  const total = (cells: number[]) => {
    const t = new Float64Array(SUMS + 1);
    for (const g of groups)
      for (const c of cells) {
        for (let k = 0; k < SUMS; k++) t[k] = (t[k] as number) + (sums[(g * 4 + c) * SUMS + k] as number);
        t[SUMS] = (t[SUMS] as number) + (trueKnown[g * 4 + c] as number);
      }
    return t;
  };
  const applications = total([0, 1, 2, 3])[0] as number;
  const stats = (cells: number[]): SwapStats => {
    const t = total(cells);
    const count = t[0] as number;
    const known = (t[2] as number) + (t[3] as number);
    const source = t[2]! > 0 && t[3]! > 0 ? `observed+${method}` : t[2]! > 0 ? 'observed' : t[3]! > 0 ? (method as string) : 'none';
    const base: SwapStats = {
      count,
      share: applications > 0 ? count / applications : 0,
      amount: withAmount ? (t[1] as number) : null,
      observed: t[2] as number,
      inferred: t[3] as number,
      bads: t[4] as number,
      bad_rate: known > 0 ? (t[4] as number) / known : null,
      bad_rate_amount: (t[6] as number) > 0 ? (t[5] as number) / (t[6] as number) : null,
      source,
    };
    if (!withTruth) return base;
    const truth = (t[SUMS] as number) > 0 ? (t[7] as number) / (t[SUMS] as number) : null;
    return { ...base, true_bad_rate: truth, error: base.bad_rate === null || truth === null ? null : base.bad_rate - truth };
  };
  const cells = Object.fromEntries(SWAP_CELLS.map((name, c) => [name, stats([c])])) as Record<SwapCell, SwapStats>;
  const oldApproved = { ...stats([0, 1]), approval_rate: applications > 0 ? (cells.all_in.count + cells.swap_out.count) / applications : 0 };
  const newApproved = { ...stats([0, 2]), approval_rate: applications > 0 ? (cells.all_in.count + cells.swap_in.count) / applications : 0 };
  const diff = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : a - b);
  return {
    applications,
    cells,
    old_approved: oldApproved,
    new_approved: newApproved,
    change: {
      approval_rate: newApproved.approval_rate - oldApproved.approval_rate,
      bad_rate: diff(newApproved.bad_rate, oldApproved.bad_rate),
      bad_rate_amount: diff(newApproved.bad_rate_amount, oldApproved.bad_rate_amount),
      ...(withTruth ? { true_bad_rate: diff(newApproved.true_bad_rate, oldApproved.true_bad_rate) } : {}),
    },
  };
}
