import { Type } from 'typebox';
import { Ratio } from './portfolio.js';

/** An amount of the simulations and risk figures: a number of major units (a risk measure, not a ledger amount). */
const Major = Type.Number({ description: 'major units of `currency` (a number: a risk measure, not a ledger amount)' });
const Lgd = Type.Number({ minimum: 0, maximum: 1, description: "loss given default: the active policy's pricing LGD, else 0.45" });
const Loans = Type.Integer({ minimum: 0, description: 'active loans with a positive outstanding principal' });

/** `GET /api/v1/simulate/losses`: the one-year loss distribution of the active book under each macro scenario. */
export const SimulateLossesResponse = Type.Object({
  currency: Type.String(),
  lgd: Lgd,
  loans: Loans,
  exposure: Type.Number({ minimum: 0, description: 'Σ outstanding principal, major units' }),
  macro: Type.Array(Type.Object({ name: Type.String(), shift: Type.Number({ description: 'shift of the economy factor in standard deviations' }) }), {
    description: 'the simulated scenarios',
  }),
  scenarios: Type.Array(
    Type.Object({
      scenario: Type.String({ description: 'a `macro` name' }),
      el: Major,
      analytic_el: Major,
      tails: Type.Array(Type.Object({ alpha: Ratio, var: Major, es: Major }), { description: 'VaR and ES at 99% and 99.9%' }),
      histogram: Type.Array(
        Type.Object({
          from: Major,
          to: Major,
          // a sum of 1/n per scenario: 1 + 1e-15 when every scenario falls in one bin, so no maximum
          probability: Type.Number({ minimum: 0, description: "the bin's share of the scenarios (the bins sum to 1 up to rounding)" }),
        }),
        { description: 'equal-width loss bins from 0 to the largest loss' },
      ),
    }),
    { description: 'one per `macro` scenario; empty when the book has no active loan' },
  ),
});

/** `GET /api/v1/book/risk`: exposure, EL, IRB RWA and capital and RAROC of the active book. */
export const BookRiskResponse = Type.Object({
  currency: Type.String(),
  lgd: Lgd,
  loans: Loans,
  exposure: Type.Number({ minimum: 0, description: 'Σ outstanding principal, major units' }),
  el: Type.Number({ minimum: 0, description: 'expected loss, major units' }),
  el_rate: Type.Number({ minimum: 0, description: 'el / exposure (0 for an empty book)' }),
  rwa: Type.Number({ minimum: 0, description: 'risk-weighted assets (IRB other retail), major units' }),
  capital: Type.Number({ minimum: 0, description: 'capital held, major units' }),
  raroc: Type.Union([Type.Number(), Type.Null()], { description: 'risk-adjusted return / capital; null for an empty book (no capital)' }),
  assumptions: Type.String({ description: 'the RAROC assumptions in words' }),
});

/** KPIs of a policy on the study's applications (amounts in major units). */
const Kpis = Type.Object({
  accounts: Type.Number(),
  approved: Type.Number(),
  approval_rate: Type.Number(),
  bads: Type.Number({ description: 'expected bads (from PD)' }),
  bad_rate: Type.Number({ description: 'expected bads / approved (0 when nothing is approved)' }),
  amount: Type.Number(),
  bad_rate_amount: Type.Number(),
  el: Type.Number(),
  capital: Type.Number(),
  profit: Type.Number(),
});

const SwapCell = Type.Object({ count: Type.Number(), bads: Type.Number(), bad_rate: Type.Number() });

const Optimum = Type.Object({
  status: Type.Union([Type.Literal('optimal'), Type.Literal('time_limit')]),
  solver_status: Type.String({ description: "HiGHS's status word" }),
  retry: Type.Optional(Type.String({ description: 'how the answer was retried (e.g. presolve off after a HiGHS error)' })),
  profit: Type.Number(),
  assignment: Type.Array(
    Type.Object({
      segment: Type.String({ description: 'PD band × channel' }),
      accounts: Type.Number({ minimum: 0 }),
      action: Type.String({ description: 'decline, approve or approve_80pct' }),
      shares: Type.Record(Type.String(), Type.Number(), { description: 'action → share of the segment (1 on `action` for an integer solution)' }),
      current_approved_share: Type.Number({ description: "the active policy's approved share of the segment" }),
    }),
  ),
  kpis: Kpis,
  current: Type.Object(Kpis.properties, { description: 'KPIs of the active policy on the same applications' }),
  delta: Type.Object(Kpis.properties, { description: 'kpis − current' }),
  swap_set: Type.Object({ cells: Type.Object({ all_in: SwapCell, swap_out: SwapCell, swap_in: SwapCell, all_out: SwapCell }) }),
  relaxation_profit: Type.Optional(Type.Number({ description: 'LP relaxation bound; absent when the relaxation was not solved' })),
  shadow_prices: Type.Optional(
    Type.Array(
      Type.Object({
        name: Type.String(),
        label: Type.String(),
        activity: Type.Number(),
        dual: Type.Number(),
        parameter: Type.Optional(Type.Object({ name: Type.String(), value: Type.Number(), shadowPrice: Type.Number() })),
      }),
    ),
  ),
});

const Infeasible = Type.Object({
  status: Type.Literal('infeasible'),
  conflict: Type.Array(Type.Object({ name: Type.String(), label: Type.String() }), { description: 'the constraints that cannot hold together' }),
});

const Unsolved = Type.Object({
  status: Type.Literal('unsolved'),
  solver_status: Type.String({ description: "HiGHS's status word" }),
  message: Type.String(),
});

/**
 * `GET /api/v1/simulate/optimise`: optimised approval cutoffs by PD band × channel with KPIs and
 * deltas against the active policy (or, when HiGHS finds no answer, the conflicting constraints or
 * the solver's failure), and the efficient frontier over bad-rate caps.
 */
export const OptimiseResponse = Type.Object({
  rows: Type.Integer({ minimum: 0, description: 'recent applications used' }),
  bad_rate_max: Type.Number({ description: 'the bad-rate cap of the chosen point' }),
  currency: Type.String(),
  problem: Type.Literal('cutoffs'),
  segments: Type.Integer({ minimum: 0 }),
  actions: Type.Array(Type.String()),
  result: Type.Union([Optimum, Infeasible, Unsolved]),
  frontier: Type.Object({
    parameter: Type.String({ description: 'the swept limit (bad_rate_max)' }),
    points: Type.Array(
      Type.Object({
        value: Type.Number(),
        status: Type.Union([Type.Literal('optimal'), Type.Literal('time_limit'), Type.Literal('infeasible'), Type.Literal('unsolved')]),
        profit: Type.Union([Type.Number(), Type.Null()], { description: 'null when the point was not solved' }),
        kpis: Type.Union([Kpis, Type.Null()]),
        solver_status: Type.String(),
        message: Type.Optional(Type.String({ description: 'an unsolved point: what went wrong; a solved one: a retry that was needed' })),
      }),
    ),
  }),
});
