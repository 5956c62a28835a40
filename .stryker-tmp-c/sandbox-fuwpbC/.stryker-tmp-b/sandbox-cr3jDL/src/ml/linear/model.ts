/**
 * The saved body of a `logistic` model (version 1), plain JSON. logit(PD) = intercept +
 * Σ terms. A numeric term is coefficient·x, a missing x replaced by `fill` (the training mean)
 * plus `missing`, the coefficient of the term's missing indicator (absent = 0, as in models
 * saved before indicators existed). A categorical term adds `levels[label]` (the reference
 * category and categories unseen in training add 0; a missing value adds `missing`, absent = 0).
 */
// @ts-nocheck

// 

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
  | { readonly feature: string; readonly type: 'number'; readonly coefficient: number; readonly fill: number; readonly missing?: number }
  | {
      readonly feature: string;
      readonly type: 'category';
      readonly reference: string | null;
      readonly levels: Readonly<Record<string, number>>;
      readonly missing?: number;
    };

/** The logit contribution of one numeric term at value `v` (NaN = missing). */
export function numericTermValue(term: { readonly coefficient: number; readonly fill: number; readonly missing?: number }, v: number): number {
  return Number.isNaN(v) ? term.coefficient * term.fill + (term.missing ?? 0) : term.coefficient * v;
}
