// @ts-nocheck
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCaptured } from '../../src/cli/run-cli.js';
import type { Queryable } from '../../src/store/index.js';
import { bookPerformance } from '../../src/store/repositories/portfolio-history.js';

/**
 * Writes the stored book as the two files `credo portfolio …` reads: `perf.csv` (the book's
 * month-end performance table) and `loans.csv` (one row per disbursed loan: id, purpose, region,
 * segment, principal and outstanding in major units, active 0/1, PD, rate, term).
 */
export async function writeBookFiles(db: Queryable, dir: string): Promise<void> {
  const perf = await bookPerformance(db);
  writeFileSync(
    join(dir, 'perf.csv'),
    [
      'loan_id,vintage,mob,balance,dpd,charged_off',
      ...perf.map((r) => [r.loanId, r.vintage, r.mob, (r.balance / 100).toFixed(2), r.dpd, r.chargedOff].join(',')),
    ].join('\n'),
  );
  const { rows } = await db.query<Record<string, string>>(
    `SELECT l.id::text AS id, coalesce(a.input->>'purpose', '') AS purpose, coalesce(a.input->>'region', c.region, '') AS region,
            coalesce(a.input->>'segment', '') AS segment, l.principal, l.outstanding_principal, l.state, l.pd, l.annual_rate::text AS rate, l.term_months
       FROM loans l JOIN applications a ON a.id = l.application_id LEFT JOIN customers c ON c.id = a.customer_id
      WHERE l.disbursed_on IS NOT NULL ORDER BY l.id`,
  );
  writeFileSync(
    join(dir, 'loans.csv'),
    [
      'application_id,purpose,region,segment,amount,outstanding,active,pd,interest_rate,term_months',
      ...rows.map((r) =>
        [
          r.id,
          r.purpose,
          r.region,
          r.segment,
          (Number(r.principal) / 100).toFixed(2),
          (Number(r.outstanding_principal) / 100).toFixed(2),
          r.state === 'active' ? 1 : 0,
          r.pd,
          r.rate,
          r.term_months,
        ].join(','),
      ),
    ].join('\n'),
  );
}

/** Runs `credo <argv> --json` in `dir` and returns the parsed answer. */
export async function credoJson(dir: string, argv: string[]): Promise<Record<string, unknown>> {
  const r = await runCliCaptured(commands, [...argv, '--json'], dir);
  if (r.code !== 0) throw new Error(`credo ${argv.join(' ')}: exit ${r.code}: ${r.err}`);
  return JSON.parse(r.out);
}
