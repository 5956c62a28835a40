// @ts-nocheck
// 
import type { Frame } from '../../frame/index.js';
import { type FittedBinning, fitBinning, transformWoe } from '../binning/index.js';
import type { FeatureFacts } from './filter-features.js';

/**
 * What the selection stages read about each candidate: its optimal IV binning (monotone auto, exact
 * DP), missing share, IV and the design column — WOE values (`transform` 'woe') or, for numeric
 * features with 'raw', the values with missing filled by the mean (categorical features always
 * use WOE). Rows must all have a 0/1 label.
 */
export async function computeFeatureFacts(
  frame: Frame,
  labels: Float64Array,
  candidates: readonly string[],
  transform: 'woe' | 'raw',
): Promise<{ facts: FeatureFacts[]; binnings: Map<string, FittedBinning> }> {
  const facts: FeatureFacts[] = [];
  const binnings = new Map<string, FittedBinning>();
  for (const name of candidates) {
    const column = frame.column(name);
    const binning = await fitBinning(column, labels, { solver: 'dp' });
    binnings.set(name, binning);
    let missing = 0;
    let values: Float64Array;
    if (column.type === 'number') {
      let sum = 0;
      for (let i = 0; i < column.values.length; i++) {
        const v = column.values[i] as number;
        if (Number.isNaN(v)) missing++;
        else sum += v;
      }
      const fill = column.values.length > missing ? sum / (column.values.length - missing) : 0;
      values = transform === 'raw' ? Float64Array.from(column.values, (v) => (Number.isNaN(v) ? fill : v)) : transformWoe(column, binning);
    } else {
      for (let i = 0; i < column.codes.length; i++) if ((column.codes[i] as number) < 0) missing++;
      values = transformWoe(column, binning);
    }
    facts.push({
      name,
      missingShare: frame.rowCount > 0 ? missing / frame.rowCount : 0,
      iv: binning.iv,
      ...(binning.note === undefined ? {} : { ivNote: binning.note }),
      values,
    });
  }
  return { facts, binnings };
}
