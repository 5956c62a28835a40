// @ts-nocheck
import type { LpSolution, SolveLpOptions } from '../../ml/solver/index.js';
import { type AssignmentModel, variableName, writeAssignmentLp } from './assignment-model.js';
import { solveLpVerified, type VerifiedLpSolution } from './solve-lp-verified.js';

/** Solves LP text; the default runs HiGHS on this thread, the CLI passes a worker-thread solver. */
export type LpSolver = (lp: string, options: SolveLpOptions) => Promise<LpSolution | VerifiedLpSolution>;

/** Options of `solveAssignment`. */
export interface SolveAssignmentOptions {
  /** Wall-clock limit per solve in seconds (default 30). */
  readonly timeLimit?: number;
  /** Relative MIP gap (default 1e-4). */
  readonly gap?: number;
  /** Binary assignment (default true); false solves the LP relaxation (randomised splits). */
  readonly integer?: boolean;
  /** Skip the LP relaxation that yields shadow prices (used by frontier sweeps). */
  readonly skipShadowPrices?: boolean;
  readonly solver?: LpSolver;
}

/** The shadow price of a business constraint from the LP relaxation. */
export interface ShadowPrice {
  readonly name: string;
  readonly label: string;
  /** Activity of the row at the relaxation's optimum. */
  readonly activity: number;
  /** ∂(optimal profit)/∂(right-hand side): 0 when the constraint does not bind. */
  readonly dual: number;
  /** When the row encodes a parameter (e.g. the bad-rate cap): the parameter and ∂profit/∂parameter. */
  readonly parameter?: { readonly name: string; readonly value: number; readonly shadowPrice: number };
}

/** A solved assignment. */
export interface AssignmentSolution {
  /** `time_limit`: HiGHS stopped at a limit (time, iterations, solutions) with a feasible answer; see `solver_status`. */
  readonly status: 'optimal' | 'time_limit';
  /** HiGHS's own status word (e.g. `Optimal`, `Time limit reached`). */
  readonly solver_status: string;
  /** Set when the answer needed a retry (e.g. presolve off after a HiGHS error). */
  readonly retry?: string;
  /** Optimal (or best found) profit. */
  readonly objective: number;
  /** x_{s,a}, segment-major. */
  readonly x: Float64Array;
  /** The action of each segment with the largest x (the chosen action when binary). */
  readonly choice: Int32Array;
  /** Profit of the LP relaxation (an upper bound) and the shadow prices of its business rows. */
  readonly relaxation?: { readonly objective: number; readonly shadowPrices: readonly ShadowPrice[] };
}

/** An infeasible problem: the conflicting business constraints (an irreducible infeasible subset). */
export interface InfeasibleResult {
  readonly status: 'infeasible';
  /** Names and labels of the constraints that cannot hold together; empty when the structure alone is infeasible. */
  readonly conflict: readonly { readonly name: string; readonly label: string }[];
}

/**
 * The problem was not solved and not proven infeasible: HiGHS failed (status `Solver error` after
 * the presolve-off retry), stopped at a limit with no feasible answer, or reported a status such
 * as `Unbounded` or `Model error`. A reported outcome, not an exception: a frontier marks the point.
 */
export interface UnsolvedResult {
  readonly status: 'unsolved';
  /** HiGHS's status word. */
  readonly solver_status: string;
  /** What happened, in words, with the solver's messages. */
  readonly message: string;
}

/** HiGHS statuses that come with a feasible (possibly suboptimal) assignment. */
const FEASIBLE = new Set(['Optimal', 'Time limit reached', 'Iteration limit reached', 'Solution limit reached', 'Interrupted', 'Target for objective reached']);

/** The words of an unsolved outcome for each HiGHS status. */
function unsolved(solution: LpSolution | VerifiedLpSolution): UnsolvedResult {
  const detail = 'message' in solution && solution.message !== undefined ? `: ${solution.message}` : '';
  const message = FEASIBLE.has(solution.status)
    ? `HiGHS stopped ("${solution.status}") before finding any feasible assignment; raise solver.time_limit`
    : /unbounded/i.test(solution.status)
      ? `HiGHS reports the problem "${solution.status}" (an assignment problem is bounded: this is a solver failure)`
      : `HiGHS could not solve the problem (status "${solution.status}")${detail}`;
  return { status: 'unsolved', solver_status: solution.status, message };
}

/**
 * Solves the assignment with HiGHS: the binary problem (branch and bound to `gap`), then its LP
 * relaxation for shadow prices. When infeasible, searches for the conflicting constraints by a
 * deletion filter (Chinneck & Dravnieks, 1991): drop each business constraint in turn and keep it
 * out when the rest stay infeasible; what remains is irreducible. Never returns an empty answer.
 */
export async function solveAssignment(
  model: AssignmentModel,
  options: SolveAssignmentOptions = {},
): Promise<AssignmentSolution | InfeasibleResult | UnsolvedResult> {
  const solver = options.solver ?? solveLpVerified;
  const integer = options.integer ?? true;
  const lpOptions: SolveLpOptions = { timeLimit: options.timeLimit ?? 30, mipRelGap: options.gap ?? 1e-4 };
  const main = await solver(writeAssignmentLp(model, { integer }), lpOptions);
  if (!FEASIBLE.has(main.status) || Object.keys(main.values).length === 0) {
    // "Primal infeasible or unbounded" included: an assignment problem is bounded.
    if (/infeasible/i.test(main.status)) return { status: 'infeasible', conflict: await findConflict(model, solver, lpOptions, integer) };
    return unsolved(main);
  }
  const S = model.segments.length;
  const A = model.actions.length;
  const x = new Float64Array(S * A);
  const choice = new Int32Array(S);
  for (let s = 0; s < S; s++) {
    let best = 0;
    for (let a = 0; a < A; a++) {
      const v = main.values[variableName(s, a)] ?? 0;
      x[s * A + a] = Math.abs(v) < 1e-9 ? 0 : v;
      if (v > (x[s * A + best] as number) + 1e-9) best = a;
    }
    choice[s] = best;
  }
  const solved = {
    status: main.status === 'Optimal' ? ('optimal' as const) : ('time_limit' as const),
    solver_status: main.status,
    ...('retry' in main && main.retry !== undefined ? { retry: main.retry } : {}),
    objective: main.objective,
    x,
    choice,
  };
  if (options.skipShadowPrices === true) return solved;
  const relaxed = integer ? await solver(writeAssignmentLp(model, { integer: false }), lpOptions) : main;
  // Shadow prices need the relaxation; without it the assignment still stands.
  if (!FEASIBLE.has(relaxed.status)) return solved;
  const relaxedX = new Float64Array(S * A);
  for (let s = 0; s < S; s++) for (let a = 0; a < A; a++) relaxedX[s * A + a] = relaxed.values[variableName(s, a)] ?? 0;
  const rowsByName = new Map(relaxed.rows.map((r) => [r.name, r]));
  const shadowPrices = model.constraints.map((c): ShadowPrice => {
    const row = rowsByName.get(c.name);
    const dual = row?.dual ?? 0;
    const base = { name: c.name, label: c.label, activity: row?.activity ?? 0, dual };
    if (c.parameter === undefined) return base;
    // ∂profit/∂θ = −dual·∂row/∂θ (raising θ moves the row like lowering its right-hand side)
    const shadowPrice = -dual * c.parameter.rowDerivative(relaxedX);
    return { ...base, parameter: { name: c.parameter.name, value: c.parameter.value, shadowPrice: shadowPrice === 0 ? 0 : shadowPrice } };
  });
  return { ...solved, relaxation: { objective: relaxed.objective, shadowPrices } };
}

/** Deletion filter over the business constraints: an irreducible infeasible subset. */
async function findConflict(model: AssignmentModel, solver: LpSolver, options: SolveLpOptions, integer: boolean): Promise<InfeasibleResult['conflict']> {
  const feasible = async (names: ReadonlySet<string>) => FEASIBLE.has((await solver(writeAssignmentLp(model, { integer, include: names }), options)).status);
  const kept = new Set(model.constraints.map((c) => c.name));
  if (!(await feasible(new Set()))) return [];
  for (const c of model.constraints) {
    kept.delete(c.name);
    if (await feasible(kept)) kept.add(c.name);
  }
  return model.constraints.filter((c) => kept.has(c.name)).map((c) => ({ name: c.name, label: c.label }));
}
