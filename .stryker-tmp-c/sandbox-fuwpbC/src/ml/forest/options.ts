// @ts-nocheck
import { CredoError } from '../../errors/index.js';

/** Training parameters of the random forest (defaults in `defaultForestOptions`). */
export interface ForestOptions {
  readonly trees: number;
  /** Maximum leaves per tree (leaf-wise growth on histograms). */
  readonly leaves: number;
  /** Maximum depth, 0 = unlimited. */
  readonly maxDepth: number;
  /** Minimum distinct rows per leaf. */
  readonly minDataInLeaf: number;
  /** Value bins per feature, 2..255. */
  readonly maxBins: number;
  /** Bootstrap sample size as a fraction of the rows (drawn with replacement). */
  readonly sampleFraction: number;
  /** Feature fraction sampled per tree (0 = √F/F, Breiman's default size drawn once per tree); used when `maxFeatures` is null. */
  readonly colsample: number;
  /**
   * Features drawn per draw, as sklearn's `max_features`: 'sqrt' (⌊√F⌋), 'log2' (⌊log₂F⌋), 'all',
   * an integer count ≥ 1, or a fraction in (0, 1) (⌊fraction·F⌋); at least 1. null = `colsample`.
   */
  readonly maxFeatures: MaxFeatures | null;
  /** When features are drawn: once per tree ('tree', the historical default) or at every split ('split', sklearn and Breiman). */
  readonly featureSampling: 'tree' | 'split';
  /**
   * Monotone constraint per numeric feature name: +1 PD non-decreasing, −1 non-increasing [none].
   * Enforced as in the GBDT (bounds propagated to the children of every constrained split), so
   * every tree, and their average, is monotone in the feature.
   */
  readonly monotone: Readonly<Record<string, number>>;
  readonly seed: number;
}

/** sklearn's `max_features`: a rule, a count (integer ≥ 1) or a fraction in (0, 1). */
export type MaxFeatures = 'sqrt' | 'log2' | 'all' | number;

/** Defaults: 100 trees of up to 64 leaves, bootstrap of n rows, 60% of the features per tree. */
export const defaultForestOptions: ForestOptions = {
  trees: 100,
  leaves: 64,
  maxDepth: 0,
  minDataInLeaf: 5,
  maxBins: 255,
  sampleFraction: 1,
  colsample: 0.6,
  maxFeatures: null,
  featureSampling: 'tree',
  monotone: {},
  seed: 0,
};

/** Fills defaults and validates ranges; throws `E_LEARNER_OPTION` naming the option. */
export function resolveForestOptions(options: Partial<ForestOptions>): ForestOptions {
  const o = { ...defaultForestOptions, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ForestOptions;
  const check = (option: keyof ForestOptions, ok: boolean, problem: string) => {
    if (!ok) throw new CredoError('E_LEARNER_OPTION', { model: 'forest', option, problem, value: String(o[option]) });
  };
  check('trees', Number.isInteger(o.trees) && o.trees >= 1, 'must be an integer ≥ 1');
  check('leaves', Number.isInteger(o.leaves) && o.leaves >= 2 && o.leaves <= 4096, 'must be an integer in 2..4096');
  check('maxDepth', Number.isInteger(o.maxDepth) && o.maxDepth >= 0, 'must be an integer ≥ 0');
  check('minDataInLeaf', Number.isInteger(o.minDataInLeaf) && o.minDataInLeaf >= 1, 'must be an integer ≥ 1');
  check('maxBins', Number.isInteger(o.maxBins) && o.maxBins >= 2 && o.maxBins <= 255, 'must be an integer in 2..255');
  check('sampleFraction', o.sampleFraction > 0 && o.sampleFraction <= 1, 'must be in (0, 1]');
  check('colsample', o.colsample >= 0 && o.colsample <= 1, 'must be in [0, 1] (0 = √F features)');
  check('maxFeatures', o.maxFeatures === null || validMaxFeatures(o.maxFeatures), "must be 'sqrt', 'log2', 'all', an integer ≥ 1 or a fraction in (0, 1)");
  check('featureSampling', o.featureSampling === 'tree' || o.featureSampling === 'split', "must be 'tree' or 'split'");
  check(
    'monotone',
    Object.values(o.monotone).every((c) => c === 1 || c === -1 || c === 0),
    'each constraint must be +1, -1 or 0',
  );
  check('seed', Number.isInteger(o.seed), 'must be an integer');
  return o;
}

function validMaxFeatures(m: MaxFeatures): boolean {
  if (typeof m === 'string') return m === 'sqrt' || m === 'log2' || m === 'all';
  return Number.isFinite(m) && (Number.isInteger(m) ? m >= 1 : m > 0 && m < 1);
}

/**
 * Features drawn per draw out of `featureCount`: `maxFeatures` with sklearn's rounding (floor, at
 * least 1, at most F) or, when null, the per-tree `colsample` rule (0 = round(√F), else ⌈F·colsample⌉).
 */
export function featuresPerDraw(options: Pick<ForestOptions, 'maxFeatures' | 'colsample'>, featureCount: number): number {
  const m = options.maxFeatures;
  let k: number;
  if (m === null) k = options.colsample === 0 ? Math.round(Math.sqrt(featureCount)) : Math.ceil(featureCount * options.colsample);
  else if (m === 'all') k = featureCount;
  else if (m === 'sqrt') k = Math.floor(Math.sqrt(featureCount));
  else if (m === 'log2') k = Math.floor(Math.log2(featureCount));
  else k = Number.isInteger(m) ? m : Math.floor(m * featureCount);
  return Math.min(featureCount, Math.max(1, k));
}
