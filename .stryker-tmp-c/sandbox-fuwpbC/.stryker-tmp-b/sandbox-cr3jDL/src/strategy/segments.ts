// @ts-nocheck
// 
import type { Frame } from '../frame/index.js';

/** Label used for rows whose segment value is missing. */
export const MISSING_SEGMENT = '(missing)';

/** Rows grouped by a column: a code per row (0..labels.length-1) and the labels, sorted. */
export interface Segmentation {
  readonly codes: Int32Array;
  readonly labels: readonly string[];
}

/**
 * Groups rows by `column` (categorical, or numeric with each distinct value a group). Labels are
 * sorted (numbers numerically); missing values form a last group `(missing)` when present.
 * Without a column every row is in one group `ALL`.
 */
export function segmentRows(frame: Frame, column?: string): Segmentation {
  const n = frame.rowCount;
  if (column === undefined) return { codes: new Int32Array(n), labels: ['ALL'] };
  const col = frame.column(column);
  const codes = new Int32Array(n);
  let labels: string[];
  let missingCode: number;
  if (col.type === 'category') {
    const order = col.dictionary.map((label, code) => ({ label, code })).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const remap = new Int32Array(col.dictionary.length);
    order.forEach((o, rank) => {
      remap[o.code] = rank;
    });
    labels = order.map((o) => o.label);
    missingCode = labels.length;
    const src = col.codes;
    let anyMissing = false;
    for (let i = 0; i < n; i++) {
      const c = src[i] as number;
      if (c < 0) anyMissing = true;
      codes[i] = c < 0 ? missingCode : (remap[c] as number);
    }
    if (anyMissing) labels.push(MISSING_SEGMENT);
  } else {
    const values = col.values;
    const distinct = [...new Set(values)].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const index = new Map(distinct.map((v, k) => [v, k]));
    labels = distinct.map(String);
    missingCode = labels.length;
    let anyMissing = false;
    for (let i = 0; i < n; i++) {
      const k = index.get(values[i] as number);
      if (k === undefined) anyMissing = true;
      codes[i] = k ?? missingCode;
    }
    if (anyMissing) labels.push(MISSING_SEGMENT);
  }
  return { codes, labels };
}
