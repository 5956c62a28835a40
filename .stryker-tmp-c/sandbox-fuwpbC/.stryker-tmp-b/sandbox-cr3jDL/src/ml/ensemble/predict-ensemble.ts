// @ts-nocheck
// 
import type { Frame } from '../../frame/index.js';
import type { CredoModel } from '../model.js';
import type { EnsembleModelBody } from './model.js';

/** Smallest PD an averaged ensemble reports on the logit scale. */
const PD_FLOOR = 1e-12;

/**
 * logit(PD) per row of an ensemble (see `EnsembleModelBody`). `memberRaw` predicts one member's
 * logit (the dispatcher passes `predictRaw`, which keeps this folder free of a circular import).
 */
export function predictEnsembleLogit(body: EnsembleModelBody, frame: Frame, memberRaw: (model: CredoModel, frame: Frame) => Float64Array): Float64Array {
  const n = frame.rowCount;
  const out = new Float64Array(n);
  if (body.method === 'stacking') {
    out.fill(body.intercept);
    body.members.forEach((member, k) => {
      const raw = memberRaw(member, frame);
      const w = body.weights[k]!;
      for (let i = 0; i < n; i++) out[i]! += w * raw[i]!;
    });
    return out;
  }
  body.members.forEach((member, k) => {
    const raw = memberRaw(member, frame);
    const w = body.weights[k]!;
    for (let i = 0; i < n; i++) out[i]! += w / (1 + Math.exp(-raw[i]!));
  });
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - PD_FLOOR, Math.max(PD_FLOOR, out[i]!));
    out[i] = Math.log(p / (1 - p));
  }
  return out;
}
