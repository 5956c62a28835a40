import { CredoError } from '../../errors/index.js';
import type { Queryable } from '../queryable.js';

/** Dimensions the book is broken down by: the application's purpose, segment, region (else the customer's) and the loan amount. */
export const DISTRIBUTION_DIMENSIONS = ['purpose', 'amount_bucket', 'segment', 'region'] as const;
/** A dimension of `DISTRIBUTION_DIMENSIONS`. */
export type DistributionDimension = (typeof DISTRIBUTION_DIMENSIONS)[number];

/** Default amount-bucket edges in major units: 0–5,000, 5,000–10,000, 10,000–25,000, 25,000–50,000, 50,000+. */
export const DEFAULT_AMOUNT_EDGES: readonly number[] = [5_000, 10_000, 25_000, 50_000];

/** Label used for a loan whose application does not name the dimension (as `credo portfolio metrics`). */
export const MISSING_LABEL = '(missing)';

/** The label expression of a dimension; amount buckets compare the principal with `edges` scaled to the loan's minor units. */
function labelSql(by: DistributionDimension, edges: readonly number[]): string {
  if (by === 'region') return `coalesce(a.input->>'region', cu.region, '${MISSING_LABEL}')`;
  if (by !== 'amount_bucket') return `coalesce(a.input->>'${by}', '${MISSING_LABEL}')`;
  const minor = (edge: number) => `${edge}::numeric * power(10, (ps.product->'currency'->>'exponent')::int)`;
  // 'NN|' keeps the buckets in order when sorting by label; it is cut off before returning.
  const key = (k: number) => String(k).padStart(2, '0');
  const cases = edges.map((e, k) => `WHEN l.principal < ${minor(e)} THEN '${key(k)}|${k === 0 ? 0 : edges[k - 1]}-${e}'`).join(' ');
  return `CASE ${cases} ELSE '${key(edges.length)}|${edges[edges.length - 1] ?? 0}+' END`;
}

const FROM_LOANS =
  'FROM loans l JOIN loan_product_snapshots ps ON ps.loan_id = l.id JOIN applications a ON a.id = l.application_id LEFT JOIN customers cu ON cu.id = a.customer_id';

/** One group of the book's distribution (money in integer minor units). */
export interface DistributionRow {
  readonly label: string;
  /** Disbursed loans (every state after disbursement) and their principal. */
  readonly loans: number;
  readonly disbursed: number;
  /** Active loans, their outstanding principal, and the NPA among them (last close). */
  readonly activeLoans: number;
  readonly outstanding: number;
  readonly npaLoans: number;
  readonly npaAmount: number;
  /** Shares of all disbursed loans by count and by principal. */
  readonly loanShare: number;
  readonly amountShare: number;
}

/**
 * The disbursed loans (not applications) by one dimension, in one query: count and principal,
 * active count and outstanding, NPA count and amount, and shares. Amount buckets are in bucket
 * order ([edge k−1, edge k), major units of each loan's currency), other dimensions by principal,
 * largest first.
 */
export async function bookDistribution(q: Queryable, by: DistributionDimension, edges: readonly number[] = DEFAULT_AMOUNT_EDGES): Promise<DistributionRow[]> {
  // The edges are written into the statement: only ascending positive numbers pass.
  if (edges.length > 20 || !edges.every((e, k) => Number.isFinite(e) && e > 0 && (k === 0 || e > (edges[k - 1] as number))))
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'edges', problem: `must be at most 20 ascending positive amounts, got ${edges.join(',')}` });
  const { rows } = await q.query<Record<string, string>>(`
    SELECT label, loans, disbursed, active_loans, outstanding, npa_loans, npa_amount,
           loans::float8 / sum(loans) OVER () AS loan_share, CASE WHEN sum(disbursed) OVER () > 0 THEN disbursed::float8 / sum(disbursed) OVER () ELSE 0 END AS amount_share
      FROM (SELECT ${labelSql(by, edges)} AS label, count(*) AS loans, sum(l.principal) AS disbursed,
                   count(*) FILTER (WHERE l.state = 'active') AS active_loans,
                   coalesce(sum(l.outstanding_principal) FILTER (WHERE l.state = 'active'), 0) AS outstanding,
                   count(*) FILTER (WHERE l.state = 'active' AND l.npa_since IS NOT NULL) AS npa_loans,
                   coalesce(sum(l.outstanding_principal) FILTER (WHERE l.state = 'active' AND l.npa_since IS NOT NULL), 0) AS npa_amount
              ${FROM_LOANS} WHERE l.disbursed_on IS NOT NULL GROUP BY 1) AS g
     ORDER BY ${by === 'amount_bucket' ? 'label' : 'disbursed DESC, label'} COLLATE "C"`);
  return rows.map((r) => ({
    label: by === 'amount_bucket' ? (r.label as string).slice((r.label as string).indexOf('|') + 1) : (r.label as string),
    loans: Number(r.loans),
    disbursed: Number(r.disbursed),
    activeLoans: Number(r.active_loans),
    outstanding: Number(r.outstanding),
    npaLoans: Number(r.npa_loans),
    npaAmount: Number(r.npa_amount),
    loanShare: Number(r.loan_share),
    amountShare: Number(r.amount_share),
  }));
}

/** Dimensions concentration is reported for. */
export const CONCENTRATION_DIMENSIONS = ['purpose', 'region', 'segment'] as const;

/** Concentration of the active book along one dimension (the figures of `credo portfolio metrics`' concentration). */
export interface BookConcentration {
  /** HHI = Σ amount share² (outstanding principal). */
  readonly hhi: number;
  /** HHI on loan-count shares. */
  readonly hhiCount: number;
  /** 1 / HHI; 0 for an empty book. */
  readonly effectiveNumber: number;
  /** Groups by amount, largest first. */
  readonly shares: readonly {
    readonly label: string;
    readonly count: number;
    readonly amount: number;
    readonly countShare: number;
    readonly amountShare: number;
  }[];
}

/**
 * Concentration (Herfindahl–Hirschman index) of the active loans' outstanding principal by
 * purpose, region or segment, in one query: shares by window sums and the HHI as Σ share² over
 * the groups.
 */
export async function bookConcentration(q: Queryable, by: (typeof CONCENTRATION_DIMENSIONS)[number]): Promise<BookConcentration> {
  const { rows } = await q.query<Record<string, string | number>>(`
    SELECT label, count, amount, count_share, amount_share,
           sum(amount_share * amount_share) OVER () AS hhi, sum(count_share * count_share) OVER () AS hhi_count
      FROM (SELECT label, count, amount, count::float8 / sum(count) OVER () AS count_share,
                   CASE WHEN sum(amount) OVER () > 0 THEN amount::float8 / sum(amount) OVER () ELSE 0 END AS amount_share
              FROM (SELECT ${labelSql(by, [])} AS label, count(*) AS count, sum(l.outstanding_principal) AS amount
                      ${FROM_LOANS} WHERE l.state = 'active' GROUP BY 1) AS g) AS s
     ORDER BY amount DESC, label COLLATE "C"`);
  const hhi = Number(rows[0]?.hhi ?? 0);
  return {
    hhi,
    hhiCount: Number(rows[0]?.hhi_count ?? 0),
    effectiveNumber: hhi > 0 ? 1 / hhi : 0,
    shares: rows.map((r) => ({
      label: String(r.label),
      count: Number(r.count),
      amount: Number(r.amount),
      countShare: Number(r.count_share),
      amountShare: Number(r.amount_share),
    })),
  };
}
