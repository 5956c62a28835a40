import { CredoError } from '../../errors/index.js';
import type { FrameSchema } from '../../frame/index.js';
import type { CredoModel } from '../model.js';
import { type SavedEnsemble, saveTree, type Tree, type TreeFeature } from '../tree/index.js';
import type { ImportOptions } from './import-xgboost.js';

/** The smallest double greater than x (for converting LightGBM's `x <= t` into Credo's `x < t'`). */
export function nextDoubleUp(x: number): number {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

const MISSING_NONE = 0;
const MISSING_ZERO = 1;
const MISSING_NAN = 2;

/**
 * Converts a LightGBM text model (`Booster.save_model('m.txt')`; objectives binary with
 * sigmoid 1, regression) to a Credo GBDT model with identical raw scores. Per node,
 * `decision_type` bit 0 = categorical, bit 1 = default left, bits 2–3 = missing type
 * (None: NaN is treated as 0; Zero: 0 and NaN follow the default; NaN: NaN follows the default).
 * Numeric `x <= threshold` becomes `x < nextDoubleUp(threshold)`. Categorical splits send the
 * categories set in the node's `cat_threshold` bitset left and everything else, including NaN,
 * right. Leaf values already include shrinkage; there is no base score.
 * Source: LightGBM include/LightGBM/tree.h (NumericalDecision, CategoricalDecision), docs
 * "Advanced Topics: Missing Value Handle".
 */
export function importLightgbm(text: string, options: ImportOptions): CredoModel<'gbdt'> {
  const file = options.file ?? '(model)';
  const fail = (problem: string): never => {
    throw new CredoError('E_IMPORT_FORMAT', { source: 'LightGBM', file, problem });
  };
  const blocks = text.replace(/\r/g, '').split(/\n(?=Tree=\d+\n)/);
  const header = keyValues(blocks[0]!);
  if (!blocks[0]!.startsWith('tree')) fail('does not start with "tree" (expected a LightGBM text model)');
  if (Number(header.get('num_class') ?? '1') !== 1 || Number(header.get('num_tree_per_iteration') ?? '1') !== 1) fail('multi-class models are not supported');
  const objectiveText = header.get('objective') ?? '';
  const objectiveName = objectiveText.split(' ')[0] ?? '';
  let objective: 'binary' | 'regression';
  if (objectiveName === 'binary') {
    const sigmoid = /sigmoid:([0-9.eE+-]+)/.exec(objectiveText);
    if (sigmoid !== null && Number(sigmoid[1]) !== 1) fail(`sigmoid ${sigmoid[1]} is not supported (only 1)`);
    objective = 'binary';
  } else if (objectiveName === 'regression' || objectiveName === 'regression_l2') objective = 'regression';
  else return fail(`objective "${objectiveText}" is not supported`);
  const names = (header.get('feature_names') ?? '').split(' ').filter((s) => s !== '');
  if (names.length === 0) fail('no feature_names');
  const infos = (header.get('feature_infos') ?? '').split(' ');
  const isCategorical = names.map((_, f) => {
    const info = infos[f] ?? 'none';
    return info !== 'none' && !info.startsWith('[');
  });
  const maxCategory = names.map((_, f) => (isCategorical[f] ? Math.max(-1, ...infos[f]!.split(':').map(Number)) : -1));
  const trees = blocks.slice(1).map((block, k) => convertTree(keyValues(block.split('end of trees')[0]!), k, names.length, isCategorical, maxCategory, fail));
  const features: TreeFeature[] = names.map((name, f) => {
    if (!isCategorical[f]) return { name, type: 'number' };
    const given = options.categories?.[name];
    return { name, type: 'category', categories: given ? [...given] : Array.from({ length: maxCategory[f]! + 1 }, (_, c) => String(c)) };
  });
  const averaging = /^average_output\s*$/m.test(blocks[0]!);
  const ensemble: SavedEnsemble = { trees: trees.map(saveTree), features, baseScore: 0, objective, averaging, inputPrecision: 'float64' };
  const schema: FrameSchema = {
    columns: features.map((f) => (f.type === 'number' ? { name: f.name, type: 'number' } : { name: f.name, type: 'category', categories: f.categories! })),
  };
  return {
    kind: 'gbdt',
    schema,
    target: options.target ?? 'bad',
    params: { source: 'lightgbm', objective: objectiveText, version: header.get('version') ?? null },
    metrics: {},
    createdAt: options.createdAt,
    body: { ensemble, bestIteration: trees.length, treesTrained: trees.length, source: 'lightgbm' },
  };
}

function keyValues(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return out;
}

function convertTree(
  kv: Map<string, string>,
  k: number,
  featureCount: number,
  isCategorical: boolean[],
  maxCategory: number[],
  fail: (p: string) => never,
): Tree {
  const nums = (key: string, required = true): number[] => {
    const v = kv.get(key);
    if (v === undefined || v === '') {
      if (required) fail(`tree ${k}: missing "${key}"`);
      return [];
    }
    return v.split(' ').map(Number);
  };
  const leaves = Number(kv.get('num_leaves'));
  if (!(leaves >= 1)) fail(`tree ${k}: bad num_leaves`);
  const leafValue = nums('leaf_value');
  if (leaves === 1) {
    return {
      feature: Int32Array.of(-1),
      threshold: new Float64Array(1),
      left: Int32Array.of(-1),
      right: Int32Array.of(-1),
      defaultLeft: new Uint8Array(1),
      categoryStart: Int32Array.of(-1),
      categoryCount: new Int32Array(1),
      categories: new Int32Array(0),
      value: Float64Array.of(leafValue[0] ?? 0),
      cover: Float64Array.of(nums('leaf_count', false)[0] ?? nums('leaf_weight', false)[0] ?? 0),
      gain: new Float64Array(1),
    };
  }
  const splitFeature = nums('split_feature');
  const threshold = nums('threshold');
  const decision = nums('decision_type');
  const leftChild = nums('left_child');
  const rightChild = nums('right_child');
  const splitGain = nums('split_gain', false);
  const internalValue = nums('internal_value', false);
  // Covers are data counts, as LightGBM's own TreeSHAP (pred_contrib) weighs by them; hessian sums only when a file has no counts.
  const internalCover = kv.has('internal_count') ? nums('internal_count') : nums('internal_weight', false);
  const leafCover = kv.has('leaf_count') ? nums('leaf_count') : nums('leaf_weight', false);
  const catBoundaries = nums('cat_boundaries', false);
  const catThreshold = nums('cat_threshold', false);
  // Breadth-first renumbering; LightGBM encodes leaf j as child ~j (= -j - 1).
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) {
    const node = order[q]!;
    if (node >= 0) {
      if (node >= leaves - 1) fail(`tree ${k}: child index ${node} out of range`);
      order.push(leftChild[node]!, rightChild[node]!);
    }
  }
  const size = order.length;
  const idOf = new Map(order.map((node, n) => [node, n]));
  const out = {
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size).fill(-1),
    right: new Int32Array(size).fill(-1),
    defaultLeft: new Uint8Array(size),
    categoryStart: new Int32Array(size).fill(-1),
    categoryCount: new Int32Array(size),
    value: new Float64Array(size),
    cover: new Float64Array(size),
    gain: new Float64Array(size),
    missingZero: new Uint8Array(size),
  };
  const categories: number[] = [];
  let anyZero = false;
  order.forEach((node, n) => {
    if (node < 0) {
      const leaf = ~node;
      out.feature[n] = -1;
      out.value[n] = leafValue[leaf]!;
      out.cover[n] = leafCover[leaf] ?? 0;
      return;
    }
    const f = splitFeature[node]!;
    if (!(f >= 0 && f < featureCount)) fail(`tree ${k}: node ${node} splits on unknown feature ${f}`);
    out.feature[n] = f;
    out.left[n] = idOf.get(leftChild[node]!)!;
    out.right[n] = idOf.get(rightChild[node]!)!;
    out.value[n] = internalValue[node] ?? 0;
    out.cover[n] = internalCover[node] ?? 0;
    out.gain[n] = splitGain[node] ?? 0;
    const type = decision[node]!;
    const missingType = (type >> 2) & 3;
    const defaultLeft = (type & 2) !== 0;
    if ((type & 1) !== 0) {
      isCategorical[f] = true;
      const idx = threshold[node]!;
      const from = catBoundaries[idx]!;
      const to = catBoundaries[idx + 1]!;
      if (!(from >= 0 && to <= catThreshold.length)) fail(`tree ${k}: node ${node} has a bad categorical bitset`);
      out.categoryStart[n] = categories.length;
      for (let w = from; w < to; w++) {
        const word = catThreshold[w]!;
        for (let bit = 0; bit < 32; bit++) {
          if (((word >>> bit) & 1) === 1) {
            const c = (w - from) * 32 + bit;
            categories.push(c);
            maxCategory[f] = Math.max(maxCategory[f]!, c);
          }
        }
      }
      out.categoryCount[n] = categories.length - out.categoryStart[n]!;
      out.defaultLeft[n] = 0;
      return;
    }
    const t = threshold[node]!;
    out.threshold[n] = nextDoubleUp(t);
    if (missingType === MISSING_NONE) out.defaultLeft[n] = 0 <= t ? 1 : 0;
    else if (missingType === MISSING_NAN) out.defaultLeft[n] = defaultLeft ? 1 : 0;
    else if (missingType === MISSING_ZERO) {
      out.defaultLeft[n] = defaultLeft ? 1 : 0;
      out.missingZero[n] = 1;
      anyZero = true;
    }
  });
  const { missingZero, ...rest } = out;
  return { ...rest, categories: Int32Array.from(categories), ...(anyZero ? { missingZero } : {}) };
}
