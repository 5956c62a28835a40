// @ts-nocheck
import type { AssignmentConstraint } from './assignment-model.js';
import { capitalPerUnit, type Economics } from './cutoff-problem.js';
import { type CommonLimits, commonConstraints, type PolicyMetrics, type PolicyProblem } from './policy-problem.js';
import type { PolicySegments } from './policy-segments.js';

/** Existing accounts, one entry per account. */
export interface LimitAccounts {
  readonly pd: Float64Array;
  readonly limit: Float64Array;
  readonly balance: Float64Array;
  /** Annual rate on the balance. */
  readonly rate: Float64Array;
}

/** How balances and exposure respond to a limit change. */
export interface LimitBehaviour {
  /** Credit conversion factor of the undrawn limit: EAD = balance + CCF·(limit − balance). */
  readonly ccf: number;
  /** Balance response: a limit change of δ moves the balance by elasticity·δ (capped at the new limit). */
  readonly balance_elasticity: number;
}

/** The limit problem's configuration. */
export interface LimitConfig {
  /** Relative limit changes, ascending (e.g. −0.2, 0, 0.1, 0.2); one must be 0 (the current policy). */
  readonly changes: readonly number[];
  readonly economics: Economics;
  readonly behaviour: LimitBehaviour;
  readonly limits: CommonLimits & { readonly exposure_increase_max?: number; readonly provision_increase_max?: number };
  /** Largest |change| allowed in one review (default none). */
  readonly max_step?: number;
}

/**
 * Dynamic credit-limit management (REFERENCE §8): per behavioural segment choose a limit change.
 * Per account, new limit L' = L(1+δ), balance B' = min(B(1 + e·δ), L'), EAD' = B' + CCF(L' − B');
 * profit = (rate − funding)·B' − opex − EL' − ΔECL − (hurdle − capital rate)·K·EAD', where the
 * provision change ΔECL = PD·LGD·(EAD' − EAD) is charged at once. Limits are monotone in score
 * (a better band never gets a smaller change than a worse band of the same group).
 */
export function buildLimitProblem(
  accounts: LimitAccounts,
  segments: PolicySegments,
  config: LimitConfig,
): PolicyProblem & { exposureIncrease: Float64Array; provisionIncrease: Float64Array } {
  const S = segments.labels.length;
  const A = config.changes.length;
  const size = S * A;
  const metrics: PolicyMetrics = {
    approved: new Float64Array(size),
    bads: new Float64Array(size),
    amount: new Float64Array(size),
    badAmount: new Float64Array(size),
    el: new Float64Array(size),
    capital: new Float64Array(size),
    profit: new Float64Array(size),
  };
  const exposureIncrease = new Float64Array(size);
  const provisionIncrease = new Float64Array(size);
  const counts = new Float64Array(S);
  const { lgd, funding_rate: funding, opex, hurdle_rate: hurdle } = config.economics;
  const capitalRate = config.economics.capital_rate ?? 0;
  const { ccf, balance_elasticity: elasticity } = config.behaviour;
  for (let i = 0; i < accounts.pd.length; i++) {
    const s = segments.rowSegment[i] as number;
    const pd = accounts.pd[i] as number;
    const limit = accounts.limit[i] as number;
    const balance = accounts.balance[i] as number;
    const k = capitalPerUnit(pd, config.economics);
    const ead0 = balance + ccf * Math.max(0, limit - balance);
    counts[s]! += 1;
    for (let a = 0; a < A; a++) {
      const delta = config.changes[a] as number;
      const newLimit = limit * (1 + delta);
      const newBalance = Math.min(balance * (1 + elasticity * delta), newLimit);
      const ead = newBalance + ccf * Math.max(0, newLimit - newBalance);
      const el = pd * lgd * ead;
      const provision = pd * lgd * (ead - ead0);
      const j = s * A + a;
      metrics.approved[j]! += 1;
      metrics.bads[j]! += pd;
      metrics.amount[j]! += ead;
      metrics.badAmount[j]! += pd * ead;
      metrics.el[j]! += el;
      metrics.capital[j]! += k * ead;
      metrics.profit[j]! += ((accounts.rate[i] as number) - funding) * newBalance - opex - el - provision - (hurdle - capitalRate) * k * ead;
      exposureIncrease[j]! += ead - ead0;
      provisionIncrease[j]! += provision;
    }
  }
  const constraints: AssignmentConstraint[] = commonConstraints(metrics, counts, config.limits);
  if (config.limits.exposure_increase_max !== undefined) {
    constraints.push({
      name: 'exposure_increase_max',
      label: `exposure increase ≤ ${config.limits.exposure_increase_max}`,
      coefficients: exposureIncrease,
      sense: '<=',
      rhs: config.limits.exposure_increase_max,
    });
  }
  if (config.limits.provision_increase_max !== undefined) {
    constraints.push({
      name: 'provision_increase_max',
      label: `provision increase ≤ ${config.limits.provision_increase_max}`,
      coefficients: provisionIncrease,
      sense: '<=',
      rhs: config.limits.provision_increase_max,
    });
  }
  const forbidden = new Uint8Array(size);
  if (config.max_step !== undefined) {
    for (let s = 0; s < S; s++) for (let a = 0; a < A; a++) if (Math.abs(config.changes[a] as number) > config.max_step + 1e-12) forbidden[s * A + a] = 1;
  }
  const orderings: { better: number; worse: number }[] = [];
  const byGroup = new Map<number, number[]>();
  for (let s = 0; s < S; s++) {
    const g = segments.group[s] as number;
    if ((segments.band[s] as number) < 0) continue;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)?.push(s);
  }
  for (const members of byGroup.values()) {
    members.sort((p, q) => (segments.band[p] as number) - (segments.band[q] as number));
    for (let j = 1; j < members.length; j++) orderings.push({ better: members[j] as number, worse: members[j - 1] as number });
  }
  const unchanged = config.changes.indexOf(0);
  const current = new Float64Array(size);
  if (unchanged >= 0) for (let s = 0; s < S; s++) current[s * A + unchanged] = 1;
  return {
    model: {
      segments: segments.labels,
      actions: config.changes.map((d) => (d === 0 ? 'keep' : `${d > 0 ? '+' : ''}${Math.round(d * 1000) / 10}%`)),
      profit: metrics.profit,
      constraints,
      forbidden,
      orderings,
    },
    accounts: counts,
    approves: new Uint8Array(A).fill(1),
    metrics,
    ...(unchanged >= 0 ? { current } : {}),
    exposureIncrease,
    provisionIncrease,
  };
}
