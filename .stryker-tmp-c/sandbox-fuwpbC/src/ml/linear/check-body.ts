// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { LogisticModelBody } from './model.js';

const checked = new WeakSet<object>();

/**
 * Structural check of a logistic body read from a model file: every term names a feature, every
 * coefficient and fill value is finite. Checks each body object once.
 */
export function checkLogisticBody(body: unknown, source = 'model file'): asserts body is LogisticModelBody {
  if (typeof body === 'object' && body !== null && checked.has(body)) return;
  const fail = (problem: string): never => {
    throw new CredoError('E_LINEAR_FIT_FAILED', { model: `logistic body in ${source}`, problem });
  };
  if (typeof body !== 'object' || body === null) return fail('the body must be an object');
  const b = body as Record<string, unknown>;
  if (b.version !== 1) fail(`unsupported logistic body version ${String(b.version)}`);
  if (!Number.isFinite(b.intercept)) fail('"intercept" must be a finite number');
  if (!Array.isArray(b.terms)) return fail('"terms" must be an array');
  (b.terms as Record<string, unknown>[]).forEach((t, j) => {
    if (typeof t !== 'object' || t === null || typeof t.feature !== 'string') fail(`terms[${j}].feature must be a string`);
    if (t.missing !== undefined && !Number.isFinite(t.missing)) fail(`terms[${j}].missing must be a finite number`);
    if (t.type === 'number') {
      if (!Number.isFinite(t.coefficient) || !Number.isFinite(t.fill)) fail(`terms[${j}] needs finite "coefficient" and "fill"`);
    } else if (t.type === 'category') {
      const levels = t.levels as Record<string, unknown> | undefined;
      if (typeof levels !== 'object' || levels === null || Object.values(levels).some((v) => !Number.isFinite(v)))
        fail(`terms[${j}].levels must map labels to finite numbers`);
    } else fail(`terms[${j}].type must be "number" or "category"`);
  });
  checked.add(body);
}
