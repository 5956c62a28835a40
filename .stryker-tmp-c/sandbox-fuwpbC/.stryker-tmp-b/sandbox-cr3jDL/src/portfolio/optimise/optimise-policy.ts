// @ts-nocheck
// 
import type { PolicyKpis, PolicyProblem } from './policy-problem.js';
import { currentPolicyKpis, policyKpis } from './policy-problem.js';
import { type InfeasibleResult, type ShadowPrice, type SolveAssignmentOptions, solveAssignment, type UnsolvedResult } from './solve-assignment.js';

/** One segment's assignment. */
export interface SegmentAssignment {
  readonly segment: string;
  readonly accounts: number;
  /** The chosen action (largest share). */
  readonly action: string;
  /** Shares on each action when the solution is fractional (relaxed problems); else 1 on `action`. */
  readonly shares: Readonly<Record<string, number>>;
  /** Current policy's approved share, when known. */
  readonly current_approved_share?: number;
}

/** Segment-level swap set of current vs optimised policy (REFERENCE §7 cells, expected bads from PD). */
export interface SegmentSwapSet {
  readonly cells: Record<'all_in' | 'swap_out' | 'swap_in' | 'all_out', { readonly count: number; readonly bads: number; readonly bad_rate: number }>;
}

/** The result of optimising a policy. */
export interface PolicyOptimum {
  readonly status: 'optimal' | 'time_limit';
  /** HiGHS's own status word. */
  readonly solver_status: string;
  /** Set when the answer needed a retry (e.g. presolve off after a HiGHS error). */
  readonly retry?: string;
  readonly profit: number;
  readonly assignment: readonly SegmentAssignment[];
  readonly kpis: PolicyKpis;
  /** KPIs of the current policy and new − current, when the current policy is known. */
  readonly current?: PolicyKpis;
  readonly delta?: Readonly<Record<keyof PolicyKpis, number>>;
  readonly swap_set?: SegmentSwapSet;
  /** LP relaxation bound and shadow prices of the business constraints. */
  readonly relaxation_profit?: number;
  readonly shadow_prices?: readonly ShadowPrice[];
}

/**
 * Solves a policy problem and reports the assignment, KPIs, deltas and swap set against the
 * current policy, and shadow prices; an infeasible problem returns its conflicting constraints, an
 * unsolved one (solver failure) its status and message.
 */
export async function optimisePolicy(problem: PolicyProblem, options: SolveAssignmentOptions = {}): Promise<PolicyOptimum | InfeasibleResult | UnsolvedResult> {
  const solution = await solveAssignment(problem.model, options);
  if (solution.status === 'infeasible' || solution.status === 'unsolved') return solution;
  const { segments, actions } = problem.model;
  const A = actions.length;
  const assignment = segments.map((segment, s): SegmentAssignment => {
    const shares: Record<string, number> = {};
    for (let a = 0; a < A; a++) {
      const v = solution.x[s * A + a] as number;
      if (v > 1e-9) shares[actions[a] as string] = Math.round(v * 1e9) / 1e9;
    }
    const row: SegmentAssignment = { segment, accounts: problem.accounts[s] as number, action: actions[solution.choice[s] as number] as string, shares };
    if (problem.current === undefined) return row;
    let approvedShare = 0;
    for (let a = 0; a < A; a++) if (problem.approves[a] === 1) approvedShare += problem.current[s * A + a] as number;
    return { ...row, current_approved_share: approvedShare };
  });
  const kpis = policyKpis(problem, solution.x);
  const base: PolicyOptimum = {
    status: solution.status,
    solver_status: solution.solver_status,
    ...(solution.retry === undefined ? {} : { retry: solution.retry }),
    profit: solution.objective,
    assignment,
    kpis,
    ...(solution.relaxation === undefined ? {} : { relaxation_profit: solution.relaxation.objective, shadow_prices: solution.relaxation.shadowPrices }),
  };
  const current = currentPolicyKpis(problem);
  if (current === undefined) return base;
  const delta = Object.fromEntries(Object.keys(kpis).map((k) => [k, kpis[k as keyof PolicyKpis] - current[k as keyof PolicyKpis]])) as Record<
    keyof PolicyKpis,
    number
  >;
  // a swap set needs a decline action (limit and mix problems keep every account)
  if (problem.approves.every((v) => v === 1)) return { ...base, current, delta };
  return { ...base, current, delta, swap_set: segmentSwapSet(problem, solution.x) };
}

/**
 * Swap set of current vs new policy (REFERENCE §7). Per segment, the new approved share z splits
 * the current policy's approved accounts (all-in / swap-out) and its declined ones (swap-in /
 * all-out). With `currentMetrics` the approved and declined accounts carry their own expected bads
 * (exact for whole-segment decisions); without, both carry the segment average.
 */
export function segmentSwapSet(problem: PolicyProblem, x: Float64Array): SegmentSwapSet {
  const A = problem.model.actions.length;
  const S = problem.model.segments.length;
  const sums = { all_in: [0, 0], swap_out: [0, 0], swap_in: [0, 0], all_out: [0, 0] } as Record<keyof SegmentSwapSet['cells'], [number, number]>;
  for (let s = 0; s < S; s++) {
    let c = 0;
    let z = 0;
    let bads = 0;
    // accounts and expected bads the current policy approves in the segment, when known exactly
    const held: [number, number] = [0, 0];
    for (let a = 0; a < A; a++) {
      if (problem.approves[a] !== 1) continue;
      const k = s * A + a;
      c += problem.current?.[k] ?? 0;
      z += x[k] as number;
      bads = Math.max(bads, problem.metrics.bads[k] as number);
      if (problem.currentMetrics !== undefined && (problem.current?.[k] ?? 0) > 0) {
        held[0] += problem.currentMetrics.approved[k] as number;
        held[1] += problem.currentMetrics.bads[k] as number;
      }
    }
    const n = problem.accounts[s] as number;
    const approved: [number, number] = problem.currentMetrics === undefined ? [c * n, c * bads] : held;
    const declined: [number, number] = [n - approved[0], bads - approved[1]];
    const add = (cell: keyof SegmentSwapSet['cells'], share: number, part: [number, number]) => {
      sums[cell][0] += share * part[0];
      sums[cell][1] += share * part[1];
    };
    add('all_in', z, approved);
    add('swap_out', 1 - z, approved);
    add('swap_in', z, declined);
    add('all_out', 1 - z, declined);
  }
  const cell = ([count, bads]: [number, number]) => ({ count, bads, bad_rate: count > 0 ? bads / count : 0 });
  return { cells: { all_in: cell(sums.all_in), swap_out: cell(sums.swap_out), swap_in: cell(sums.swap_in), all_out: cell(sums.all_out) } };
}

/** A point of the efficient frontier. */
export interface FrontierPoint {
  /** The swept parameter's value (e.g. the bad-rate cap). */
  readonly value: number;
  readonly status: 'optimal' | 'time_limit' | 'infeasible' | 'unsolved';
  readonly profit: number | null;
  readonly kpis: PolicyKpis | null;
  /** HiGHS's own status word. */
  readonly solver_status: string;
  /** Unsolved points: what went wrong; solved ones: a retry that was needed, if any. */
  readonly message?: string;
}

/**
 * The efficient frontier: re-solves the problem built for each value of a swept parameter (e.g.
 * the bad-rate cap) and records profit and KPIs (REFERENCE §8). Infeasible values are kept as
 * points with status `infeasible`, values the solver failed on with status `unsolved` and a message.
 */
export async function computeFrontier(
  build: (value: number) => PolicyProblem,
  values: readonly number[],
  options: SolveAssignmentOptions = {},
  onPoint: (done: number, total: number) => void = () => {},
): Promise<FrontierPoint[]> {
  const points: FrontierPoint[] = [];
  for (const value of values) {
    const problem = build(value);
    const solution = await solveAssignment(problem.model, { ...options, skipShadowPrices: true });
    if (solution.status === 'infeasible') points.push({ value, status: 'infeasible', profit: null, kpis: null, solver_status: 'Infeasible' });
    else if (solution.status === 'unsolved')
      points.push({ value, status: 'unsolved', profit: null, kpis: null, solver_status: solution.solver_status, message: solution.message });
    else
      points.push({
        value,
        status: solution.status,
        profit: solution.objective,
        kpis: policyKpis(problem, solution.x),
        solver_status: solution.solver_status,
        ...(solution.retry === undefined ? {} : { message: `solved with ${solution.retry}` }),
      });
    onPoint(points.length, values.length);
  }
  return points;
}
