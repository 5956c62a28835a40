import { ZERO_THRESHOLD } from '../ml/tree/index.js';
import type { TreeShapModel } from './compile-tree-shap.js';
import { createTreeShapScratch, type TreeShapScratch, treeShapRows } from './tree-shap.js';

/** Scratch buffers of `treeShapRow`: allocate once per model and thread, reuse for every row. */
export interface TreeShapRowScratch {
  /** Failed-feature mask at each node of the current tree (local node index). */
  readonly failed: Int32Array;
  /** 1 when the row went right past a feature not failed above the node (a unit's direction bit). */
  readonly right: Uint8Array;
  /** Table offset of each unit's entry for the row. */
  readonly cells: Int32Array;
  /** Where the touch pass leaves its sum, so the compiler cannot drop it. */
  readonly sink: Float64Array;
  /** The batch kernel's scratch, for models with units computed on the fly. */
  readonly batch: TreeShapScratch | undefined;
}

/** Allocates the scratch of `treeShapRow` for a compiled model. */
export function createTreeShapRowScratch(model: TreeShapModel): TreeShapRowScratch {
  const tabulated = model.unitTableOffset.every((offset) => offset >= 0);
  return {
    failed: new Int32Array(model.maxNodes),
    right: new Uint8Array(model.maxNodes),
    cells: new Int32Array(model.unitRoot.length),
    sink: new Float64Array(1),
    batch: tabulated ? undefined : createTreeShapScratch(model),
  };
}

/**
 * The TreeSHAP values of ONE row (`x`: the row's `featureCount` model-aligned inputs), written to
 * `out[0 .. featureCount)`: bit for bit what `treeShapRows` gives for that row, built for the
 * decision path, where rows come one at a time. There, the batch kernel's cost is the leaf-table
 * reads: one entry per unit (≈ 1,000 for 100 trees of 31 leaves) scattered over tens of MB, each
 * a cache miss, and with the entry's width varying from unit to unit the gather loop's branches
 * mispredict, so the misses are taken one after another. Here every unit's entry is located first
 * (all trees), then one branch-predictable pass touches the first and last cell of each entry, so
 * the processor has many misses in flight at once, then the entries are added in the batch
 * kernel's order (tree, unit, feature), which keeps the sums identical. Models with units computed
 * on the fly (tables over budget) go through `treeShapRows`.
 */
export function treeShapRow(model: TreeShapModel, x: Float64Array, out: Float64Array, scratch: TreeShapRowScratch): void {
  if (scratch.batch !== undefined) {
    treeShapRows(model, x, 0, 1, out, scratch.batch);
    return;
  }
  const { nodeFeature, nodeThreshold, nodeLeft, nodeRight, nodeDefaultLeft, nodeCategoryStart, nodeCategoryCount, categories, nodeBit, nodeMissingZero } =
    model;
  const {
    treeNodeStart,
    treeUnitStart,
    unitRoot,
    unitSplitStart,
    unitSplitCount,
    unitSplits,
    unitFeatureStart,
    unitWidth,
    unitFeatures,
    unitTableOffset,
    table,
  } = model;
  const { failed, right, cells } = scratch;
  const treeCount = treeNodeStart.length - 1;
  for (let t = 0; t < treeCount; t++) {
    const nodeStart = treeNodeStart[t] as number;
    const nodeEnd = treeNodeStart[t + 1] as number;
    // the failed-feature mask at every node (parents come before children), as in `treeShapRows`
    failed[0] = 0;
    for (let g = nodeStart; g < nodeEnd; g++) {
      const f = nodeFeature[g] as number;
      if (f < 0) continue;
      const value = x[f] as number;
      let goRight: number;
      const catStart = nodeCategoryStart[g] as number;
      if (catStart < 0) {
        goRight = +(value >= (nodeThreshold[g] as number)); // 0/1 without a branch (see `treeShapRows`)
        if (Number.isNaN(value) || (nodeMissingZero !== undefined && nodeMissingZero[g] === 1 && Math.abs(value) <= ZERO_THRESHOLD))
          goRight = 1 - (nodeDefaultLeft[g] as number);
      } else if (Number.isNaN(value) || value < 0) {
        goRight = 1 - (nodeDefaultLeft[g] as number);
      } else {
        goRight = 1;
        const catEnd = catStart + (nodeCategoryCount[g] as number);
        for (let k = catStart; k < catEnd; k++) {
          if (categories[k] === value) {
            goRight = 0;
            break;
          }
        }
      }
      const local = g - nodeStart;
      const mask = failed[local] as number;
      const bit = nodeBit[g] as number;
      const failedRight = goRight << bit;
      failed[(nodeLeft[g] as number) - nodeStart] = mask | failedRight;
      failed[(nodeRight[g] as number) - nodeStart] = mask | ((1 << bit) ^ failedRight);
      right[local] = (failedRight & ~mask) >>> bit;
    }
    // each unit's table entry: root mask, then one direction bit per split
    const unitEnd = treeUnitStart[t + 1] as number;
    for (let u = treeUnitStart[t] as number; u < unitEnd; u++) {
      let index = failed[(unitRoot[u] as number) - nodeStart] as number;
      const splitEnd = (unitSplitStart[u] as number) + (unitSplitCount[u] as number);
      for (let s = unitSplitStart[u] as number; s < splitEnd; s++) index = index * 2 + (right[(unitSplits[s] as number) - nodeStart] as number);
      cells[u] = (unitTableOffset[u] as number) + index * (unitWidth[u] as number);
    }
  }
  const units = unitRoot.length;
  let touched = 0;
  for (let u = 0; u < units; u++) {
    const width = unitWidth[u] as number;
    if (width > 0) touched += (table[cells[u] as number] as number) + (table[(cells[u] as number) + width - 1] as number);
  }
  scratch.sink[0] = touched;
  out.fill(0, 0, model.featureCount);
  for (let u = 0; u < units; u++) {
    const cell = cells[u] as number;
    const featureStart = unitFeatureStart[u] as number;
    const width = unitWidth[u] as number;
    for (let k = 0; k < width; k++) {
      const o = unitFeatures[featureStart + k] as number;
      out[o] = (out[o] as number) + (table[cell + k] as number);
    }
  }
}
