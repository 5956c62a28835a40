// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import { logisticLogits, trainLogistic } from '../linear/index.js';
import { computeAuc, computeKs } from '../metrics/index.js';

/** Criterion of a stepwise search: AIC and BIC are minimised, AUC and KS maximised (in-sample). */
export type StepwiseCriterion = 'aic' | 'bic' | 'auc' | 'ks';

/** Options of `stepwiseSelect`. */
export interface StepwiseOptions {
  readonly direction?: 'forward' | 'backward' | 'both';
  readonly criterion?: StepwiseCriterion;
  /** Smallest improvement that counts (default 0 for AIC/BIC, 1e-4 for AUC/KS). */
  readonly minImprovement?: number;
  /** Most steps (default 100). */
  readonly maxSteps?: number;
  readonly l2?: number;
}

/** One step of the search. */
export interface StepwiseStep {
  readonly step: number;
  readonly action: 'add' | 'remove';
  readonly feature: string;
  /** Criterion value of the model after the step. */
  readonly value: number;
}

/**
 * Stepwise logistic-regression feature selection (forward, backward or both; Efroymson 1960 /
 * R's `step`): at each step try every single addition (and, for backward/both, removal), take the
 * best improvement of the criterion, stop when none improves by `minImprovement`. AIC = −2LL + 2k,
 * BIC = −2LL + ln(n)·k; AUC/KS are in-sample (use held-out data to judge the result).
 */
export function stepwiseSelect(
  columns: ReadonlyMap<string, Float64Array>,
  labels: Float64Array,
  options: StepwiseOptions = {},
): { selected: string[]; steps: StepwiseStep[]; value: number } {
  const direction = options.direction ?? 'both';
  const criterion = options.criterion ?? 'aic';
  const minimise = criterion === 'aic' || criterion === 'bic';
  const minImprovement = options.minImprovement ?? (minimise ? 0 : 1e-4);
  const names = [...columns.keys()];
  if (names.length === 0) throw new CredoError('E_INPUT_VALIDATION', { summary: 'stepwise selection needs at least one feature' });
  const n = labels.length;
  const cache = new Map<string, number>();
  const evaluate = (set: readonly string[]): number => {
    const key = [...set].sort().join('\u0000');
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const design = set.map((s) => columns.get(s) as Float64Array);
    const fit = trainLogistic(design, labels, { l2: options.l2 ?? 0, maxIterations: 50 });
    let value: number;
    if (criterion === 'aic') value = fit.aic;
    else if (criterion === 'bic') value = fit.bic;
    else {
      const logits = logisticLogits(fit, design, n);
      value = criterion === 'auc' ? computeAuc(logits, labels) : computeKs(logits, labels).ks;
    }
    cache.set(key, value);
    return value;
  };
  const better = (a: number, b: number) => (minimise ? b - a > minImprovement : a - b > minImprovement);
  let selected: string[] = direction === 'backward' ? [...names] : [];
  let current = evaluate(selected);
  const steps: StepwiseStep[] = [];
  for (let step = 1; step <= (options.maxSteps ?? 100); step++) {
    let best: { action: 'add' | 'remove'; feature: string; value: number; set: string[] } | undefined;
    if (direction !== 'backward') {
      for (const f of names) {
        if (selected.includes(f)) continue;
        const set = [...selected, f];
        const v = evaluate(set);
        if (best === undefined || better(v, best.value) || (v === best.value && f < best.feature)) best = { action: 'add', feature: f, value: v, set };
      }
    }
    if (direction !== 'forward' && selected.length > (direction === 'backward' ? 1 : 0)) {
      for (const f of selected) {
        const set = selected.filter((s) => s !== f);
        const v = evaluate(set);
        if (best === undefined || better(v, best.value)) best = { action: 'remove', feature: f, value: v, set };
      }
    }
    if (best === undefined || !better(best.value, current)) break;
    selected = best.set;
    current = best.value;
    steps.push({ step, action: best.action, feature: best.feature, value: best.value });
  }
  return { selected, steps, value: current };
}
