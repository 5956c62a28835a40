// @ts-nocheck
import type { Tree, TreeEnsemble, TreeFeature } from './tree.js';

/** A tree as plain JSON arrays (the model-file form of `Tree`; same fields, same meaning). */
export interface SavedTree {
  readonly feature: number[];
  readonly threshold: number[];
  readonly left: number[];
  readonly right: number[];
  readonly defaultLeft: number[];
  readonly categoryStart: number[];
  readonly categoryCount: number[];
  readonly categories: number[];
  readonly value: number[];
  readonly cover: number[];
  readonly gain: number[];
  readonly missingZero?: number[];
}

/** A tree ensemble as plain JSON (the model-file form of `TreeEnsemble`). */
export interface SavedEnsemble {
  readonly trees: SavedTree[];
  readonly features: TreeFeature[];
  readonly baseScore: number;
  readonly objective: 'binary' | 'regression';
  readonly averaging: boolean;
  readonly inputPrecision: 'float64' | 'float32';
}

/** Converts an ensemble to its plain-JSON form. Thresholds must be finite (JSON has no ±Infinity). */
export function saveEnsemble(ensemble: TreeEnsemble): SavedEnsemble {
  return {
    trees: ensemble.trees.map(saveTree),
    features: ensemble.features.map((f) => ({ ...f })),
    baseScore: ensemble.baseScore,
    objective: ensemble.objective,
    averaging: ensemble.averaging,
    inputPrecision: ensemble.inputPrecision,
  };
}

/** Rebuilds the typed-array ensemble from its saved form. */
export function ensembleFromSaved(saved: SavedEnsemble): TreeEnsemble {
  return {
    trees: saved.trees.map(
      (t): Tree => ({
        feature: Int32Array.from(t.feature),
        threshold: Float64Array.from(t.threshold),
        left: Int32Array.from(t.left),
        right: Int32Array.from(t.right),
        defaultLeft: Uint8Array.from(t.defaultLeft),
        categoryStart: Int32Array.from(t.categoryStart),
        categoryCount: Int32Array.from(t.categoryCount),
        categories: Int32Array.from(t.categories),
        value: Float64Array.from(t.value),
        cover: Float64Array.from(t.cover),
        gain: Float64Array.from(t.gain),
        ...(t.missingZero === undefined ? {} : { missingZero: Uint8Array.from(t.missingZero) }),
      }),
    ),
    features: saved.features,
    baseScore: saved.baseScore,
    objective: saved.objective,
    averaging: saved.averaging,
    inputPrecision: saved.inputPrecision,
  };
}

/** A tree as plain JSON arrays (non-finite thresholds, unused at leaves, saved as 0). */
export function saveTree(t: Tree): SavedTree {
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold, (x) => (Number.isFinite(x) ? x : 0)),
    left: Array.from(t.left),
    right: Array.from(t.right),
    defaultLeft: Array.from(t.defaultLeft),
    categoryStart: Array.from(t.categoryStart),
    categoryCount: Array.from(t.categoryCount),
    categories: Array.from(t.categories),
    value: Array.from(t.value),
    cover: Array.from(t.cover),
    gain: Array.from(t.gain),
    ...(t.missingZero === undefined ? {} : { missingZero: Array.from(t.missingZero) }),
  };
}
