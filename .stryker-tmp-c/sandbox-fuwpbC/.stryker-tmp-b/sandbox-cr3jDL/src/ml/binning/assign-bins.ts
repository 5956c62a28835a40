// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Column } from '../../frame/index.js';
import { type BinSpec, binCount, type CategoryBinSpec, type NumericBinSpec, regularBinCount } from './spec.js';

/**
 * The bin of every row of `column` under `spec` (layout in `spec.ts`): used identically by
 * fitting, transforming, scoring and PSI. Checks the column type; unseen categories follow
 * `spec.unseen`.
 */
export function assignBins(column: Column, spec: BinSpec): Int32Array {
  if (spec.type === 'number') {
    if (column.type !== 'number') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: column.name, expected: 'numeric', actual: 'categorical' });
    return assignNumericBins(column.values, spec);
  }
  if (column.type !== 'category') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: column.name, expected: 'categorical', actual: 'numeric' });
  return assignCategoryBins(column.codes, column.dictionary, spec, column.name);
}

/** Numeric bins: missing (NaN) → missing bin, specials → their bins, else the interval (x equal to a split goes right). */
export function assignNumericBins(values: Float64Array, spec: NumericBinSpec): Int32Array {
  const splits = Float64Array.from(spec.splits);
  const specials = spec.specials;
  const regular = splits.length + 1;
  const missing = binCount(spec) - 1;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) {
      out[i] = missing;
      continue;
    }
    let special = -1;
    for (let s = 0; s < specials.length; s++) {
      if (specials[s] === x) {
        special = s;
        break;
      }
    }
    if (special >= 0) {
      out[i] = regular + special;
      continue;
    }
    // Number of splits ≤ x (upper bound), so x = split lands right.
    let lo = 0;
    let hi = splits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((splits[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}

/** Categorical bins through a code → bin lookup built once from the column's dictionary. */
export function assignCategoryBins(codes: Int32Array, dictionary: readonly string[], spec: CategoryBinSpec, feature = spec.feature): Int32Array {
  const lookup = categoryLookup(dictionary, spec);
  const missing = binCount(spec) - 1;
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    const bin = code < 0 ? missing : (lookup[code] as number);
    if (bin < 0)
      throw new CredoError('E_INPUT_SCHEMA_MISMATCH', {
        summary: `column "${feature}" has category "${dictionary[code]}" never seen when the binning was made`,
      });
    out[i] = bin;
  }
  return out;
}

/** Bin of each dictionary code; unseen labels map to the missing bin or −1 (`unseen: 'error'`). */
export function categoryLookup(dictionary: readonly string[], spec: CategoryBinSpec): Int32Array {
  const byLabel = new Map<string, number>();
  spec.groups.forEach((group, g) => {
    for (const label of group) byLabel.set(label, g);
  });
  const regular = regularBinCount(spec);
  spec.specials.forEach((label, s) => {
    byLabel.set(label, regular + s);
  });
  const missing = binCount(spec) - 1;
  const lookup = new Int32Array(dictionary.length);
  for (let c = 0; c < dictionary.length; c++) lookup[c] = byLabel.get(dictionary[c] as string) ?? (spec.unseen === 'missing' ? missing : -1);
  return lookup;
}
