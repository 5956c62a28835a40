import { trainLogistic } from '../linear/index.js';

/**
 * Recursive feature elimination (Guyon et al. 2002) with a logistic model: refit, drop the feature
 * of smallest importance |β_j|·sd(x_j) (the standardised coefficient), repeat until `keep` remain.
 * Returns the kept names and the elimination order with each feature's importance when dropped.
 */
export function recursiveElimination(
  columns: ReadonlyMap<string, Float64Array>,
  labels: Float64Array,
  keep: number,
  options: { readonly l2?: number } = {},
): { selected: string[]; eliminated: { feature: string; importance: number }[] } {
  let names = [...columns.keys()];
  const sd = new Map(names.map((name) => [name, standardDeviation(columns.get(name) as Float64Array)]));
  const eliminated: { feature: string; importance: number }[] = [];
  while (names.length > Math.max(1, keep)) {
    const fit = trainLogistic(
      names.map((name) => columns.get(name) as Float64Array),
      labels,
      { l2: options.l2 ?? 0, maxIterations: 50 },
    );
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
  return { selected: names, eliminated };
}

function standardDeviation(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m += a[i] as number;
  m /= Math.max(1, a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - m) ** 2;
  return Math.sqrt(s / Math.max(1, a.length));
}
