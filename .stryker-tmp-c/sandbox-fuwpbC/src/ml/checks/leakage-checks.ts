// @ts-nocheck
import { type Column, type Frame, numericColumn } from '../../frame/index.js';
import { type FrameProfile, profileFrame } from '../binning/index.js';
import { computeAuc } from '../metrics/index.js';

/** What a leakage check found about one column. */
export interface LeakageFinding {
  readonly column: string;
  /**
   * `separation`: the column alone separates the target (AUC ≥ 0.999, or categories all pure):
   * it is the outcome or recorded after it; `target_copy`: almost so (AUC ≥ 0.99); `iv`: an
   * information value above the threshold; `id`: the column looks like an identifier.
   */
  readonly kind: 'separation' | 'target_copy' | 'iv' | 'id';
  /** The figure behind it: the single-column AUC (oriented ≥ 0.5; for a categorical, the share of rows in pure categories), the IV, or the distinct share. */
  readonly value: number;
  readonly message: string;
}

/** Options of `leakageChecks`. */
export interface LeakageOptions {
  /** IV above this is flagged (default 0.5: REFERENCE §2, "> 0.5 suspicious: check leakage"). */
  readonly ivThreshold?: number;
  /**
   * The frame's profile with this target (`profileFrame(frame, { target })`), when the caller has it:
   * its IVs are used instead of profiling again when every label is known (the same bins then).
   */
  readonly profile?: FrameProfile;
}

/** Single-column AUC at or above this (either direction) is perfect separation. */
export const SEPARATION_AUC = 0.999;
/** Single-column AUC at or above this is a near-copy of the target. */
export const NEAR_COPY_AUC = 0.99;

/**
 * Leakage checks of candidate features against a 0/1 target (NaN = unknown, ignored): a column
 * that separates the target alone (single-column AUC of its values, missing values excluded, or a
 * categorical whose categories are each all-bad or all-good), a near-copy (AUC ≥ 0.99), an IV above
 * the threshold (the profile's quick look: one bin per value for ≤ 10 values, else deciles), and
 * identifier-like columns (a category per row, or distinct whole numbers on every row). Each column
 * gets at most one finding, the most serious.
 */
export function leakageChecks(frame: Frame, labels: Float64Array, features: readonly string[], options: LeakageOptions = {}): LeakageFinding[] {
  const threshold = options.ivThreshold ?? 0.5;
  const known = Uint8Array.from(labels, (y) => (y === 0 || y === 1 ? 1 : 0));
  const rows = known.reduce((s, v) => s + v, 0);
  const data = rows === frame.rowCount ? frame : frame.filter(known);
  const y = rows === frame.rowCount ? labels : labels.filter((v) => v === 0 || v === 1);
  const findings: LeakageFinding[] = [];
  const ivColumn = '__credo_target__';
  const given = rows === frame.rowCount && options.profile?.target !== undefined ? options.profile : undefined;
  const profile =
    given ?? (rows > 0 && features.length > 0 ? profileFrame(data.select(features).withColumn(numericColumn(ivColumn, y)), { target: ivColumn }) : undefined);
  const ivOf = new Map((profile?.columns ?? []).map((c) => [c.name, c.iv ?? 0]));
  // the profile's AUC covers the same rows as `separation` (a value and a known outcome), labels missing or not
  const aucOf = new Map((options.profile?.columns ?? []).flatMap((c) => (c.auc === undefined ? [] : [[c.name, c.auc] as const])));
  features.forEach((name) => {
    const column = data.column(name);
    const id = idLike(column);
    if (id !== null) {
      findings.push({
        column: name,
        kind: 'id',
        value: id,
        message: `"${name}" looks like an identifier (${(id * 100).toFixed(1)}% of rows have their own value): a model can only memorise it; --exclude it`,
      });
      return;
    }
    const profiled = aucOf.get(name);
    const auc = profiled === undefined ? separation(column, y) : profiled === null ? 0 : Math.max(profiled, 1 - profiled);
    const figure =
      column.type === 'category' ? `${(auc * 100).toFixed(2)}% of rows in categories that are all bad or all good` : `AUC ${auc.toFixed(4)} on its own`;
    if (auc >= SEPARATION_AUC) {
      findings.push({
        column: name,
        kind: 'separation',
        value: auc,
        message: `"${name}" alone separates the target (${figure}): it is the outcome or recorded after it; --exclude it`,
      });
      return;
    }
    if (auc >= NEAR_COPY_AUC) {
      findings.push({
        column: name,
        kind: 'target_copy',
        value: auc,
        message: `"${name}" is a near-copy of the target (${figure}): check that it is known at decision time`,
      });
      return;
    }
    const iv = ivOf.get(name) ?? 0;
    if (iv > threshold) {
      findings.push({
        column: name,
        kind: 'iv',
        value: iv,
        message: `"${name}" has IV ${iv.toFixed(4)}, above ${threshold}: unusually strong for one feature; check that it is known at decision time`,
      });
    }
  });
  return findings;
}

/** Share of rows with their own value when the column looks like an id (≥ 20 rows), else null. */
function idLike(column: Column): number | null {
  if (column.type === 'category') {
    const seen = new Set<number>();
    let n = 0;
    for (const code of column.codes) {
      if (code < 0) continue;
      n++;
      seen.add(code);
    }
    return n >= 20 && seen.size >= 0.9 * n ? seen.size / n : null;
  }
  // distinct whole numbers on every present row: stop at the first fraction or repeat
  const seen = new Set<number>();
  let n = 0;
  for (const v of column.values) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v) || seen.has(v)) return null;
    seen.add(v);
    n++;
  }
  return n >= 20 ? 1 : null;
}

/** Single-column separation: AUC of a numeric column's values (oriented ≥ 0.5), or the share of rows in pure categories. */
function separation(column: Column, y: Float64Array): number {
  if (column.type === 'category') {
    const bads = new Float64Array(column.dictionary.length);
    const counts = new Float64Array(column.dictionary.length);
    let n = 0;
    for (let i = 0; i < column.codes.length; i++) {
      const c = column.codes[i] as number;
      if (c < 0) continue;
      n++;
      counts[c]! += 1;
      bads[c]! += y[i] as number;
    }
    let pure = 0;
    let used = 0;
    for (let c = 0; c < counts.length; c++) {
      if (counts[c] === 0) continue;
      used++;
      pure += Math.max(bads[c] as number, (counts[c] as number) - (bads[c] as number));
    }
    return used > 1 && n > 0 ? pure / n : 0;
  }
  const values = column.values;
  let present = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) present++;
  const x = new Float64Array(present);
  const labels = new Float64Array(present);
  let bads = 0;
  for (let i = 0, k = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    x[k] = v;
    labels[k++] = y[i] as number;
    bads += y[i] as number;
  }
  if (bads === 0 || bads === present) return 0;
  const auc = computeAuc(x, labels);
  return Math.max(auc, 1 - auc);
}
