// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Objective } from './objective.js';

/** Training parameters of the GBDT (names as in the CLI; defaults in `defaultGbdtOptions`). */
export interface GbdtOptions {
  readonly objective: Objective;
  /** Boosting rounds (maximum when early stopping). */
  readonly trees: number;
  /** Maximum leaves per tree (leaf-wise growth). */
  readonly leaves: number;
  /** Maximum depth, 0 = unlimited. */
  readonly maxDepth: number;
  readonly learningRate: number;
  /** Value bins per feature, 2..255. */
  readonly maxBins: number;
  /** Minimum hessian sum per leaf (XGBoost min_child_weight). */
  readonly minChildWeight: number;
  /** Minimum rows per leaf (LightGBM min_data_in_leaf). */
  readonly minDataInLeaf: number;
  readonly lambdaL2: number;
  readonly lambdaL1: number;
  /** Minimum loss reduction to split (XGBoost gamma). */
  readonly minSplitGain: number;
  /** Row subsampling fraction per tree (0, 1]. */
  readonly subsample: number;
  /** Feature subsampling fraction per tree (0, 1]. */
  readonly colsample: number;
  /** Gradient-based one-side sampling (LightGBM GOSS) instead of uniform row sampling. */
  readonly goss: boolean;
  /** GOSS: share of rows with the largest |g·h| always kept. */
  readonly gossTopRate: number;
  /** GOSS: share of all rows sampled from the rest (amplified by (1 − top) / other). */
  readonly gossOtherRate: number;
  /** Weight multiplier of positive rows (binary). */
  readonly scalePosWeight: number;
  /** Monotone constraint per feature name: +1 non-decreasing, −1 non-increasing. */
  readonly monotone: Readonly<Record<string, number>>;
  /** Stop when the validation loss has not improved for this many rounds. */
  readonly earlyStoppingRounds: number;
  /** Smoothing added to the hessian when ordering categories (LightGBM cat_smooth). */
  readonly catSmooth: number;
  /** Rows sampled for the bin cut points. */
  readonly binSampleRows: number;
  /**
   * Choose splits on stochastically rounded gradients packed one per histogram entry (quantize.ts;
   * leaf outputs stay exact). Ignored above about 8.4 million rows, where too few bits remain.
   */
  readonly quantizedGradients: boolean;
  readonly seed: number;
}

/** Defaults: LightGBM-like growth with XGBoost's L2 = 1. */
export const defaultGbdtOptions: GbdtOptions = {
  objective: 'binary',
  trees: 100,
  leaves: 31,
  maxDepth: 0,
  learningRate: 0.1,
  maxBins: 255,
  minChildWeight: 1e-3,
  minDataInLeaf: 20,
  lambdaL2: 1,
  lambdaL1: 0,
  minSplitGain: 0,
  subsample: 1,
  colsample: 1,
  goss: false,
  gossTopRate: 0.2,
  gossOtherRate: 0.1,
  scalePosWeight: 1,
  monotone: {},
  earlyStoppingRounds: 20,
  catSmooth: 10,
  binSampleRows: 200_000,
  quantizedGradients: true,
  seed: 0,
};

/** Fills defaults and validates ranges; throws `E_GBDT_OPTION` naming the option. */
export function resolveGbdtOptions(options: Partial<GbdtOptions>): GbdtOptions {
  const o = { ...defaultGbdtOptions, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as GbdtOptions;
  const check = (name: keyof GbdtOptions, ok: boolean, problem: string) => {
    if (!ok) throw new CredoError('E_GBDT_OPTION', { option: name, problem, value: String(o[name]) });
  };
  check('objective', o.objective === 'binary' || o.objective === 'regression', 'must be binary or regression');
  check('trees', Number.isInteger(o.trees) && o.trees >= 1, 'must be an integer ≥ 1');
  check('leaves', Number.isInteger(o.leaves) && o.leaves >= 2 && o.leaves <= 4096, 'must be an integer in 2..4096');
  check('maxDepth', Number.isInteger(o.maxDepth) && o.maxDepth >= 0, 'must be an integer ≥ 0');
  check('learningRate', o.learningRate > 0 && o.learningRate <= 1, 'must be in (0, 1]');
  check('maxBins', Number.isInteger(o.maxBins) && o.maxBins >= 2 && o.maxBins <= 255, 'must be an integer in 2..255');
  check('minChildWeight', o.minChildWeight >= 0, 'must be ≥ 0');
  check('minDataInLeaf', Number.isInteger(o.minDataInLeaf) && o.minDataInLeaf >= 1, 'must be an integer ≥ 1');
  check('lambdaL2', o.lambdaL2 >= 0, 'must be ≥ 0');
  check('lambdaL1', o.lambdaL1 >= 0, 'must be ≥ 0');
  check('minSplitGain', o.minSplitGain >= 0, 'must be ≥ 0');
  check('subsample', o.subsample > 0 && o.subsample <= 1, 'must be in (0, 1]');
  check('colsample', o.colsample > 0 && o.colsample <= 1, 'must be in (0, 1]');
  check('gossTopRate', o.gossTopRate > 0 && o.gossTopRate < 1, 'must be in (0, 1)');
  check('gossOtherRate', o.gossOtherRate > 0 && o.gossTopRate + o.gossOtherRate <= 1, 'must be > 0 with gossTopRate + gossOtherRate ≤ 1');
  check('goss', !(o.goss && o.subsample < 1), 'cannot be combined with subsample < 1');
  check('scalePosWeight', o.scalePosWeight > 0, 'must be > 0');
  check('earlyStoppingRounds', Number.isInteger(o.earlyStoppingRounds) && o.earlyStoppingRounds >= 1, 'must be an integer ≥ 1');
  check('catSmooth', o.catSmooth >= 0, 'must be ≥ 0');
  check('binSampleRows', Number.isInteger(o.binSampleRows) && o.binSampleRows >= 1, 'must be an integer ≥ 1');
  check('seed', Number.isInteger(o.seed), 'must be an integer');
  check('quantizedGradients', typeof o.quantizedGradients === 'boolean', 'must be true or false');
  for (const [name, c] of Object.entries(o.monotone)) {
    if (c !== 1 && c !== -1 && c !== 0) throw new CredoError('E_GBDT_OPTION', { option: `monotone.${name}`, problem: 'must be +1, -1 or 0', value: String(c) });
  }
  return o;
}
