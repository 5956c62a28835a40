import { CredoError } from '../../errors/index.js';
import type { LpSolution, SolveLpOptions } from '../../ml/solver/index.js';
import { type AssignmentModel, variableName, writeAssignmentLp } from './assignment-model.js';
import { solveLpVerified } from './solve-lp-verified.js';

/** Solves LP text; the default runs HiGHS on this thread, the CLI passes a worker-thread solver. */
export type LpSolver = (lp: string, options: SolveLpOptions) => Promise<LpSolution>;

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
  readonly status: 'optimal' | 'time_limit';
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

const FEASIBLE = new Set(['Optimal', 'Time limit reached']);

/**
 * Solves the assignment with HiGHS: the binary problem (branch and bound to `gap`), then its LP
 * relaxation for shadow prices. When infeasible, searches for the conflicting constraints by a
 * deletion filter (Chinneck & Dravnieks, 1991): drop each business constraint in turn and keep it
 * out when the rest stay infeasible; what remains is irreducible. Never returns an empty answer.
 */
export async function solveAssignment(model: AssignmentModel, options: SolveAssignmentOptions = {}): Promise<AssignmentSolution | InfeasibleResult> {
  const solver = options.solver ?? solveLpVerified;
  const integer = options.integer ?? true;
  const lpOptions: SolveLpOptions = { timeLimit: options.timeLimit ?? 30, mipRelGap: options.gap ?? 1e-4 };
  const main = await solver(writeAssignmentLp(model, { integer }), lpOptions);
  if (!FEASIBLE.has(main.status) || Object.keys(main.values).length === 0) {
    if (/infeasible/i.test(main.status)) return { status: 'infeasible', conflict: await findConflict(model, solver, lpOptions, integer) };
    throw new CredoError('E_PORTFOLIO_SOLVER', { problem: `HiGHS ended with status "${main.status}" and no solution` });
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
  const status = main.status === 'Optimal' ? 'optimal' : 'time_limit';
  if (options.skipShadowPrices === true) return { status, objective: main.objective, x, choice };
  const relaxed = integer ? await solver(writeAssignmentLp(model, { integer: false }), lpOptions) : main;
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
  return { status, objective: main.objective, x, choice, relaxation: { objective: relaxed.objective, shadowPrices } };
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
