// @ts-nocheck
import type { CredoModel, ModelKind } from '../model.js';

/** How an ensemble combines its members. */
export type EnsembleMethod = 'average' | 'stacking';

/**
 * The saved body of an `ensemble` model (version 1); `members` are complete Credo models.
 * - average: PD = Σ weights_k·PD_k (weights sum to 1); logit(PD) clamped like the forest's.
 * - stacking: logit(PD) = intercept + Σ weights_k·logit(PD_k), a logistic meta-model fitted on
 *   out-of-fold member logits (Wolpert 1992, "Stacked generalization"; Breiman 1996).
 */
export interface EnsembleModelBody {
  readonly version: 1;
  readonly method: EnsembleMethod;
  readonly members: readonly CredoModel[];
  readonly weights: readonly number[];
  readonly intercept: number;
  /** Folds used for the out-of-fold predictions (stacking), 0 for averaging. */
  readonly folds: number;
}

/** A member to train: its family and training parameters (option names as in each family's options). */
export interface MemberSpec {
  readonly kind: Exclude<ModelKind, 'ensemble'>;
  readonly params?: Readonly<Record<string, unknown>>;
}
