// @ts-nocheck
import type { BinSpec, WoeSign } from '../binning/index.js';

/** One characteristic of a scorecard: its bins, WOE per bin, coefficient and points per bin. */
export interface ScorecardCharacteristic {
  readonly feature: string;
  /** The binning (layout of `binning/spec.ts`: regular bins, specials, missing). */
  readonly spec: BinSpec;
  readonly woe: readonly number[];
  /** Logistic coefficient β_j on the WOE of this characteristic (log-odds of bad per unit WOE). */
  readonly coefficient: number;
  /** Points per bin: −factor·β_j·WOE_ij + (offset − factor·β₀)/k (REFERENCE §3). */
  readonly points: readonly number[];
  readonly iv: number;
}

/**
 * The saved body of a `scorecard` model (version 1), plain JSON. logit(PD) = intercept +
 * Σ_j coefficient_j·WOE_j(bin); score (unclamped) = Σ_j points_j(bin) = offset − factor·logit(PD).
 */
export interface ScorecardModelBody {
  readonly version: 1;
  readonly intercept: number;
  readonly characteristics: readonly ScorecardCharacteristic[];
  readonly scaling: {
    readonly base_score: number;
    readonly base_odds: number;
    readonly pdo: number;
    readonly min: number;
    readonly max: number;
    readonly factor: number;
    readonly offset: number;
  };
  readonly woe: { readonly smoothing: number; readonly sign: WoeSign };
}
