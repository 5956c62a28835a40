// @ts-nocheck
// 
import type { FrameSchema } from '../frame/index.js';
import type { EnsembleModelBody } from './ensemble/model.js';
import type { ForestModelBody } from './forest/model.js';
import type { GbdtModelBody } from './gbdt/model.js';
import type { LogisticModelBody } from './linear/model.js';
import type { SvmModelBody } from './linear/svm.js';
import type { MlpModelBody } from './mlp/train-mlp.js';
import type { ScorecardModelBody } from './scorecard/model.js';

/** Every model family Credo saves in its one model-file format. */
export type ModelKind = 'gbdt' | 'forest' | 'logistic' | 'scorecard' | 'mlp' | 'svm' | 'ensemble';

/**
 * The body type of each kind (each family's saved form lives in `<family>/model.ts`; the SVM's
 * in `linear/svm.ts`, the MLP's in `mlp/train-mlp.ts`).
 */
export interface ModelBodies {
  gbdt: GbdtModelBody;
  forest: ForestModelBody;
  logistic: LogisticModelBody;
  scorecard: ScorecardModelBody;
  mlp: MlpModelBody;
  svm: SvmModelBody;
  ensemble: EnsembleModelBody;
}

/** The envelope shared by every kind: what was trained on, how, how well, when. */
export interface ModelEnvelope<K extends ModelKind> {
  readonly kind: K;
  /** Schema of the training FEATURES only (not the target), with categorical dictionaries. */
  readonly schema: FrameSchema;
  /** Target column name (1 = bad for PD models). */
  readonly target: string;
  /** Training parameters as given (plain JSON). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Training/validation metrics (plain JSON). */
  readonly metrics: Readonly<Record<string, unknown>>;
  /** ISO-8601 creation time, supplied by the caller (the core never reads the clock). */
  readonly createdAt: string;
  /** Kind-specific content, plain JSON. */
  readonly body: ModelBodies[K];
}

/** A Credo model of any kind: a union discriminated by `kind`. */
export type CredoModel<K extends ModelKind = ModelKind> = { [P in K]: ModelEnvelope<P> }[K];

/** Every kind, for validation. */
export const modelKinds: readonly ModelKind[] = ['gbdt', 'forest', 'logistic', 'scorecard', 'mlp', 'svm', 'ensemble'];
