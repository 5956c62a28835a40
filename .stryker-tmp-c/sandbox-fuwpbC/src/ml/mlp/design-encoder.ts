// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';

/**
 * How one frame column becomes design-matrix columns (saved form, plain JSON).
 * - number: one column (x − mean)/sd, a missing x encoded as 0 (the mean), plus, when
 *   `missingIndicator`, a 0/1 column marking missing values;
 * - category: one 0/1 column per training level (one-hot, no reference level); missing values
 *   and labels unseen in training are all zeros.
 */
export type EncodedFeature =
  | { readonly feature: string; readonly type: 'number'; readonly mean: number; readonly sd: number; readonly missingIndicator: boolean }
  | { readonly feature: string; readonly type: 'category'; readonly levels: readonly string[] };

/** A fitted encoder: the features in design order and the resulting width. */
export interface DesignEncoder {
  readonly version: 1;
  readonly features: readonly EncodedFeature[];
  /** Number of design columns. */
  readonly width: number;
}

/** Options of `fitDesignEncoder`. */
export interface DesignEncoderOptions {
  /** Add a missing-indicator column to numeric features that have missing values in training [true]. */
  readonly missingIndicators?: boolean;
  /** One-hot at most this many most frequent levels per categorical feature; rarer ones are all zeros [64]. */
  readonly maxLevels?: number;
}

/** A row-major dense design matrix: `x[i * width + j]`. */
export interface DesignMatrix {
  readonly x: Float64Array;
  readonly rows: number;
  readonly width: number;
}

/**
 * Learns the encoding of `features` from `frame` (means, standard deviations, levels): the shared
 * input layer of the MLP and the linear SVM. Standardisation uses the population sd of the
 * non-missing values (1 when the column is constant or empty).
 */
export function fitDesignEncoder(frame: Frame, features: readonly string[], options: DesignEncoderOptions = {}): DesignEncoder {
  const indicators = options.missingIndicators ?? true;
  const maxLevels = options.maxLevels ?? 64;
  if (features.length === 0) throw new CredoError('E_LINEAR_FIT_FAILED', { model: 'design matrix', problem: 'no feature columns' });
  const out: EncodedFeature[] = [];
  let width = 0;
  for (const feature of features) {
    const column = frame.column(feature);
    if (column.type === 'number') {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < column.values.length; i++) {
        const v = column.values[i]!;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      const mean = count > 0 ? sum / count : 0;
      let ss = 0;
      for (let i = 0; i < column.values.length; i++) {
        const v = column.values[i]!;
        if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
      }
      const sd = count > 0 ? Math.sqrt(ss / count) : 0;
      const missingIndicator = indicators && count < column.values.length;
      out.push({ feature, type: 'number', mean, sd: sd > 0 ? sd : 1, missingIndicator });
      width += missingIndicator ? 2 : 1;
    } else {
      const counts = new Float64Array(column.dictionary.length);
      for (let i = 0; i < column.codes.length; i++) {
        const c = column.codes[i]!;
        if (c >= 0) counts[c]!++;
      }
      const used = Array.from(counts.keys()).filter((c) => counts[c]! > 0);
      used.sort((a, b) => counts[b]! - counts[a]! || a - b);
      const levels = used.slice(0, maxLevels).map((c) => column.dictionary[c]!);
      out.push({ feature, type: 'category', levels });
      width += levels.length;
    }
  }
  return { version: 1, features: out, width };
}

/** Encodes `frame` with a fitted encoder (columns matched by name; categories by label). */
export function encodeDesign(encoder: DesignEncoder, frame: Frame): DesignMatrix {
  const n = frame.rowCount;
  const p = encoder.width;
  const x = new Float64Array(n * p);
  let j = 0;
  for (const f of encoder.features) {
    const column = frame.column(f.feature);
    if (f.type === 'number') {
      if (column.type !== 'number') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: f.feature, expected: 'numeric', actual: 'categorical' });
      const inv = 1 / f.sd;
      for (let i = 0; i < n; i++) {
        const v = column.values[i]!;
        if (Number.isNaN(v)) {
          if (f.missingIndicator) x[i * p + j + 1] = 1;
        } else x[i * p + j] = (v - f.mean) * inv;
      }
      j += f.missingIndicator ? 2 : 1;
    } else {
      if (column.type !== 'category') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: f.feature, expected: 'categorical', actual: 'numeric' });
      const levelOf = new Map(f.levels.map((label, k) => [label, k]));
      const byCode = Int32Array.from(column.dictionary, (label) => levelOf.get(label) ?? -1);
      for (let i = 0; i < n; i++) {
        const c = column.codes[i]!;
        const k = c >= 0 ? byCode[c]! : -1;
        if (k >= 0) x[i * p + j + k] = 1;
      }
      j += f.levels.length;
    }
  }
  return { x, rows: n, width: p };
}

/** Names of the design columns (`age`, `age:missing`, `grade=A`, …), for reports. */
export function designColumnNames(encoder: DesignEncoder): string[] {
  const names: string[] = [];
  for (const f of encoder.features) {
    if (f.type === 'number') {
      names.push(f.feature);
      if (f.missingIndicator) names.push(`${f.feature}:missing`);
    } else for (const level of f.levels) names.push(`${f.feature}=${level}`);
  }
  return names;
}
