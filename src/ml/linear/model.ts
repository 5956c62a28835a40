/**
 * The saved body of a `logistic` model (version 1), plain JSON. logit(PD) = intercept +
 * Σ terms. A numeric term is coefficient·x, a missing x replaced by `fill` (the training mean).
 * A categorical term adds `levels[label]` (the reference category, missing values and
 * categories unseen in training add 0).
 */
export interface LogisticModelBody {
  readonly version: 1;
  readonly intercept: number;
  readonly terms: readonly LogisticTerm[];
  /** Penalties used. */
  readonly l1: number;
  readonly l2: number;
  /** Intercept-first statistics of the fit, in design-column order (`design` names them). */
  readonly design: readonly string[];
  readonly standard_errors: readonly (number | null)[];
  readonly p_values: readonly (number | null)[];
  readonly vif: readonly (number | null)[];
  readonly converged: boolean;
}

/** One feature's contribution to the logit. */
export type LogisticTerm =
  | { readonly feature: string; readonly type: 'number'; readonly coefficient: number; readonly fill: number }
  | { readonly feature: string; readonly type: 'category'; readonly reference: string | null; readonly levels: Readonly<Record<string, number>> };
