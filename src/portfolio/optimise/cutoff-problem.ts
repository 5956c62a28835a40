import { computeRaroc, heldCapital, type IrbClass, irbCapital } from '../../finance/index.js';
import type { AssignmentConstraint } from './assignment-model.js';
import { type CommonLimits, commonConstraints, concentrationConstraint, type PolicyMetrics, type PolicyProblem } from './policy-problem.js';

/** Per-segment sums over a set of applications (all of them, or those the current policy approves). */
export interface SegmentSums {
  /** Applications. */
  readonly count: Float64Array;
  /** Σ PD: expected bads if every application were approved. */
  readonly pdSum: Float64Array;
  /** Σ requested amount. */
  readonly amountSum: Float64Array;
  /** Σ PD·amount. */
  readonly pdAmountSum: Float64Array;
  /** Σ rate·amount (the annual rate each application would pay). */
  readonly rateAmountSum: Float64Array;
  /** Σ K·amount, K the IRB capital per unit of EAD at the application's PD. */
  readonly capitalSum: Float64Array;
}

/** Per-segment sums of the applications (from `cutoffSegmentData` or built by hand). */
export interface CutoffSegmentData extends SegmentSums {
  readonly labels: readonly string[];
  /** Score band (0 = worst) and categorical group of each segment, for monotone cutoffs. */
  readonly band: Int32Array;
  readonly group: Int32Array;
  /** Categorical values per segment by column (for concentration caps and knock-outs). */
  readonly values: Readonly<Record<string, readonly string[]>>;
  /** Applications approved by the current policy (absent = unknown). */
  readonly currentApproved?: Float64Array;
  /**
   * The same sums over the rows the current policy approves. When given, the current policy's KPIs
   * and the swap set use them; without them a segment's approved rows are assumed to be an average
   * sample of it (only right when the current policy ignores risk inside a segment).
   */
  readonly current?: SegmentSums;
}

/** An action of the cutoff problem: decline, or approve at a limit/price tier. */
export interface CutoffAction {
  readonly name: string;
  /** 'decline' or 'approve' (default approve unless the name is "decline"). */
  readonly kind?: 'decline' | 'approve';
  /** Limit as a multiple of the requested amount (default 1). */
  readonly limit?: number;
  /** Annual rate charged (default: each application's own rate). */
  readonly rate?: number;
  /** Added to the application's rate (default 0). */
  readonly rate_shift?: number;
}

/** Unit economics over one year (REFERENCE §5 RAROC numerator, minus a capital charge). */
export interface Economics {
  readonly lgd: number;
  readonly funding_rate: number;
  /** Operating cost per approved account per year. */
  readonly opex: number;
  /** Cost of capital charged on capital (the hurdle rate). */
  readonly hurdle_rate: number;
  /** Rate earned on the capital held (default 0). */
  readonly capital_rate?: number;
  /** IRB asset class for K (default other_retail). */
  readonly asset_class?: IrbClass;
  /**
   * Capital held as this share of IRB RWA (12.5·K·EAD), as finance's RAROC holds it (e.g. 0.105); absent: the
   * bare K·EAD (REFERENCE §8's convention).
   */
  readonly capital_ratio?: number;
}

/** The cutoff problem's configuration. */
export interface CutoffConfig {
  readonly actions: readonly CutoffAction[];
  readonly economics: Economics;
  readonly limits: CommonLimits;
  /** Caps on the share of approved amount with `column` = `value`. */
  readonly concentration?: readonly { readonly column: string; readonly value: string; readonly max_share: number }[];
  /** Segments with `column` = `value` are always declined. */
  readonly knockout?: readonly { readonly column: string; readonly value: string }[];
  /** Approval monotone in score inside each categorical group (default true). */
  readonly monotone?: boolean;
}

/**
 * Expected profit over one year of lending `ead` at `rate` to `accounts` accounts with mean PD `pd`
 * and capital `capital`: finance's RAROC numerator (interest − funding − opex − EL + return on
 * capital, REFERENCE §5) minus the hurdle charge on capital. Linear in the loans, so it applies to
 * one loan or to a segment's sums alike.
 */
export function annualProfit(input: { ead: number; rate: number; pd: number; capital: number; accounts: number }, economics: Economics): number {
  const raroc = computeRaroc({
    ead: input.ead,
    rate: input.rate,
    fundingRate: economics.funding_rate,
    operatingCost: economics.opex * input.accounts,
    pd: input.pd,
    lgd: economics.lgd,
    // capital only enters the numerator through its return; RAROC's ratio (and its positivity check) is not used
    capital: Math.max(input.capital, Number.MIN_VALUE),
    capitalRate: economics.capital_rate ?? 0,
  });
  return raroc.riskAdjustedReturn - economics.hurdle_rate * input.capital;
}

/** Capital per unit of EAD at a PD: IRB K (REFERENCE §5), or the held share of RWA with `capital_ratio`. */
export function capitalPerUnit(pd: number, economics: Economics): number {
  const { k } = irbCapital({ assetClass: economics.asset_class ?? 'other_retail', pd, lgd: economics.lgd });
  return economics.capital_ratio === undefined ? k : heldCapital(k, 1, economics.capital_ratio);
}

/**
 * New-customer approval (REFERENCE §8): per segment, decline or approve at a tier. Profit of a
 * tier = interest − funding − opex − EL + return on capital (finance's RAROC numerator) − hurdle ·
 * capital, with EAD = limit × requested amount over a one-year horizon.
 */
export function buildCutoffProblem(data: CutoffSegmentData, config: CutoffConfig): PolicyProblem {
  const S = data.labels.length;
  const A = config.actions.length;
  const approves = Uint8Array.from(config.actions, (a) => ((a.kind ?? (a.name === 'decline' ? 'decline' : 'approve')) === 'approve' ? 1 : 0));
  const metrics = emptyMetrics(S * A);
  fillTierMetrics(metrics, data, config, approves);
  const constraints: AssignmentConstraint[] = commonConstraints(metrics, data.count, config.limits);
  (config.concentration ?? []).forEach((c, j) => {
    const values = data.values[c.column] ?? [];
    constraints.push(
      concentrationConstraint(
        metrics,
        A,
        (s) => values[s] === c.value,
        c.max_share,
        `concentration${j}`,
        `share of ${c.column}=${c.value} ≤ ${(c.max_share * 100).toFixed(1)}%`,
      ),
    );
  });
  const forbidden = new Uint8Array(S * A);
  for (const rule of config.knockout ?? []) {
    const values = data.values[rule.column] ?? [];
    for (let s = 0; s < S; s++) if (values[s] === rule.value) for (let a = 0; a < A; a++) if (approves[a] === 1) forbidden[s * A + a] = 1;
  }
  const orderings = config.monotone === false ? [] : monotoneApprovals(data, approves);
  const problem: PolicyProblem = {
    model: {
      segments: data.labels,
      actions: config.actions.map((a) => a.name),
      profit: metrics.profit,
      constraints,
      forbidden,
      ...approvalOrderings(orderings, A, approves),
    },
    accounts: data.count,
    approves,
    metrics,
  };
  if (data.currentApproved === undefined) return problem;
  // the current policy puts its approved rows on the first approving tier, the rest on decline
  const firstApprove = approves.indexOf(1);
  const declineIndex = approves.indexOf(0);
  const current = new Float64Array(S * A);
  for (let s = 0; s < S; s++) {
    const share = (data.count[s] as number) > 0 ? (data.currentApproved[s] as number) / (data.count[s] as number) : 0;
    if (firstApprove >= 0) current[s * A + firstApprove] = share;
    if (declineIndex >= 0) current[s * A + declineIndex] = 1 - share;
  }
  if (data.current === undefined) return { ...problem, current };
  const currentMetrics = emptyMetrics(S * A);
  fillTierMetrics(currentMetrics, { ...data.current, labels: data.labels }, config, approves);
  return { ...problem, current, currentMetrics };
}

function emptyMetrics(size: number): PolicyMetrics {
  const column = () => new Float64Array(size);
  return { approved: column(), bads: column(), amount: column(), badAmount: column(), el: column(), capital: column(), profit: column() };
}

/** Each approving tier's figures for every segment, from the segment sums `data`. */
function fillTierMetrics(metrics: PolicyMetrics, data: SegmentSums & { readonly labels: readonly string[] }, config: CutoffConfig, approves: Uint8Array): void {
  const S = data.labels.length;
  const A = config.actions.length;
  const { lgd } = config.economics;
  for (let s = 0; s < S; s++) {
    const amount = data.amountSum[s] as number;
    for (let a = 0; a < A; a++) {
      if (approves[a] === 0) continue;
      const action = config.actions[a] as CutoffAction;
      const k = s * A + a;
      const multiple = action.limit ?? 1;
      const ead = multiple * amount;
      const capital = multiple * (data.capitalSum[s] as number);
      const rate = action.rate ?? (amount > 0 ? (data.rateAmountSum[s] as number) / amount : 0) + (action.rate_shift ?? 0);
      metrics.approved[k] = data.count[s] as number;
      metrics.bads[k] = data.pdSum[s] as number;
      metrics.amount[k] = ead;
      metrics.badAmount[k] = multiple * (data.pdAmountSum[s] as number);
      metrics.el[k] = lgd * multiple * (data.pdAmountSum[s] as number);
      metrics.capital[k] = capital;
      metrics.profit[k] = annualProfit(
        { ead, rate, pd: amount > 0 ? (data.pdAmountSum[s] as number) / amount : 0, capital, accounts: data.count[s] as number },
        config.economics,
      );
    }
  }
}

/** Pairs (better band, worse band) adjacent inside each group. */
function monotoneApprovals(data: CutoffSegmentData, _approves: Uint8Array): { better: number; worse: number }[] {
  const pairs: { better: number; worse: number }[] = [];
  const byGroup = new Map<number, number[]>();
  for (let s = 0; s < data.labels.length; s++) {
    const g = data.group[s] as number;
    if ((data.band[s] as number) < 0) continue;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)?.push(s);
  }
  for (const members of byGroup.values()) {
    members.sort((p, q) => (data.band[p] as number) - (data.band[q] as number));
    for (let j = 1; j < members.length; j++) pairs.push({ better: members[j] as number, worse: members[j - 1] as number });
  }
  return pairs;
}

/**
 * Monotone approval as extra rows: approve(better) ≥ approve(worse), approve(s) = Σ over approving
 * actions of x_{s,a}. Written as LP rows since the action order of tiers says nothing about approval.
 */
function approvalOrderings(pairs: { better: number; worse: number }[], actions: number, approves: Uint8Array) {
  if (pairs.length === 0) return {};
  const rows = pairs.map(({ better, worse }, j) => {
    const terms: string[] = [];
    for (let a = 0; a < actions; a++) if (approves[a] === 1) terms.push(`+ x${better}_${a} - x${worse}_${a}`);
    return `monotone${j}: ${terms.join(' ')} >= 0`;
  });
  return { extra: { columns: [], rows } };
}
