// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { type FitBinningOptions, type FittedBinning, fitBinning, transformWoe } from '../binning/index.js';
import { type LogisticFit, trainLogistic } from '../linear/index.js';
import { validateBinaryInputs } from '../metrics/index.js';
import type { ScorecardCharacteristic, ScorecardModelBody } from './model.js';
import { resolveScaling, type ScalingOptions } from './scaling.js';

/** Options of `trainScorecard`; defaults in brackets. */
export interface ScorecardOptions {
  /** Binning of every feature [optimal, monotone auto, exact DP solver, min bin share 5%]. */
  readonly binning?: FitBinningOptions;
  /** Features with a lower IV are dropped before the regression [0.02]. */
  readonly minIv?: number;
  /** L2 penalty of the logistic regression on WOE [0]. */
  readonly l2?: number;
  /** Drop, one at a time (weakest IV first), features whose coefficient has the wrong sign, so points follow bad rates [true]. */
  readonly dropWrongSign?: boolean;
  readonly scaling?: ScalingOptions;
}

/** Why a feature is not in the scorecard. */
export interface DroppedFeature {
  readonly feature: string;
  readonly reason: string;
}

/** A trained scorecard with the regression behind it. */
export interface ScorecardTrainResult {
  readonly body: ScorecardModelBody;
  readonly fit: LogisticFit;
  readonly binnings: readonly FittedBinning[];
  readonly dropped: readonly DroppedFeature[];
}

/**
 * Trains a scorecard (Siddiqi 2006; REFERENCE §2–3): bin every feature against the outcome
 * (monotone bad-rate trends), drop weak features (IV), regress the outcome on the WOE values,
 * drop wrong-signed features, then scale to points. Rows with a missing label (NaN) are ignored.
 */
export async function trainScorecard(
  frame: Frame,
  labels: Float64Array,
  features: readonly string[],
  options: ScorecardOptions = {},
): Promise<ScorecardTrainResult> {
  const minIv = options.minIv ?? 0.02;
  const binningOptions: FitBinningOptions = { method: 'optimal', monotone: 'auto', solver: 'dp', ...options.binning };
  const known = new Uint8Array(labels.length);
  let knownCount = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isNaN(labels[i])) {
      known[i] = 1;
      knownCount++;
    }
  }
  const data = knownCount === labels.length ? frame : frame.filter(known);
  const y = knownCount === labels.length ? labels : labels.filter((v) => !Number.isNaN(v));
  validateBinaryInputs('scorecard', y);
  const dropped: DroppedFeature[] = [];
  const binnings: FittedBinning[] = [];
  for (const feature of features) binnings.push(await fitBinning(data.column(feature), y, binningOptions));
  let kept = binnings.filter((b) => {
    if (b.iv >= minIv) return true;
    dropped.push({ feature: b.feature, reason: `IV ${b.iv.toFixed(4)} below ${minIv}${b.note === undefined ? '' : ` (${b.note})`}` });
    return false;
  });
  if (kept.length === 0) throw new CredoError('E_LINEAR_FIT_FAILED', { model: 'scorecard', problem: `no feature has an IV of at least ${minIv}` });
  const woeColumns = new Map(kept.map((b) => [b.feature, transformWoe(data.column(b.feature), b)]));
  const sign = binningOptions.woe?.sign ?? 'goods-over-bads';
  // With WOE = ln(%good/%bad) a safer bin has higher WOE, so its coefficient on logit(PD) must be negative.
  const expected = sign === 'goods-over-bads' ? -1 : 1;
  let fit = trainLogistic(
    kept.map((b) => woeColumns.get(b.feature) as Float64Array),
    y,
    { l2: options.l2 ?? 0 },
  );
  while (options.dropWrongSign !== false && kept.length > 1) {
    const wrong = kept.filter((_, j) => Math.sign(fit.coefficients[j] as number) === -expected);
    if (wrong.length === 0) break;
    const weakest = wrong.reduce((a, b) => (b.iv < a.iv ? b : a));
    dropped.push({
      feature: weakest.feature,
      reason: `coefficient ${fit.coefficients[kept.indexOf(weakest)]?.toFixed(4)} has the wrong sign (points would run against its bad rate)`,
    });
    const at = kept.indexOf(weakest);
    const start = Float64Array.from([fit.intercept, ...Array.from(fit.coefficients).filter((_, j) => j !== at)]);
    kept = kept.filter((b) => b !== weakest);
    fit = trainLogistic(
      kept.map((b) => woeColumns.get(b.feature) as Float64Array),
      y,
      { l2: options.l2 ?? 0, start },
    );
  }
  const scaling = resolveScaling(options.scaling);
  const k = kept.length;
  const share = (scaling.offset - scaling.factor * fit.intercept) / k;
  const characteristics: ScorecardCharacteristic[] = kept.map((b, j) => {
    const beta = fit.coefficients[j] as number;
    return { feature: b.feature, spec: b.spec, woe: b.woe, coefficient: beta, points: b.woe.map((w) => -scaling.factor * beta * w + share), iv: b.iv };
  });
  const first = kept[0] as FittedBinning;
  return {
    body: {
      version: 1,
      intercept: fit.intercept,
      characteristics,
      scaling: {
        base_score: scaling.baseScore,
        base_odds: scaling.baseOdds,
        pdo: scaling.pdo,
        min: scaling.min,
        max: scaling.max,
        factor: scaling.factor,
        offset: scaling.offset,
      },
      woe: { smoothing: first.smoothing, sign: first.sign },
    },
    fit,
    binnings,
    dropped,
  };
}
