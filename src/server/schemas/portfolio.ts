import { Type } from 'typebox';
import { DISTRIBUTION_DIMENSIONS } from '../../store/repositories/portfolio-distribution.js';
import { IsoDate } from './common.js';

/** Money in portfolio answers: a decimal string with 2 decimals. */
export const Money = Type.String({ description: 'decimal string, 2 decimals' });
/** A fraction in [0, 1]. */
export const Ratio = Type.Number({ minimum: 0, maximum: 1 });
/** A fraction, or null where it is undefined. */
export const Share = Type.Union([Ratio, Type.Null()], { description: 'a fraction, null where undefined (empty row or unobserved month)' });

/** Repayment statistics: instalments on time, late and overdue, late fees, repayments received. */
export const RepaymentsResponse = Type.Object({
  as_of: IsoDate,
  instalments_due: Type.Integer({ description: 'instalments of disbursed loans due before as_of' }),
  paid_on_time: Type.Integer({ description: 'principal and interest fully paid by the due date' }),
  paid_late: Type.Integer({ description: 'fully paid after the due date, by as_of' }),
  overdue: Type.Integer({ description: 'not fully paid on as_of' }),
  on_time_rate: Ratio,
  late_fees_charged: Type.Integer({ description: 'late fees charged (instalments unpaid after the grace days)' }),
  late_fees_charged_amount: Money,
  late_fees_collected: Money,
  repayments: Type.Integer({ description: 'live repayments with value date ≤ as_of' }),
  repaid_amount: Money,
  reversed_repayments: Type.Integer(),
});

/** The disbursed loans by one dimension. */
export const DistributionResponse = Type.Object({
  by: Type.Union(DISTRIBUTION_DIMENSIONS.map((d) => Type.Literal(d))),
  groups: Type.Array(
    Type.Object({
      label: Type.String({ description: 'the group ("(missing)" when the application does not say; "5000-10000" or "50000+" major units for amount buckets)' }),
      loans: Type.Integer({ description: 'disbursed loans (any state since)' }),
      disbursed: Money,
      active_loans: Type.Integer(),
      outstanding: Money,
      npa_loans: Type.Integer(),
      npa_amount: Money,
      loan_share: Ratio,
      amount_share: Ratio,
    }),
  ),
});

const ConcentrationSchema = Type.Object({
  hhi: Type.Number({ description: 'Σ amount share² (outstanding principal)' }),
  hhi_count: Type.Number({ description: 'Σ loan-count share²' }),
  effective_number: Type.Number({ description: '1 / hhi' }),
  shares: Type.Array(Type.Object({ label: Type.String(), count: Type.Integer(), amount: Money, count_share: Ratio, amount_share: Ratio })),
});

/** Concentration (HHI) of the active book's outstanding principal by purpose, region and segment. */
export const ConcentrationResponse = Type.Object({
  basis: Type.String(),
  purpose: ConcentrationSchema,
  region: ConcentrationSchema,
  segment: ConcentrationSchema,
});

/** Vintage curves from the stored month-end history (the keys of `credo portfolio vintage --json`). */
export const VintagesResponse = Type.Object({
  bad_definition: Type.String(),
  max_mob: Type.Integer({ description: 'curve index j is month on book j + 1' }),
  vintages: Type.Array(
    Type.Object({
      vintage: Type.String({ description: 'disbursement month YYYY-MM' }),
      loans: Type.Integer(),
      balance: Money,
      observed_mob: Type.Integer(),
      bads: Type.Integer(),
      count_rate: Type.Array(Share),
      balance_rate: Type.Array(Share),
    }),
  ),
});

/** Roll-rate matrices from the stored month-end history (the keys of `credo portfolio roll-rates --json`). */
export const RollRatesResponse = Type.Object({
  buckets: Type.Array(Type.String()),
  transitions: Type.Integer(),
  counts: Type.Array(Type.Array(Type.Integer())),
  balances: Type.Array(Type.Array(Money)),
  count_shares: Type.Array(Type.Array(Share)),
  balance_shares: Type.Array(Type.Array(Share)),
});

const EclRow = {
  loans: Type.Integer(),
  lines: Type.Integer({ description: 'credit lines (exposure: drawn + CCF × undrawn)' }),
  exposure: Money,
  ecl: Money,
  coverage: Type.Number({ minimum: 0 }),
};
/** ECL by IFRS 9 stage at each active loan's and credit line's last close. */
export const EclResponse = Type.Object({
  stages: Type.Array(Type.Object({ stage: Type.Integer({ minimum: 1, maximum: 3 }), ...EclRow })),
  total: Type.Object(EclRow),
});

/** Portfolio alerts: every checked figure with its threshold, and the breached ones. */
export const AlertsResponse = Type.Object({
  thresholds: Type.Object({
    npa_ratio_max: Type.Number(),
    net_npa_ratio_max: Type.Number(),
    default_rate_max: Type.Number(),
    hhi_max: Type.Number(),
    stage2_share_max: Type.Number(),
  }),
  checks: Type.Array(Type.Object({ metric: Type.String(), value: Type.Number(), threshold: Type.Number(), breached: Type.Boolean() })),
  alerts: Type.Array(Type.Object({ metric: Type.String(), value: Type.Number(), threshold: Type.Number(), message: Type.String() })),
});

/** Monthly trends for the dashboard. */
export const TrendsResponse = Type.Object({
  months: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM' }),
      decided: Type.Integer(),
      approvals: Type.Integer(),
      approval_rate: Share,
      disbursements: Type.Integer(),
      disbursed: Money,
      as_of: Type.Union([IsoDate, Type.Null()], { description: "the month's last close" }),
      outstanding: Type.Union([Money, Type.Null()]),
      npa_amount: Type.Union([Money, Type.Null()]),
      npa_ratio: Share,
    }),
  ),
});

const Ltv = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: 'outstanding principal / collateral value; null without collateral' });

/** Collateral of the active book: value by type, the secured book's LTV and the loans' LTVs in buckets. */
export const CollateralResponse = Type.Object({
  loans: Type.Integer({ description: 'active loans' }),
  secured_loans: Type.Integer({ description: 'active loans with unreleased collateral' }),
  unsecured_loans: Type.Integer(),
  outstanding: Money,
  secured_outstanding: Money,
  unsecured_outstanding: Money,
  collateral_value: Money,
  ltv: Ltv,
  by_type: Type.Array(Type.Object({ type: Type.String(), items: Type.Integer(), loans: Type.Integer(), value: Money, share: Ratio })),
  ltv_buckets: Type.Array(
    Type.Object({
      label: Type.String({ description: 'e.g. "50-80%" (above 50%, up to 80% inclusive), "100%+"' }),
      above: Type.Union([Type.Number(), Type.Null()], { description: 'lower edge in percent (exclusive); null for the first bucket' }),
      up_to: Type.Union([Type.Number(), Type.Null()], { description: 'upper edge in percent (inclusive); null for the last bucket' }),
      loans: Type.Integer(),
      outstanding: Money,
      collateral_value: Money,
      ltv: Ltv,
    }),
  ),
});
