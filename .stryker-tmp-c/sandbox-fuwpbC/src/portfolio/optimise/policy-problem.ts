// @ts-nocheck
import type { AssignmentConstraint, AssignmentModel } from './assignment-model.js';

/**
 * An optimisation problem with its business metrics: the assignment model plus, for every
 * (segment, action), the figures KPIs are made of. All arrays S×A segment-major unless stated.
 */
export interface PolicyProblem {
  readonly model: AssignmentModel;
  /** Accounts (applications) per segment. */
  readonly accounts: Float64Array;
  /** 1 for actions that approve / keep the account (for approval rates and swap sets). */
  readonly approves: Uint8Array;
  readonly metrics: PolicyMetrics;
  /** Share of each segment's accounts on each action under the current (champion) policy, S×A; absent = unknown. */
  readonly current?: Float64Array;
  /**
   * Figures of the accounts the current policy actually puts on each (segment, action), S×A, whole
   * (not per share): the current policy's KPIs are their sum. Absent = the current policy's accounts
   * are taken as an average sample of their segment (`metrics` × `current`).
   */
  readonly currentMetrics?: PolicyMetrics;
}

/** Per (segment, action) figures: counts, expected bads (Σ PD), amounts, EL, capital, profit. */
export interface PolicyMetrics {
  readonly approved: Float64Array;
  readonly bads: Float64Array;
  readonly amount: Float64Array;
  readonly badAmount: Float64Array;
  readonly el: Float64Array;
  readonly capital: Float64Array;
  readonly profit: Float64Array;
}

/** Portfolio KPIs of a policy. */
export interface PolicyKpis {
  readonly accounts: number;
  readonly approved: number;
  readonly approval_rate: number;
  readonly bads: number;
  /** Expected bads / approved (count basis). */
  readonly bad_rate: number;
  readonly amount: number;
  /** Expected bad amount / approved amount. */
  readonly bad_rate_amount: number;
  readonly el: number;
  readonly capital: number;
  readonly profit: number;
}

/** KPIs of the policy x (S×A shares, e.g. a solution's x or the current policy). */
export function policyKpis(problem: PolicyProblem, x: Float64Array): PolicyKpis {
  const m = problem.metrics;
  let approved = 0;
  let bads = 0;
  let amount = 0;
  let badAmount = 0;
  let el = 0;
  let capital = 0;
  let profit = 0;
  for (let k = 0; k < x.length; k++) {
    const w = x[k] as number;
    if (w === 0) continue;
    approved += w * (m.approved[k] as number);
    bads += w * (m.bads[k] as number);
    amount += w * (m.amount[k] as number);
    badAmount += w * (m.badAmount[k] as number);
    el += w * (m.el[k] as number);
    capital += w * (m.capital[k] as number);
    profit += w * (m.profit[k] as number);
  }
  const accounts = problem.accounts.reduce((s, v) => s + v, 0);
  return {
    accounts,
    approved,
    approval_rate: accounts > 0 ? approved / accounts : 0,
    bads,
    bad_rate: approved > 0 ? bads / approved : 0,
    amount,
    bad_rate_amount: amount > 0 ? badAmount / amount : 0,
    el,
    capital,
    profit,
  };
}

/**
 * KPIs of the current (champion) policy: from the accounts it actually holds when `currentMetrics`
 * is known, else from its shares of each segment. Undefined without a current policy.
 */
export function currentPolicyKpis(problem: PolicyProblem): PolicyKpis | undefined {
  const { current, currentMetrics } = problem;
  if (current === undefined) return undefined;
  if (currentMetrics === undefined) return policyKpis(problem, current);
  return policyKpis(
    { ...problem, metrics: currentMetrics },
    Float64Array.from(current, (share) => (share > 0 ? 1 : 0)),
  );
}

/** The common business constraints over PolicyMetrics; each is optional. Shares in [0, 1]. */
export interface CommonLimits {
  /** Expected bad rate (count) of approved accounts at most this. */
  readonly bad_rate_max?: number;
  /** Expected bad rate (amount) at most this. */
  readonly bad_rate_amount_max?: number;
  /** Approved accounts at least this share of all accounts. */
  readonly approval_min?: number;
  /** Approved accounts at least this many. */
  readonly approved_min?: number;
  /** Σ EL at most this. */
  readonly el_budget?: number;
  /** Σ capital at most this. */
  readonly capital_budget?: number;
  /** Σ approved amount at most / at least this. */
  readonly amount_max?: number;
  readonly amount_min?: number;
}

/**
 * The common constraints as assignment rows (REFERENCE §8): a bad-rate cap b̄ is written
 * Σ (bads − b̄·approved)·x ≤ 0 so it stays linear; its shadow price is reported per unit of b̄.
 * With `volume` (the mix problem, where "approved" accounts are volume-weighted) `approval_min`
 * is labelled as a multiple of the current book, not as an approval rate.
 */
export function commonConstraints(
  metrics: PolicyMetrics,
  accounts: Float64Array,
  limits: CommonLimits,
  options: { readonly volume?: boolean } = {},
): AssignmentConstraint[] {
  const rows: AssignmentConstraint[] = [];
  const size = metrics.approved.length;
  const combine = (f: (k: number) => number) => Float64Array.from({ length: size }, (_, k) => f(k));
  const dot = (a: Float64Array) => (x: Float64Array) => {
    let s = 0;
    for (let k = 0; k < size; k++) s += (a[k] as number) * (x[k] as number);
    return s;
  };
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  if (limits.bad_rate_max !== undefined) {
    const b = limits.bad_rate_max;
    rows.push({
      name: 'bad_rate_max',
      label: `bad rate (count) ≤ ${pct(b)}`,
      coefficients: combine((k) => (metrics.bads[k] as number) - b * (metrics.approved[k] as number)),
      sense: '<=',
      rhs: 0,
      parameter: { name: 'bad_rate_max', value: b, rowDerivative: (x) => -dot(metrics.approved)(x) },
    });
  }
  if (limits.bad_rate_amount_max !== undefined) {
    const b = limits.bad_rate_amount_max;
    rows.push({
      name: 'bad_rate_amount_max',
      label: `bad rate (amount) ≤ ${pct(b)}`,
      coefficients: combine((k) => (metrics.badAmount[k] as number) - b * (metrics.amount[k] as number)),
      sense: '<=',
      rhs: 0,
      parameter: { name: 'bad_rate_amount_max', value: b, rowDerivative: (x) => -dot(metrics.amount)(x) },
    });
  }
  const total = accounts.reduce((s, v) => s + v, 0);
  if (limits.approval_min !== undefined) {
    const v = limits.approval_min;
    rows.push({
      name: 'approval_min',
      label: options.volume === true ? `volume ≥ ×${v.toFixed(4)} the current book` : `approval rate ≥ ${pct(v)}`,
      coefficients: metrics.approved,
      sense: '>=',
      rhs: v * total,
      parameter: { name: 'approval_min', value: v, rowDerivative: () => -total },
    });
  }
  if (limits.approved_min !== undefined) {
    rows.push({ name: 'approved_min', label: `approved ≥ ${limits.approved_min}`, coefficients: metrics.approved, sense: '>=', rhs: limits.approved_min });
  }
  if (limits.el_budget !== undefined)
    rows.push({ name: 'el_budget', label: `EL ≤ ${limits.el_budget}`, coefficients: metrics.el, sense: '<=', rhs: limits.el_budget });
  if (limits.capital_budget !== undefined) {
    rows.push({ name: 'capital_budget', label: `capital ≤ ${limits.capital_budget}`, coefficients: metrics.capital, sense: '<=', rhs: limits.capital_budget });
  }
  if (limits.amount_max !== undefined)
    rows.push({ name: 'amount_max', label: `amount ≤ ${limits.amount_max}`, coefficients: metrics.amount, sense: '<=', rhs: limits.amount_max });
  if (limits.amount_min !== undefined)
    rows.push({ name: 'amount_min', label: `amount ≥ ${limits.amount_min}`, coefficients: metrics.amount, sense: '>=', rhs: limits.amount_min });
  return rows;
}

/**
 * Concentration caps: the approved amount of the segments in a group at most `maxShare` of all
 * approved amount, written Σ_{s∈g} amount·x − maxShare·Σ amount·x ≤ 0.
 */
export function concentrationConstraint(
  metrics: PolicyMetrics,
  actions: number,
  inGroup: (segment: number) => boolean,
  maxShare: number,
  name: string,
  label: string,
): AssignmentConstraint {
  const coefficients = Float64Array.from(metrics.amount, (amount, k) => (inGroup(Math.floor(k / actions)) ? amount : 0) - maxShare * amount);
  return { name, label, coefficients, sense: '<=', rhs: 0 };
}
