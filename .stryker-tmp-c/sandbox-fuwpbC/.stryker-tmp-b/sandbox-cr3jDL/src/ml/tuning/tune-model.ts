// @ts-nocheck
// 
import { CredoError, errorCodes, isCredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { deriveSeed, Rng } from '../../random/index.js';
import { fitModel, type MemberSpec } from '../ensemble/index.js';
import { computeAuc, stratifiedKFold } from '../metrics/index.js';
import type { ModelKind } from '../model.js';
import { predictPd } from '../predict-model.js';
import { type Observation, sampleRandom, sampleTpe } from './samplers.js';
import { type SearchSpace, searchSpaceOf } from './search-space.js';

/** Options of `tuneModel`. */
export interface TuneOptions {
  readonly kind: ModelKind;
  /** 'random' search or 'tpe' (random for the first `startupTrials`, then TPE) ['tpe']. */
  readonly method?: 'random' | 'tpe';
  /** Wall-clock budget in seconds, measured with `clock`. */
  readonly budgetSeconds: number;
  /** Trials at most [100]. */
  readonly maxTrials?: number;
  /** Stratified CV folds per trial [3]. */
  readonly folds?: number;
  /** Random trials before TPE starts [5]. */
  readonly startupTrials?: number;
  readonly seed: number;
  /** Monotonic clock in seconds (injected: the core never reads the clock). */
  readonly clock: () => number;
  /** Search space [the family's declared space]. */
  readonly space?: SearchSpace;
  /** Called after each trial. */
  readonly onTrial?: (trial: TuneTrial) => void;
}

/** One evaluated parameter set. */
export interface TuneTrial {
  readonly trial: number;
  readonly params: Readonly<Record<string, unknown>>;
  /** Mean and sample sd of the held-out AUC over the folds run. */
  readonly auc_mean: number;
  readonly auc_sd: number;
  readonly folds_run: number;
  /** False when the budget ran out before every fold finished or the fit failed (never chosen as best). */
  readonly complete: boolean;
  /** Why the trial failed (an input error of the family's trainer for these parameters). */
  readonly error?: string;
  readonly seconds: number;
}

/** Result of a search. */
export interface TuneResult {
  readonly kind: ModelKind;
  readonly method: 'random' | 'tpe';
  readonly folds: number;
  /** The best complete trial's parameters merged with the fixed ones (null when none completed). */
  readonly best: TuneTrial | null;
  readonly trials: readonly TuneTrial[];
  readonly stopped: 'budget' | 'trials';
  readonly elapsed: number;
}

/**
 * Hyperparameter search with stratified k-fold CV: each trial trains on k − 1 folds and scores
 * the AUC of the held-out fold (same folds for every trial), the objective being the mean AUC.
 * Proposals come from random search or TPE (see `sampleTpe`). The budget is checked before
 * every fold: no trial starts after it is spent and a trial cut short is kept but marked
 * incomplete (a fold already training runs to its end, so the overrun is at most one fit).
 * GBDT trials early-stop on a hold-out of each training fold (the space's fixed parameters).
 * Deterministic per seed apart from where the budget cuts the search.
 */
export async function tuneModel(frame: Frame, target: string, features: readonly string[], options: TuneOptions): Promise<TuneResult> {
  const method = options.method ?? 'tpe';
  const folds = options.folds ?? 3;
  const maxTrials = options.maxTrials ?? 100;
  const startup = options.startupTrials ?? 5;
  if (!(options.budgetSeconds > 0)) throw new CredoError('E_TUNE_BUDGET', { value: String(options.budgetSeconds), problem: 'must be more than 0 seconds' });
  const space = options.space ?? searchSpaceOf(options.kind);
  const labels = frame.numeric(target).values;
  const foldIds = stratifiedKFold(labels, folds, deriveSeed(options.seed, 51));
  const splits: { train: Frame; test: Frame; y: Float64Array }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < labels.length; i++) (foldIds[i] === fold ? testRows : trainRows).push(i);
    const test = frame.take(Int32Array.from(testRows));
    splits.push({ train: frame.take(Int32Array.from(trainRows)), test, y: test.numeric(target).values });
  }
  const rng = new Rng(deriveSeed(options.seed, 52));
  const start = options.clock();
  const spent = () => options.clock() - start >= options.budgetSeconds;
  const trials: TuneTrial[] = [];
  const history: Observation[] = [];
  let stopped: 'budget' | 'trials' = 'trials';
  for (let t = 0; t < maxTrials; t++) {
    if (spent()) {
      stopped = 'budget';
      break;
    }
    const sampled = method === 'tpe' && history.length >= startup ? sampleTpe(space, history, rng) : sampleRandom(space, rng);
    const params = { ...space.fixed, ...sampled };
    const trialStart = options.clock();
    const aucs: number[] = [];
    let error: string | undefined;
    for (let fold = 0; fold < folds; fold++) {
      if (fold > 0 && spent()) break;
      const { train, test, y } = splits[fold]!;
      try {
        const model = await fitModel(
          { kind: options.kind, params: { ...params, seed: deriveSeed(options.seed, fold) } } as MemberSpec,
          train,
          target,
          features,
        );
        aucs.push(computeAuc(predictPd(model, test), y));
      } catch (cause) {
        // A parameter set the family rejects (e.g. a scorecard left with no feature) fails this trial, not the search.
        if (!isCredoError(cause) || errorCodes[cause.code].kind !== 'input') throw cause;
        error = cause.message;
        break;
      }
    }
    const mean = aucs.length > 0 ? aucs.reduce((a, b) => a + b, 0) / aucs.length : 0;
    const sd = aucs.length > 1 ? Math.sqrt(aucs.reduce((a, b) => a + (b - mean) ** 2, 0) / (aucs.length - 1)) : 0;
    const trial: TuneTrial = {
      trial: t + 1,
      params,
      auc_mean: mean,
      auc_sd: sd,
      folds_run: aucs.length,
      complete: error === undefined && aucs.length === folds,
      seconds: options.clock() - trialStart,
      ...(error === undefined ? {} : { error }),
    };
    trials.push(trial);
    if (trial.complete) history.push({ params: sampled, loss: -mean });
    options.onTrial?.(trial);
    if (!trial.complete && error === undefined) {
      stopped = 'budget';
      break;
    }
  }
  let best: TuneTrial | null = null;
  for (const trial of trials) if (trial.complete && (best === null || trial.auc_mean > best.auc_mean)) best = trial;
  return { kind: options.kind, method, folds, best, trials, stopped, elapsed: options.clock() - start };
}
