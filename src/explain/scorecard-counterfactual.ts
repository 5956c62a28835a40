import { CredoError } from '../errors/index.js';
import type { NumericBinSpec } from '../ml/binning/index.js';
import type { ScorecardModelBody } from '../ml/scorecard/index.js';
import { solveLp } from '../ml/solver/index.js';
import { counterfactualSafety, type FeatureChange } from './tree-counterfactual.js';

/** A move of one characteristic into one of its regular bins: the new value, its cost and logit term. */
export interface BinMove {
  readonly bin: number;
  readonly target: number;
  readonly cost: number;
  /** β·WOE of the bin (its term of the logit). */
  readonly term: number;
}

/**
 * The regular bins a numeric characteristic can move to from value `x`, each with the nearest
 * value inside it (bins are left-closed [s_{j−1}, s_j)), the weighted cost w·|Δ|/scale and its logit
 * term; bins whose nearest value lies outside [lower, upper] are dropped (the current bin stays).
 * Special and missing values cannot move (empty list).
 */
export function binMoves(
  characteristic: { spec: NumericBinSpec; woe: readonly number[]; coefficient: number },
  x: number,
  scale: number,
  weight: number,
  lower: number,
  upper: number,
): BinMove[] {
  const { splits, specials } = characteristic.spec;
  if (Number.isNaN(x) || specials.includes(x)) return [];
  const moves: BinMove[] = [];
  for (let j = 0; j <= splits.length; j++) {
    const lo = j === 0 ? Number.NEGATIVE_INFINITY : (splits[j - 1] as number);
    const hi = j === splits.length ? Number.POSITIVE_INFINITY : (splits[j] as number);
    const inside = x >= lo && x < hi;
    const target = inside ? x : x < lo ? lo : largestBelow(hi);
    if (!inside && (target < lower || target > upper)) continue;
    const cost = inside ? 0 : (weight * Math.abs(target - x)) / (scale > 0 ? scale : 1);
    moves.push({ bin: j, target, cost, term: characteristic.coefficient * (characteristic.woe[j] as number) });
  }
  return moves;
}

/**
 * The cheapest change of a scorecard row's actionable numeric characteristics that brings its logit
 * below `cutoffMargin`: a multiple-choice knapsack (one bin per characteristic, minimise Σ cost,
 * Σ terms ≤ budget) solved exactly as a small MILP with HiGHS. `values[j]` is the row's value of
 * characteristic j and `logit` its current logit. Returns null when no allowed move approves.
 */
export async function scorecardCounterfactual(
  body: ScorecardModelBody,
  values: ArrayLike<number>,
  logit: number,
  cutoffMargin: number,
  actionable: readonly number[],
  scale: ArrayLike<number>,
  weight: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): Promise<{ changes: FeatureChange[]; cost: number; marginAfter: number } | null> {
  if (logit < cutoffMargin) return { changes: [], cost: 0, marginAfter: logit };
  const options = new Map<number, BinMove[]>();
  let fixed = logit;
  for (const j of actionable) {
    const c = body.characteristics[j];
    if (c === undefined || c.spec.type !== 'number')
      throw new CredoError('E_EXPLAIN_ACTIONABLE', { feature: c?.feature ?? j, problem: 'only numeric characteristics can be changed' });
    const moves = binMoves(
      { spec: c.spec, woe: c.woe, coefficient: c.coefficient },
      values[j] as number,
      scale[j] as number,
      weight[j] as number,
      lower[j] as number,
      upper[j] as number,
    );
    const current = moves.find((m) => m.cost === 0);
    if (current === undefined) continue;
    fixed -= current.term;
    options.set(j, moves);
  }
  const lines = ['Minimize', ' obj: 0'];
  const objective: string[] = [];
  const terms: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  for (const [j, moves] of options) {
    rows.push(`${moves.map((_, k) => `y_${j}_${k}`).join(' + ')} = 1`);
    moves.forEach((m, k) => {
      binaries.push(`y_${j}_${k}`);
      if (m.cost > 0) objective.push(`${m.cost.toPrecision(17)} y_${j}_${k}`);
      if (m.term !== 0) terms.push(`${m.term >= 0 ? '+' : '-'} ${Math.abs(m.term).toPrecision(17)} y_${j}_${k}`);
    });
  }
  if (binaries.length === 0) return null;
  const budget = cutoffMargin - fixed - counterfactualSafety(cutoffMargin);
  if (terms.length > 0) rows.push(`${terms.join(' ').replace(/^\+ /, '')} <= ${budget.toPrecision(17)}`);
  else if (budget < 0) return null;
  if (objective.length > 0) lines[1] = ` obj: ${objective.join(' + ')}`;
  lines.push('Subject To', ...rows.map((r, k) => ` c${k}: ${r}`), 'Binary', ` ${binaries.join(' ')}`, 'End');
  const solution = await solveLp(lines.join('\n'));
  if (solution.status === 'Infeasible') return null;
  if (!solution.optimal) throw new CredoError('E_EXPLAIN_SOLVER', { problem: `HiGHS stopped with status "${solution.status}"` });
  const changes: FeatureChange[] = [];
  let cost = 0;
  let marginAfter = fixed;
  for (const [j, moves] of options) {
    const chosen = moves.find((_, k) => (solution.values[`y_${j}_${k}`] ?? 0) > 0.5) as BinMove;
    marginAfter += chosen.term;
    if (chosen.cost > 0) {
      cost += chosen.cost;
      changes.push({ feature: body.characteristics[j]?.feature ?? `c${j}`, from: values[j] as number, to: chosen.target });
    }
  }
  return { changes, cost, marginAfter };
}

/** The largest double below `t` (the right end of a left-closed bin). */
function largestBelow(t: number): number {
  const d = new Float64Array([t]);
  const bits = new BigInt64Array(d.buffer);
  if (t > 0) bits[0] = (bits[0] as bigint) - 1n;
  else if (t < 0) bits[0] = (bits[0] as bigint) + 1n;
  else return -Number.MIN_VALUE;
  return d[0] as number;
}
