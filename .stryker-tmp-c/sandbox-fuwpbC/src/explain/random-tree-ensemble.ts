// @ts-nocheck
import type { Tree, TreeEnsemble, TreeFeature } from '../ml/tree/index.js';
import { Rng } from '../random/index.js';

/** Options of `randomTreeEnsemble`. */
export interface RandomTreeEnsembleOptions {
  readonly seed: number;
  readonly features: number;
  /** How many of the features (the last ones) are categorical with `categoryCount` levels. */
  readonly categorical?: number;
  readonly categoryCount?: number;
  readonly trees: number;
  readonly maxDepth: number;
  /** Probability that a node at depth < maxDepth becomes a leaf (default 0.2). */
  readonly leafProbability?: number;
  readonly averaging?: boolean;
}

/**
 * A random tree ensemble for tests and benchmarks: random features (repeats along a path allowed),
 * thresholds on a grid of tenths in [−1, 1], random missing directions, random category lists,
 * positive covers (internal cover = sum of the children) and normal leaf values.
 */
export function randomTreeEnsemble(options: RandomTreeEnsembleOptions): TreeEnsemble {
  const rng = new Rng(options.seed);
  const categorical = options.categorical ?? 0;
  const levels = options.categoryCount ?? 4;
  const features: TreeFeature[] = [];
  for (let j = 0; j < options.features; j++) {
    const isCategory = j >= options.features - categorical;
    features.push(
      isCategory ? { name: `f${j}`, type: 'category', categories: Array.from({ length: levels }, (_, k) => `c${k}`) } : { name: `f${j}`, type: 'number' },
    );
  }
  const trees: Tree[] = [];
  for (let t = 0; t < options.trees; t++) trees.push(randomTree(rng, features, options.maxDepth, options.leafProbability ?? 0.2, levels));
  return { trees, features, baseScore: rng.nextNormal() * 0.1, objective: 'binary', averaging: options.averaging ?? false, inputPrecision: 'float64' };
}

function randomTree(rng: Rng, features: readonly TreeFeature[], maxDepth: number, leafProbability: number, levels: number): Tree {
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const defaultLeft: number[] = [];
  const categoryStart: number[] = [];
  const categoryCount: number[] = [];
  const categories: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  const gain: number[] = [];
  const grow = (depth: number): number => {
    const n = feature.length;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    defaultLeft.push(0);
    categoryStart.push(-1);
    categoryCount.push(0);
    value.push(0);
    cover.push(0);
    gain.push(0);
    if (depth >= maxDepth || (depth > 0 && rng.nextDouble() < leafProbability)) {
      value[n] = rng.nextNormal();
      cover[n] = 1 + rng.nextInt(20);
      return n;
    }
    const f = rng.nextInt(features.length);
    feature[n] = f;
    defaultLeft[n] = rng.nextDouble() < 0.5 ? 1 : 0;
    gain[n] = rng.nextDouble();
    if (features[f]?.type === 'category') {
      categoryStart[n] = categories.length;
      for (let k = 0; k < levels; k++) if (rng.nextDouble() < 0.5) categories.push(k);
      categoryCount[n] = categories.length - (categoryStart[n] as number);
    } else {
      threshold[n] = (rng.nextInt(21) - 10) / 10;
    }
    const l = grow(depth + 1);
    const r = grow(depth + 1);
    left[n] = l;
    right[n] = r;
    cover[n] = (cover[l] as number) + (cover[r] as number);
    value[n] = ((cover[l] as number) * (value[l] as number) + (cover[r] as number) * (value[r] as number)) / (cover[n] as number);
    return n;
  };
  grow(0);
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    defaultLeft: Uint8Array.from(defaultLeft),
    categoryStart: Int32Array.from(categoryStart),
    categoryCount: Int32Array.from(categoryCount),
    categories: Int32Array.from(categories),
    value: Float64Array.from(value),
    cover: Float64Array.from(cover),
    gain: Float64Array.from(gain),
  };
}

/**
 * Random rows for a random ensemble, row-major: numeric values on a grid of twentieths in
 * [−1.2, 1.2] (so some equal a threshold), categories 0..levels (levels = unseen), and a share
 * `missing` of NaN values.
 */
export function randomRows(ensemble: TreeEnsemble, rows: number, seed: number, missing = 0.15): Float64Array {
  const rng = new Rng(seed);
  const p = ensemble.features.length;
  const x = new Float64Array(rows * p);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < p; j++) {
      const feature = ensemble.features[j] as TreeFeature;
      let v: number;
      if (rng.nextDouble() < missing) v = Number.NaN;
      else if (feature.type === 'category') v = rng.nextInt((feature.categories?.length ?? 0) + 1);
      else v = (rng.nextInt(49) - 24) / 20;
      x[i * p + j] = v;
    }
  }
  return x;
}
