// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { FrameSchema } from '../../frame/index.js';
import type { CredoModel } from '../model.js';
import { type SavedEnsemble, saveTree, type Tree, type TreeFeature } from '../tree/index.js';

/** Options of model import (shared by the XGBoost and LightGBM importers). */
export interface ImportOptions {
  /** File name used in error messages. */
  readonly file?: string;
  /** ISO time stamp stored as `createdAt` (the caller's clock). */
  readonly createdAt: string;
  /** Target name recorded in the model (default "bad"). */
  readonly target?: string;
  /**
   * Labels of categorical features by name: label k is category code k of the source model.
   * Default: the labels "0", "1", … (the data holds the codes themselves).
   */
  readonly categories?: Readonly<Record<string, readonly string[]>>;
}

/** Replaces the bare NaN/Infinity tokens XGBoost writes (not JSON) by null. */
function parseLenientJson(text: string, fail: (problem: string) => never): unknown {
  try {
    return JSON.parse(text.replace(/([[,:]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])/g, '$1null'));
  } catch {
    return fail('not valid JSON (expected Booster.save_model("m.json") output)');
  }
}

type Json = Record<string, unknown>;

/**
 * Converts an XGBoost JSON model (`Booster.save_model('m.json')`, gbtree, objectives
 * binary:logistic, binary:logitraw, reg:squarederror) to a Credo GBDT model with identical raw
 * margins. XGBoost compares float32 inputs with float32 split values (`x < split` goes left), so
 * the ensemble gets `inputPrecision: 'float32'`. Categorical splits list the categories that go
 * RIGHT in XGBoost; Credo lists the ones that go left, so children are swapped (and the default
 * direction with them). base_score is a probability for binary:logistic (converted to a margin);
 * XGBoost ≥ 2 writes it as "[5E-1]".
 * Source: XGBoost docs "Introduction to Model IO", json model schema; src/common/categorical.h.
 */
export function importXgboost(text: string, options: ImportOptions): CredoModel<'gbdt'> {
  const file = options.file ?? '(model)';
  const fail = (problem: string): never => {
    throw new CredoError('E_IMPORT_FORMAT', { source: 'XGBoost', file, problem });
  };
  const root = parseLenientJson(text, fail) as Json;
  const learner = root?.learner as Json | undefined;
  if (typeof learner !== 'object' || learner === null) fail('no "learner" object');
  const l = learner as Json;
  const booster = l.gradient_booster as Json;
  if (booster?.name !== 'gbtree') fail(`booster "${String(booster?.name)}" is not supported (only gbtree)`);
  const model = booster.model as Json;
  const rawTrees = model?.trees as Json[];
  if (!Array.isArray(rawTrees)) fail('no trees');
  const param = l.learner_model_param as Json;
  const numClass = Number(param?.num_class ?? 0);
  if (numClass > 1) fail('multi-class models are not supported');
  const objectiveName = String((l.objective as Json)?.name ?? '');
  let objective: 'binary' | 'regression';
  if (objectiveName === 'binary:logistic' || objectiveName === 'binary:logitraw') objective = 'binary';
  else if (objectiveName === 'reg:squarederror' || objectiveName === 'reg:linear') objective = 'regression';
  else return fail(`objective "${objectiveName}" is not supported`);
  const baseRaw = Number.parseFloat(String(param?.base_score ?? '0.5').replace(/[[\]]/g, ''));
  if (!Number.isFinite(baseRaw)) fail('base_score is not a number');
  const base32 = Math.fround(baseRaw);
  const baseScore = objectiveName === 'binary:logistic' ? Math.fround(-Math.log(1 / base32 - 1)) : base32;

  const featureCount = Number(param?.num_feature ?? 0);
  const names =
    Array.isArray(l.feature_names) && l.feature_names.length > 0 ? (l.feature_names as string[]) : Array.from({ length: featureCount }, (_, k) => `f${k}`);
  const types = Array.isArray(l.feature_types) ? (l.feature_types as string[]) : [];
  const maxCategory = new Int32Array(names.length).fill(-1);
  const trees = rawTrees.map((t, k) => convertTree(t, k, names.length, maxCategory, fail));
  const features: TreeFeature[] = names.map((name, f) => {
    if (types[f] !== 'c') return { name, type: 'number' };
    const given = options.categories?.[name];
    const categories = given ? [...given] : Array.from({ length: maxCategory[f]! + 1 }, (_, c) => String(c));
    return { name, type: 'category', categories };
  });
  const ensemble: SavedEnsemble = { trees: trees.map(saveTree), features, baseScore, objective, averaging: false, inputPrecision: 'float32' };
  const schema: FrameSchema = {
    columns: features.map((f) => (f.type === 'number' ? { name: f.name, type: 'number' } : { name: f.name, type: 'category', categories: f.categories! })),
  };
  return {
    kind: 'gbdt',
    schema,
    target: options.target ?? 'bad',
    params: { source: 'xgboost', objective: objectiveName, base_score: baseRaw, version: (root.version as unknown) ?? null },
    metrics: {},
    createdAt: options.createdAt,
    body: { ensemble, bestIteration: trees.length, treesTrained: trees.length, source: 'xgboost' },
  };
}

function convertTree(t: Json, k: number, featureCount: number, maxCategory: Int32Array, fail: (problem: string) => never): Tree {
  const leftIn = t.left_children as number[];
  const rightIn = t.right_children as number[];
  const splitIndex = t.split_indices as number[];
  const splitCond = t.split_conditions as (number | null)[];
  const defaultLeftIn = t.default_left as (number | boolean)[];
  const hess = (t.sum_hessian as number[]) ?? [];
  const loss = (t.loss_changes as number[]) ?? [];
  const weights = (t.base_weights as number[]) ?? [];
  const splitType = (t.split_type as number[]) ?? [];
  if (![leftIn, rightIn, splitIndex, splitCond, defaultLeftIn].every(Array.isArray)) fail(`tree ${k}: missing node arrays`);
  // Categorical node → its category list.
  const catOf = new Map<number, number[]>();
  const catNodes = (t.categories_nodes as number[]) ?? [];
  const catSegments = (t.categories_segments as number[]) ?? [];
  const catSizes = (t.categories_sizes as number[]) ?? [];
  const cats = (t.categories as number[]) ?? [];
  catNodes.forEach((node, j) => {
    catOf.set(node, cats.slice(catSegments[j]!, catSegments[j]! + catSizes[j]!));
  });
  // Renumber breadth-first so children always follow their parent (and deleted nodes drop out).
  const order: number[] = [0];
  const newId = new Map<number, number>([[0, 0]]);
  for (let q = 0; q < order.length; q++) {
    const old = order[q]!;
    if (old < 0 || old >= leftIn.length) fail(`tree ${k}: node ${old} out of range`);
    if (leftIn[old] !== -1) {
      for (const child of [leftIn[old]!, rightIn[old]!]) {
        newId.set(child, order.length);
        order.push(child);
      }
    }
  }
  const size = order.length;
  const tree = {
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size).fill(-1),
    right: new Int32Array(size).fill(-1),
    defaultLeft: new Uint8Array(size),
    categoryStart: new Int32Array(size).fill(-1),
    categoryCount: new Int32Array(size),
    categories: [] as number[],
    value: new Float64Array(size),
    cover: new Float64Array(size),
    gain: new Float64Array(size),
  };
  order.forEach((old, n) => {
    tree.cover[n] = hess[old] ?? 0;
    if (leftIn[old] === -1) {
      tree.feature[n] = -1;
      tree.value[n] = Math.fround(Number(splitCond[old]));
      return;
    }
    const f = splitIndex[old]!;
    if (!(f >= 0 && f < featureCount)) fail(`tree ${k}: node ${old} splits on unknown feature ${f}`);
    tree.feature[n] = f;
    tree.value[n] = weights[old] ?? 0;
    tree.gain[n] = loss[old] ?? 0;
    const l = newId.get(leftIn[old]!)!;
    const r = newId.get(rightIn[old]!)!;
    const defaultLeft = defaultLeftIn[old] === 1 || defaultLeftIn[old] === true;
    if (splitType[old] === 1) {
      const list = [...(catOf.get(old) ?? [])].sort((a, b) => a - b);
      for (const c of list) maxCategory[f] = Math.max(maxCategory[f]!, c);
      tree.categoryStart[n] = tree.categories.length;
      tree.categoryCount[n] = list.length;
      tree.categories.push(...list);
      // XGBoost sends listed categories right: swap so Credo's "listed go left" holds.
      tree.left[n] = r;
      tree.right[n] = l;
      tree.defaultLeft[n] = defaultLeft ? 0 : 1;
    } else {
      const cond = splitCond[old];
      if (typeof cond !== 'number') fail(`tree ${k}: node ${old} has no split condition`);
      tree.threshold[n] = Math.fround(cond as number);
      tree.left[n] = l;
      tree.right[n] = r;
      tree.defaultLeft[n] = defaultLeft ? 1 : 0;
    }
  });
  return { ...tree, categories: Int32Array.from(tree.categories) };
}
