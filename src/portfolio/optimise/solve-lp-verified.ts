import { CredoError } from '../../errors/index.js';
import { type LpSolution, type SolveLpOptions, solveLp } from '../../ml/solver/index.js';

/** A solve that ended without an answer: HiGHS's status word `Solver error` and what went wrong. */
export const SOLVER_ERROR = 'Solver error';

/** `LpSolution` plus how it was obtained when the first attempt was not believed or failed. */
export interface VerifiedLpSolution extends LpSolution {
  /** Set when the answer comes from a retry: the retry's configuration and why it was needed. */
  readonly retry?: string;
  /** Set with status `Solver error`: the solver's message of every attempt. */
  readonly message?: string;
}

/**
 * `solveLp` with the known failures of HiGHS's presolve (wasm build of npm `highs`) worked around:
 * - an "Infeasible" verdict is confirmed with presolve off before it is believed (the MIP presolve
 *   was seen to declare feasible assignment models infeasible, e.g. a bad-rate cap with a
 *   concentration cap, where declining everything is feasible);
 * - a run that throws ("Unable to solve the problem. HiGHS error -1", seen on the README's
 *   100,000-row cutoff frontier at a 4% cap) is retried with presolve off;
 * - when the retry fails too, the outcome is returned as status `Solver error` with both messages,
 *   never thrown, so a frontier sweep can mark the point and go on.
 * `solve` is the solver tried (default `solveLp`, HiGHS on this thread); tests pass a scripted one to
 * reach the failure paths, which no small real model triggers.
 */
export async function solveLpVerified(model: string, options: SolveLpOptions = {}, solve: typeof solveLp = solveLp): Promise<VerifiedLpSolution> {
  let first: LpSolution;
  try {
    first = await solve(model, options);
  } catch (error) {
    const problem = solverProblem(error);
    try {
      const second = await solve(model, { ...options, presolve: false });
      return { ...second, retry: `presolve off (the first run failed: ${problem})` };
    } catch (again) {
      return { status: SOLVER_ERROR, optimal: false, objective: 0, values: {}, rows: [], message: `${problem}; with presolve off: ${solverProblem(again)}` };
    }
  }
  if (!/infeasible/i.test(first.status)) return first;
  let second: LpSolution;
  try {
    second = await solve(model, { ...options, presolve: false });
  } catch {
    return first;
  }
  if (/infeasible/i.test(second.status) || !(second.status === 'Optimal' || second.status === 'Time limit reached')) return first;
  return { ...second, retry: `presolve off (presolve reported "${first.status}")` };
}

/** The solver's own message of a failed solve; anything but a solver failure is rethrown. */
function solverProblem(error: unknown): string {
  if (error instanceof CredoError && error.code === 'E_SOLVER_FAILED') return String(error.details.problem ?? error.message);
  throw error;
}
