import { IRAC_BUCKETS } from '../../finance/index.js';
import type { Queryable } from '../queryable.js';

/** The book's summary (money in integer minor units; ratios as fractions). */
export interface PortfolioSummary {
  readonly countsByState: Record<string, number>;
  readonly disbursedCount: number;
  readonly disbursed: number;
  readonly averageSize: number;
  /** Gross advances: outstanding principal of active loans plus the drawn principal of active credit lines. */
  readonly outstanding: number;
  readonly npaLoans: number;
  /** Active credit lines that are NPAs (last close), and the lines' drawn principal (part of `outstanding`). */
  readonly npaLines: number;
  readonly linesOutstanding: number;
  readonly npaAmount: number;
  /** NPA outstanding of loans and lines; provisions held on NPA loans and lines (last close). */
  readonly npaProvisions: number;
  readonly provisions: number;
  readonly ecl: number;
  /** NPA outstanding / gross advances. */
  readonly grossNpaRatio: number;
  /** (gross NPA − NPA provisions) / (gross advances − NPA provisions). */
  readonly netNpaRatio: number;
  /** Disbursed loans that were ever NPA or written off / disbursed loans. */
  readonly defaultRate: number;
  /** Approved applications / decided applications. */
  readonly approvalRate: number;
}

/**
 * The portfolio summary in four set-based queries. NPA status and provisions are those of the
 * last daily close; outstanding is current (every repayment updates it). Gross advances, NPA
 * amount, provisions and ECL include the active credit lines (drawn principal, their close's
 * class, provision and ECL); counts by state, disbursements and the default rate are of loans.
 */
export async function portfolioSummary(q: Queryable): Promise<PortfolioSummary> {
  const states = await q.query<{ state: string; n: string }>('SELECT state, count(*) AS n FROM loans GROUP BY state ORDER BY state');
  const { rows } = await q.query<Record<string, string | null>>(`
    SELECT count(*) FILTER (WHERE disbursed_on IS NOT NULL) AS disbursed_count,
           coalesce(sum(principal) FILTER (WHERE disbursed_on IS NOT NULL), 0) AS disbursed,
           coalesce(sum(outstanding_principal) FILTER (WHERE state = 'active'), 0) AS outstanding,
           count(*) FILTER (WHERE state = 'active' AND npa_since IS NOT NULL) AS npa_loans,
           coalesce(sum(outstanding_principal) FILTER (WHERE state = 'active' AND npa_since IS NOT NULL), 0) AS npa_amount,
           coalesce(sum(provision) FILTER (WHERE state = 'active' AND npa_since IS NOT NULL), 0) AS npa_provisions,
           coalesce(sum(provision) FILTER (WHERE state = 'active'), 0) AS provisions,
           coalesce(sum(ecl) FILTER (WHERE state = 'active'), 0) AS ecl,
           count(*) FILTER (WHERE disbursed_on IS NOT NULL AND (state = 'written_off' OR npa_since IS NOT NULL
             OR EXISTS (SELECT 1 FROM loan_classifications c WHERE c.loan_id = loans.id AND c.npa))) AS defaulted
      FROM loans`);
  const lines = await q.query<Record<string, string>>(`
    SELECT coalesce(sum(balance), 0) AS outstanding, count(*) FILTER (WHERE npa_since IS NOT NULL) AS npa_lines,
           coalesce(sum(balance) FILTER (WHERE npa_since IS NOT NULL), 0) AS npa_amount,
           coalesce(sum(provision) FILTER (WHERE npa_since IS NOT NULL), 0) AS npa_provisions,
           coalesce(sum(provision), 0) AS provisions, coalesce(sum(ecl), 0) AS ecl
      FROM credit_lines WHERE state = 'active'`);
  const apps = await q.query<{ approved: string; decided: string }>(
    "SELECT count(*) FILTER (WHERE action = 'approve') AS approved, count(*) FILTER (WHERE action IS NOT NULL) AS decided FROM applications",
  );
  const r = rows[0] as Record<string, string>;
  const l = lines.rows[0] as Record<string, string>;
  const n = (k: string) => Number(r[k]);
  const both = (k: string) => Number(r[k]) + Number(l[k]);
  const disbursedCount = n('disbursed_count');
  const outstanding = both('outstanding');
  const npaAmount = both('npa_amount');
  const npaProvisions = both('npa_provisions');
  const decided = Number(apps.rows[0]?.decided ?? 0);
  return {
    countsByState: Object.fromEntries(states.rows.map((s) => [s.state, Number(s.n)])),
    disbursedCount,
    disbursed: n('disbursed'),
    averageSize: disbursedCount === 0 ? 0 : Math.round(n('disbursed') / disbursedCount),
    outstanding,
    npaLoans: n('npa_loans'),
    npaLines: Number(l.npa_lines),
    linesOutstanding: Number(l.outstanding),
    npaAmount,
    npaProvisions,
    provisions: both('provisions'),
    ecl: both('ecl'),
    grossNpaRatio: outstanding === 0 ? 0 : npaAmount / outstanding,
    netNpaRatio: outstanding - npaProvisions <= 0 ? 0 : (npaAmount - npaProvisions) / (outstanding - npaProvisions),
    defaultRate: disbursedCount === 0 ? 0 : n('defaulted') / disbursedCount,
    approvalRate: decided === 0 ? 0 : Number(apps.rows[0]?.approved ?? 0) / decided,
  };
}

/** One IRAC class of the book: active loans and credit lines, their outstanding (drawn) principal and provisions (last close). */
export interface NpaBreakdownRow {
  readonly iracClass: string;
  readonly loans: number;
  readonly lines: number;
  readonly outstanding: number;
  readonly provision: number;
}

/** Active loans and credit lines by IRAC class (classes of the last close), in IRAC order; one set-based query. */
export async function npaBreakdown(q: Queryable): Promise<NpaBreakdownRow[]> {
  const { rows } = await q.query<{ irac_class: string; loans: string; lines: string; outstanding: string; provision: string }>(
    `SELECT irac_class, count(*) FILTER (WHERE NOT line) AS loans, count(*) FILTER (WHERE line) AS lines, sum(outstanding) AS outstanding, sum(provision) AS provision
       FROM (SELECT irac_class, false AS line, outstanding_principal AS outstanding, provision FROM loans WHERE state = 'active'
             UNION ALL SELECT irac_class, true, balance, provision FROM credit_lines WHERE state = 'active') b
      GROUP BY irac_class`,
  );
  const byClass = new Map(rows.map((r) => [r.irac_class, r]));
  return IRAC_BUCKETS.map((c) => {
    const r = byClass.get(c);
    return {
      iracClass: c,
      loans: Number(r?.loans ?? 0),
      lines: Number(r?.lines ?? 0),
      outstanding: Number(r?.outstanding ?? 0),
      provision: Number(r?.provision ?? 0),
    };
  });
}
