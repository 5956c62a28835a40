// @ts-nocheck
import type { SqlDialect } from '../dialects.js';

/** A rate of a strategy report as SQL: numerator and denominator over the input row, NULL where either is missing. */
export interface RateSql {
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
}

/** Rate columns of a report (`rateSpecs`): target (count), target × amount, and each outcome. */
export interface ReportRates {
  readonly target?: string;
  readonly amount?: string;
  readonly outcomes?: readonly { readonly name: string; readonly numerator: string; readonly denominator: string }[];
}

/**
 * The rate numerators and denominators as SQL (`rateSpecs`, strategy/outcomes.ts): a row counts
 * in a rate only when both are present, so both are NULL otherwise.
 */
export function rateSql(d: SqlDialect, options: ReportRates): RateSql[] {
  const num = (name: string) => `CAST(${d.quoteIdentifier(name)} AS ${d.doubleType})`;
  const both = (a: string, b: string, value: string) => `CASE WHEN ${a} IS NOT NULL AND ${b} IS NOT NULL THEN ${value} END`;
  const out: RateSql[] = [];
  if (options.target !== undefined) {
    const t = num(options.target);
    out.push({ name: options.target, numerator: t, denominator: `CASE WHEN ${t} IS NOT NULL THEN ${d.formatDouble(1)} END` });
    if (options.amount !== undefined) {
      const a = num(options.amount);
      out.push({ name: `${options.target}_amount`, numerator: both(t, a, `${t} * ${a}`), denominator: both(t, a, a) });
    }
  }
  for (const o of options.outcomes ?? []) {
    const n = num(o.numerator);
    const m = num(o.denominator);
    out.push({ name: o.name, numerator: both(n, m, n), denominator: both(n, m, m) });
  }
  return out;
}

/** The segment label of a row for `--by` (a categorical column; missing → `(missing)`), or `'ALL'`. */
export function segmentSql(d: SqlDialect, by: string | undefined): string {
  if (by === undefined) return d.quoteString('ALL');
  return `COALESCE(${d.toText(d.quoteIdentifier(by))}, ${d.quoteString('(missing)')})`;
}
