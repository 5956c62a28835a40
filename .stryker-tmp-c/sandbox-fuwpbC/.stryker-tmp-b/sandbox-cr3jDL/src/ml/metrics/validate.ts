// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';

/**
 * Checks binary-outcome inputs at a boundary: equal lengths, labels 0/1, optional scores in
 * [lo, hi] (finite), weights finite and ≥ 0, and both classes with positive weight. `what`
 * names the caller in messages (e.g. "evaluate").
 */
export function validateBinaryInputs(
  what: string,
  labels: Float64Array,
  score?: { readonly values: Float64Array; readonly name: string; readonly lo: number; readonly hi: number },
  weights?: Float64Array,
): void {
  const n = labels.length;
  if (score !== undefined && score.values.length !== n) {
    throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: `${what}: labels vs ${score.name}`, expected: score.values.length, actual: n });
  }
  if (weights !== undefined && weights.length !== n)
    throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: `${what}: weights`, expected: n, actual: weights.length });
  let bad = 0;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i] as number;
    if (y !== 0 && y !== 1) throw new CredoError('E_METRICS_LABEL_INVALID', { what, row: i, value: y });
    const w = weights === undefined ? 1 : (weights[i] as number);
    if (!(w >= 0) || !Number.isFinite(w))
      throw new CredoError('E_METRICS_VALUE_INVALID', { what: `${what}: weights`, row: i, value: w, expected: 'weights must be finite and ≥ 0' });
    if (score !== undefined) {
      const v = score.values[i] as number;
      if (!(v >= score.lo && v <= score.hi)) {
        throw new CredoError('E_METRICS_VALUE_INVALID', {
          what: `${what}: ${score.name}`,
          row: i,
          value: v,
          expected: `values must be in [${score.lo}, ${score.hi}]`,
        });
      }
    }
    if (y === 1) bad += w;
    else good += w;
  }
  if (!(bad > 0) || !(good > 0)) throw new CredoError('E_METRICS_SINGLE_CLASS', { what, present: bad > 0 ? 'bads' : good > 0 ? 'goods' : 'zero weights' });
}
