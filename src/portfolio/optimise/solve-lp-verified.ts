import { type LpSolution, loadHighs, type SolveLpOptions, solveLp } from '../../ml/solver/index.js';

/**
 * `solveLp` with infeasibility double-checked: HiGHS's MIP presolve (wasm build of npm `highs`)
 * was seen to declare feasible assignment models infeasible (e.g. a bad-rate cap with a
 * concentration cap, where declining everything is feasible; the same model solves with presolve
 * off). An "Infeasible" verdict is therefore confirmed with presolve off before it is believed.
 */
export async function solveLpVerified(model: string, options: SolveLpOptions = {}): Promise<LpSolution> {
  const first = await solveLp(model, options);
  if (!/infeasible/i.test(first.status)) return first;
  const highs = await loadHighs();
  const settings: Record<string, unknown> = { output_flag: false, presolve: 'off' };
  if (options.timeLimit !== undefined) settings.time_limit = options.timeLimit;
  if (options.mipRelGap !== undefined) settings.mip_rel_gap = options.mipRelGap;
  const result = highs.solve(model, settings as Parameters<typeof highs.solve>[1]);
  const status = result.Status as string;
  if (/infeasible/i.test(status) || !(status === 'Optimal' || status === 'Time limit reached')) return first;
  const values: Record<string, number> = {};
  for (const [name, column] of Object.entries(result.Columns)) {
    const primal = (column as { Primal?: number }).Primal;
    if (primal !== undefined) values[name] = primal;
  }
  const rows = (result.Rows as { Name?: string; Primal?: number; Dual?: number }[]).map((row) => ({
    name: row.Name ?? '',
    activity: row.Primal ?? 0,
    dual: row.Dual ?? 0,
  }));
  return { status, optimal: status === 'Optimal', objective: result.ObjectiveValue, values, rows };
}
