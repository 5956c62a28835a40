// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { FittedBinning } from './fit-binning.js';
import type { BinSpec } from './spec.js';
import type { WoeSign } from './woe.js';

/** A binning file: the specs of several features plus the WOE conventions, JSON the user may edit and re-apply. */
export interface BinningFile {
  readonly format: 'credo-binning';
  readonly version: 1;
  readonly target?: string;
  readonly woe: { readonly smoothing: number; readonly sign: WoeSign };
  /** Per feature: the spec, and the WOE per bin and IV when it was fitted (WOE is recomputed when re-applied with a target). */
  readonly features: readonly (BinSpec & { readonly woe?: readonly number[]; readonly iv?: number })[];
}

/** Builds a binning file from fitted binnings (same conventions assumed for all). */
export function toBinningFile(fitted: readonly FittedBinning[], target?: string): BinningFile {
  const first = fitted[0];
  return {
    format: 'credo-binning',
    version: 1,
    ...(target === undefined ? {} : { target }),
    woe: { smoothing: first?.smoothing ?? 0.5, sign: first?.sign ?? 'goods-over-bads' },
    features: fitted.map((f) => ({ ...f.spec, woe: f.woe, iv: f.iv })),
  };
}

/**
 * Validates unknown JSON as a binning file (after a manual edit): numeric splits finite and
 * strictly ascending, specials not inside the splits' role, category groups disjoint, WOE
 * length matching the bins. Every problem names the feature and field.
 */
export function parseBinningFile(value: unknown, source = 'binning file'): BinningFile {
  const fail = (problem: string): never => {
    throw new CredoError('E_BINNING_SPEC_INVALID', { source, problem });
  };
  if (typeof value !== 'object' || value === null) return fail('expected a JSON object');
  const raw = value as Record<string, unknown>;
  if (raw.format !== 'credo-binning') fail('"format" must be "credo-binning"');
  if (raw.version !== 1) fail(`unsupported version ${String(raw.version)} (expected 1)`);
  const woe = raw.woe as Record<string, unknown> | undefined;
  const smoothing = woe?.smoothing ?? 0.5;
  const sign = woe?.sign ?? 'goods-over-bads';
  if (typeof smoothing !== 'number' || !(smoothing >= 0)) fail('"woe.smoothing" must be a number ≥ 0');
  if (sign !== 'goods-over-bads' && sign !== 'bads-over-goods') fail('"woe.sign" must be "goods-over-bads" or "bads-over-goods"');
  if (!Array.isArray(raw.features) || raw.features.length === 0) fail('"features" must be a non-empty array');
  const seen = new Set<string>();
  const features = (raw.features as unknown[]).map((f, i) => {
    if (typeof f !== 'object' || f === null) return fail(`features[${i}] must be an object`);
    const item = f as Record<string, unknown>;
    const name = item.feature;
    if (typeof name !== 'string' || name === '') return fail(`features[${i}].feature must be a non-empty string`);
    if (seen.has(name)) fail(`feature "${name}" appears twice`);
    seen.add(name);
    const where = `feature "${name}"`;
    let spec: BinSpec;
    if (item.type === 'number') {
      const splits = item.splits;
      const specials = item.specials ?? [];
      if (!Array.isArray(splits) || splits.some((s) => typeof s !== 'number' || !Number.isFinite(s)))
        return fail(`${where}: "splits" must be an array of finite numbers`);
      for (let k = 1; k < splits.length; k++)
        if (!(splits[k] > splits[k - 1])) fail(`${where}: "splits" must be strictly ascending (${splits[k - 1]} then ${splits[k]})`);
      if (!Array.isArray(specials) || specials.some((s) => typeof s !== 'number' || !Number.isFinite(s)))
        return fail(`${where}: "specials" must be an array of finite numbers`);
      if (new Set(specials).size !== specials.length) fail(`${where}: "specials" has duplicates`);
      spec = { feature: name, type: 'number', splits: splits as number[], specials: specials as number[] };
    } else if (item.type === 'category') {
      const groups = item.groups;
      const specials = item.specials ?? [];
      const unseen = item.unseen ?? 'missing';
      if (!Array.isArray(groups) || groups.some((g) => !Array.isArray(g) || g.some((l) => typeof l !== 'string'))) {
        return fail(`${where}: "groups" must be an array of arrays of category labels`);
      }
      if (!Array.isArray(specials) || specials.some((s) => typeof s !== 'string')) return fail(`${where}: "specials" must be an array of labels`);
      if (unseen !== 'missing' && unseen !== 'error') fail(`${where}: "unseen" must be "missing" or "error"`);
      const labels = new Set<string>();
      for (const label of [...(groups as string[][]).flat(), ...(specials as string[])]) {
        if (labels.has(label)) fail(`${where}: category "${label}" is in more than one bin`);
        labels.add(label);
      }
      spec = { feature: name, type: 'category', groups: groups as string[][], specials: specials as string[], unseen: unseen as 'missing' | 'error' };
    } else {
      return fail(`${where}: "type" must be "number" or "category"`);
    }
    const bins = (spec.type === 'number' ? spec.splits.length + 1 : spec.groups.length) + spec.specials.length + 1;
    const woeValues = item.woe;
    if (woeValues !== undefined) {
      if (!Array.isArray(woeValues) || woeValues.some((w) => typeof w !== 'number' || !Number.isFinite(w)))
        return fail(`${where}: "woe" must be an array of finite numbers`);
      if (woeValues.length !== bins) {
        fail(`${where}: "woe" has ${woeValues.length} values but the spec has ${bins} bins (re-apply with --target to recompute WOE after editing bins)`);
      }
    }
    return { ...spec, ...(woeValues === undefined ? {} : { woe: woeValues as number[] }), ...(typeof item.iv === 'number' ? { iv: item.iv } : {}) };
  });
  return {
    format: 'credo-binning',
    version: 1,
    ...(typeof raw.target === 'string' ? { target: raw.target } : {}),
    woe: { smoothing: smoothing as number, sign: sign as WoeSign },
    features,
  };
}
