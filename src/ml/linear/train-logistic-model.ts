import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { validateBinaryInputs } from '../metrics/index.js';
import { checkLogisticBody } from './check-body.js';
import { type LogisticOptions, trainLogistic } from './logistic.js';
import type { LogisticModelBody, LogisticTerm } from './model.js';
import { computeVif } from './vif.js';

/**
 * Fits a logistic PD model on frame columns: numeric features as they are (missing → training
 * mean), categorical features one-hot against their most frequent category (the reference).
 * Labels 1 = bad; rows with a missing label are ignored. Returns the model body.
 */
export function trainLogisticModel(frame: Frame, labels: Float64Array, features: readonly string[], options: LogisticOptions = {}): LogisticModelBody {
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
    | { type: 'number'; feature: string; fill: number; column: number }
    | { type: 'category'; feature: string; reference: string | null; columns: [string, number][] }
  )[] = [];
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
      plan.push({ type: 'number', feature, fill, column: design.length - 1 });
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
    plan.push({ type: 'category', feature, reference: reference < 0 ? null : (column.dictionary[reference] as string), columns });
  }
  if (design.length === 0) throw new CredoError('E_LINEAR_FIT_FAILED', { model: 'logistic regression', problem: 'no feature columns' });
  const fit = trainLogistic(design, y, options);
  const terms: LogisticTerm[] = plan.map((p) =>
    p.type === 'number'
      ? { feature: p.feature, type: 'number', coefficient: fit.coefficients[p.column] as number, fill: p.fill }
      : {
          feature: p.feature,
          type: 'category',
          reference: p.reference,
          levels: Object.fromEntries(p.columns.map(([label, j]) => [label, fit.coefficients[j] as number])),
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
        out[i] = (out[i] as number) + term.coefficient * (Number.isNaN(v) ? term.fill : v);
      }
    } else {
      if (column.type !== 'category') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: term.feature, expected: 'categorical', actual: 'numeric' });
      const byCode = Float64Array.from(column.dictionary, (label) => term.levels[label] ?? 0);
      for (let i = 0; i < n; i++) {
        const code = column.codes[i] as number;
        if (code >= 0) out[i] = (out[i] as number) + (byCode[code] as number);
      }
    }
  }
  return out;
}
