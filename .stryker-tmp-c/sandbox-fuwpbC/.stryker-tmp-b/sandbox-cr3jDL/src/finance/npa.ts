// @ts-nocheck
// 
import { classifyDpdHistory, IRAC_BUCKETS, IRAC_NPA_FROM, IracCode, type ProvisionRates, RBI_PROVISION_RATES } from './irac.js';
import type { PerformanceTable } from './performance-table.js';

/**
 * NPA position of a performance table (REFERENCE §6): each loan at its latest record (the last
 * month the table shows for it) is classified with `classifyDpdHistory` over its whole history.
 * Charged-off loans are written off: they leave gross advances and are reported separately.
 * NPA ratio = NPA outstanding / gross advances outstanding.
 */
export interface NpaSummary {
  readonly group: string;
  readonly loans: number;
  /** Σ latest balance of loans not written off (minor units, as every amount here). */
  readonly grossOutstanding: number;
  /** Σ latest balance of NPA loans (Sub-standard, Doubtful) not written off. */
  readonly npaOutstanding: number;
  readonly npaRatio: number;
  readonly npaLoans: number;
  /** Loans charged off and the balance written off. */
  readonly writtenOffLoans: number;
  readonly writtenOff: number;
  /** Loans per IRAC bucket at their latest record. */
  readonly buckets: Readonly<Record<string, number>>;
  /** Σ latest balance × provisioning rate of its bucket, over loans not written off. */
  readonly provision: number;
}

/** Latest IRAC code, balance, dpd and MOB per loan (by loan code), plus the group code of its latest row. */
export interface LatestPosition {
  readonly code: Uint8Array;
  readonly balance: Float64Array;
  readonly dpd: Float64Array;
  readonly mob: Float64Array;
  readonly group: Int32Array;
}

/** Classifies every loan's history and returns its latest position. */
export function latestPositions(table: PerformanceTable): LatestPosition {
  const code = new Uint8Array(table.loanCount);
  const balance = new Float64Array(table.loanCount);
  const dpd = new Float64Array(table.loanCount);
  const mob = new Float64Array(table.loanCount);
  const group = new Int32Array(table.loanCount).fill(-1);
  let start = 0;
  while (start < table.rows) {
    const loan = table.loan[start] as number;
    let end = start;
    while (end < table.rows && table.loan[end] === loan) end++;
    const codes = classifyDpdHistory(table.dpd.subarray(start, end), table.chargedOff.subarray(start, end));
    code[loan] = codes[codes.length - 1] as number;
    balance[loan] = table.balance[end - 1] as number;
    dpd[loan] = table.dpd[end - 1] as number;
    mob[loan] = table.mob[end - 1] as number;
    if (table.group !== undefined) group[loan] = table.group[end - 1] as number;
    start = end;
  }
  return { code, balance, dpd, mob, group };
}

/**
 * NPA summary per group of the table's group column (when present) and for all loans (last row),
 * with IRAC provisions at `rates` (default RBI norms).
 */
export function npaSummary(table: PerformanceTable, rates: ProvisionRates = RBI_PROVISION_RATES): NpaSummary[] {
  const latest = latestPositions(table);
  const labels = table.groupLabels ?? [];
  const out: NpaSummary[] = [];
  for (let g = 0; g <= labels.length; g++) {
    const all = g === labels.length;
    const row = summarise(latest, (loan) => all || latest.group[loan] === g, all ? 'all' : (labels[g] as string), rates);
    if (row.loans > 0 || all) out.push(row);
  }
  return out;
}

function summarise(latest: LatestPosition, include: (loan: number) => boolean, group: string, rates: ProvisionRates): NpaSummary {
  const buckets: Record<string, number> = Object.fromEntries(IRAC_BUCKETS.map((b) => [b, 0]));
  let loans = 0;
  let gross = 0;
  let npa = 0;
  let npaLoans = 0;
  let writtenOffLoans = 0;
  let writtenOff = 0;
  let provision = 0;
  for (let loan = 0; loan < latest.code.length; loan++) {
    if (!include(loan)) continue;
    const c = latest.code[loan] as number;
    const b = latest.balance[loan] as number;
    loans++;
    buckets[IRAC_BUCKETS[c] as string] = (buckets[IRAC_BUCKETS[c] as string] as number) + 1;
    if (c === IracCode.loss) {
      writtenOffLoans++;
      writtenOff += b;
      continue;
    }
    gross += b;
    provision += b * rates[IRAC_BUCKETS[c] as keyof ProvisionRates];
    if (c >= IRAC_NPA_FROM) {
      npa += b;
      npaLoans++;
    }
  }
  return {
    group,
    loans,
    grossOutstanding: gross,
    npaOutstanding: npa,
    npaRatio: gross > 0 ? npa / gross : 0,
    npaLoans,
    writtenOffLoans,
    writtenOff,
    buckets,
    provision,
  };
}
