import { CredoError } from '../../errors/index.js';
import type { Column, Frame } from '../../frame/index.js';
import { deriveSeed, Rng } from '../../random/index.js';
import { outcomeLabels } from '../outcome-labels.js';
import { addTreeOutput, type FeatureMatrix, featureMatrix, type Tree, type TreeEnsemble, type TreeFeature } from '../tree/index.js';
import { binFeatures } from './bin.js';
import { allocateBuffers, type HistogramBuilder, serialHistogramBuilder, type TrainBuffers } from './buffers.js';
import { gossSample } from './goss.js';
import { binnedTreeOutput, growTree, leafSumsByBlock, leafSumsByRange, renewLeafOutputs } from './grow.js';
import { initialScore, meanLoss } from './objective.js';
import { type GbdtOptions, resolveGbdtOptions } from './options.js';
import { packedG, packedH, type Quantization, quantizationFor, quantizeGradients, setScales } from './quantize.js';
import { blockCount, blockStride, ROW_GRADIENTS, ROW_ORDER, type RowJob, runRowBlocks } from './row-passes.js';
import { toTree } from './to-tree.js';

/** What to train on. */
export interface GbdtTrainInput {
  readonly frame: Frame;
  /** Target column: 0/1 for binary (1 = bad), any finite number for regression; no missing values. */
  readonly target: string;
  /** Feature columns (default: every column but the target and weight). */
  readonly features?: readonly string[];
  /** Optional non-negative row-weight column. */
  readonly weight?: string;
  /** Validation frame for early stopping (same feature columns and target). */
  readonly valid?: Frame;
  /** Or: hold out this seeded fraction of `frame` for early stopping. */
  readonly validFraction?: number;
}

/** How histograms are built: the CLI passes a worker-thread builder and shared memory. */
export interface GbdtRuntime {
  readonly builder?: HistogramBuilder;
  /** Allocate training buffers in SharedArrayBuffers (required by worker builders). */
  readonly shared?: boolean;
  /** Called after each tree with the trees grown so far and the maximum (e.g. for a progress bar). */
  readonly onTree?: (done: number, total: number) => void;
}

/** A trained GBDT and its training history. */
export interface GbdtTrainResult {
  readonly ensemble: TreeEnsemble;
  /** Trees kept: the best validation iteration, or every tree without validation. */
  readonly bestIteration: number;
  readonly treesTrained: number;
  /** Validation loss after each tree (log loss or MSE); empty without validation. */
  readonly validLoss: number[];
  readonly trainRows: number;
  readonly validRows: number;
  readonly options: GbdtOptions;
  /** Bin cut points per feature (numeric; null for categorical), in feature order. */
  readonly bins: (number[] | null)[];
}

/**
 * Trains a histogram gradient-boosted tree ensemble: bins features once, then for each round
 * computes gradients, grows a leaf-wise tree on histograms, and adds its shrunk outputs.
 * Deterministic for a given seed, whatever the histogram builder's thread count.
 * Source: Friedman (2001); Chen & Guestrin, XGBoost (2016); Ke et al., LightGBM (2017).
 */
export function trainGbdt(input: GbdtTrainInput, options: Partial<GbdtOptions> = {}, runtime: GbdtRuntime = {}): GbdtTrainResult {
  const o = resolveGbdtOptions(options);
  const builder = runtime.builder ?? serialHistogramBuilder;
  let frame = input.frame;
  let validFrame = input.valid;
  if (input.validFraction !== undefined && input.validFraction > 0) {
    if (input.validFraction >= 1)
      throw new CredoError('E_GBDT_OPTION', { option: 'validFraction', problem: 'must be in (0, 1)', value: String(input.validFraction) });
    [frame, validFrame] = splitRows(frame, input.validFraction, o.seed);
  }
  const featureNames = input.features ?? frame.names.filter((n) => n !== input.target && n !== input.weight);
  const columns: Column[] = featureNames.map((name) => frame.column(name));
  const features: TreeFeature[] = columns.map((c) =>
    c.type === 'number' ? { name: c.name, type: 'number' } : { name: c.name, type: 'category', categories: [...c.dictionary] },
  );
  const monotone = monotoneVector(features, o.monotone);
  const label = outcomeLabels(frame, input.target, o.objective);
  const weight = rowWeights(frame, input.weight, label, o);
  const n = frame.rowCount;
  if (n === 0) throw new CredoError('E_GBDT_TARGET', { column: input.target, problem: 'no rows to train on' });

  const data = binFeatures(
    columns,
    n,
    { maxBins: o.maxBins, sampleRows: o.binSampleRows, seed: o.seed, shared: runtime.shared },
    builder.binNumeric?.bind(builder),
  );
  const buffers = allocateBuffers(data, o.leaves, runtime.shared === true, o.quantizedGradients ? quantizationFor(n) : null);
  const baseScore = initialScore(o.objective, label, weight);
  const score = buffers.score.fill(baseScore);
  buffers.label.set(label);
  buffers.weight.set(weight);
  const q = buffers.quantization;
  const params = growParams(o);
  const runRows = (job: RowJob) => (builder.rows === undefined ? runRowBlocks(buffers, job, 0, blockCount(n)) : builder.rows(buffers, job));

  let valid: { matrix: FeatureMatrix; label: Float64Array; weight: Float64Array; score: Float64Array } | undefined;
  if (validFrame !== undefined) {
    const validLabel = outcomeLabels(validFrame, input.target, o.objective);
    valid = {
      matrix: featureMatrix(features, validFrame),
      label: validLabel,
      weight: rowWeights(validFrame, input.weight, validLabel, o),
      score: new Float64Array(validFrame.rowCount).fill(baseScore),
    };
  }

  const bagRng = new Rng(deriveSeed(o.seed, 1));
  const featureRng = new Rng(deriveSeed(o.seed, 2));
  const roundingSeed = deriveSeed(o.seed, 4);
  const allFeatures = Int32Array.from(features.keys());
  // GOSS starts after 1/learningRate rounds, as LightGBM does (early trees need every row).
  const gossStart = o.goss ? Math.floor(1 / o.learningRate) : Number.POSITIVE_INFINITY;
  const gossScratch = o.goss ? new Float64Array(n) : new Float64Array(0);
  const trees: Tree[] = [];
  const validLoss: number[] = [];
  let bestIteration = 0;
  let bestLoss = Number.POSITIVE_INFINITY;
  // Margins lag one tree behind when every row was in it: the gradient pass adds its leaf values first.
  let pending = false;
  for (let t = 0; t < o.trees; t++) {
    runRows({ op: ROW_GRADIENTS, objective: o.objective, applyTree: pending, leaves: 0 });
    pending = false;
    const bagCount =
      t >= gossStart
        ? gossSample(buffers.gradients, buffers.hessians, n, o.gossTopRate, o.gossOtherRate, bagRng, buffers.indices, gossScratch)
        : o.subsample < 1
          ? sampleBag(buffers.indices, n, o.subsample, bagRng)
          : fillIdentity(buffers.indices, n);
    const allRows = bagCount === n;
    const active = o.colsample < 1 ? sampleFeatures(allFeatures, o.colsample, featureRng) : allFeatures;
    const seed = deriveSeed(roundingSeed, t) >>> 0;
    const root = q !== null ? packRows(q, buffers, allRows, bagCount, seed) : allRows ? orderRows(buffers, runRows) : undefined;
    const grown = growTree(buffers, builder, params, monotone, active, bagCount, allRows, root);
    if (q !== null) {
      const sums = allRows ? leafSumsByBlock(buffers, grown.leaves.length) : leafSumsByRange(grown, buffers);
      renewLeafOutputs(grown, sums, params);
    }
    if (allRows) {
      grown.leaves.forEach((leaf, l) => {
        buffers.leafValue[l] = grown.value[leaf.node]!;
      });
      pending = true;
    } else {
      for (let i = 0; i < n; i++) score[i]! += binnedTreeOutput(grown, data, i);
    }
    const tree = toTree(grown, data);
    trees.push(tree);
    runtime.onTree?.(t + 1, o.trees);
    if (valid !== undefined) {
      addTreeOutput(tree, valid.matrix.columns, 0, valid.matrix.rowCount, valid.score);
      const loss = meanLoss(o.objective, valid.score, valid.label, valid.weight);
      validLoss.push(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestIteration = t + 1;
      } else if (t + 1 - bestIteration >= o.earlyStoppingRounds) break;
    }
  }
  const kept = valid === undefined ? trees.length : bestIteration;
  return {
    ensemble: { trees: trees.slice(0, kept), features, baseScore, objective: o.objective, averaging: false, inputPrecision: 'float64' },
    bestIteration: kept,
    treesTrained: trees.length,
    validLoss,
    trainRows: n,
    validRows: validFrame?.rowCount ?? 0,
    options: o,
    bins: data.features.map((f) => (f.type === 'number' ? Array.from(f.thresholds) : null)),
  };
}

function growParams(o: GbdtOptions) {
  return {
    maxLeaves: o.leaves,
    maxDepth: o.maxDepth,
    learningRate: o.learningRate,
    lambdaL1: o.lambdaL1,
    lambdaL2: o.lambdaL2,
    minChildWeight: o.minChildWeight,
    minDataInLeaf: o.minDataInLeaf,
    minSplitGain: o.minSplitGain,
    catSmooth: o.catSmooth,
  };
}

/**
 * Seeded hold-out split for early stopping: `fraction` of the rows (chosen by a seeded shuffle,
 * kept in file order) become the validation frame. Returns [train, valid].
 */
export function splitRows(frame: Frame, fraction: number, seed: number): [Frame, Frame] {
  const n = frame.rowCount;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(deriveSeed(seed, 3));
  const m = Math.max(1, Math.round(n * fraction));
  for (let k = 0; k < m; k++) {
    const j = k + rng.nextInt(n - k);
    const tmp = order[k]!;
    order[k] = order[j]!;
    order[j] = tmp;
  }
  const valid = order.slice(0, m).sort();
  const train = order.slice(m).sort();
  return [frame.take(train), frame.take(valid)];
}

function rowWeights(frame: Frame, weight: string | undefined, label: Float64Array, o: GbdtOptions): Float64Array {
  const w = new Float64Array(frame.rowCount).fill(1);
  if (weight !== undefined) {
    const column = frame.numeric(weight);
    for (let i = 0; i < w.length; i++) {
      const v = column.values[i]!;
      if (!(v >= 0)) throw new CredoError('E_GBDT_OPTION', { option: 'weight', problem: `row ${i} weight must be a number ≥ 0`, value: String(v) });
      w[i] = v;
    }
  }
  if (o.objective === 'binary' && o.scalePosWeight !== 1) for (let i = 0; i < w.length; i++) if (label[i] === 1) w[i]! *= o.scalePosWeight;
  return w;
}

/**
 * The monotone constraint of every feature in order (+1, −1, 0) from a map by feature name, as
 * `growTree` takes it; a name that is not a feature, or a constrained categorical feature, throws
 * the error `invalid` builds (the GBDT's `E_GBDT_OPTION` by default).
 */
export function monotoneVector(
  features: readonly Pick<TreeFeature, 'name' | 'type'>[],
  monotone: Readonly<Record<string, number>>,
  invalid: (problem: string, name: string) => CredoError = (problem, name) => new CredoError('E_GBDT_OPTION', { option: 'monotone', problem, value: name }),
): Int8Array {
  const out = new Int8Array(features.length);
  for (const [name, c] of Object.entries(monotone)) {
    const f = features.findIndex((x) => x.name === name);
    if (f < 0) throw invalid(`"${name}" is not a feature`, name);
    if (features[f]!.type !== 'number' && c !== 0) throw invalid(`"${name}" is categorical; constraints need a numeric feature`, name);
    out[f] = c;
  }
  return out;
}

function fillIdentity(indices: Int32Array, n: number): number {
  for (let i = 0; i < n; i++) indices[i] = i;
  return n;
}

/** Bernoulli row sample in ascending order; returns its size (at least one row). */
function sampleBag(indices: Int32Array, n: number, fraction: number, rng: Rng): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (rng.nextDouble() < fraction) indices[m++] = i;
  if (m === 0) indices[m++] = rng.nextInt(n);
  return m;
}

/** A seeded subset of ⌈fraction·F⌉ features, ascending. */
function sampleFeatures(all: Int32Array, fraction: number, rng: Rng): Int32Array {
  const pool = Int32Array.from(all);
  const m = Math.max(1, Math.ceil(all.length * fraction));
  for (let k = 0; k < m; k++) {
    const j = k + rng.nextInt(pool.length - k);
    const tmp = pool[k]!;
    pool[k] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, m).sort();
}

/**
 * This round's quantised gradients: with every row, the tree's scales from the gradient pass's block
 * maxima, the packing left to the root's build (`quantizeSeed`, see growTree); on a sample, packed
 * into `orderedG` serially in the sample's order, and the root's [Σg, Σh] on the tree's scales.
 */
function packRows(
  q: Quantization,
  buffers: TrainBuffers,
  allRows: boolean,
  count: number,
  seed: number,
): { readonly g: number; readonly h: number } | { readonly quantizeSeed: number } {
  if (allRows) {
    const stride = blockStride(buffers.leafValue.length);
    let maxG = 0;
    let maxH = 0;
    for (let b = 0; b < blockCount(count); b++) {
      maxG = Math.max(maxG, buffers.blockStats[b * stride]!);
      maxH = Math.max(maxH, buffers.blockStats[b * stride + 1]!);
    }
    setScales(q, maxG, maxH);
    buffers.rowParams.set([q.scaleG, q.scaleH, q.radix, q.gLevels, q.hLevels]);
    return { quantizeSeed: seed };
  }
  const total = quantizeGradients(q, buffers.gradients, buffers.hessians, buffers.indices, count, seed, buffers.orderedG);
  // Worker threads unpack histograms on these scales when they find splits.
  buffers.rowParams.set([q.scaleG, q.scaleH, q.radix, q.gLevels, q.hLevels]);
  return { g: packedG(q, total) * q.scaleG, h: packedH(q, total) * q.scaleH };
}

/**
 * Exact gradients on every row: copies them into the ordered buffers by the row passes and returns
 * the root's [Σg, Σh], the blocks' sums added in block order (the same bits on any thread count).
 */
function orderRows(buffers: TrainBuffers, runRows: (job: RowJob) => void): { g: number; h: number } {
  runRows({ op: ROW_ORDER, objective: 'binary', applyTree: false, leaves: 0 });
  const stride = blockStride(buffers.leafValue.length);
  let g = 0;
  let h = 0;
  for (let b = 0; b < blockCount(buffers.data.rowCount); b++) {
    g += buffers.blockStats[b * stride]!;
    h += buffers.blockStats[b * stride + 1]!;
  }
  return { g, h };
}
