import { Type } from 'typebox';
import { ExplainedValue } from './applications.js';
import { Ratio } from './portfolio.js';

const Count = Type.Integer({ minimum: 0 });
const Decile = Type.Integer({ minimum: 1, description: 'PD decile, 1 = riskiest' });
const Unavailable = (what: string) => Type.Literal(false, { description: `the model carries no ${what}` });

/** `200` of `GET /api/v1/models/:id/performance`: discrimination and calibration on the validation sample, or `available: false`. */
export const PerformanceResponse = Type.Union([
  Type.Object({ available: Unavailable('validation sample (metrics.validation_sample)') }),
  Type.Object({
    available: Type.Literal(true),
    rows: Count,
    bad_rate: Ratio,
    auc: Ratio,
    gini: Type.Number({ minimum: -1, maximum: 1, description: '2·AUC − 1 (accuracy ratio)' }),
    ks: Ratio,
    ks_threshold: Type.Number({ description: 'PD where KS is reached: rows with pd ≤ ks_threshold vs above' }),
    roc: Type.Array(
      Type.Object({
        threshold: Type.Union([Type.Number(), Type.Null()], {
          description: 'PD at or above which rows are called bad; null for the first point (+∞: none called bad)',
        }),
        fpr: Ratio,
        tpr: Ratio,
      }),
      { description: 'at most 101 points, the KS point kept' },
    ),
    gains: Type.Array(
      Type.Object({
        band: Decile,
        count: Count,
        bad_rate: Ratio,
        cum_bad_capture: Ratio,
        lift: Type.Number({ minimum: 0, description: 'band bad rate / overall bad rate' }),
      }),
    ),
    calibration: Type.Array(
      Type.Object({
        band: Decile,
        count: Count,
        mean_pd: Ratio,
        observed_bad_rate: Ratio,
        expected_bads: Type.Number({ minimum: 0, description: 'Σ PD over the band' }),
        observed_bads: Count,
        expected_observed_ratio: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: 'null when the band has no bads' }),
      }),
    ),
  }),
]);

const Thresholds = Type.Object(
  { investigate: Type.Number(), shifted: Type.Number() },
  { description: 'PSI from which to investigate (0.1) and from which the distribution has shifted (0.25)' },
);

/** One PSI (the PD) or CSI (an input) with its bins. */
export const StabilityRow = Type.Object({
  feature: Type.String({ description: '`pd` for the PD row' }),
  psi: Type.Number({ minimum: 0 }),
  status: Type.Union([Type.Literal('stable'), Type.Literal('investigate'), Type.Literal('shifted')]),
  bins: Type.Array(
    Type.Object({
      bin: Type.String({ description: 'a range `[lo, hi)`, a category, `missing` or `missing or unseen`' }),
      expected: Type.Number({ minimum: 0, maximum: 1, description: 'share in the training data (smoothed)' }),
      actual: Type.Number({ minimum: 0, maximum: 1, description: 'share in the recent applications (smoothed)' }),
    }),
  ),
});

/** `200` of `GET /api/v1/models/:id/stability`: PSI of the PD and CSI of each input (largest first), or `available: false`. */
export const StabilityResponse = Type.Union([
  Type.Object({ available: Unavailable('training reference (metrics.training_reference version 1)'), thresholds: Thresholds }),
  Type.Object({
    available: Type.Literal(true),
    thresholds: Thresholds,
    training_rows: Count,
    recent_rows: Count,
    pd: StabilityRow,
    features: Type.Array(StabilityRow),
  }),
]);

/** `200` of `GET /api/v1/models/:id/shap`: SHAP values (log-odds) of the most recent applications. */
export const ShapResponse = Type.Object({
  rows: Count,
  importance: Type.Array(Type.Object({ feature: Type.String(), mean_abs_shap: Type.Number({ minimum: 0 }) }), { description: 'largest first' }),
  points: Type.Array(
    Type.Object({
      feature: Type.String(),
      value: ExplainedValue,
      shap: Type.Number({ description: 'log-odds contribution' }),
    }),
    { description: 'one per application and input' },
  ),
});
