import { CredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';

/**
 * The outcome column `target` of `frame` as training labels: 0/1 (1 = bad) when `kind` is
 * `binary`, any finite number for `regression`. Throws `E_GBDT_TARGET` naming the first row that
 * is missing or out of range (callers drop rows without an outcome first).
 */
export function outcomeLabels(frame: Frame, target: string, kind: 'binary' | 'regression' = 'binary'): Float64Array {
  const column = frame.get(target);
  if (column === undefined) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: target, source: 'the training data' });
  const binary = kind === 'binary';
  if (column.type !== 'number')
    throw new CredoError('E_GBDT_TARGET', { column: target, problem: binary ? 'must be numeric (1 = bad, 0 = good)' : 'must be numeric' });
  const y = column.values;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (binary ? v !== 0 && v !== 1 : !Number.isFinite(v)) {
      throw new CredoError('E_GBDT_TARGET', {
        column: target,
        problem: `row ${i} has ${Number.isNaN(v) ? 'a missing value' : `value ${v}`}; expected ${binary ? '0 or 1' : 'a finite number'}`,
      });
    }
  }
  return y;
}
