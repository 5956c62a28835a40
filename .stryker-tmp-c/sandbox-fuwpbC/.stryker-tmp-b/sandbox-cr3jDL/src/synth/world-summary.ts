// @ts-nocheck
// 
import type { Frame } from '../frame/index.js';

/** Headline rates of a synthetic world (or any frame with its columns). Shares in [0, 1]. */
export interface WorldSummary {
  readonly rows: number;
  /** Share of applications booked (`approved` = 1). */
  readonly approvalRate: number;
  /** Bad rate among booked loans (`bad`, rows with an outcome). */
  readonly badRateApproved: number;
  /** Share of applications with `true_bad` = 1. */
  readonly trueBadRate: number;
  /** Mean `true_pd`. */
  readonly meanTruePd: number;
}

/** One group of `summarizeWorldBy`. */
export interface WorldGroupSummary extends WorldSummary {
  /** The group label (missing labels are grouped as ''). */
  readonly group: string;
}

/** Rates over every row of a world frame (columns approved, bad, true_bad, true_pd). */
export function summarizeWorld(frame: Frame): WorldSummary {
  const groups = summarize(frame, new Int32Array(frame.rowCount), ['all']);
  return stripGroup(groups[0] as WorldGroupSummary);
}

/**
 * The same rates per label of a categorical column (e.g. segment, vintage), ordered by label:
 * vintages (YYYY-MM) therefore come out in calendar order.
 */
export function summarizeWorldBy(frame: Frame, column: string): WorldGroupSummary[] {
  const category = frame.category(column);
  const codes = Int32Array.from(category.codes, (c) => (c < 0 ? category.dictionary.length : c));
  return summarize(frame, codes, [...category.dictionary, ''])
    .filter((g) => g.rows > 0)
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

function summarize(frame: Frame, codes: Int32Array, labels: readonly string[]): WorldGroupSummary[] {
  const approved = frame.numeric('approved').values;
  const bad = frame.numeric('bad').values;
  const trueBad = frame.numeric('true_bad').values;
  const truePd = frame.numeric('true_pd').values;
  const k = labels.length;
  const rows = new Float64Array(k);
  const booked = new Float64Array(k);
  const observed = new Float64Array(k);
  const bads = new Float64Array(k);
  const trueBads = new Float64Array(k);
  const pdSum = new Float64Array(k);
  for (let i = 0; i < frame.rowCount; i++) {
    const g = codes[i] as number;
    rows[g] = (rows[g] as number) + 1;
    if (approved[i] === 1) booked[g] = (booked[g] as number) + 1;
    const b = bad[i] as number;
    if (!Number.isNaN(b)) {
      observed[g] = (observed[g] as number) + 1;
      bads[g] = (bads[g] as number) + b;
    }
    trueBads[g] = (trueBads[g] as number) + (trueBad[i] as number);
    pdSum[g] = (pdSum[g] as number) + (truePd[i] as number);
  }
  const share = (x: number, n: number) => (n > 0 ? x / n : 0);
  return labels.map((group, g) => ({
    group,
    rows: rows[g] as number,
    approvalRate: share(booked[g] as number, rows[g] as number),
    badRateApproved: share(bads[g] as number, observed[g] as number),
    trueBadRate: share(trueBads[g] as number, rows[g] as number),
    meanTruePd: share(pdSum[g] as number, rows[g] as number),
  }));
}

function stripGroup(g: WorldGroupSummary): WorldSummary {
  const { group: _group, ...rest } = g;
  return rest;
}
