// @ts-nocheck
// 
import type { Frame } from '../../frame/index.js';
import { assignBins } from './assign-bins.js';
import { type BinSpec, binCount, binLabels } from './spec.js';

/** PSI of one characteristic with its per-bin table. */
export interface PsiResult {
  readonly psi: number;
  /** Bin shares after smoothing (expected = the reference data set, actual = the new one). */
  readonly expectedShare: Float64Array;
  readonly actualShare: Float64Array;
  /** (A_i − E_i)·ln(A_i/E_i) per bin (≥ 0). */
  readonly contribution: Float64Array;
  readonly smoothing: number;
}

/**
 * Population stability index Σ (A_i − E_i)·ln(A_i/E_i) between bin counts of an expected
 * (reference) and an actual population. Every bin, empty or not, gets `smoothing` (default 0.5)
 * added to both counts before taking shares, so no bin is dropped and the index is always
 * finite. Source: REFERENCE §2; Siddiqi (2006) ch. 12. <0.1 stable, 0.1–0.25 investigate, >0.25 shifted.
 */
export function computePsi(expectedCounts: Float64Array, actualCounts: Float64Array, smoothing = 0.5): PsiResult {
  const k = expectedCounts.length;
  let totalE = 0;
  let totalA = 0;
  for (let i = 0; i < k; i++) {
    totalE += (expectedCounts[i] as number) + smoothing;
    totalA += (actualCounts[i] as number) + smoothing;
  }
  const expectedShare = new Float64Array(k);
  const actualShare = new Float64Array(k);
  const contribution = new Float64Array(k);
  let psi = 0;
  for (let i = 0; i < k; i++) {
    const e = ((expectedCounts[i] as number) + smoothing) / totalE;
    const a = ((actualCounts[i] as number) + smoothing) / totalA;
    expectedShare[i] = e;
    actualShare[i] = a;
    // A bin empty in both populations (after smoothing 0) contributes nothing.
    const c = e > 0 && a > 0 ? (a - e) * Math.log(a / e) : 0;
    contribution[i] = c;
    psi += c;
  }
  return { psi, expectedShare, actualShare, contribution, smoothing };
}

/** Rows per bin (weighted when weights given). */
export function binCounts(bins: Int32Array, binTotal: number, weights?: Float64Array): Float64Array {
  const counts = new Float64Array(binTotal);
  for (let i = 0; i < bins.length; i++)
    counts[bins[i] as number] = (counts[bins[i] as number] as number) + (weights === undefined ? 1 : (weights[i] as number));
  return counts;
}

/** One characteristic's stability (CSI) row. */
export interface CsiRow {
  readonly feature: string;
  readonly psi: number;
  readonly bins: { bin: string; expected_share: number; actual_share: number; contribution: number }[];
}

/**
 * Characteristic stability index: the PSI of every binned feature between a reference frame
 * and a new one, binned with the SAME specs (missing and special bins included).
 */
export function computeCsi(specs: readonly BinSpec[], expected: Frame, actual: Frame, smoothing = 0.5): CsiRow[] {
  return specs.map((spec) => {
    const k = binCount(spec);
    const e = binCounts(assignBins(expected.column(spec.feature), spec), k);
    const a = binCounts(assignBins(actual.column(spec.feature), spec), k);
    const r = computePsi(e, a, smoothing);
    const labels = binLabels(spec);
    return {
      feature: spec.feature,
      psi: r.psi,
      bins: labels.map((bin, i) => ({
        bin,
        expected_share: r.expectedShare[i] as number,
        actual_share: r.actualShare[i] as number,
        contribution: r.contribution[i] as number,
      })),
    };
  });
}
