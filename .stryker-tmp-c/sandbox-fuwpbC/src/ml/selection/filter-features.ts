// @ts-nocheck
import { computeVif } from '../linear/index.js';

/** A feature left out and why (the value that triggered the rule and its threshold). */
export interface DroppedFeature {
  readonly feature: string;
  readonly rule: 'missing' | 'iv' | 'correlation' | 'vif' | 'stepwise' | 'rfe' | 'constant' | 'methods' | 'stability';
  readonly reason: string;
  readonly value: number;
}

/** Per-feature facts the filters read. */
export interface FeatureFacts {
  readonly name: string;
  /** Share of rows missing, in [0, 1]. */
  readonly missingShare: number;
  readonly iv: number;
  /** Why the binning behind `iv` has a single bin, when it does (e.g. the minimum bin share). */
  readonly ivNote?: string;
  /** The numeric design column (WOE or mean-filled raw values), no missing values. */
  readonly values: Float64Array;
}

/** Thresholds of `filterFeatures`; a rule is skipped when its threshold is undefined. */
export interface FilterOptions {
  /** Drop when the missing share is above this (e.g. 0.9). */
  readonly maxMissingShare?: number;
  /** Drop when IV is below this (e.g. 0.02). */
  readonly minIv?: number;
  /** Of a pair with |Pearson r| above this, drop the one with the lower IV (e.g. 0.8). */
  readonly maxCorrelation?: number;
  /** Drop the largest-VIF feature while any VIF exceeds this (e.g. 10). */
  readonly maxVif?: number;
}

/**
 * Filter-stage feature selection, rules in a fixed order: constant columns, missing share, IV,
 * pairwise correlation (keep the higher IV), then VIF (iteratively drop the largest). Returns the
 * kept names (input order) and every drop with its reason.
 */
export function filterFeatures(features: readonly FeatureFacts[], options: FilterOptions = {}): { kept: string[]; dropped: DroppedFeature[] } {
  const dropped: DroppedFeature[] = [];
  let pool = features.filter((f) => {
    const sd = standardDeviation(f.values);
    if (sd > 0) return true;
    dropped.push({ feature: f.name, rule: 'constant', reason: 'constant after transformation', value: 0 });
    return false;
  });
  if (options.maxMissingShare !== undefined) {
    const limit = options.maxMissingShare;
    pool = pool.filter((f) => {
      if (f.missingShare <= limit) return true;
      dropped.push({
        feature: f.name,
        rule: 'missing',
        reason: `missing share ${(f.missingShare * 100).toFixed(1)}% above ${(limit * 100).toFixed(1)}%`,
        value: f.missingShare,
      });
      return false;
    });
  }
  if (options.minIv !== undefined) {
    const limit = options.minIv;
    pool = pool.filter((f) => {
      if (f.iv >= limit) return true;
      dropped.push({
        feature: f.name,
        rule: 'iv',
        reason: `IV ${f.iv.toFixed(4)} below ${limit}${f.ivNote === undefined ? '' : ` (${f.ivNote})`}`,
        value: f.iv,
      });
      return false;
    });
  }
  if (options.maxCorrelation !== undefined) {
    const limit = options.maxCorrelation;
    // Strongest first: a feature survives unless it is too correlated with one already kept.
    const byIv = [...pool].sort((a, b) => b.iv - a.iv || (a.name < b.name ? -1 : 1));
    const survivors: FeatureFacts[] = [];
    for (const f of byIv) {
      let worst: { other: FeatureFacts; r: number } | undefined;
      for (const s of survivors) {
        const r = pearson(f.values, s.values);
        if (Math.abs(r) > limit && (worst === undefined || Math.abs(r) > Math.abs(worst.r))) worst = { other: s, r };
      }
      if (worst === undefined) survivors.push(f);
      else
        dropped.push({
          feature: f.name,
          rule: 'correlation',
          reason: `|r| = ${Math.abs(worst.r).toFixed(3)} with "${worst.other.name}" (IV ${worst.other.iv.toFixed(4)}) above ${limit}`,
          value: worst.r,
        });
    }
    pool = pool.filter((f) => survivors.includes(f));
  }
  if (options.maxVif !== undefined) {
    const limit = options.maxVif;
    while (pool.length > 1) {
      const vif = computeVif(pool.map((f) => f.values));
      let at = 0;
      for (let j = 1; j < vif.length; j++) if ((vif[j] as number) > (vif[at] as number)) at = j;
      if (!((vif[at] as number) > limit)) break;
      const f = pool[at] as FeatureFacts;
      dropped.push({
        feature: f.name,
        rule: 'vif',
        reason: `VIF ${Number.isFinite(vif[at]) ? (vif[at] as number).toFixed(2) : 'infinite'} above ${limit}`,
        value: vif[at] as number,
      });
      pool = pool.filter((_, j) => j !== at);
    }
  }
  return { kept: pool.map((f) => f.name), dropped };
}

/** Pearson correlation of two equal-length columns (0 when either is constant). */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

function standardDeviation(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m += a[i] as number;
  m /= Math.max(1, a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - m) ** 2;
  return Math.sqrt(s / Math.max(1, a.length));
}
