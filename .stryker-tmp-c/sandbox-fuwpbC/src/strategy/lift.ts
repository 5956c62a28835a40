// @ts-nocheck
import type { Frame } from '../frame/index.js';
import type { ActiveRule } from './active-rules.js';
import { type CellSums, ratesOf, sumByCell, type Totals, totalOf } from './aggregate.js';
import { firstHits } from './evaluate-rules.js';
import { type RateOptions, type RateSpec, rateSpecs } from './outcomes.js';
import { segmentRows } from './segments.js';

/** One row of a lift table (REFERENCE §7). Rates are null where their denominator is 0. */
export interface LiftRow {
  /** Rule id, or `baseline` for the first row. */
  readonly rule: string;
  readonly action?: string;
  /** Rows the rule newly touches (sequential), hits (standalone) or alone hits (marginal). */
  readonly touched: number;
  /** `touched` / rows of the segment. */
  readonly touched_share: number;
  /** Σ amount over the touched rows; null without an amount column. */
  readonly touched_amount: number | null;
  /** Rows touched by this rule and every earlier one (sequential tables only). */
  readonly cumulative_touched: number;
  /** Rate of each definition among the touched rows. */
  readonly hit_rates: Record<string, number | null>;
  /**
   * Denominator of each hit rate: for the target, the touched rows that have an outcome (declined
   * rows without one are left out); for an outcome, the sum of its denominator column.
   */
  readonly hit_denominators: Record<string, number>;
  /** Rate of each definition among the rows left after the rule (sequential: after all rules so far; otherwise: all rows not touched). */
  readonly remaining_rates: Record<string, number | null>;
  /** Hit rate of the primary definition / its baseline rate. */
  readonly lift: number | null;
  /** Hit rate / baseline rate, per definition. */
  readonly lifts: Record<string, number | null>;
  /** Share of the segment's primary-rate numerator (e.g. bads) captured by this rule and the earlier ones (sequential) or by this rule. */
  readonly capture: number | null;
}

/** Options of `computeLift`. */
export interface LiftOptions extends RateOptions {
  /** Segment column: one table per value plus `ALL`. */
  readonly by?: string;
  /** Also compute standalone (whole population) and marginal (hit by this rule only) tables (default true). */
  readonly standalone?: boolean;
}

/** The lift report: tables by segment (`ALL` first), and which rate `lift` refers to. */
export interface LiftReport {
  /** Sequential (waterfall) tables: baseline row first, then one row per rule in order. */
  readonly segments: Record<string, LiftRow[]>;
  /** Each rule evaluated on the whole population. */
  readonly standalone?: Record<string, LiftRow[]>;
  /** Rows hit by this rule and by no other rule. */
  readonly marginal?: Record<string, LiftRow[]>;
  /** Rate definitions in column order. */
  readonly rates: readonly string[];
  /** The definition `lift` and `capture` use: the target if given, else the first outcome. */
  readonly primary: string | null;
}

/**
 * Sequential cumulative lift (REFERENCE §7): rules in order, each evaluated on the rows no
 * earlier rule touched; per rule the newly touched count, share and amount, the hit rates and the
 * rates of the population remaining after it, per segment and overall, baseline row first.
 * Each rule's mask is computed once over the whole frame; the waterfall is then one pass that
 * assigns each row to (segment, first rule hit) and sums per cell, so segments cost nothing extra.
 * Standalone and marginal tables use the same sums over other cell assignments.
 */
export function computeLift(
  frame: Frame,
  rules: readonly Pick<ActiveRule, 'id' | 'action'>[],
  masks: readonly Uint8Array[],
  options: LiftOptions = {},
): LiftReport {
  const n = frame.rowCount;
  const k = rules.length;
  const rates = rateSpecs(frame, options);
  const amount = options.amount === undefined ? undefined : frame.numeric(options.amount).values;
  const segmentation = segmentRows(frame, options.by);
  const seg = segmentation.codes;
  const groups = segmentation.labels.length;
  const slots = k + 1;
  const first = firstHits(masks, n);
  const cell = new Int32Array(n);
  for (let i = 0; i < n; i++) cell[i] = (seg[i] as number) * slots + (first[i] as number);
  const sums = sumByCell(cell, groups * slots, amount, rates);
  const primary = rates.length > 0 ? 0 : -1;
  const tables: [string, number[]][] = [['ALL', [...Array(groups).keys()]]];
  if (options.by !== undefined) {
    segmentation.labels.forEach((label, g) => {
      tables.push([label, [g]]);
    });
  }
  const slotCells = (gs: number[], slot: number) => gs.map((g) => g * slots + slot);
  const allCells = (gs: number[]) => [...Array(slots).keys()].flatMap((s) => slotCells(gs, s));
  const report = (perRule: (gs: number[], r: number) => RuleCells, sequential: boolean): Record<string, LiftRow[]> => {
    const out: Record<string, LiftRow[]> = {};
    for (const [label, gs] of tables)
      out[label] = tableRows(totalOf(sums, allCells(gs)), rules, (r) => perRule(gs, r), rates, primary, sequential, amount !== undefined);
    return out;
  };

  const segments = report((gs, r) => ({ sums, hit: slotCells(gs, r), rest: [...Array(k - r).keys()].flatMap((j) => slotCells(gs, r + 1 + j)) }), true);
  const names = rates.map((r) => r.name);
  if (options.standalone === false) return { segments, rates: names, primary: rates[0]?.name ?? null };

  // Standalone: per rule, the cell is (segment, hit or not) over every row.
  const standaloneSums = masks.map((m) => {
    const c = new Int32Array(n);
    for (let i = 0; i < n; i++) c[i] = (seg[i] as number) * 2 + (m[i] as number);
    return sumByCell(c, groups * 2, amount, rates);
  });
  // Marginal: the cell is (segment, the only rule that hits, or none).
  const hitCount = new Uint8Array(n);
  for (const m of masks) for (let i = 0; i < n; i++) hitCount[i] = Math.min(255, (hitCount[i] as number) + (m[i] as number));
  for (let i = 0; i < n; i++) cell[i] = (seg[i] as number) * slots + (hitCount[i] === 1 ? (first[i] as number) : k);
  const marginalSums = sumByCell(cell, groups * slots, amount, rates);

  const standalone = report((gs, r) => ({ sums: standaloneSums[r] as CellSums, hit: gs.map((g) => g * 2 + 1), rest: gs.map((g) => g * 2) }), false);
  const marginal = report((gs, r) => {
    const hit = slotCells(gs, r);
    return { sums: marginalSums, hit, rest: allCells(gs).filter((c) => !hit.includes(c)) };
  }, false);
  return { segments, standalone, marginal, rates: names, primary: rates[0]?.name ?? null };
}

/** Where one rule's row reads its sums: the touched cells and the remaining cells. */
interface RuleCells {
  readonly sums: CellSums;
  readonly hit: readonly number[];
  readonly rest: readonly number[];
}

function tableRows(
  total: Totals,
  rules: readonly Pick<ActiveRule, 'id' | 'action'>[],
  cellsOf: (r: number) => RuleCells,
  rates: readonly RateSpec[],
  primary: number,
  sequential: boolean,
  hasAmount: boolean,
): LiftRow[] {
  const baseRates = ratesOf(total, rates);
  const primaryName = rates[primary]?.name;
  const primaryTotal = primary >= 0 ? (total.numerator[primary] as number) : 0;
  const rows: LiftRow[] = [
    {
      rule: 'baseline',
      touched: total.count,
      touched_share: total.count > 0 ? 1 : 0,
      touched_amount: hasAmount ? total.amount : null,
      cumulative_touched: 0,
      hit_rates: baseRates,
      hit_denominators: denominatorsOf(total, rates),
      remaining_rates: baseRates,
      lift: ratio(baseRates, baseRates, primaryName),
      lifts: liftsOf(baseRates, baseRates),
      capture: null,
    },
  ];
  let cumulative = 0;
  let captured = 0;
  rules.forEach((rule, r) => {
    const cells = cellsOf(r);
    const hit = totalOf(cells.sums, cells.hit);
    const rest = totalOf(cells.sums, cells.rest);
    const hitRates = ratesOf(hit, rates);
    const hitCapture = primary >= 0 ? (hit.numerator[primary] as number) : 0;
    cumulative = sequential ? cumulative + hit.count : hit.count;
    captured = sequential ? captured + hitCapture : hitCapture;
    rows.push({
      rule: rule.id,
      action: rule.action,
      touched: hit.count,
      touched_share: total.count > 0 ? hit.count / total.count : 0,
      touched_amount: hasAmount ? hit.amount : null,
      cumulative_touched: cumulative,
      hit_rates: hitRates,
      hit_denominators: denominatorsOf(hit, rates),
      remaining_rates: ratesOf(rest, rates),
      lift: ratio(hitRates, baseRates, primaryName),
      lifts: liftsOf(hitRates, baseRates),
      capture: primaryTotal > 0 ? captured / primaryTotal : null,
    });
  });
  return rows;
}

function denominatorsOf(t: Totals, rates: readonly RateSpec[]): Record<string, number> {
  return Object.fromEntries(rates.map((rate, r) => [rate.name, t.denominator[r] as number]));
}

function ratio(hit: Record<string, number | null>, base: Record<string, number | null>, name: string | undefined): number | null {
  if (name === undefined) return null;
  const h = hit[name];
  const b = base[name];
  return h === null || h === undefined || b === null || b === undefined || b === 0 ? null : h / b;
}

function liftsOf(hit: Record<string, number | null>, base: Record<string, number | null>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const name of Object.keys(hit)) out[name] = ratio(hit, base, name);
  return out;
}
