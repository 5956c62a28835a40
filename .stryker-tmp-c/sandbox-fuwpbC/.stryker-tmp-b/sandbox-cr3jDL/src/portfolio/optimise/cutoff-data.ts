// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { type CutoffSegmentData, capitalPerUnit, type Economics, type SegmentSums } from './cutoff-problem.js';
import type { PolicySegments } from './policy-segments.js';
import { sumBySegment } from './policy-segments.js';

/** Columns of an applications file for the cutoff problem. */
export interface CutoffColumns {
  /** Per-row PD (a model's prediction, or the synthetic world's true PD). */
  readonly pd: string;
  /** Requested amount (EAD at limit multiple 1). */
  readonly amount: string;
  /** Annual interest rate of each application (default: every action must state its rate). */
  readonly rate?: string;
  /** 1 = approved by the current policy, 0 = declined (optional; enables swap sets and deltas). */
  readonly current?: string;
}

/**
 * Sums the applications of each policy segment: count, Σ PD, Σ amount, Σ PD·amount, Σ rate·amount,
 * Σ K·amount (IRB K at each row's PD) and, with a `current` column, the same sums over the rows the
 * current policy approves (so the current policy's KPIs are those of the loans it actually made,
 * not a band average scaled by its approval share). Rows with a missing PD or amount are rejected
 * naming the row and column.
 */
export function cutoffSegmentData(frame: Frame, segments: PolicySegments, columns: CutoffColumns, economics: Economics): CutoffSegmentData {
  const pd = frame.numeric(columns.pd).values;
  const amount = frame.numeric(columns.amount).values;
  const n = frame.rowCount;
  for (let i = 0; i < n; i++) {
    const p = pd[i] as number;
    if (!(p >= 0 && p <= 1)) throw new CredoError('E_INPUT_VALIDATION', { summary: `column "${columns.pd}" at row ${i + 1}: PD ${p} is not in [0, 1]` });
    if (!((amount[i] as number) >= 0))
      throw new CredoError('E_INPUT_VALIDATION', { summary: `column "${columns.amount}" at row ${i + 1}: amount must be ≥ 0` });
  }
  const capital = Float64Array.from(pd, (p) => capitalPerUnit(p, economics));
  const rate = columns.rate === undefined ? new Float64Array(n) : frame.numeric(columns.rate).values;
  const sums = (weight: Float64Array): SegmentSums => ({
    count: sumBySegment(segments, weight),
    pdSum: sumBySegment(segments, pd, weight),
    amountSum: sumBySegment(segments, amount, weight),
    pdAmountSum: sumBySegment(segments, productOf(pd, amount), weight),
    rateAmountSum: sumBySegment(segments, productOf(rate, amount), weight),
    capitalSum: sumBySegment(segments, productOf(capital, amount), weight),
  });
  const data: CutoffSegmentData = {
    labels: segments.labels,
    band: segments.band,
    group: segments.group,
    values: segments.values,
    ...sums(new Float64Array(n).fill(1)),
  };
  if (columns.current === undefined) return data;
  const current = frame.numeric(columns.current).values;
  for (let i = 0; i < n; i++) {
    const v = current[i] as number;
    if (v !== 0 && v !== 1)
      throw new CredoError('E_INPUT_VALIDATION', {
        summary: `column "${columns.current}" at row ${i + 1}: the current decision must be 1 (approved) or 0 (declined), got ${v}`,
      });
  }
  const approvedRows = sums(Float64Array.from(current));
  return { ...data, currentApproved: approvedRows.count, current: approvedRows };
}

function productOf(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: a.length }, (_, i) => (a[i] as number) * (b[i] as number));
}
