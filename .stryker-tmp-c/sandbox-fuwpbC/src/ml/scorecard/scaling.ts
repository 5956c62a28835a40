/**
 * Scorecard scaling (REFERENCE §3; Siddiqi, Credit Risk Scorecards, 2006, ch. 10). Odds are
 * good:bad. factor = PDO / ln 2; offset = base_score − factor·ln(base_odds);
 * score = offset + factor·ln(odds) = offset − factor·logit(PD). Reported scores are clamped to
 * [min, max]; the unclamped score is what points add up to.
 */
// @ts-nocheck

export interface ScalingOptions {
  /** Score at the base odds (default 600). */
  readonly baseScore?: number;
  /** Good:bad odds at the base score (default 50, i.e. 50:1). */
  readonly baseOdds?: number;
  /** Points to double the odds (default 20). */
  readonly pdo?: number;
  /** Lowest reported score (default 300). */
  readonly min?: number;
  /** Highest reported score (default 850). */
  readonly max?: number;
}

/** Scaling with every default filled in, plus the derived factor and offset. */
export interface Scaling {
  readonly baseScore: number;
  readonly baseOdds: number;
  readonly pdo: number;
  readonly min: number;
  readonly max: number;
  /** PDO / ln 2. */
  readonly factor: number;
  /** base_score − factor·ln(base_odds). */
  readonly offset: number;
}

/** Credo's default scaling: 600 points at 50:1, PDO 20, clamp 300–850. */
export const DEFAULT_SCALING = { baseScore: 600, baseOdds: 50, pdo: 20, min: 300, max: 850 } as const;

/** factor = PDO / ln 2. */
export function scalingFactor(pdo: number): number {
  return pdo / Math.LN2;
}

/** offset = base_score − factor·ln(base_odds). */
export function scalingOffset(baseScore: number, baseOdds: number, pdo: number): number {
  return baseScore - scalingFactor(pdo) * Math.log(baseOdds);
}

/** Fills defaults and derives factor and offset (options are trusted: validated at the boundary). */
export function resolveScaling(options: ScalingOptions = {}): Scaling {
  const baseScore = options.baseScore ?? DEFAULT_SCALING.baseScore;
  const baseOdds = options.baseOdds ?? DEFAULT_SCALING.baseOdds;
  const pdo = options.pdo ?? DEFAULT_SCALING.pdo;
  return {
    baseScore,
    baseOdds,
    pdo,
    min: options.min ?? DEFAULT_SCALING.min,
    max: options.max ?? DEFAULT_SCALING.max,
    factor: scalingFactor(pdo),
    offset: scalingOffset(baseScore, baseOdds, pdo),
  };
}

/** Unclamped score of a log-odds of BAD (logit PD): offset − factor·logit. */
export function scoreFromLogit(logitPd: number, scaling: Scaling): number {
  return scaling.offset - scaling.factor * logitPd;
}

/**
 * Reported score of a PD, clamped to [min, max]: PD 1/51 (odds 50:1) → 600, PD 1/101 → 620 with
 * the defaults. PD 0 gives max, PD 1 gives min.
 */
export function scoreFromPd(pd: number, options: ScalingOptions | Scaling = {}): number {
  const s = 'factor' in options ? options : resolveScaling(options);
  if (pd <= 0) return s.max;
  if (pd >= 1) return s.min;
  const score = scoreFromLogit(Math.log(pd / (1 - pd)), s);
  return Math.min(s.max, Math.max(s.min, score));
}

/** Reported scores of many PDs (see `scoreFromPd`). */
export function scoresFromPd(pd: Float64Array, options: ScalingOptions | Scaling = {}): Float64Array {
  const s = 'factor' in options ? options : resolveScaling(options);
  const out = new Float64Array(pd.length);
  for (let i = 0; i < pd.length; i++) out[i] = scoreFromPd(pd[i] as number, s);
  return out;
}

/** PD implied by a score (inverse of the unclamped scaling): 1 / (1 + exp((score − offset)/factor)). */
export function pdFromScore(score: number, options: ScalingOptions | Scaling = {}): number {
  const s = 'factor' in options ? options : resolveScaling(options);
  return 1 / (1 + Math.exp((score - s.offset) / s.factor));
}
