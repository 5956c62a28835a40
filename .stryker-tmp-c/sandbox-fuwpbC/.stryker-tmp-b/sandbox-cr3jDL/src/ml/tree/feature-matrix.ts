// @ts-nocheck
// 
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
    const training = feature.categories ?? [];
    const index = new Map(training.map((label, code) => [label, code]));
    const unseen = training.length;
    const map = new Float64Array(column.dictionary.length);
    column.dictionary.forEach((label, code) => {
      map[code] = index.get(label) ?? unseen;
    });
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
