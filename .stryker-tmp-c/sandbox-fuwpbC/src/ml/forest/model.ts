// @ts-nocheck
import type { SavedEnsemble } from '../tree/index.js';

/**
 * The saved body of a `forest` model (version 1). Convention: the trees regress the 0/1 bad
 * indicator, so every leaf holds a bootstrap bad rate and the ensemble (objective `regression`,
 * `averaging: true`, base score 0) outputs the mean of the trees' bad rates: a probability of
 * default. `predictRaw` reports logit(PD) like every binary model (PD clamped to
 * [1e-12, 1 − 1e-12]); TreeSHAP values of a forest are on the probability scale and sum to the PD.
 */
export interface ForestModelBody {
  readonly version: 1;
  readonly ensemble: SavedEnsemble;
  /** Always 'probability': the ensemble margin is the PD itself. */
  readonly output: 'probability';
  /** Out-of-bag AUC (each row scored by the trees that did not see it), null when undefined. */
  readonly oobAuc: number | null;
}
