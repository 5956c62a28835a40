import type { Queryable } from '../queryable.js';

/** Expected credit loss of the active book by IFRS 9 stage at each loan's last close (minor units). */
export interface EclByStage {
  /** Stages 1, 2, 3 in order. */
  readonly stages: readonly {
    readonly stage: 1 | 2 | 3;
    readonly loans: number;
    readonly lines: number;
    readonly exposure: number;
    readonly ecl: number;
    readonly coverage: number;
  }[];
  readonly loans: number;
  readonly lines: number;
  readonly exposure: number;
  readonly ecl: number;
  /** ECL / exposure (0 for an empty book). */
  readonly coverage: number;
}

/**
 * ECL by IFRS 9 stage in one query: every active loan's classification at its last close (stage,
 * outstanding principal = EAD, ECL — the daily close's figures) and every active credit line's
 * (EAD = drawn + CCF × undrawn), summed per stage.
 */
export async function eclByStage(q: Queryable): Promise<EclByStage> {
  const { rows } = await q.query<{ stage: number; loans: string; lines: string; exposure: string; ecl: string }>(`
    SELECT s.stage, count(*) FILTER (WHERE NOT c.line) AS loans, count(*) FILTER (WHERE c.line) AS lines,
           coalesce(sum(c.exposure), 0) AS exposure, coalesce(sum(c.ecl), 0) AS ecl
      FROM (VALUES (1), (2), (3)) AS s(stage)
      LEFT JOIN (SELECT c.ifrs9_stage, false AS line, c.outstanding AS exposure, c.ecl
                   FROM loans l JOIN loan_classifications c ON c.loan_id = l.id AND c.as_of = l.last_close AND l.state = 'active'
                 UNION ALL
                 SELECT c.ifrs9_stage, true, c.ead, c.ecl
                   FROM credit_lines l JOIN credit_line_classifications c ON c.line_id = l.id AND c.as_of = l.last_close AND l.state = 'active') c
        ON c.ifrs9_stage = s.stage
     GROUP BY s.stage ORDER BY s.stage`);
  const coverage = (ecl: number, exposure: number) => (exposure > 0 ? ecl / exposure : 0);
  const stages = rows.map((r) => {
    const exposure = Number(r.exposure);
    const ecl = Number(r.ecl);
    return { stage: Number(r.stage) as 1 | 2 | 3, loans: Number(r.loans), lines: Number(r.lines), exposure, ecl, coverage: coverage(ecl, exposure) };
  });
  const sum = (k: 'loans' | 'lines' | 'exposure' | 'ecl') => stages.reduce((s, x) => s + x[k], 0);
  return { stages, loans: sum('loans'), lines: sum('lines'), exposure: sum('exposure'), ecl: sum('ecl'), coverage: coverage(sum('ecl'), sum('exposure')) };
}
