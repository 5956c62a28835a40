import type { Frame } from '../../frame/index.js';
import { segmentRows } from '../../strategy/index.js';

/**
 * Rows grouped into policy segments: score bands × categorical columns (REFERENCE §8). Bands are
 * ranked 0 = worst score band upwards (higher score = safer); `group` identifies the categorical
 * combination, so monotonicity in score is required only inside a group.
 */
export interface PolicySegments {
  /** Segment of each row. */
  readonly rowSegment: Int32Array;
  /** Segment labels, e.g. "score 580–620 · channel=online". */
  readonly labels: readonly string[];
  /** Score band of each segment (0 = worst; −1 = missing score, outside the monotone order). */
  readonly band: Int32Array;
  /** Categorical combination of each segment. */
  readonly group: Int32Array;
  /** Group labels. */
  readonly groups: readonly string[];
  /** Band edges: band k covers [edges[k], edges[k+1]). */
  readonly edges: Float64Array;
  /** Value of each categorical column per segment, by column name. */
  readonly values: Readonly<Record<string, readonly string[]>>;
}

/** How to segment: the score column, the number of equal-frequency bands or explicit inner edges (ascending), and categorical columns. */
export interface SegmentationSpec {
  /** Score column (higher = safer); without one there is a single band. */
  readonly score?: string;
  readonly bands?: number;
  readonly edges?: readonly number[];
  readonly by?: readonly string[];
}

/**
 * Builds score-band × category segments over `frame`. Equal-frequency bands use the empirical
 * quantiles of the score (ties kept together, so fewer bands may result). Empty segments are dropped.
 * Rows with a missing score form their own band per group.
 */
export function segmentPolicy(frame: Frame, spec: SegmentationSpec): PolicySegments {
  const n = frame.rowCount;
  const score = spec.score === undefined ? new Float64Array(n) : frame.numeric(spec.score).values;
  const edges =
    spec.score === undefined
      ? Float64Array.of(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)
      : spec.edges !== undefined
        ? Float64Array.from([Number.NEGATIVE_INFINITY, ...spec.edges, Number.POSITIVE_INFINITY])
        : quantileEdges(score, spec.bands ?? 10);
  // a missing score gets its own band (the last code), outside the monotone order
  const bandOf = (v: number) => {
    if (Number.isNaN(v)) return edges.length - 1;
    let k = 0;
    while (k + 1 < edges.length - 1 && v >= (edges[k + 1] as number)) k++;
    return k;
  };
  const bandCount = edges.length;
  const by = spec.by ?? [];
  const groupings = by.map((column) => segmentRows(frame, column));
  // group code = mixed radix over the categorical columns
  const groupCode = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let code = 0;
    for (const g of groupings) code = code * g.labels.length + (g.codes[i] as number);
    groupCode[i] = code;
  }
  const key = new Int32Array(n);
  const used = new Set<number>();
  for (let i = 0; i < n; i++) {
    const k = (groupCode[i] as number) * bandCount + bandOf(score[i] as number);
    key[i] = k;
    used.add(k);
  }
  const keys = [...used].sort((a, b) => a - b);
  const index = new Map(keys.map((k, j) => [k, j]));
  const rowSegment = Int32Array.from(key, (k) => index.get(k) as number);
  const groupKeys = [...new Set(keys.map((k) => Math.floor(k / bandCount)))];
  const groupIndex = new Map(groupKeys.map((g, j) => [g, j]));
  const decode = (code: number): string[] => {
    const parts: string[] = [];
    for (let c = groupings.length - 1; c >= 0; c--) {
      const size = (groupings[c] as { labels: readonly string[] }).labels.length;
      parts.unshift((groupings[c] as { labels: readonly string[] }).labels[code % size] as string);
      code = Math.floor(code / size);
    }
    return parts;
  };
  const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : v > 0 ? '∞' : '−∞');
  const labels = keys.map((k) => {
    const band = k % bandCount;
    const parts = decode(Math.floor(k / bandCount));
    const category = parts.map((p, c) => `${by[c]}=${p}`).join(' · ');
    const scorePart =
      spec.score === undefined
        ? ''
        : band === bandCount - 1
          ? `${spec.score} missing`
          : `${spec.score} ${fmt(edges[band] as number)}–${fmt(edges[band + 1] as number)}`;
    return [scorePart, category].filter((p) => p !== '').join(' · ') || 'all';
  });
  const values: Record<string, string[]> = {};
  by.forEach((column, c) => {
    values[column] = keys.map((k) => decode(Math.floor(k / bandCount))[c] as string);
  });
  return {
    rowSegment,
    labels,
    band: Int32Array.from(keys, (k) => (k % bandCount === bandCount - 1 ? -1 : k % bandCount)),
    group: Int32Array.from(keys, (k) => groupIndex.get(Math.floor(k / bandCount)) as number),
    groups: groupKeys.map((g) => decode(g).join(' · ') || 'all'),
    edges,
    values,
  };
}

/** Equal-frequency edges (−∞ … +∞ at the ends), distinct. */
function quantileEdges(values: Float64Array, bands: number): Float64Array {
  const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  if (sorted.length === 0) return Float64Array.of(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const inner: number[] = [];
  for (let k = 1; k < bands; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / bands))] as number;
    if (v > (sorted[0] as number) && (inner.length === 0 || v > (inner[inner.length - 1] as number))) inner.push(v);
  }
  return Float64Array.from([Number.NEGATIVE_INFINITY, ...inner, Number.POSITIVE_INFINITY]);
}

/** Sums a per-row value into segments (rows with NaN contribute 0). */
export function sumBySegment(segments: PolicySegments, values: ArrayLike<number>, weight?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(segments.labels.length);
  for (let i = 0; i < segments.rowSegment.length; i++) {
    const v = (values[i] as number) * (weight === undefined ? 1 : (weight[i] as number));
    if (!Number.isNaN(v)) out[segments.rowSegment[i] as number]! += v;
  }
  return out;
}
