// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Column, Frame } from '../../frame/index.js';
import { deriveSeed, Rng } from '../../random/index.js';
import { allocateBuffers, binFeatures, binnedTreeOutput, growTree, monotoneVector, serialHistogramBuilder, toTree } from '../gbdt/index.js';
import { computeAuc } from '../metrics/index.js';
import { saveEnsemble, type Tree, type TreeEnsemble, type TreeFeature } from '../tree/index.js';
import type { ForestModelBody } from './model.js';
import { type ForestOptions, featuresPerDraw, resolveForestOptions } from './options.js';

/** A trained forest: the ensemble (margin = PD, see `ForestModelBody`) and its out-of-bag score. */
export interface ForestTrainResult {
  readonly ensemble: TreeEnsemble;
  /** Out-of-bag PD per training row (NaN for a row every tree saw). */
  readonly oobPd: Float64Array;
  readonly oobAuc: number | null;
  readonly options: ForestOptions;
}

/**
 * Trains a random forest of regression trees on the 0/1 bad indicator (Breiman 2001, "Random
 * Forests"), reusing the GBDT's binning, histograms and leaf-wise grower: with gradient −c·y and
 * hessian c per row (c = the row's bootstrap multiplicity), λ = 0 and learning rate 1, a leaf's
 * output −G/H is the bootstrap bad rate of the leaf and the split gain G²/H is the squared-error
 * (Gini-impurity) reduction. Each tree sees a bootstrap sample and a seeded feature subset of
 * `featuresPerDraw` features, drawn once per tree (`featureSampling: 'tree'`) or afresh for every
 * leaf whose split is searched (`'split'`, Breiman's and sklearn's `max_features`). With 'split'
 * the histograms cover every feature and only the split search is restricted; unlike sklearn, a
 * node whose drawn features give no valid split becomes a leaf (no further features are tried).
 * `monotone` constraints use the grower's bound propagation (LightGBM's "basic" method): a split on
 * a constrained feature must order its children's bad rates and caps the subtrees at their midpoint.
 * Leaves hold probabilities; the ensemble averages them. `labels` are 0/1 (validated by the
 * caller). Deterministic per seed.
 */
export function trainForest(frame: Frame, labels: Float64Array, features: readonly string[], options: Partial<ForestOptions> = {}): ForestTrainResult {
  const o = resolveForestOptions(options);
  const n = frame.rowCount;
  const columns: Column[] = features.map((name) => frame.column(name));
  const treeFeatures: TreeFeature[] = columns.map((c) =>
    c.type === 'number' ? { name: c.name, type: 'number' } : { name: c.name, type: 'category', categories: [...c.dictionary] },
  );
  const data = binFeatures(columns, n, { maxBins: o.maxBins, sampleRows: 200_000, seed: o.seed });
  const buffers = allocateBuffers(data, o.leaves, false);
  const params = {
    maxLeaves: o.leaves,
    maxDepth: o.maxDepth,
    learningRate: 1,
    lambdaL1: 0,
    lambdaL2: 0,
    minChildWeight: 1,
    minDataInLeaf: o.minDataInLeaf,
    minSplitGain: 0,
    catSmooth: 0,
  };
  const monotone = monotoneVector(
    treeFeatures,
    o.monotone,
    (problem, name) => new CredoError('E_LEARNER_OPTION', { model: 'forest', option: 'monotone', problem, value: name }),
  );
  const bagRng = new Rng(deriveSeed(o.seed, 11));
  const featureRng = new Rng(deriveSeed(o.seed, 12));
  const featureCount = features.length;
  const perDraw = featuresPerDraw(o, featureCount);
  const allFeatures = Int32Array.from({ length: featureCount }, (_, k) => k);
  const perSplit = o.featureSampling === 'split' ? () => sampleFeatures(featureCount, perDraw, featureRng) : undefined;
  const draws = Math.max(1, Math.round(n * o.sampleFraction));
  const counts = new Int32Array(n);
  const oobSum = new Float64Array(n);
  const oobCount = new Int32Array(n);
  const trees: Tree[] = [];
  for (let t = 0; t < o.trees; t++) {
    counts.fill(0);
    for (let k = 0; k < draws; k++) counts[bagRng.nextInt(n)]!++;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i]!;
      buffers.gradients[i] = -c * labels[i]!;
      buffers.hessians[i] = c;
      if (c > 0) buffers.indices[m++] = i;
    }
    const active = perSplit === undefined ? sampleFeatures(featureCount, perDraw, featureRng) : allFeatures;
    const grown = growTree(buffers, serialHistogramBuilder, params, monotone, active, m, false, undefined, perSplit);
    for (let i = 0; i < n; i++) {
      if (counts[i] !== 0) continue;
      oobSum[i]! += binnedTreeOutput(grown, data, i);
      oobCount[i]!++;
    }
    trees.push(toTree(grown, data));
  }
  const oobPd = new Float64Array(n);
  const seen: number[] = [];
  for (let i = 0; i < n; i++) {
    oobPd[i] = oobCount[i]! > 0 ? oobSum[i]! / oobCount[i]! : Number.NaN;
    if (oobCount[i]! > 0) seen.push(i);
  }
  return {
    ensemble: { trees, features: treeFeatures, baseScore: 0, objective: 'regression', averaging: true, inputPrecision: 'float64' },
    oobPd,
    oobAuc: oobAuc(oobPd, labels, seen),
    options: o,
  };
}

/** The saved model body of a training result. */
export function forestModelBody(result: ForestTrainResult): ForestModelBody {
  return { version: 1, ensemble: saveEnsemble(result.ensemble), output: 'probability', oobAuc: result.oobAuc };
}

/** A seeded subset of `m` of `count` features, ascending (partial Fisher–Yates). */
function sampleFeatures(count: number, m: number, rng: Rng): Int32Array {
  const pool = Int32Array.from({ length: count }, (_, k) => k);
  if (m >= count) return pool;
  for (let k = 0; k < m; k++) {
    const j = k + rng.nextInt(count - k);
    const tmp = pool[k]!;
    pool[k] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, m).sort();
}

function oobAuc(pd: Float64Array, labels: Float64Array, rows: readonly number[]): number | null {
  let bads = 0;
  for (const i of rows) bads += labels[i]!;
  if (bads === 0 || bads === rows.length) return null;
  return computeAuc(
    Float64Array.from(rows, (i) => pd[i]!),
    Float64Array.from(rows, (i) => labels[i]!),
  );
}
