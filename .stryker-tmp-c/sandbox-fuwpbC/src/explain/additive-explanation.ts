// @ts-nocheck
import { CredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import { assignBins } from '../ml/binning/index.js';
import { type LogisticModelBody, numericTermValue } from '../ml/linear/index.js';
import type { CredoModel } from '../ml/model.js';
import type { ScorecardModelBody } from '../ml/scorecard/index.js';
import type { Explanation } from './explanation.js';

/**
 * Per-row term values of an additive model on the log-odds scale (logit = intercept + Σ terms):
 * logistic (and linear SVM through its logistic form): β_j·x_j (a missing x takes the model's `fill`) or the categorical level effect;
 * scorecard: β_j·WOE_j(bin of the row). Row-major `rows × terms`.
 */
export function additiveTerms(model: CredoModel, frame: Frame): { features: string[]; intercept: number; values: Float64Array } {
  if (model.kind === 'logistic') return logisticTerms(model.body, frame);
  if (model.kind === 'scorecard') return scorecardTerms(model.body, frame);
  // a Platt-calibrated linear SVM is stored also as the equivalent logistic body
  if (model.kind === 'svm') return logisticTerms(model.body.logit, frame);
  throw new CredoError('E_MODEL_KIND', { kind: model.kind, problem: 'additive contributions need a logistic or scorecard model' });
}

/**
 * Exact contributions of a logistic or scorecard model: φ_ij = t_ij − mean_r(t_rj), the row's term
 * minus its mean over the `reference` rows (the population: by default the rows explained), and
 * φ₀ = intercept + Σ_j mean_r(t_rj); φ₀ + Σ_j φ_ij = logit(PD) of row i exactly. For a numeric
 * logistic term this is β_j·(x_j − E[x_j]); for a scorecard it is β_j·(WOE_ij − E[WOE_j]), which is
 * −(points_ij − E[points_j])/factor: the points the row lost against the reference, in log-odds.
 * These are the exact Shapley values of an additive model.
 */
export function additiveExplanation(model: CredoModel, frame: Frame, reference: Frame = frame): Explanation {
  const terms = additiveTerms(model, frame);
  const ref = reference === frame ? terms : additiveTerms(model, reference);
  const k = terms.features.length;
  const refRows = reference.rowCount;
  const mean = new Float64Array(k);
  for (let i = 0; i < refRows; i++) for (let j = 0; j < k; j++) mean[j] = (mean[j] as number) + (ref.values[i * k + j] as number);
  let expectedValue = terms.intercept;
  for (let j = 0; j < k; j++) {
    mean[j] = refRows > 0 ? (mean[j] as number) / refRows : 0;
    expectedValue += mean[j] as number;
  }
  const values = new Float64Array(frame.rowCount * k);
  for (let i = 0; i < frame.rowCount; i++) for (let j = 0; j < k; j++) values[i * k + j] = (terms.values[i * k + j] as number) - (mean[j] as number);
  return { features: terms.features, rowCount: frame.rowCount, values, expectedValue, method: model.kind === 'scorecard' ? 'scorecard-points' : 'linear' };
}

function logisticTerms(body: LogisticModelBody, frame: Frame) {
  const n = frame.rowCount;
  const k = body.terms.length;
  const values = new Float64Array(n * k);
  body.terms.forEach((term, j) => {
    const column = frame.column(term.feature);
    if (term.type === 'number') {
      if (column.type !== 'number') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: term.feature, expected: 'numeric', actual: 'categorical' });
      for (let i = 0; i < n; i++) {
        const v = column.values[i] as number;
        values[i * k + j] = numericTermValue(term, v);
      }
    } else {
      if (column.type !== 'category') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: term.feature, expected: 'categorical', actual: 'numeric' });
      const byCode = Float64Array.from(column.dictionary, (label) => term.levels[label] ?? 0);
      for (let i = 0; i < n; i++) {
        const code = column.codes[i] as number;
        values[i * k + j] = code >= 0 ? (byCode[code] as number) : (term.missing ?? 0);
      }
    }
  });
  return { features: body.terms.map((t) => t.feature), intercept: body.intercept, values };
}

function scorecardTerms(body: ScorecardModelBody, frame: Frame) {
  const n = frame.rowCount;
  const k = body.characteristics.length;
  const values = new Float64Array(n * k);
  body.characteristics.forEach((c, j) => {
    const bins = assignBins(frame.column(c.feature), c.spec);
    for (let i = 0; i < n; i++) values[i * k + j] = c.coefficient * (c.woe[bins[i] as number] as number);
  });
  return { features: body.characteristics.map((c) => c.feature), intercept: body.intercept, values };
}
