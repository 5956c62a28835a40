// @ts-nocheck
import type { Explanation } from './explanation.js';
import { type ReasonCatalogue, reasonFor } from './reason-catalogue.js';

/** One principal reason for a decision. */
export interface Reason {
  /** 1-based rank (1 = the factor that pushed hardest toward decline). */
  readonly rank: number;
  readonly code: string;
  readonly feature: string;
  /** The row's value of the feature (label for categories, null when missing). */
  readonly value: number | string | null;
  /** Contribution toward decline on the raw (log-odds of bad) scale, relative to the reference. */
  readonly contribution: number;
  readonly text: string;
}

/** Options of `principalReasons`. */
export interface ReasonOptions {
  /** Most reasons per row (default 4, the ECOA/Reg B practice). */
  readonly count?: number;
  /**
   * Per-feature reference contributions subtracted before ranking (see `referenceContributions`);
   * default: none, i.e. relative to the population average output (φ₀).
   */
  readonly reference?: Float64Array;
}

/**
 * The principal reasons of one row (ECOA/Reg B §1002.9, FCRA §615): the features whose
 * contribution (minus the reference) pushed the raw output toward decline (positive = more
 * risk), largest first, at most `count`; features with a non-positive contribution are never
 * reasons. A reason code appears once (later features sharing a code are skipped). FCRA
 * §609(f)(1)(D): when a feature marked `inquiries` in the catalogue is adverse but not among the
 * first `count`, it is added as an extra reason. `featureValue(j)` gives the row's value of feature j.
 */
export function principalReasons(
  explanation: Explanation,
  row: number,
  featureValue: (feature: number) => number | string | null,
  catalogue: ReasonCatalogue,
  options: ReasonOptions = {},
): Reason[] {
  const count = options.count ?? 4;
  const p = explanation.features.length;
  const base = row * p;
  const order: number[] = [];
  const score = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    score[j] = (explanation.values[base + j] as number) - (options.reference?.[j] ?? 0);
    if ((score[j] as number) > 0) order.push(j);
  }
  order.sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
  const reasons: Reason[] = [];
  const used = new Set<string>();
  let inquiriesShown = false;
  let inquiriesCandidate = -1;
  for (const j of order) {
    const feature = explanation.features[j] as string;
    const isInquiries = catalogue.features[feature]?.inquiries === true;
    if (reasons.length >= count) {
      if (isInquiries && !inquiriesShown && inquiriesCandidate < 0) inquiriesCandidate = j;
      continue;
    }
    const value = featureValue(j);
    const reason = reasonFor(catalogue, feature, value);
    if (used.has(reason.code)) continue;
    used.add(reason.code);
    if (isInquiries) inquiriesShown = true;
    reasons.push({ rank: reasons.length + 1, code: reason.code, feature, value, contribution: score[j] as number, text: reason.text });
  }
  if (inquiriesCandidate >= 0) {
    const feature = explanation.features[inquiriesCandidate] as string;
    const value = featureValue(inquiriesCandidate);
    const reason = reasonFor(catalogue, feature, value);
    if (!used.has(reason.code)) {
      reasons.push({ rank: reasons.length + 1, code: reason.code, feature, value, contribution: score[inquiriesCandidate] as number, text: reason.text });
    }
  }
  return reasons;
}

/**
 * Mean contributions of a reference group of rows (e.g. applicants just above the cutoff, from
 * `justAboveCutoff`): reasons are then ranked by how much more each factor pushed this row toward
 * decline than it pushed the reference applicants. For linear models this is exact; for trees it
 * is the standard approximation (difference of path-dependent SHAP values).
 */
export function referenceContributions(explanation: Explanation, rows: ArrayLike<number>): Float64Array {
  const p = explanation.features.length;
  const mean = new Float64Array(p);
  if (rows.length === 0) return mean;
  for (let k = 0; k < rows.length; k++) {
    const base = (rows[k] as number) * p;
    for (let j = 0; j < p; j++) mean[j] = (mean[j] as number) + (explanation.values[base + j] as number);
  }
  for (let j = 0; j < p; j++) mean[j] = (mean[j] as number) / rows.length;
  return mean;
}

/**
 * Rows "just above the cutoff": among approved rows (PD below `cutoff`), the `share` (default 5%,
 * at least one) with the highest PD, i.e. the approved applicants closest to a decline.
 */
export function justAboveCutoff(pd: ArrayLike<number>, cutoff: number, share = 0.05): Int32Array {
  const approved: number[] = [];
  for (let i = 0; i < pd.length; i++) if ((pd[i] as number) < cutoff) approved.push(i);
  approved.sort((a, b) => (pd[b] as number) - (pd[a] as number) || a - b);
  const k = Math.min(approved.length, Math.max(1, Math.ceil(share * approved.length)));
  return Int32Array.from(approved.slice(0, k));
}
