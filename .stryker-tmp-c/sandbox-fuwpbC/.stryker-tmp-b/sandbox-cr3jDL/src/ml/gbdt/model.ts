// @ts-nocheck
// 
import { type SavedEnsemble, saveEnsemble } from '../tree/index.js';
import type { GbdtTrainResult } from './train.js';

/**
 * The saved form of a GBDT model body (version 1): the tree ensemble in plain JSON plus the
 * boosting summary. Imported XGBoost/LightGBM models use the same body with `source` set.
 */
export interface GbdtModelBody {
  readonly ensemble: SavedEnsemble;
  /** Trees kept (best validation iteration). */
  readonly bestIteration: number;
  readonly treesTrained: number;
  /** Where the trees came from: Credo's trainer or an imported library. */
  readonly source: 'credo' | 'xgboost' | 'lightgbm';
  /** Training bin cut points per feature (numeric; null for categorical); absent for imports. */
  readonly bins?: (number[] | null)[];
}

/** The model body of a training result. */
export function saveEnsembleForModel(result: GbdtTrainResult): GbdtModelBody {
  return {
    ensemble: saveEnsemble(result.ensemble),
    bestIteration: result.bestIteration,
    treesTrained: result.treesTrained,
    source: 'credo',
    bins: result.bins,
  };
}
