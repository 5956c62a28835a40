// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { ModelKind } from '../model.js';

/**
 * One hyperparameter's range: `float` uniform on [low, high]; `log` log-uniform on [low, high];
 * `int` integers uniform on [low, high]; `logInt` integers log-uniform; `choice` one of `choices`.
 */
export type ParamRange =
  | { readonly type: 'float' | 'log' | 'int' | 'logInt'; readonly low: number; readonly high: number }
  | { readonly type: 'choice'; readonly choices: readonly unknown[] };

/** A search space: ranges to search plus fixed parameters passed unchanged to every trial. */
export interface SearchSpace {
  readonly ranges: Readonly<Record<string, ParamRange>>;
  readonly fixed: Readonly<Record<string, unknown>>;
}

/**
 * The declared search space of each tunable family (option names as in `fitModel`). GBDT trains
 * up to 300 rounds with early stopping on a 10% hold-out of each training fold.
 */
export const searchSpaces: Readonly<Partial<Record<ModelKind, SearchSpace>>> = {
  gbdt: {
    ranges: {
      learningRate: { type: 'log', low: 0.01, high: 0.3 },
      leaves: { type: 'logInt', low: 4, high: 128 },
      minDataInLeaf: { type: 'logInt', low: 5, high: 200 },
      lambdaL2: { type: 'log', low: 1e-3, high: 10 },
      subsample: { type: 'float', low: 0.5, high: 1 },
      colsample: { type: 'float', low: 0.5, high: 1 },
    },
    fixed: { trees: 300, validFraction: 0.1, earlyStoppingRounds: 20 },
  },
  logistic: { ranges: { l2: { type: 'log', low: 1e-4, high: 100 } }, fixed: {} },
  scorecard: {
    ranges: { maxBins: { type: 'int', low: 3, high: 12 }, minIv: { type: 'float', low: 0.005, high: 0.1 }, l2: { type: 'log', low: 1e-4, high: 10 } },
    fixed: {},
  },
  forest: {
    ranges: {
      leaves: { type: 'logInt', low: 8, high: 256 },
      minDataInLeaf: { type: 'logInt', low: 1, high: 100 },
      colsample: { type: 'float', low: 0.2, high: 1 },
    },
    fixed: { trees: 100 },
  },
  mlp: {
    ranges: {
      hidden: { type: 'choice', choices: [[16], [32, 16], [64, 32]] },
      learningRate: { type: 'log', low: 3e-4, high: 1e-2 },
      l2: { type: 'log', low: 1e-6, high: 1e-2 },
      batchSize: { type: 'choice', choices: [128, 256, 512] },
    },
    fixed: {},
  },
  svm: { ranges: { c: { type: 'log', low: 1e-3, high: 100 }, classWeight: { type: 'choice', choices: ['balanced', 'none'] } }, fixed: {} },
};

/** The search space of a family; throws `E_MODEL_KIND` for a family with none (ensembles). */
export function searchSpaceOf(kind: ModelKind): SearchSpace {
  const space = searchSpaces[kind];
  if (space === undefined) throw new CredoError('E_MODEL_KIND', { kind, problem: 'no search space is declared for this family (tune its members instead)' });
  return space;
}

/** Maps a value to the sampler's internal scale (log for log ranges). */
export function toInternal(range: ParamRange, value: number): number {
  return range.type === 'log' || range.type === 'logInt' ? Math.log(value) : value;
}

/** Maps an internal-scale value back to a parameter value (exp, 4 significant digits, clamping, integer rounding). */
export function fromInternal(range: ParamRange, internal: number): number {
  if (range.type === 'choice') return internal;
  let v = range.type === 'log' || range.type === 'logInt' ? Math.exp(internal) : internal;
  // Four significant digits: readable parameters, and exp(log(x)) lands back on x.
  v = Math.min(range.high, Math.max(range.low, Number(v.toPrecision(4))));
  return range.type === 'int' || range.type === 'logInt' ? Math.round(v) : v;
}

/** Internal-scale bounds of a numeric range. */
export function internalBounds(range: ParamRange): [number, number] {
  if (range.type === 'choice') return [0, range.choices.length - 1];
  return [toInternal(range, range.low), toInternal(range, range.high)];
}
