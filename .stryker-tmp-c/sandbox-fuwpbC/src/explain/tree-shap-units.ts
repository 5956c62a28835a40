// @ts-nocheck
import { addLeafShap, shapleyWeights } from './leaf-shap.js';

/** Most splits in a table unit (a subtree of ≤ 6 leaves). Measured on the bench model, per row single/batch: 1 split (sibling pairs) 270/90 µs, 3: 185/76 µs, 5: 162/69 µs, 7: 156/68 µs but 1.7× the table memory. */
export const UNIT_MAX_SPLITS = 5;

/** What `buildUnits` needs of the compiled nodes and leaves (global indices). */
export interface UnitInput {
  readonly treeNodeStart: Int32Array;
  readonly treeLeafStart: Int32Array;
  readonly nodeFeature: Int32Array;
  readonly nodeLeft: Int32Array;
  readonly nodeRight: Int32Array;
  readonly nodeBit: Uint8Array;
  /** Distinct features on the path from the root to the node (not counting the node's own test). */
  readonly nodePathDepth: Uint8Array;
  readonly leafNode: Int32Array;
  readonly leafDepth: Uint8Array;
  readonly leafPathStart: Int32Array;
  readonly leafFeatures: Int32Array;
  readonly leafZero: Float64Array;
  readonly leafValue: Float64Array;
}

/**
 * Table units: each is a maximal subtree with at most `UNIT_MAX_SPLITS` splits (a single leaf when
 * its parent's subtree is larger), whose leaves are consecutive in leaf order. A unit's table is
 * indexed by the failed mask at its root (d_e bits) and the row's direction at each of its m splits,
 * and holds the summed contributions of all its leaves over the unit's D features — one lookup per
 * unit instead of one per leaf (FastTreeSHAP v2's per-leaf tables, merged).
 */
export interface TreeShapUnits {
  /** Per tree t: units `treeUnitStart[t] .. treeUnitStart[t + 1]`. */
  readonly treeUnitStart: Int32Array;
  readonly unitRoot: Int32Array;
  /** The unit's splits (global node ids, parents first): `unitSplits[unitSplitStart[u] ..]`, `unitSplitCount[u]` of them. */
  readonly unitSplitStart: Int32Array;
  readonly unitSplitCount: Uint8Array;
  readonly unitSplits: Int32Array;
  /** The unit's leaves: `unitLeafStart[u] .. unitLeafStart[u + 1]` (leaf indices). */
  readonly unitLeafStart: Int32Array;
  /** The unit's features (global indices): `unitFeatures[unitFeatureStart[u] ..]`, `unitWidth[u]` of them. */
  readonly unitFeatureStart: Int32Array;
  readonly unitWidth: Uint8Array;
  readonly unitFeatures: Int32Array;
  /** Offset of the unit's table (2^(d_e + m) rows of `unitWidth` values), or -1: leaves computed per row. */
  readonly unitTableOffset: Int32Array;
  readonly table: Float64Array;
}

/** Groups leaves into units and fills their tables within `budget` doubles (shallow units first). */
export function buildUnits(input: UnitInput, budget: number, maxTableDepth: number, maxDepth: number): TreeShapUnits {
  const { treeNodeStart, treeLeafStart, nodeFeature, nodeLeft, nodeRight, nodePathDepth, leafNode, leafPathStart, leafFeatures } = input;
  const totalNodes = nodeFeature.length;
  const splitsBelow = new Int32Array(totalNodes);
  const parent = new Int32Array(totalNodes).fill(-1);
  for (let g = totalNodes - 1; g >= 0; g--) {
    if ((nodeFeature[g] as number) < 0) continue;
    const l = nodeLeft[g] as number;
    const r = nodeRight[g] as number;
    parent[l] = g;
    parent[r] = g;
    splitsBelow[g] = 1 + (splitsBelow[l] as number) + (splitsBelow[r] as number);
  }
  const roots: number[] = [];
  const leafStarts: number[] = [];
  const treeUnitStart = new Int32Array(treeNodeStart.length);
  for (let t = 0; t + 1 < treeLeafStart.length; t++) {
    treeUnitStart[t] = roots.length;
    let previous = -1;
    for (let l = treeLeafStart[t] as number; l < (treeLeafStart[t + 1] as number); l++) {
      let root = leafNode[l] as number;
      while ((parent[root] as number) >= 0 && (splitsBelow[parent[root] as number] as number) <= UNIT_MAX_SPLITS) root = parent[root] as number;
      // leaves come in depth-first order, so a unit's leaves are consecutive
      if (root !== previous) {
        roots.push(root);
        leafStarts.push(l);
        previous = root;
      }
    }
  }
  treeUnitStart[treeNodeStart.length - 1] = roots.length;
  leafStarts.push(leafNode.length);
  const units = roots.length;
  const unitRoot = Int32Array.from(roots);
  const unitLeafStart = Int32Array.from(leafStarts);
  const unitSplitStart = new Int32Array(units);
  const unitSplitCount = new Uint8Array(units);
  const unitFeatureStart = new Int32Array(units);
  const unitWidth = new Uint8Array(units);
  const splits: number[] = [];
  const features: number[] = [];
  for (let u = 0; u < units; u++) {
    unitSplitStart[u] = splits.length;
    const stack = [unitRoot[u] as number];
    const mine: number[] = [];
    while (stack.length > 0) {
      const g = stack.pop() as number;
      if ((nodeFeature[g] as number) < 0) continue;
      mine.push(g);
      stack.push(nodeLeft[g] as number, nodeRight[g] as number);
    }
    mine.sort((a, b) => a - b);
    splits.push(...mine);
    unitSplitCount[u] = mine.length;
    unitFeatureStart[u] = features.length;
    const list: number[] = [];
    for (let l = unitLeafStart[u] as number; l < (unitLeafStart[u + 1] as number); l++) {
      for (let k = leafPathStart[l] as number; k < (leafPathStart[l + 1] as number); k++) {
        const f = leafFeatures[k] as number;
        if (!list.includes(f)) list.push(f);
      }
    }
    features.push(...list);
    unitWidth[u] = list.length;
  }
  const unitSplits = Int32Array.from(splits);
  const unitFeatures = Int32Array.from(features);
  const unitTableOffset = new Int32Array(units).fill(-1);
  const rootDepth = (u: number) => (nodePathDepth[unitRoot[u] as number] as number) + (unitSplitCount[u] as number);
  const byDepth = [...Array(units).keys()].sort((a, b) => rootDepth(a) - rootDepth(b) || a - b);
  let size = 0;
  for (const u of byDepth) {
    const need = 2 ** rootDepth(u) * (unitWidth[u] as number);
    if (rootDepth(u) > maxTableDepth || size + need > budget) break;
    unitTableOffset[u] = size;
    size += need;
  }
  const table = new Float64Array(size);
  const units_ = {
    treeUnitStart,
    unitRoot,
    unitSplitStart,
    unitSplitCount,
    unitSplits,
    unitLeafStart,
    unitFeatureStart,
    unitWidth,
    unitFeatures,
    unitTableOffset,
    table,
  };
  fillTables(input, units_, maxDepth);
  return units_;
}

/** Fills every tabulated unit: for each (root mask, split directions), the sum over its leaves. */
function fillTables(input: UnitInput, units: TreeShapUnits, maxDepth: number): void {
  const { nodeLeft, nodeRight, nodeBit, nodePathDepth, leafNode, leafDepth, leafPathStart, leafFeatures, leafZero, leafValue } = input;
  const weights = shapleyWeights(maxDepth);
  const poly = new Float64Array(maxDepth + 1);
  const table = units.table;
  for (let u = 0; u < units.unitRoot.length; u++) {
    const offset = units.unitTableOffset[u] as number;
    if (offset < 0) continue;
    const root = units.unitRoot[u] as number;
    const m = units.unitSplitCount[u] as number;
    const splitStart = units.unitSplitStart[u] as number;
    const width = units.unitWidth[u] as number;
    const featureStart = units.unitFeatureStart[u] as number;
    const firstLeaf = units.unitLeafStart[u] as number;
    const leafCount = (units.unitLeafStart[u + 1] as number) - firstLeaf;
    // local slots: 0 = root, then each split's two children; masks propagate through them
    const local = new Map<number, number>([[root, 0]]);
    const splitSlot = new Int32Array(m);
    const leftSlot = new Int32Array(m);
    const rightSlot = new Int32Array(m);
    const splitBit = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const g = units.unitSplits[splitStart + i] as number;
      splitSlot[i] = local.get(g) as number;
      local.set(nodeLeft[g] as number, local.size);
      local.set(nodeRight[g] as number, local.size);
      leftSlot[i] = local.get(nodeLeft[g] as number) as number;
      rightSlot[i] = local.get(nodeRight[g] as number) as number;
      splitBit[i] = 1 << (nodeBit[g] as number);
    }
    const leafSlot = new Int32Array(leafCount);
    const featureSlots: Int32Array[] = [];
    for (let j = 0; j < leafCount; j++) {
      const l = firstLeaf + j;
      leafSlot[j] = local.get(leafNode[l] as number) as number;
      const start = leafPathStart[l] as number;
      featureSlots.push(
        Int32Array.from(
          { length: leafDepth[l] as number },
          (_, k) => units.unitFeatures.indexOf(leafFeatures[start + k] as number, featureStart) - featureStart,
        ),
      );
    }
    const masks = new Int32Array(local.size);
    const rootBits = nodePathDepth[root] as number;
    const entries = 2 ** (rootBits + m);
    const directionMask = 2 ** m - 1;
    // leaf by leaf (the sum over leaves keeps its order in every entry); a leaf's values depend only
    // on its own mask, so each distinct mask is computed once
    for (let j = 0; j < leafCount; j++) {
      const l = firstLeaf + j;
      const d = leafDepth[l] as number;
      if (d === 0) continue;
      const memo = new Float64Array(2 ** d * d);
      const done = new Uint8Array(2 ** d);
      const slots = featureSlots[j] as Int32Array;
      for (let entry = 0; entry < entries; entry++) {
        const directions = entry & directionMask;
        masks[0] = entry >>> m;
        for (let i = 0; i < m; i++) {
          const mask = masks[splitSlot[i] as number] as number;
          const bit = splitBit[i] as number;
          // the first split is the most significant direction bit; 1 = the row went right
          const right = ((directions >>> (m - 1 - i)) & 1) === 1;
          masks[leftSlot[i] as number] = right ? mask | bit : mask;
          masks[rightSlot[i] as number] = right ? mask : mask | bit;
        }
        const leafMask = masks[leafSlot[j] as number] as number;
        if (done[leafMask] === 0) {
          addLeafShap(d, leafZero, leafPathStart[l] as number, leafMask, leafValue[l] as number, weights[d] as Float64Array, poly, memo, leafMask * d);
          done[leafMask] = 1;
        }
        const base = offset + entry * width;
        const from = leafMask * d;
        for (let k = 0; k < d; k++) {
          const at = base + (slots[k] as number);
          table[at] = (table[at] as number) + (memo[from + k] as number);
        }
      }
    }
  }
}
