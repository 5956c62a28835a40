import { CredoError, missingColumnError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import type { TreeFeature } from './tree.js';

/**
 * Model-aligned input for tree prediction: column j holds feature j of the model as doubles.
 * Numeric: the value (NaN = missing; rounded to float32 when the model asks). Categorical: the
 * TRAINING dictionary code of the row's label, NaN when missing, and `categories.length` for a
 * label the model never saw — a code no split lists, so it goes right at every categorical split
 * (the documented unseen-category fallback, as LightGBM's "other").
 */
export interface FeatureMatrix {
  readonly rowCount: number;
  readonly columns: readonly Float64Array[];
}

/**
 * Builds the model-aligned matrix from a frame, matching columns by name. Throws
 * `E_INPUT_COLUMN_MISSING` for an absent feature and `E_INPUT_COLUMN_TYPE` for a wrong type.
 */
export function featureMatrix(features: readonly TreeFeature[], frame: Frame, inputPrecision: 'float64' | 'float32' = 'float64'): FeatureMatrix {
  const n = frame.rowCount;
  const columns = features.map((feature) => {
    const column = frame.get(feature.name);
    if (column === undefined) throw missingColumnError(feature.name, 'the data to score', frame.names);
    if (column.type !== feature.type) {
      throw new CredoError('E_INPUT_COLUMN_TYPE', {
        column: feature.name,
        expected: feature.type === 'number' ? 'numeric' : 'categorical',
        actual: column.type === 'number' ? 'numeric' : 'categorical',
      });
    }
    if (column.type === 'number') {
      if (inputPrecision === 'float32') return Float64Array.from(column.values, Math.fround);
      return column.values;
    }
    const map = trainingCodes(column.dictionary, feature.categories ?? NO_CATEGORIES);
    const out = new Float64Array(n);
    const codes = column.codes;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      out[i] = c < 0 ? Number.NaN : map[c]!;
    }
    return out;
  });
  return { rowCount: n, columns };
}

const NO_CATEGORIES: readonly string[] = Object.freeze([]);

// Code maps by (frame dictionary, training dictionary), held weakly: a decision's one-row frame keeps
// the same dictionary arrays for every application, so its maps are built once, not on every
// prediction and explanation.
const codeMaps = new WeakMap<readonly string[], WeakMap<readonly string[], Float64Array>>();

/** The training code of each label of `dictionary`; `training.length` for a label training never saw. */
function trainingCodes(dictionary: readonly string[], training: readonly string[]): Float64Array {
  let byTraining = codeMaps.get(dictionary);
  if (byTraining === undefined) {
    byTraining = new WeakMap();
    codeMaps.set(dictionary, byTraining);
  }
  const cached = byTraining.get(training);
  // a dictionary grown since (labels appended) gets a new map
  if (cached !== undefined && cached.length === dictionary.length) return cached;
  const index = new Map(training.map((label, code) => [label, code]));
  const map = new Float64Array(dictionary.length);
  dictionary.forEach((label, code) => {
    map[code] = index.get(label) ?? training.length;
  });
  byTraining.set(training, map);
  return map;
}
