// @ts-nocheck
// 
import type { FeatureStats } from './explain-application.js';

/**
 * Standard deviation (n − 1), minimum and maximum of each numeric field over `rows` (missing,
 * non-numeric and non-finite values skipped; fields with fewer than two values left out): the
 * scale and range a counterfactual may move a feature in. Welford's single pass.
 */
export function featureStats(rows: readonly Readonly<Record<string, unknown>>[], names: readonly string[]): FeatureStats {
  const out = new Map<string, { sd: number; min: number; max: number }>();
  for (const name of names) {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const row of rows) {
      const raw = row[name];
      const v = typeof raw === 'boolean' ? Number(raw) : raw;
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      n++;
      const d = v - mean;
      mean += d / n;
      m2 += d * (v - mean);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (n > 1) out.set(name, { sd: Math.sqrt(m2 / (n - 1)), min, max });
  }
  return out;
}
