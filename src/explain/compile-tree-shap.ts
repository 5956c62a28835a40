import { CredoError } from '../errors/index.js';
import type { Tree, TreeEnsemble } from '../ml/tree/index.js';
import { buildUnits, type TreeShapUnits } from './tree-shap-units.js';

/**
 * A tree ensemble precompiled for TreeSHAP: every tree's nodes flattened in parent-before-child
 * order into shared typed arrays, and for every leaf its distinct path features, their zero
 * fractions and (when it fits the memory budget) a table of the leaf's Shapley values for each of
 * the 2^d patterns of followed/failed path features (FastTreeSHAP v2, Yang 2021), merged over
 * small subtrees (`TreeShapUnits`: up to 6 leaves share one table, one lookup serves them all).
 * Explaining a row then costs one pass over the nodes plus O(D) table reads per unit. Plain typed
 * arrays only, so the structure can be posted to worker threads.
 */
export interface TreeShapModel extends TreeShapUnits {
  readonly featureCount: number;
  /** φ₀: base score plus each tree's cover-weighted mean output (raw margin scale). */
  readonly expectedValue: number;
  /** Per tree t: its nodes are `treeNodeStart[t] .. treeNodeStart[t + 1]`, the first is the root. */
  readonly treeNodeStart: Int32Array;
  /** Per tree t: its leaves are `treeLeafStart[t] .. treeLeafStart[t + 1]` in the leaf arrays. */
  readonly treeLeafStart: Int32Array;
  /** Node arrays (global indices): feature (-1 leaf), threshold, children, missing direction, categories. */
  readonly nodeFeature: Int32Array;
  readonly nodeThreshold: Float64Array;
  readonly nodeLeft: Int32Array;
  readonly nodeRight: Int32Array;
  readonly nodeDefaultLeft: Uint8Array;
  readonly nodeCategoryStart: Int32Array;
  readonly nodeCategoryCount: Int32Array;
  readonly categories: Int32Array;
  /**
   * 1 where the node treats |x| ≤ `ZERO_THRESHOLD` as missing (LightGBM's zero-as-missing: such a
   * value takes the missing direction); undefined when no node does.
   */
  readonly nodeMissingZero?: Uint8Array;
  /** Bit of the node's feature among the distinct features of the path from the root (internal nodes). */
  readonly nodeBit: Uint8Array;
  /** Per leaf: its node, path length d (distinct features), start in `leafFeatures`/`leafZero`. */
  readonly leafNode: Int32Array;
  readonly leafDepth: Uint8Array;
  readonly leafPathStart: Int32Array;
  /** Global feature index of each distinct path feature, and its zero fraction. */
  readonly leafFeatures: Int32Array;
  readonly leafZero: Float64Array;
  /** Leaf value on the margin scale (divided by the tree count for averaging ensembles). */
  readonly leafValue: Float64Array;
  /** Distinct features on the path from the root to the node, not counting the node's own test. */
  readonly nodePathDepth: Uint8Array;
  /** Largest node count of a tree (scratch size) and largest d. */
  readonly maxNodes: number;
  readonly maxDepth: number;
}

/** Most distinct features on one root-to-leaf path (the kernel's pattern masks are 31-bit). */
export const MAX_PATH_FEATURES = 30;

/** Options of `compileTreeShap`. */
export interface CompileTreeShapOptions {
  /** Budget for the precomputed leaf tables, in doubles (default 2^25 = 256 MB). 0 disables tables. */
  readonly tableBudget?: number;
  /** Leaves with more distinct path features than this are never tabulated (default 16). */
  readonly maxTableDepth?: number;
}

/** Precomputes the per-tree path data of an ensemble once per model (see `TreeShapModel`). */
export function compileTreeShap(ensemble: TreeEnsemble, options: CompileTreeShapOptions = {}): TreeShapModel {
  const budget = Math.min(options.tableBudget ?? 2 ** 25, 2 ** 30);
  const maxTableDepth = Math.min(options.maxTableDepth ?? 16, 24);
  const scale = ensemble.averaging && ensemble.trees.length > 0 ? 1 / ensemble.trees.length : 1;
  let totalNodes = 0;
  let totalCategories = 0;
  for (const tree of ensemble.trees) {
    totalNodes += tree.feature.length;
    totalCategories += tree.categories.length;
  }
  const nodeFeature = new Int32Array(totalNodes);
  const nodeThreshold = new Float64Array(totalNodes);
  const nodeLeft = new Int32Array(totalNodes).fill(-1);
  const nodeRight = new Int32Array(totalNodes).fill(-1);
  const nodeDefaultLeft = new Uint8Array(totalNodes);
  const nodeMissingZero = ensemble.trees.some((tree) => tree.missingZero !== undefined) ? new Uint8Array(totalNodes) : undefined;
  const nodeCategoryStart = new Int32Array(totalNodes).fill(-1);
  const nodeCategoryCount = new Int32Array(totalNodes);
  const categories = new Int32Array(totalCategories);
  const nodeBit = new Uint8Array(totalNodes);
  const nodePathDepth = new Uint8Array(totalNodes);
  const treeNodeStart = new Int32Array(ensemble.trees.length + 1);
  const treeLeafStart = new Int32Array(ensemble.trees.length + 1);
  const leaves: LeafPath[] = [];
  let expectedValue = ensemble.baseScore;
  let nodeBase = 0;
  let categoryBase = 0;
  let maxNodes = 1;
  ensemble.trees.forEach((tree, t) => {
    treeNodeStart[t] = nodeBase;
    treeLeafStart[t] = leaves.length;
    const order = breadthFirstOrder(tree);
    const position = new Int32Array(tree.feature.length);
    order.forEach((n, k) => {
      position[n] = k;
    });
    maxNodes = Math.max(maxNodes, order.length);
    for (let k = 0; k < order.length; k++) {
      const n = order[k] as number;
      const g = nodeBase + k;
      nodeFeature[g] = tree.feature[n] as number;
      if ((tree.feature[n] as number) < 0) continue;
      nodeThreshold[g] = tree.threshold[n] as number;
      nodeLeft[g] = nodeBase + (position[tree.left[n] as number] as number);
      nodeRight[g] = nodeBase + (position[tree.right[n] as number] as number);
      nodeDefaultLeft[g] = tree.defaultLeft[n] as number;
      if (nodeMissingZero !== undefined) nodeMissingZero[g] = tree.missingZero?.[n] ?? 0;
      const start = tree.categoryStart[n] as number;
      if (start >= 0) {
        const count = tree.categoryCount[n] as number;
        nodeCategoryStart[g] = categoryBase + start;
        nodeCategoryCount[g] = count;
      }
    }
    categories.set(tree.categories, categoryBase);
    const treeLeaves = collectLeafPaths(tree, position, nodeBase, nodeBit, nodePathDepth, scale);
    for (const leaf of treeLeaves) {
      // failed-feature masks are 32-bit integers
      if (leaf.features.length > MAX_PATH_FEATURES)
        throw new CredoError('E_EXPLAIN_PATH_TOO_DEEP', { tree: t, count: leaf.features.length, limit: MAX_PATH_FEATURES });
      leaves.push(leaf);
      let mean = leaf.value;
      for (const z of leaf.zero) mean *= z;
      expectedValue += mean;
    }
    nodeBase += order.length;
    categoryBase += tree.categories.length;
  });
  treeNodeStart[ensemble.trees.length] = nodeBase;
  treeLeafStart[ensemble.trees.length] = leaves.length;
  const packed = packLeaves(leaves);
  const units = buildUnits(
    { treeNodeStart, treeLeafStart, nodeFeature, nodeLeft, nodeRight, nodeBit, nodePathDepth, ...packed },
    budget,
    maxTableDepth,
    packed.maxDepth,
  );
  return {
    ...packed,
    ...units,
    nodePathDepth,
    featureCount: ensemble.features.length,
    expectedValue,
    treeNodeStart,
    treeLeafStart,
    nodeFeature,
    nodeThreshold,
    nodeLeft,
    nodeRight,
    nodeDefaultLeft,
    nodeCategoryStart,
    nodeCategoryCount,
    categories,
    ...(nodeMissingZero === undefined ? {} : { nodeMissingZero }),
    nodeBit,
    maxNodes,
  };
}

interface LeafPath {
  node: number;
  value: number;
  features: number[];
  zero: number[];
}

/** Node ids reachable from the root, parents before children. */
function breadthFirstOrder(tree: Tree): number[] {
  const order = [0];
  for (let k = 0; k < order.length; k++) {
    const n = order[k] as number;
    if ((tree.feature[n] as number) >= 0) order.push(tree.left[n] as number, tree.right[n] as number);
  }
  return order;
}

/** Walks every root→leaf path, merging repeated features (their zero fractions multiply). */
function collectLeafPaths(tree: Tree, position: Int32Array, nodeBase: number, nodeBit: Uint8Array, nodePathDepth: Uint8Array, scale: number): LeafPath[] {
  const out: LeafPath[] = [];
  const features: number[] = [];
  const zero: number[] = [];
  const visit = (n: number): void => {
    const f = tree.feature[n] as number;
    nodePathDepth[nodeBase + (position[n] as number)] = features.length;
    if (f < 0) {
      out.push({ node: nodeBase + (position[n] as number), value: (tree.value[n] as number) * scale, features: [...features], zero: [...zero] });
      return;
    }
    let bit = features.indexOf(f);
    const added = bit < 0;
    if (added) {
      bit = features.length;
      features.push(f);
      zero.push(1);
    }
    nodeBit[nodeBase + (position[n] as number)] = bit;
    const cover = tree.cover[n] as number;
    const before = zero[bit] as number;
    for (const child of [tree.left[n] as number, tree.right[n] as number]) {
      // a node without cover splits its (empty) mass evenly: keeps the fractions finite
      zero[bit] = before * (cover > 0 ? (tree.cover[child] as number) / cover : 0.5);
      visit(child);
    }
    zero[bit] = before;
    if (added) {
      features.pop();
      zero.pop();
    }
  };
  visit(0);
  return out;
}

function packLeaves(leaves: readonly LeafPath[]) {
  const count = leaves.length;
  const leafNode = new Int32Array(count);
  const leafDepth = new Uint8Array(count);
  const leafPathStart = new Int32Array(count + 1);
  const leafValue = new Float64Array(count);
  let pathTotal = 0;
  let maxDepth = 0;
  leaves.forEach((leaf, l) => {
    leafNode[l] = leaf.node;
    leafDepth[l] = leaf.features.length;
    leafValue[l] = leaf.value;
    leafPathStart[l] = pathTotal;
    pathTotal += leaf.features.length;
    maxDepth = Math.max(maxDepth, leaf.features.length);
  });
  leafPathStart[count] = pathTotal;
  const leafFeatures = new Int32Array(pathTotal);
  const leafZero = new Float64Array(pathTotal);
  leaves.forEach((leaf, l) => {
    leafFeatures.set(leaf.features, leafPathStart[l] as number);
    leafZero.set(leaf.zero, leafPathStart[l] as number);
  });
  return { leafNode, leafDepth, leafPathStart, leafFeatures, leafZero, leafValue, maxDepth };
}
