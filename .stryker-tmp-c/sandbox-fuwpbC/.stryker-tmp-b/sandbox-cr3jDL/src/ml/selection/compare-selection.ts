// @ts-nocheck
// 
import type { Frame } from '../../frame/index.js';
import { deriveSeed } from '../../random/index.js';
import { stratifiedKFold } from '../metrics/index.js';
import type { DroppedFeature } from './filter-features.js';
import { type RunSelectionOptions, runSelection, type SelectionMethod, type SelectionRun, votesNeeded } from './run-selection.js';
import { type SelectionStability, selectionStability } from './selection-stability.js';

/** Options of `compareSelection`: one run's options plus the folds. */
export interface CompareSelectionOptions extends RunSelectionOptions {
  /** Stratified CV folds to repeat the selection over (0 = no stability run). */
  readonly folds: number;
  /** Keep only features chosen in at least this share of the fold runs, in [0, 1]. */
  readonly minFrequency: number;
  /** Called before each fold run (1-based). */
  readonly onFold?: (fold: number) => void;
}

/** The final verdict on one candidate. */
export interface FinalChoice {
  readonly feature: string;
  readonly kept: boolean;
  /** The rule that dropped it (a filter rule, 'methods' or 'stability'); null when kept. */
  readonly rule: DroppedFeature['rule'] | null;
  readonly reason: string;
  /** Methods that chose it on all rows. */
  readonly chosenBy: readonly SelectionMethod[];
  /** Share of fold runs that chose it (null without folds). */
  readonly frequency: number | null;
}

/** Every method side by side, on all rows and over the folds. */
export interface SelectionComparison {
  readonly full: SelectionRun;
  readonly folds: readonly SelectionRun[];
  /** Per method (and 'final' for the combined choice): frequency per feature and Jaccard stability over the folds. */
  readonly stability: ReadonlyMap<SelectionMethod | 'final', SelectionStability>;
  readonly final: readonly FinalChoice[];
}

/**
 * Runs every method on all rows and again on the training part of each stratified fold (folds
 * seeded by `seed`; fold f runs with seed `deriveSeed(seed, f + 1)`), then decides per feature:
 * dropped by a filter, else kept when at least half the methods chose it on all rows and — with
 * folds — the combined choice picked it in at least `minFrequency` of the fold runs.
 */
export async function compareSelection(
  frame: Frame,
  target: string,
  candidates: readonly string[],
  options: CompareSelectionOptions,
): Promise<SelectionComparison> {
  const full = await runSelection(frame, target, candidates, options);
  const folds: SelectionRun[] = [];
  if (options.folds > 0) {
    const ids = stratifiedKFold(frame.numeric(target).values, options.folds, options.seed);
    for (let f = 0; f < options.folds; f++) {
      options.onFold?.(f + 1);
      const train = frame.filter(Uint8Array.from(ids, (id) => (id === f ? 0 : 1)));
      folds.push(await runSelection(train, target, candidates, { ...options, seed: deriveSeed(options.seed, f + 1) }));
    }
  }
  const stability = new Map<SelectionMethod | 'final', SelectionStability>();
  if (folds.length > 0) {
    for (const m of options.methods)
      stability.set(
        m,
        selectionStability(
          folds.map((run) => candidates.filter((c) => run.scores.get(m)?.get(c)?.chosen)),
          candidates,
        ),
      );
    stability.set(
      'final',
      selectionStability(
        folds.map((run) => run.chosen),
        candidates,
      ),
    );
  }
  const m = options.methods.length;
  const needed = votesNeeded(m);
  const final = candidates.map((feature): FinalChoice => {
    const chosenBy = options.methods.filter((method) => full.scores.get(method)?.get(feature)?.chosen);
    const frequency = stability.get('final')?.frequency.get(feature) ?? null;
    const votes = `chosen by ${chosenBy.length} of ${m} methods${chosenBy.length > 0 ? ` (${chosenBy.join(', ')})` : ''}`;
    const inFolds = frequency === null ? '' : `; in ${(frequency * 100).toFixed(0)}% of ${folds.length} fold runs`;
    const filter = full.filtered.find((d) => d.feature === feature);
    if (filter !== undefined) return { feature, kept: false, rule: filter.rule, reason: `${filter.reason} (${votes})`, chosenBy, frequency };
    if (chosenBy.length < needed) return { feature, kept: false, rule: 'methods', reason: `${votes}; needs ${needed}${inFolds}`, chosenBy, frequency };
    if (frequency !== null && frequency < options.minFrequency)
      return {
        feature,
        kept: false,
        rule: 'stability',
        reason: `${votes}${inFolds}, below --min-frequency ${(options.minFrequency * 100).toFixed(0)}%`,
        chosenBy,
        frequency,
      };
    return { feature, kept: true, rule: null, reason: `${votes}${inFolds}`, chosenBy, frequency };
  });
  return { full, folds, stability, final };
}
