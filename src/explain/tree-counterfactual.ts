import { CredoError } from '../errors/index.js';
import { solveLp } from '../ml/solver/index.js';
import { goesLeft, leafFor, type Tree, type TreeEnsemble } from '../ml/tree/index.js';

/** One feature change of a counterfactual. */
export interface FeatureChange {
  readonly feature: string;
  readonly from: number;
  readonly to: number;
}

/** The smallest change found, with the margins before and after (raw log-odds scale). */
export interface Counterfactual {
  readonly changes: readonly FeatureChange[];
  /** Σ_j w_j·|to_j − from_j| / scale_j (weighted L1 in standardised units by default). */
  readonly cost: number;
  readonly marginBefore: number;
  readonly marginAfter: number;
  /** The row with the changes applied (model-aligned input). */
  readonly row: Float64Array;
}

/** Options of `treeCounterfactual`. */
export interface TreeCounterfactualOptions {
  /** Model feature indices the applicant can change (numeric features only). */
  readonly actionable: readonly number[];
  /** Approve when the margin is below this (logit of the PD cutoff for PD models). */
  readonly cutoffMargin: number;
  /** Per-feature scale dividing the change (standard deviation of the data; default 1). */
  readonly scale?: ArrayLike<number>;
  /** Per-feature cost weight (default 1). */
  readonly weight?: ArrayLike<number>;
  /** Per-feature plausible range [lower, upper] (e.g. the data's min and max); default unbounded. */
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
}

interface Interval {
  readonly lo: number;
  readonly hi: number;
  /** Value the feature takes when moved into this interval, and the cost of that move. */
  readonly target: number;
  readonly cost: number;
}

/**
 * The cheapest change to the actionable features that turns a declined row into an approval, as
 * an exact MILP over the ensemble's split thresholds (Cui et al. 2015, "Optimal action extraction
 * for random forests and boosted trees"; node-level formulation of Parmentier & Vidal 2021),
 * solved with HiGHS. Each actionable feature picks one interval between consecutive thresholds
 * (binary y), each tree one reachable leaf (λ), linked at every split on an actionable feature;
 * the margin Σ leaf values must fall below the cutoff. Non-actionable (and missing actionable)
 * values stay fixed. The result is checked by re-scoring the changed row. Returns null when no
 * change within the bounds approves the row.
 */
export async function treeCounterfactual(ensemble: TreeEnsemble, x: Float64Array, options: TreeCounterfactualOptions): Promise<Counterfactual | null> {
  const float32 = ensemble.inputPrecision === 'float32';
  const scaleFactor = ensemble.averaging && ensemble.trees.length > 0 ? 1 / ensemble.trees.length : 1;
  const marginBefore = ensembleMargin(ensemble, x);
  const actionable = options.actionable.filter((j) => !Number.isNaN(x[j] as number));
  for (const j of options.actionable) {
    if (ensemble.features[j]?.type !== 'number')
      throw new CredoError('E_EXPLAIN_ACTIONABLE', { feature: ensemble.features[j]?.name ?? j, problem: 'only numeric features can be actionable' });
  }
  if (marginBefore < options.cutoffMargin) return { changes: [], cost: 0, marginBefore, marginAfter: marginBefore, row: Float64Array.from(x) };
  const intervals = new Map<number, Interval[]>();
  for (const j of actionable) intervals.set(j, featureIntervals(ensemble, j, x[j] as number, options, float32));
  const lines: string[] = [];
  const objective: string[] = [];
  const constraints: string[] = [];
  const binaries: string[] = [];
  const marginTerms: string[] = [];
  for (const [j, list] of intervals) {
    const choose: string[] = [];
    list.forEach((interval, k) => {
      const name = `y_${j}_${k}`;
      binaries.push(name);
      choose.push(name);
      if (interval.cost > 0) objective.push(`${fmt(interval.cost)} ${name}`);
    });
    constraints.push(`${choose.join(' + ')} = 1`);
  }
  let constant = ensemble.baseScore;
  ensemble.trees.forEach((tree, t) => {
    const reachable = reachableLeaves(tree, x, intervals);
    if (reachable.length === 1) {
      constant += (tree.value[reachable[0] as number] as number) * scaleFactor;
      return;
    }
    const leafVar = (leaf: number) => `l_${t}_${leaf}`;
    constraints.push(`${reachable.map(leafVar).join(' + ')} = 1`);
    for (const leaf of reachable) {
      binaries.push(leafVar(leaf));
      const v = (tree.value[leaf] as number) * scaleFactor;
      if (v !== 0) marginTerms.push(`${v >= 0 ? '+' : '-'} ${fmt(Math.abs(v))} ${leafVar(leaf)}`);
    }
    const reachableSet = new Set(reachable);
    // link every split on an actionable feature: leaves below a side need an interval on that side
    for (let n = 0; n < tree.feature.length; n++) {
      const f = tree.feature[n] as number;
      const list = f >= 0 ? intervals.get(f) : undefined;
      if (list === undefined) continue;
      const threshold = tree.threshold[n] as number;
      for (const [side, goLeft] of [
        [tree.left[n] as number, true],
        [tree.right[n] as number, false],
      ] as const) {
        const below = leavesUnder(tree, side).filter((l) => reachableSet.has(l));
        if (below.length === 0) continue;
        const allowed: string[] = [];
        list.forEach((interval, k) => {
          if (goLeft ? interval.hi <= threshold : interval.lo >= threshold) allowed.push(`y_${f}_${k}`);
        });
        const rhs = allowed.length === 0 ? '' : ` - ${allowed.join(' - ')}`;
        constraints.push(`${below.map(leafVar).join(' + ')}${rhs} <= 0`);
      }
    }
  });
  const target = options.cutoffMargin - constant - counterfactualSafety(options.cutoffMargin);
  if (marginTerms.length > 0) constraints.push(`${marginTerms.join(' ').replace(/^\+ /, '')} <= ${fmt(target)}`);
  else if (target < 0) return null;
  lines.push('Minimize', ` obj: ${objective.length > 0 ? objective.join(' + ') : '0'}`, 'Subject To');
  constraints.forEach((c, k) => {
    lines.push(` c${k}: ${c}`);
  });
  lines.push('Binary', ` ${binaries.join(' ')}`, 'End');
  const solution = await solveLp(lines.join('\n'));
  if (solution.status === 'Infeasible') return null;
  if (!solution.optimal) throw new CredoError('E_EXPLAIN_SOLVER', { problem: `HiGHS stopped with status "${solution.status}"` });
  const row = Float64Array.from(x);
  const changes: FeatureChange[] = [];
  let cost = 0;
  for (const [j, list] of intervals) {
    const k = list.findIndex((_, index) => (solution.values[`y_${j}_${index}`] ?? 0) > 0.5);
    const interval = list[k] as Interval;
    if (interval.cost > 0) {
      row[j] = interval.target;
      cost += interval.cost;
      changes.push({ feature: ensemble.features[j]?.name ?? `f${j}`, from: x[j] as number, to: interval.target });
    }
  }
  const marginAfter = ensembleMargin(ensemble, row);
  if (!(marginAfter < options.cutoffMargin))
    throw new CredoError('E_EXPLAIN_SOLVER', { problem: `the solution does not flip the decision (margin ${marginAfter} ≥ ${options.cutoffMargin})` });
  return { changes, cost, marginBefore, marginAfter, row };
}

/**
 * How far below the cutoff a solver-found counterfactual aims: strictly below, by more than HiGHS's
 * MIP feasibility tolerance (1e-6), else the solver may accept leaves that sum to the cutoff within
 * that tolerance and the re-scored row is not approved (seen with a margin exactly at the cutoff).
 */
export function counterfactualSafety(cutoffMargin: number): number {
  return 1e-5 * Math.max(1, Math.abs(cutoffMargin));
}

/** The raw margin of a model-aligned row (reference routing via `leafFor`). */
export function ensembleMargin(ensemble: TreeEnsemble, x: ArrayLike<number>): number {
  let total = 0;
  for (const tree of ensemble.trees) total += tree.value[leafFor(tree, (f) => x[f] as number)] as number;
  if (ensemble.averaging && ensemble.trees.length > 0) total /= ensemble.trees.length;
  return ensemble.baseScore + total;
}

/**
 * The intervals between consecutive thresholds of feature j over all trees, each with the value
 * the feature moves to (the nearest point of the interval, exactly representable in the model's
 * input precision) and its cost; intervals outside [lower, upper] are dropped (the current one stays).
 */
export function featureIntervals(ensemble: TreeEnsemble, j: number, current: number, options: TreeCounterfactualOptions, float32: boolean): Interval[] {
  const thresholds = new Set<number>();
  for (const tree of ensemble.trees) {
    for (let n = 0; n < tree.feature.length; n++)
      if (tree.feature[n] === j && (tree.categoryStart[n] as number) < 0) thresholds.add(tree.threshold[n] as number);
  }
  const sorted = [...thresholds].sort((a, b) => a - b);
  const scale = options.scale?.[j] ?? 1;
  const weight = options.weight?.[j] ?? 1;
  const lower = options.lower?.[j] ?? Number.NEGATIVE_INFINITY;
  const upper = options.upper?.[j] ?? Number.POSITIVE_INFINITY;
  const out: Interval[] = [];
  for (let k = 0; k <= sorted.length; k++) {
    const lo = k === 0 ? Number.NEGATIVE_INFINITY : (sorted[k - 1] as number);
    const hi = k === sorted.length ? Number.POSITIVE_INFINITY : (sorted[k] as number);
    const probe = float32 ? Math.fround(current) : current;
    let target: number;
    if (probe >= lo && probe < hi) target = current;
    else if (probe < lo) target = lo;
    else target = below(hi, float32);
    const isCurrent = target === current;
    if (!isCurrent && (target < lower || target > upper)) continue;
    const cost = isCurrent ? 0 : (weight * Math.abs(target - current)) / (scale > 0 ? scale : 1);
    out.push({ lo, hi, target, cost });
  }
  return out;
}

/** The largest value below `t` in the model's input precision. */
function below(t: number, float32: boolean): number {
  if (float32) {
    const f = new Float32Array([t]);
    const bits = new Int32Array(f.buffer);
    if (t > 0) bits[0] = (bits[0] as number) - 1;
    else if (t < 0) bits[0] = (bits[0] as number) + 1;
    else return -1.401298464324817e-45;
    return f[0] as number;
  }
  const d = new Float64Array([t]);
  const bits = new BigInt64Array(d.buffer);
  if (t > 0) bits[0] = (bits[0] as bigint) - 1n;
  else if (t < 0) bits[0] = (bits[0] as bigint) + 1n;
  else return -Number.MIN_VALUE;
  return d[0] as number;
}

/** Leaves a row can still reach when only the actionable features may change. */
function reachableLeaves(tree: Tree, x: Float64Array, intervals: ReadonlyMap<number, readonly Interval[]>): number[] {
  const out: number[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const n = stack.pop() as number;
    const f = tree.feature[n] as number;
    if (f < 0) {
      out.push(n);
      continue;
    }
    if (intervals.has(f) && (tree.categoryStart[n] as number) < 0) stack.push(tree.right[n] as number, tree.left[n] as number);
    else stack.push(goesLeft(tree, n, x[f] as number) ? (tree.left[n] as number) : (tree.right[n] as number));
  }
  return out.sort((a, b) => a - b);
}

function leavesUnder(tree: Tree, node: number): number[] {
  const out: number[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as number;
    if ((tree.feature[n] as number) < 0) out.push(n);
    else stack.push(tree.left[n] as number, tree.right[n] as number);
  }
  return out;
}

function fmt(v: number): string {
  return v.toPrecision(17);
}
