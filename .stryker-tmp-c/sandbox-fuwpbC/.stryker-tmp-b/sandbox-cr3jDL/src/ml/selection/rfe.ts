// @ts-nocheck
// 
import { trainLogistic } from '../linear/index.js';

/**
 * Recursive feature elimination (Guyon et al. 2002) with a logistic model: refit, drop the feature
 * of smallest importance |β_j|·sd(x_j) (the standardised coefficient), repeat until `keep` remain.
 * Returns the kept names, the elimination order with each feature's importance when dropped, and
 * the AIC and BIC of every model on the path (from all features down to `keep`), from which a
 * caller can pick the size (`bestRfeSize`).
 */
export function recursiveElimination(
  columns: ReadonlyMap<string, Float64Array>,
  labels: Float64Array,
  keep: number,
  options: { readonly l2?: number } = {},
): { selected: string[]; eliminated: { feature: string; importance: number }[]; path: RfeStep[] } {
  let names = [...columns.keys()];
  const sd = new Map(names.map((name) => [name, standardDeviation(columns.get(name) as Float64Array)]));
  const eliminated: { feature: string; importance: number }[] = [];
  const path: RfeStep[] = [];
  const fitOf = (set: readonly string[]) =>
    trainLogistic(
      set.map((name) => columns.get(name) as Float64Array),
      labels,
      { l2: options.l2 ?? 0, maxIterations: 50 },
    );
  while (names.length > Math.max(1, keep)) {
    const fit = fitOf(names);
    path.push({ features: names.length, aic: fit.aic, bic: fit.bic });
    let at = 0;
    let smallest = Number.POSITIVE_INFINITY;
    names.forEach((name, j) => {
      const importance = Math.abs(fit.coefficients[j] as number) * (sd.get(name) as number);
      if (importance < smallest) {
        smallest = importance;
        at = j;
      }
    });
    eliminated.push({ feature: names[at] as string, importance: smallest });
    names = names.filter((_, j) => j !== at);
  }
  if (names.length > 0) {
    const last = fitOf(names);
    path.push({ features: names.length, aic: last.aic, bic: last.bic });
  }
  return { selected: names, eliminated, path };
}

/** One model on the elimination path: its number of features and information criteria. */
export interface RfeStep {
  readonly features: number;
  readonly aic: number;
  readonly bic: number;
}

/** The path size with the smallest criterion (ties: the fewer features); 0 for an empty path. */
export function bestRfeSize(path: readonly RfeStep[], criterion: 'aic' | 'bic'): number {
  let best: RfeStep | undefined;
  for (const step of path)
    if (best === undefined || step[criterion] < best[criterion] || (step[criterion] === best[criterion] && step.features < best.features)) best = step;
  return best?.features ?? 0;
}

function standardDeviation(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m += a[i] as number;
  m /= Math.max(1, a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - m) ** 2;
  return Math.sqrt(s / Math.max(1, a.length));
}
