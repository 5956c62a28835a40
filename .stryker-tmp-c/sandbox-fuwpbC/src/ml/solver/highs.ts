// @ts-nocheck
import highsModule from 'highs';
import { CredoError } from '../../errors/index.js';

type HighsLoader = typeof import('highs').default;
// The package's types are CommonJS-flavoured (the default import types as the namespace) while
// Node's ESM entry exports the loader itself as default: accept either shape.
const highsLoader = ((highsModule as unknown as { default?: HighsLoader }).default ?? highsModule) as unknown as HighsLoader;

/** HiGHS's outcome of a solve (its own status words, e.g. `Optimal`, `Infeasible`, `Time limit reached`). */
export type LpStatus = string;

/** Result of `solveLp`: status, objective and the value (and, for LPs, the dual) of every column and row. */
export interface LpSolution {
  readonly status: LpStatus;
  /** True when HiGHS proved optimality. */
  readonly optimal: boolean;
  /** Objective value (including any constant); NaN-free: 0 when no solution exists. */
  readonly objective: number;
  /** Primal value of each column by name (empty when infeasible). */
  readonly values: Readonly<Record<string, number>>;
  /** Row activities and duals (shadow prices; 0 for MIPs) by row name, in model order. */
  readonly rows: readonly { readonly name: string; readonly activity: number; readonly dual: number }[];
}

/** Options of `solveLp`. */
export interface SolveLpOptions {
  /** Wall-clock limit in seconds (default none). */
  readonly timeLimit?: number;
  /** Relative MIP gap at which to stop (HiGHS default 1e-4). */
  readonly mipRelGap?: number;
  /** Run HiGHS's presolve (default true); off is the known cure for some presolve failures. */
  readonly presolve?: boolean;
}

type Highs = Awaited<ReturnType<HighsLoader>>;
let loading: Promise<Highs> | undefined;

/** Loads the HiGHS wasm runtime once per process (later calls reuse it). */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

/**
 * Solves an LP/MIP written in CPLEX LP format with HiGHS (Huangfu & Hall, 2018; npm `highs`,
 * WebAssembly, single-threaded, deterministic). The model is text built by the caller; solving
 * is synchronous once the runtime is loaded. Infeasible/unbounded outcomes are returned as a
 * status, not thrown; a model HiGHS cannot read throws `E_SOLVER_FAILED`.
 */
export async function solveLp(model: string, options: SolveLpOptions = {}): Promise<LpSolution> {
  const highs = await loadHighs();
  const settings: Record<string, unknown> = { output_flag: false };
  if (options.timeLimit !== undefined) settings.time_limit = options.timeLimit;
  if (options.mipRelGap !== undefined) settings.mip_rel_gap = options.mipRelGap;
  if (options.presolve === false) settings.presolve = 'off';
  let result: ReturnType<Highs['solve']>;
  try {
    result = highs.solve(model, settings as Parameters<Highs['solve']>[1]);
  } catch (error) {
    throw new CredoError('E_SOLVER_FAILED', { problem: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
  const status = result.Status as string;
  const hasSolution =
    status === 'Optimal' || status === 'Time limit reached' || status === 'Iteration limit reached' || status === 'Target for objective reached';
  const values: Record<string, number> = {};
  const rows: { name: string; activity: number; dual: number }[] = [];
  if (hasSolution) {
    for (const [name, column] of Object.entries(result.Columns)) {
      const primal = (column as { Primal?: number }).Primal;
      if (primal !== undefined) values[name] = primal;
    }
    for (const row of result.Rows as { Name?: string; Primal?: number; Dual?: number }[]) {
      rows.push({ name: row.Name ?? '', activity: row.Primal ?? 0, dual: row.Dual ?? 0 });
    }
  }
  return { status, optimal: status === 'Optimal', objective: hasSolution ? result.ObjectiveValue : 0, values, rows };
}
