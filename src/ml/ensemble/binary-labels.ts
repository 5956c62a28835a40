import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';

/**
 * The 0/1 outcome column `target` of `frame` (1 = bad); throws `E_GBDT_TARGET` naming the first
 * row that is missing or not 0/1 (callers drop rows without an outcome first).
 */
export function binaryLabels(frame: Frame, target: string): Float64Array {
  const column = frame.get(target);
  if (column === undefined) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: target, source: 'the training data' });
  if (column.type !== 'number') throw new CredoError('E_GBDT_TARGET', { column: target, problem: 'must be numeric (1 = bad, 0 = good)' });
  const y = column.values;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1)
      throw new CredoError('E_GBDT_TARGET', { column: target, problem: `row ${i} has ${Number.isNaN(v) ? 'a missing value' : `value ${v}`}; expected 0 or 1` });
  }
  return y;
}
