// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Queryable } from '../queryable.js';
import { COLLATERAL_TYPES } from './loans-collateral.js';

/** Default LTV bucket edges in percent: ≤ 50%, 50–80%, 80–100%, above 100%. */
export const DEFAULT_LTV_EDGES: readonly number[] = [50, 80, 100];

/** One collateral type over the active book (money in integer minor units). */
export interface CollateralTypeRow {
  readonly type: string;
  /** Unreleased collateral items of the type on active loans, the loans holding them, their value. */
  readonly items: number;
  readonly loans: number;
  readonly value: number;
  /** value / Σ value of every type (0 when the book holds no collateral). */
  readonly share: number;
}

/** Secured active loans whose LTV is in (`above`, `upTo`] percent; `upTo` null for the last bucket. */
export interface LtvBucket {
  readonly above: number | null;
  readonly upTo: number | null;
  readonly loans: number;
  readonly outstanding: number;
  readonly collateralValue: number;
}

/** Collateral of the active book: value by type and loan-to-value, overall and by bucket. */
export interface CollateralSummary {
  /** Active loans, those with unreleased collateral (secured) and those without. */
  readonly loans: number;
  readonly securedLoans: number;
  readonly unsecuredLoans: number;
  /** Outstanding principal of every active loan, of the secured ones and of the unsecured ones. */
  readonly outstanding: number;
  readonly securedOutstanding: number;
  readonly unsecuredOutstanding: number;
  /** Σ unreleased collateral value on active loans. */
  readonly collateralValue: number;
  /** securedOutstanding / collateralValue (null without collateral): the secured book's LTV. */
  readonly ltv: number | null;
  readonly byType: readonly CollateralTypeRow[];
  readonly buckets: readonly LtvBucket[];
}

/**
 * The active book's collateral in two set-based queries: each loan's unreleased collateral summed
 * once (a loan's LTV = outstanding principal / that sum, as `GET /api/v1/loans/:id` shows it),
 * then grouped by type and by LTV bucket. Bucket k holds LTV in (edge k−1, edge k] percent,
 * compared exactly in integers (outstanding·100 ≤ edge·value); the last one everything above
 * the last edge. Released collateral and loans not active (closed, written off) are left out.
 */
export async function collateralSummary(q: Queryable, edges: readonly number[] = DEFAULT_LTV_EDGES): Promise<CollateralSummary> {
  if (edges.length > 20 || !edges.every((e, k) => Number.isInteger(e) && e > 0 && (k === 0 || e > (edges[k - 1] as number))))
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'edges', problem: `must be at most 20 ascending positive percentages, got ${edges.join(',')}` });
  const perLoan = `
    SELECT l.id, l.outstanding_principal AS outstanding, coalesce(sum(c.value), 0) AS value
      FROM loans l LEFT JOIN loan_collateral c ON c.loan_id = l.id AND c.released_at IS NULL
     WHERE l.state = 'active' GROUP BY l.id, l.outstanding_principal`;
  const { rows: loans } = await q.query<Record<string, string | null>>(
    `WITH p AS (${perLoan}),
     b AS (SELECT p.*, (SELECT count(*) FROM unnest($1::int[]) e WHERE p.outstanding * 100 > e::bigint * p.value) AS bucket FROM p WHERE p.value > 0)
     SELECT NULL AS bucket, count(*) AS loans, count(*) FILTER (WHERE value > 0) AS secured,
            coalesce(sum(outstanding), 0) AS outstanding, coalesce(sum(outstanding) FILTER (WHERE value > 0), 0) AS secured_outstanding,
            coalesce(sum(value), 0) AS value
       FROM p
     UNION ALL
     SELECT bucket, count(*), count(*), sum(outstanding), sum(outstanding), sum(value) FROM b GROUP BY bucket`,
    [edges],
  );
  const { rows: types } = await q.query<{ type: string; items: string; loans: string; value: string }>(
    `SELECT c.type, count(*) AS items, count(DISTINCT c.loan_id) AS loans, sum(c.value) AS value
       FROM loan_collateral c JOIN loans l ON l.id = c.loan_id
      WHERE c.released_at IS NULL AND l.state = 'active' GROUP BY c.type`,
  );
  const total = loans.find((r) => r.bucket === null) as Record<string, string>;
  const n = (v: string | null | undefined) => Number(v ?? 0);
  const value = n(total.value);
  const byType = COLLATERAL_TYPES.map((type) => {
    const r = types.find((x) => x.type === type);
    return { type, items: n(r?.items), loans: n(r?.loans), value: n(r?.value), share: value === 0 ? 0 : n(r?.value) / value };
  });
  const buckets = [...edges, null].map((upTo, k) => {
    const r = loans.find((x) => x.bucket !== null && Number(x.bucket) === k);
    return { above: k === 0 ? null : (edges[k - 1] as number), upTo, loans: n(r?.loans), outstanding: n(r?.outstanding), collateralValue: n(r?.value) };
  });
  return {
    loans: n(total.loans),
    securedLoans: n(total.secured),
    unsecuredLoans: n(total.loans) - n(total.secured),
    outstanding: n(total.outstanding),
    securedOutstanding: n(total.secured_outstanding),
    unsecuredOutstanding: n(total.outstanding) - n(total.secured_outstanding),
    collateralValue: value,
    ltv: value === 0 ? null : n(total.secured_outstanding) / value,
    byType,
    buckets,
  };
}
