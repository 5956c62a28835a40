// @ts-nocheck
// 
import type { InferenceResult } from '../../strategy/index.js';
import { annualProfit, capitalPerUnit, type Economics } from '../optimise/cutoff-problem.js';
import { headline, type KernelRunner, runKernelInline, simulatePortfolio } from '../simulate/simulate-portfolio.js';

/** One side of a champion/challenger backtest: its name and approval mask over the applications. */
export interface PolicySide {
  readonly name: string;
  /** 1 = approved (row-aligned with the applications). */
  readonly approved: Uint8Array;
}

/** The historical applications and the assumptions for outcomes, profit and losses. */
export interface BacktestData {
  /** Observed outcome (1 bad, 0 good, NaN = none, e.g. declined by the policy in force). */
  readonly target: Float64Array;
  /** Inferred bad probabilities for rows without an outcome (reject inference), if any. */
  readonly inference?: InferenceResult;
  /** PD of each application (a model's prediction): drives expected profit and the loss simulation. */
  readonly pd: Float64Array;
  readonly amount: Float64Array;
  /** Annual rate of each application. */
  readonly rate: Float64Array;
  /** Segment code of each row and the labels (loss contributions by segment). */
  readonly segment: Int32Array;
  readonly segments: readonly string[];
}

/** Options: the unit economics and the Monte Carlo. */
export interface BacktestOptions {
  readonly economics: Economics;
  readonly scenarios: number;
  readonly seed: number;
  readonly rho: number;
  readonly runner?: KernelRunner;
}

/** A Monte Carlo figure with its 95% interval. */
export interface IntervalFigure {
  readonly value: number;
  readonly ci95: readonly [number, number];
}

/** Outcome, profit and loss estimates of one policy on the history. */
export interface PolicyBacktest {
  readonly name: string;
  readonly applications: number;
  readonly approved: number;
  readonly approval_rate: number;
  readonly amount: number;
  /** Approved rows with an observed outcome, and their bads. */
  readonly observed: number;
  readonly observed_bads: number;
  /** Approved rows without an outcome given an inferred probability, and the inferred bads. */
  readonly inferred: number;
  readonly inferred_bads: number;
  /** Bads / (observed + inferred) approved rows; null when nothing is known. */
  readonly bad_rate: number | null;
  /** Mean PD of approved rows (the model's expectation). */
  readonly expected_bad_rate: number;
  /** Σ over approved rows of interest − funding − opex − EL + return on capital − hurdle·capital (one year). */
  readonly expected_profit: number;
  /** Monte Carlo loss distribution of the approved book (Gaussian copula, one factor). */
  readonly losses: {
    readonly el: IntervalFigure;
    readonly var99: IntervalFigure;
    readonly var999: IntervalFigure;
    readonly es99: IntervalFigure;
    readonly es999: IntervalFigure;
    readonly ec: IntervalFigure;
  };
  /** The simulated loss histogram: bin edges and the probability of each bin. */
  readonly histogram: { readonly edges: Float64Array; readonly probability: Float64Array };
}

/**
 * Applies two policies to historical applications and reports, side by side, what each would have
 * approved, its observed and inferred bad rate (outcomes exist only where the historical policy
 * approved; the rest come from reject inference, labelled by its method), expected profit from the
 * PDs, and the Monte Carlo loss distribution of each approved book with the same random numbers.
 */
export async function backtestPolicies(sides: readonly PolicySide[], data: BacktestData, options: BacktestOptions): Promise<PolicyBacktest[]> {
  const n = data.target.length;
  const { lgd } = options.economics;
  const out: PolicyBacktest[] = [];
  for (const side of sides) {
    let approved = 0;
    let amount = 0;
    let observed = 0;
    let observedBads = 0;
    let inferred = 0;
    let inferredBads = 0;
    let pdSum = 0;
    let profit = 0;
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      if (side.approved[i] !== 1) continue;
      rows.push(i);
      const pd = data.pd[i] as number;
      const ead = data.amount[i] as number;
      approved++;
      amount += ead;
      pdSum += pd;
      const t = data.target[i] as number;
      if (!Number.isNaN(t)) {
        observed++;
        observedBads += t;
      } else {
        const p = data.inference?.probability[i] ?? Number.NaN;
        if (!Number.isNaN(p)) {
          inferred++;
          inferredBads += p;
        }
      }
      const capital = capitalPerUnit(pd, options.economics) * ead;
      profit += annualProfit({ ead, rate: data.rate[i] as number, pd, capital, accounts: 1 }, options.economics);
    }
    const take = (values: Float64Array) => Float64Array.from(rows, (i) => values[i] as number);
    const book = {
      pd: take(data.pd),
      lgd: new Float64Array(rows.length).fill(lgd),
      ead: take(data.amount),
      segment: Int32Array.from(rows, (i) => data.segment[i] as number),
      segments: data.segments,
    };
    const [simulated] = await simulatePortfolio(
      book,
      { scenarios: options.scenarios, seed: options.seed, rho: options.rho },
      options.runner ?? runKernelInline,
    );
    if (simulated === undefined) throw new Error('no simulation result');
    const h = headline(simulated);
    const figure = (key: string): IntervalFigure => ({ value: h[key]?.value ?? 0, ci95: h[key]?.ci ?? [0, 0] });
    const known = observed + inferred;
    out.push({
      name: side.name,
      applications: n,
      approved,
      approval_rate: n > 0 ? approved / n : 0,
      amount,
      observed,
      observed_bads: observedBads,
      inferred,
      inferred_bads: inferredBads,
      bad_rate: known > 0 ? (observedBads + inferredBads) / known : null,
      expected_bad_rate: approved > 0 ? pdSum / approved : 0,
      expected_profit: profit,
      losses: { el: figure('el'), var99: figure('var99'), var999: figure('var999'), es99: figure('es99'), es999: figure('es999'), ec: figure('ec') },
      histogram: simulated.estimates.histogram,
    });
  }
  return out;
}
