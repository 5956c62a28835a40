// @ts-nocheck
// 
import type { Frame } from '../../frame/index.js';
import { assignBins } from '../binning/index.js';
import { checkScorecardBody } from './check-body.js';
import type { ScorecardModelBody } from './model.js';

/** logit(PD) of every row: intercept + Σ β_j·WOE_j(bin of the row). */
export function predictScorecardLogit(body: ScorecardModelBody, frame: Frame): Float64Array {
  checkScorecardBody(body);
  const out = new Float64Array(frame.rowCount).fill(body.intercept);
  for (const c of body.characteristics) {
    const bins = assignBins(frame.column(c.feature), c.spec);
    for (let i = 0; i < bins.length; i++) out[i] = (out[i] as number) + c.coefficient * (c.woe[bins[i] as number] as number);
  }
  return out;
}

/**
 * Points of every row per characteristic (rows × characteristics, row-major) and their sum, the
 * unclamped score; Σ points = offset − factor·logit(PD) exactly (up to rounding of doubles).
 */
export function scorecardPoints(body: ScorecardModelBody, frame: Frame): { points: Float64Array; total: Float64Array } {
  checkScorecardBody(body);
  const n = frame.rowCount;
  const k = body.characteristics.length;
  const points = new Float64Array(n * k);
  const total = new Float64Array(n);
  body.characteristics.forEach((c, j) => {
    const bins = assignBins(frame.column(c.feature), c.spec);
    for (let i = 0; i < n; i++) {
      const pts = c.points[bins[i] as number] as number;
      points[i * k + j] = pts;
      total[i] = (total[i] as number) + pts;
    }
  });
  return { points, total };
}
