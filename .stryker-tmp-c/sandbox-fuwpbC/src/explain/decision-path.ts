// @ts-nocheck
import { goesLeft, type TreeEnsemble } from '../ml/tree/index.js';

/** One internal node a row passed through. */
export interface PathStep {
  /** Node id in the tree (as stored in the model). */
  readonly node: number;
  readonly feature: string;
  /** The split rule: `< threshold` for numbers, the left-going category labels for categories. */
  readonly threshold: number | null;
  readonly leftCategories: readonly string[] | null;
  /** The row's value (a label for categories; null when missing). */
  readonly value: number | string | null;
  readonly direction: 'left' | 'right';
  /** True when the value was missing and the node's default direction decided. */
  readonly missingRouted: boolean;
  /** Next node id. */
  readonly next: number;
}

/** A row's route through one tree: the steps and the leaf reached with its output (margin scale). */
export interface DecisionPath {
  readonly tree: number;
  readonly steps: readonly PathStep[];
  readonly leaf: number;
  readonly leafValue: number;
}

/**
 * The decision path of a row through tree `treeIndex` (same routing as `goesLeft`): node ids,
 * feature, threshold or category list, the value, the direction and whether missing-value routing
 * decided, ending at the leaf — the auditor's view of one tree. `x` is the row's model-aligned
 * input (as `rowMajorInput` gives it).
 */
export function decisionPath(ensemble: TreeEnsemble, treeIndex: number, x: ArrayLike<number>): DecisionPath {
  const tree = ensemble.trees[treeIndex];
  if (tree === undefined) throw new RangeError(`tree ${treeIndex} is outside 0..${ensemble.trees.length - 1}`);
  const steps: PathStep[] = [];
  let n = 0;
  while ((tree.feature[n] as number) >= 0) {
    const f = tree.feature[n] as number;
    const meta = ensemble.features[f];
    const raw = x[f] as number;
    const categorical = (tree.categoryStart[n] as number) >= 0;
    const missing = Number.isNaN(raw) || (categorical && raw < 0);
    const left = goesLeft(tree, n, raw);
    const next = left ? (tree.left[n] as number) : (tree.right[n] as number);
    let leftCategories: string[] | null = null;
    if (categorical) {
      const start = tree.categoryStart[n] as number;
      leftCategories = Array.from(tree.categories.subarray(start, start + (tree.categoryCount[n] as number)), (c) => meta?.categories?.[c] ?? String(c));
    }
    const value = missing ? null : categorical || meta?.type === 'category' ? (meta?.categories?.[raw] ?? `(unseen ${raw})`) : raw;
    steps.push({
      node: n,
      feature: meta?.name ?? `f${f}`,
      threshold: categorical ? null : (tree.threshold[n] as number),
      leftCategories,
      value,
      direction: left ? 'left' : 'right',
      missingRouted: missing,
      next,
    });
    n = next;
  }
  return { tree: treeIndex, steps, leaf: n, leafValue: tree.value[n] as number };
}

/** One line per step, for auditors: `node 0: utilization = 0.82 ≥ 0.5 → right (node 2)`. */
export function formatDecisionPath(path: DecisionPath): string {
  const lines = [`tree ${path.tree}:`];
  for (const s of path.steps) {
    let rule: string;
    if (s.leftCategories !== null) {
      const inList = s.direction === 'left';
      rule = s.missingRouted ? `missing → default ${s.direction}` : `${JSON.stringify(s.value)} ${inList ? 'in' : 'not in'} {${s.leftCategories.join(', ')}}`;
    } else {
      rule = s.missingRouted ? `missing → default ${s.direction}` : `${s.value} ${s.direction === 'left' ? '<' : '≥'} ${s.threshold}`;
    }
    lines.push(`  node ${s.node}: ${s.feature}: ${rule} → ${s.direction} (node ${s.next})`);
  }
  lines.push(`  leaf ${path.leaf}: value ${path.leafValue}`);
  return `${lines.join('\n')}\n`;
}
