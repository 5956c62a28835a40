// @ts-nocheck
import { CredoError } from '../errors/index.js';
import { type Column, Frame } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { predictRaw } from '../ml/predict-model.js';
import { deriveSeed, Rng } from '../random/index.js';
import type { Explanation } from './explanation.js';

/** Options of the model-agnostic permutation explainer. */
export interface ShapleyPermutationOptions {
  /** Permutations per row, rounded up to an even count of at least 4 (antithetic pairs) [32]. */
  readonly samples?: number;
  /** Background rows drawn from the reference frame, all of them when it has fewer [100]. */
  readonly background?: number;
  /** Seed of the background draw and the permutations [0]. */
  readonly seed?: number;
  /**
   * Index of the frame's first row in the file it came from: row i draws its permutations from
   * stream `rowOffset + i`, so one row explained alone gets the values it gets in the whole file [0].
   */
  readonly rowOffset?: number;
  /** Most synthetic rows per model evaluation (memory bound) [131072]. */
  readonly maxBatchRows?: number;
}

/** Resolved defaults of `ShapleyPermutationOptions`. */
export const defaultShapleyPermutationOptions = { samples: 32, background: 100, seed: 0, rowOffset: 0, maxBatchRows: 131072 } as const;

/**
 * Up to `size` rows of `reference` drawn without replacement (seeded partial Fisher–Yates, in
 * draw order), or the whole frame when it has no more than `size` rows.
 */
export function backgroundSample(reference: Frame, size: number, seed: number): Frame {
  const n = reference.rowCount;
  if (n <= size) return reference;
  const index = Int32Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(deriveSeed(seed, 0));
  for (let k = 0; k < size; k++) {
    const j = k + rng.nextInt(n - k);
    const t = index[k] as number;
    index[k] = index[j] as number;
    index[j] = t;
  }
  return reference.take(index.subarray(0, size));
}

/**
 * Model-agnostic interventional Shapley values of the model's raw output (log-odds for PD
 * models) for every row of `frame`, against a background sample of `reference` (default: the
 * rows explained; see `backgroundSample`). The value of a coalition S is
 * v(S) = mean_b f(x_S, z_b,S̄), the output with the features outside S taken from background row b
 * (interventional, "baseline Shapley" averaged over the background; Janzing et al. 2020).
 *
 * Estimated by permutation sampling (Štrumbelj & Kononenko 2014): along a random feature order
 * each feature's marginal contribution v(S ∪ j) − v(S) is recorded; permutations come in
 * antithetic pairs (π and its reverse; Mitchell et al. 2022, "Sampling permutations for Shapley
 * value estimation"). Along every permutation the end points are pinned, v(∅) = φ₀ = mean
 * background output and v(all) = f(x), so each permutation's contributions telescope to
 * f(x) − φ₀ and the average keeps efficiency exactly (to rounding) for every row. For an
 * additive model every permutation gives the exact value. `standardErrors` are the standard
 * errors of the mean over the antithetic pairs. All coalitions of one batch of permutations are
 * evaluated with one `predictRaw` call over a synthetic frame built column by column.
 * Cost: rows × samples × (features − 1) × background model evaluations.
 */
export function shapleyPermutation(model: CredoModel, frame: Frame, reference: Frame = frame, options: ShapleyPermutationOptions = {}): Explanation {
  const o = { ...defaultShapleyPermutationOptions, ...options };
  if (!(Number.isInteger(o.samples) && o.samples >= 1))
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'samples', problem: 'must be a positive integer', value: o.samples });
  if (!(Number.isInteger(o.background) && o.background >= 1))
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'background', problem: 'must be a positive integer', value: o.background });
  if (reference.rowCount === 0) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'background', problem: 'the background data has no rows', value: 0 });
  const features = model.schema.columns.map((c) => c.name);
  const p = features.length;
  const n = frame.rowCount;
  const background = backgroundSample(reference, o.background, o.seed);
  const b = background.rowCount;
  const baseOut = predictRaw(model, background);
  let expectedValue = 0;
  for (let r = 0; r < b; r++) expectedValue += baseOut[r] as number;
  expectedValue /= b;
  const fx = predictRaw(model, frame);
  const values = new Float64Array(n * p);
  const standardErrors = new Float64Array(n * p);
  const method = 'shapley-permutation-interventional' as const;
  if (p === 0 || n === 0) return { features, rowCount: n, values, expectedValue, method, standardErrors };
  if (p === 1) {
    for (let i = 0; i < n; i++) values[i] = (fx[i] as number) - expectedValue;
    return { features, rowCount: n, values, expectedValue, method, standardErrors };
  }
  const inputs = features.map((name) => alignedInput(frame.column(name), background.column(name)));
  const pairs = Math.max(2, Math.ceil(o.samples / 2));
  const rowsPerPermutation = (p - 1) * b;
  const pairsPerBatch = Math.max(1, Math.min(pairs, Math.floor(o.maxBatchRows / (2 * rowsPerPermutation))));
  const capacity = 2 * pairsPerBatch * rowsPerPermutation;
  const buffers = inputs.map((input) => (input.type === 'number' ? new Float64Array(capacity) : new Int32Array(capacity)));
  const position = new Int32Array(2 * pairsPerBatch * p);
  const order = new Int32Array(p);
  const coalition = new Float64Array(p + 1);
  // Welford running mean and sum of squared deviations over the pairs (no cancellation for additive models)
  const mean = new Float64Array(p);
  const m2 = new Float64Array(p);
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const rng = new Rng(deriveSeed(o.seed, 1 + o.rowOffset + i));
    const fxi = fx[i] as number;
    mean.fill(0);
    m2.fill(0);
    seen = 0;
    for (let first = 0; first < pairs; first += pairsPerBatch) {
      const count = Math.min(pairsPerBatch, pairs - first);
      const perms = 2 * count;
      for (let k = 0; k < count; k++) {
        for (let j = 0; j < p; j++) order[j] = j;
        for (let j = p - 1; j > 0; j--) {
          const r = rng.nextInt(j + 1);
          const t = order[j] as number;
          order[j] = order[r] as number;
          order[r] = t;
        }
        // permutation 2k is π, 2k+1 its reverse
        for (let s = 0; s < p; s++) {
          const j = order[s] as number;
          position[2 * k * p + j] = s;
          position[(2 * k + 1) * p + j] = p - 1 - s;
        }
      }
      const rows = perms * rowsPerPermutation;
      const columns = inputs.map((input, j) => fillColumn(input, buffers[j] as Float64Array | Int32Array, i, j, position, perms, p, b, rows));
      const raw = predictRaw(model, new Frame(columns, rows));
      for (let k = 0; k < count; k++) {
        seen++;
        for (let half = 0; half < 2; half++) {
          const perm = 2 * k + half;
          coalition[0] = expectedValue;
          coalition[p] = fxi;
          for (let s = 1; s < p; s++) {
            const offset = (perm * (p - 1) + (s - 1)) * b;
            let m = 0;
            for (let r = 0; r < b; r++) m += raw[offset + r] as number;
            coalition[s] = m / b;
          }
          for (let j = 0; j < p; j++) {
            const at = position[perm * p + j] as number;
            // accumulate the pair's mean: the antithetic pair is one sample for the standard error
            const d = ((coalition[at + 1] as number) - (coalition[at] as number)) / 2;
            if (half === 0) values[i * p + j] = d;
            else {
              const pairValue = (values[i * p + j] as number) + d;
              const delta = pairValue - (mean[j] as number);
              mean[j] = (mean[j] as number) + delta / seen;
              m2[j] = (m2[j] as number) + delta * (pairValue - (mean[j] as number));
            }
          }
        }
      }
    }
    for (let j = 0; j < p; j++) {
      const variance = (m2[j] as number) / (pairs - 1);
      values[i * p + j] = mean[j] as number;
      standardErrors[i * p + j] = Math.sqrt(variance / pairs);
    }
  }
  return { features, rowCount: n, values, expectedValue, method, standardErrors };
}

/** One feature's explained values and background values, categories on one shared dictionary. */
type AlignedInput =
  | { readonly type: 'number'; readonly name: string; readonly x: Float64Array; readonly z: Float64Array }
  | { readonly type: 'category'; readonly name: string; readonly x: Int32Array; readonly z: Int32Array; readonly dictionary: readonly string[] };

function alignedInput(column: Column, background: Column): AlignedInput {
  if (column.type === 'number') {
    if (background.type !== 'number') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: column.name, expected: 'numeric', actual: 'categorical' });
    return { type: 'number', name: column.name, x: column.values, z: background.values };
  }
  if (background.type !== 'category') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: column.name, expected: 'categorical', actual: 'numeric' });
  const dictionary = [...column.dictionary];
  const index = new Map(dictionary.map((label, code) => [label, code]));
  const remap = Int32Array.from(background.dictionary, (label) => {
    let code = index.get(label);
    if (code === undefined) {
      code = dictionary.length;
      index.set(label, code);
      dictionary.push(label);
    }
    return code;
  });
  const z = Int32Array.from(background.codes, (code) => (code < 0 ? code : (remap[code] as number)));
  return { type: 'category', name: column.name, x: column.codes, z, dictionary };
}

/**
 * Feature j's synthetic column for explained row i: block (perm, s) of `b` rows is the coalition
 * of the first s features of the permutation, so feature j takes x when its position is below s
 * and the background values otherwise.
 */
function fillColumn(
  input: AlignedInput,
  buffer: Float64Array | Int32Array,
  i: number,
  j: number,
  position: Int32Array,
  perms: number,
  p: number,
  b: number,
  rows: number,
): Column {
  const out = buffer.subarray(0, rows);
  const x = input.x[i] as number;
  for (let perm = 0; perm < perms; perm++) {
    const at = position[perm * p + j] as number;
    for (let s = 1; s < p; s++) {
      const offset = (perm * (p - 1) + (s - 1)) * b;
      if (at < s) out.fill(x, offset, offset + b);
      else out.set(input.z, offset);
    }
  }
  return input.type === 'number'
    ? { type: 'number', name: input.name, values: out as Float64Array }
    : { type: 'category', name: input.name, codes: out as Int32Array, dictionary: input.dictionary };
}
