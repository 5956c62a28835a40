/** One point of a ROC curve: false and true positive rates when rows with PD ≥ `threshold` are called bad. */
// @ts-nocheck

export interface RocPoint {
  readonly threshold: number;
  readonly fpr: number;
  readonly tpr: number;
}

/** The ROC curve and the KS statistic read off it. */
export interface RocCurve {
  /** From (0, 0) to (1, 1), one point per distinct PD (tied PDs move together, diagonally). */
  readonly points: RocPoint[];
  /** Area under the curve by trapezoids: equals the rank AUC (ties counted half). */
  readonly auc: number;
  /** max(TPR − FPR): the KS statistic, and the PD threshold where it is reached. */
  readonly ks: number;
  readonly ksThreshold: number;
}

/**
 * ROC curve of PDs against 0/1 labels (1 = bad = positive): rows sorted by PD descending, one
 * point per distinct PD. Labels other than 0/1 are skipped. Source: Fawcett (2006), algorithm 2.
 */
export function rocCurve(pd: Float64Array, labels: Float64Array): RocCurve {
  const order = Array.from(pd.keys())
    .filter((i) => labels[i] === 0 || labels[i] === 1)
    .sort((a, b) => (pd[b] as number) - (pd[a] as number));
  let bads = 0;
  for (const i of order) if (labels[i] === 1) bads++;
  const goods = order.length - bads;
  const points: RocPoint[] = [{ threshold: Number.POSITIVE_INFINITY, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  let ks = 0;
  let ksThreshold = Number.NaN;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && pd[next] === pd[i]) continue;
    const point = { threshold: pd[i] as number, fpr: goods > 0 ? fp / goods : 0, tpr: bads > 0 ? tp / bads : 0 };
    const last = points[points.length - 1] as RocPoint;
    auc += ((point.fpr - last.fpr) * (point.tpr + last.tpr)) / 2;
    if (point.tpr - point.fpr > ks) {
      ks = point.tpr - point.fpr;
      ksThreshold = point.threshold;
    }
    points.push(point);
  }
  return { points, auc, ks, ksThreshold };
}

/**
 * At most `limit` points of a curve for drawing: the first, the last and evenly spaced ones in
 * between, plus the point where KS is reached (so the chart shows it).
 */
export function thinCurve(points: readonly RocPoint[], limit: number, keep?: number): RocPoint[] {
  if (points.length <= limit) return [...points];
  const step = (points.length - 1) / (limit - 1);
  const picked = new Set<number>();
  for (let k = 0; k < limit; k++) picked.add(Math.round(k * step));
  if (keep !== undefined) {
    const at = points.findIndex((p) => p.threshold === keep);
    if (at >= 0) picked.add(at);
  }
  return [...picked].sort((a, b) => a - b).map((k) => points[k] as RocPoint);
}
