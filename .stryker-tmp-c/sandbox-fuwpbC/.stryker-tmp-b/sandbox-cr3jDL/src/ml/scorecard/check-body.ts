// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { binCount, parseBinningFile } from '../binning/index.js';
import type { ScorecardModelBody } from './model.js';

const checked = new WeakSet<object>();

/**
 * Structural check of a scorecard body read from a model file (a hand-edited file with a fixed
 * hash must fail with a clear message, never crash or score NaN): bin specs valid, WOE and points
 * one per bin, every number finite. Checks each body object once.
 */
export function checkScorecardBody(body: unknown, source = 'model file'): asserts body is ScorecardModelBody {
  if (typeof body === 'object' && body !== null && checked.has(body)) return;
  const fail = (problem: string): never => {
    throw new CredoError('E_SCORECARD_INVALID', { source, problem });
  };
  if (typeof body !== 'object' || body === null) return fail('the body must be an object');
  const b = body as Record<string, unknown>;
  if (b.version !== 1) fail(`unsupported scorecard body version ${String(b.version)}`);
  if (!Number.isFinite(b.intercept)) fail('"intercept" must be a finite number');
  const scaling = b.scaling as Record<string, unknown> | undefined;
  for (const key of ['base_score', 'base_odds', 'pdo', 'min', 'max', 'factor', 'offset']) {
    if (!Number.isFinite(scaling?.[key])) fail(`"scaling.${key}" must be a finite number`);
  }
  const woe = b.woe as { smoothing?: unknown; sign?: unknown } | undefined;
  if (!Array.isArray(b.characteristics) || b.characteristics.length === 0) return fail('"characteristics" must be a non-empty array');
  const specs = parseBinningFile(
    {
      format: 'credo-binning',
      version: 1,
      woe: { smoothing: woe?.smoothing, sign: woe?.sign },
      features: b.characteristics.map((c: Record<string, unknown>) => ({ ...(c.spec as object), woe: c.woe })),
    },
    source,
  ).features;
  (b.characteristics as Record<string, unknown>[]).forEach((c, j) => {
    const spec = specs[j];
    if (spec === undefined || c.feature !== spec.feature) fail(`characteristics[${j}].feature must equal its spec's feature`);
    if (!Number.isFinite(c.coefficient)) fail(`characteristics[${j}].coefficient must be a finite number`);
    const points = c.points;
    const bins = binCount(spec as NonNullable<typeof spec>);
    if (!Array.isArray(c.woe)) fail(`characteristics[${j}].woe must be an array`);
    if (!Array.isArray(points) || points.length !== bins || points.some((p) => !Number.isFinite(p)))
      fail(`characteristics[${j}].points must be ${bins} finite numbers (one per bin)`);
  });
  checked.add(body);
}
