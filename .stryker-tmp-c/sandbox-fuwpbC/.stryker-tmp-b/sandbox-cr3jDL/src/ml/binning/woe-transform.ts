// @ts-nocheck
// 
import type { Column } from '../../frame/index.js';
import { assignBins } from './assign-bins.js';
import type { BinSpec } from './spec.js';

/**
 * Replaces every value by the WOE of its bin (`woe[bin]`, layout of `spec.ts`): the same bin
 * assignment as fitting, so missing, special and boundary values round-trip exactly.
 */
export function transformWoe(column: Column, binning: { readonly spec: BinSpec; readonly woe: readonly number[] }): Float64Array {
  const bins = assignBins(column, binning.spec);
  const out = new Float64Array(bins.length);
  for (let i = 0; i < bins.length; i++) out[i] = binning.woe[bins[i] as number] as number;
  return out;
}
