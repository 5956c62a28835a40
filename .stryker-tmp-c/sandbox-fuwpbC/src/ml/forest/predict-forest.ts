// @ts-nocheck
import type { Frame } from '../../frame/index.js';
import { ensembleFromSaved, predictEnsembleRaw, type TreeEnsemble } from '../tree/index.js';
import type { ForestModelBody } from './model.js';

const cache = new WeakMap<object, TreeEnsemble>();

/** Smallest PD a forest reports on the logit scale (leaves can be pure, the logit must stay finite). */
export const FOREST_PD_FLOOR = 1e-12;

/** PD per row of `frame`: the mean of the trees' leaf bad rates (see `ForestModelBody`). */
export function predictForestPd(body: ForestModelBody, frame: Frame): Float64Array {
  let ensemble = cache.get(body);
  if (ensemble === undefined) {
    ensemble = ensembleFromSaved(body.ensemble);
    cache.set(body, ensemble);
  }
  return predictEnsembleRaw(ensemble, frame);
}

/** logit(PD) per row, with the PD clamped to [FOREST_PD_FLOOR, 1 − FOREST_PD_FLOOR]. */
export function predictForestLogit(body: ForestModelBody, frame: Frame): Float64Array {
  const pd = predictForestPd(body, frame);
  const out = new Float64Array(pd.length);
  for (let i = 0; i < pd.length; i++) {
    const p = Math.min(1 - FOREST_PD_FLOOR, Math.max(FOREST_PD_FLOOR, pd[i]!));
    out[i] = Math.log(p / (1 - p));
  }
  return out;
}
