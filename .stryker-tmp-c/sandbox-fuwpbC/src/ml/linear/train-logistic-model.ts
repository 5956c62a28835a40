// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { validateBinaryInputs } from '../metrics/index.js';
import { checkLogisticBody } from './check-body.js';
import { type LogisticOptions, trainLogistic } from './logistic.js';
import { type LogisticModelBody, type LogisticTerm, numericTermValue } from './model.js';
import { computeVif } from './vif.js';

/** Options of `trainLogisticModel`: the fit's options plus how missing values enter the design. */
export interface LogisticModelOptions extends LogisticOptions {
  /**
   * Add a 0/1 missing-indicator column for every feature with missing values in training
   * (numeric: beside the mean-filled value; categorical: a level of its own) so that missingness
   * carries its own signal [true]. false = missing numerics take the mean, missing categories
   * count as the reference (the behaviour before indicators).
   */
  readonly missingIndicators?: boolean;
  /**
   * Monotone constraint per numeric feature name: +1 PD non-decreasing in the feature (β ≥ 0), −1
   * non-increasing (β ≤ 0), 0 free [none]. The missing indicator stays free. A categorical or
   * unknown feature is refused (`E_LEARNER_OPTION`).
   */
  readonly monotone?: Readonly<Record<string, number>>;
}

/**
 * Fits a logistic PD model on frame columns: numeric features as they are (missing → training
 * mean, plus a missing indicator), categorical features one-hot against their most frequent
 * category (the reference; missing values get their own indicator). Labels 1 = bad; rows with a
 * missing label are ignored. `monotone` constrains the sign of numeric features' coefficients.
 * Returns the model body.
 */
export function trainLogisticModel(frame: Frame, labels: Float64Array, features: readonly string[], options: LogisticModelOptions = {}): LogisticModelBody {
  const indicators = options.missingIndicators ?? true;
  const known: number[] = [];
  for (let i = 0; i < labels.length; i++) if (!Number.isNaN(labels[i])) known.push(i);
  const rows = Int32Array.from(known);
  const data = rows.length === labels.length ? frame : frame.take(rows);
  const y = rows.length === labels.length ? labels : Float64Array.from(known, (i) => labels[i] as number);
  validateBinaryInputs('logistic regression', y);
  const n = data.rowCount;
  const design: Float64Array[] = [];
  const names: string[] = [];
  const plan: (
    | { type: 'number'; feature: string; fill: number; column: number; missing: number }
    | { type: 'category'; feature: string; reference: string | null; columns: [string, number][]; missing: number }
  )[] = [];
  const addIndicator = (values: Float64Array, feature: string): number => {
    design.push(values);
    names.push(`${feature}:missing`);
    return design.length - 1;
  };
  for (const feature of features) {
    const column = data.column(feature);
    if (column.type === 'number') {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const v = column.values[i] as number;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      const fill = count > 0 ? sum / count : 0;
      design.push(Float64Array.from(column.values, (v) => (Number.isNaN(v) ? fill : v)));
      names.push(feature);
      const at = design.length - 1;
      // An all-missing column has no variation in its indicator: the mean fill (0) says it all.
      const missing =
        indicators && count < n && count > 0
          ? addIndicator(
              Float64Array.from(column.values, (v) => (Number.isNaN(v) ? 1 : 0)),
              feature,
            )
          : -1;
      plan.push({ type: 'number', feature, fill, column: at, missing });
      continue;
    }
    const counts = new Int32Array(column.dictionary.length);
    for (let i = 0; i < n; i++) {
      const code = column.codes[i] as number;
      if (code >= 0) counts[code] = (counts[code] as number) + 1;
    }
    let reference = -1;
    for (let c = 0; c < counts.length; c++)
      if ((counts[c] as number) > 0 && (reference < 0 || (counts[c] as number) > (counts[reference] as number))) reference = c;
    const columns: [string, number][] = [];
    for (let c = 0; c < counts.length; c++) {
      if (c === reference || counts[c] === 0) continue;
      const indicator = new Float64Array(n);
      for (let i = 0; i < n; i++) if (column.codes[i] === c) indicator[i] = 1;
      design.push(indicator);
      names.push(`${feature}=${column.dictionary[c]}`);
      columns.push([column.dictionary[c] as string, design.length - 1]);
    }
    let missingCount = 0;
    for (let i = 0; i < n; i++) if ((column.codes[i] as number) < 0) missingCount++;
    const missing =
      indicators && missingCount > 0 && missingCount < n
        ? addIndicator(
            Float64Array.from(column.codes, (c) => (c < 0 ? 1 : 0)),
            feature,
          )
        : -1;
    plan.push({ type: 'category', feature, reference: reference < 0 ? null : (column.dictionary[reference] as string), columns, missing });
  }
  if (design.length === 0) throw new CredoError('E_LINEAR_FIT_FAILED', { model: 'logistic regression', problem: 'no feature columns' });
  const fit = trainLogistic(design, y, { ...options, signs: designSigns(plan, design.length, options.monotone ?? {}) });
  const missingOf = (j: number) => (j < 0 ? {} : { missing: fit.coefficients[j] as number });
  const terms: LogisticTerm[] = plan.map((p) =>
    p.type === 'number'
      ? { feature: p.feature, type: 'number', coefficient: fit.coefficients[p.column] as number, fill: p.fill, ...missingOf(p.missing) }
      : {
          feature: p.feature,
          type: 'category',
          reference: p.reference,
          levels: Object.fromEntries(p.columns.map(([label, j]) => [label, fit.coefficients[j] as number])),
          ...missingOf(p.missing),
        },
  );
  const vif = computeVif(design);
  return {
    version: 1,
    intercept: fit.intercept,
    terms,
    l1: options.l1 ?? 0,
    l2: options.l2 ?? 0,
    design: ['(intercept)', ...names],
    standard_errors: fit.standardErrors,
    p_values: fit.pValues,
    vif: [null, ...Array.from(vif, (v) => (Number.isFinite(v) ? v : null))],
    converged: fit.converged,
  };
}

/** The sign constraint of every design column from `monotone` (numeric features' own columns only). */
function designSigns(
  plan: readonly ({ type: 'number'; feature: string; column: number } | { type: 'category'; feature: string })[],
  columns: number,
  monotone: Readonly<Record<string, number>>,
): Int8Array {
  const signs = new Int8Array(columns);
  for (const [name, c] of Object.entries(monotone)) {
    const invalid = (problem: string) => new CredoError('E_LEARNER_OPTION', { model: 'logistic', option: 'monotone', problem, value: `${name}:${c}` });
    if (c !== 1 && c !== -1 && c !== 0) throw invalid('must be +1, -1 or 0');
    const p = plan.find((x) => x.feature === name);
    if (p === undefined) throw invalid(`"${name}" is not a feature`);
    if (p.type !== 'number') throw invalid(`"${name}" is categorical; constraints need a numeric feature`);
    signs[p.column] = c;
  }
  return signs;
}

/** logit(PD) of every row of `frame` under a logistic model body (see `LogisticModelBody`). */
export function predictLogisticLogit(body: LogisticModelBody, frame: Frame): Float64Array {
  checkLogisticBody(body);
  const n = frame.rowCount;
  const out = new Float64Array(n).fill(body.intercept);
  for (const term of body.terms) {
    const column = frame.column(term.feature);
    if (term.type === 'number') {
      if (column.type !== 'number') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: term.feature, expected: 'numeric', actual: 'categorical' });
      for (let i = 0; i < n; i++) {
        const v = column.values[i] as number;
        out[i] = (out[i] as number) + numericTermValue(term, v);
      }
    } else {
      if (column.type !== 'category') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: term.feature, expected: 'categorical', actual: 'numeric' });
      const byCode = Float64Array.from(column.dictionary, (label) => term.levels[label] ?? 0);
      for (let i = 0; i < n; i++) {
        const code = column.codes[i] as number;
        out[i] = (out[i] as number) + (code >= 0 ? (byCode[code] as number) : (term.missing ?? 0));
      }
    }
  }
  return out;
}
