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
  /** Feature fraction sampled per tree (0 = √F/F, Breiman's default size drawn once per tree). */
  readonly colsample: number;
  readonly seed: number;
}

/** Defaults: 100 trees of up to 64 leaves, bootstrap of n rows, 60% of the features per tree. */
export const defaultForestOptions: ForestOptions = {
  trees: 100,
  leaves: 64,
  maxDepth: 0,
  minDataInLeaf: 5,
  maxBins: 255,
  sampleFraction: 1,
  colsample: 0.6,
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
  check('seed', Number.isInteger(o.seed), 'must be an integer');
  return o;
}
