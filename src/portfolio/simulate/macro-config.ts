import { CredoError } from '../../errors/index.js';
import { type FactorModel, type MacroScenario, multiFactorModel, oneFactorModel } from './portfolio-model.js';

/**
 * A macro file, already parsed from YAML or JSON:
 * ```yaml
 * factors:                      # optional; default one factor with --rho for every segment
 *   names: [consumer, auto]
 *   correlation: [[1, 0.6], [0.6, 1]]
 *   segments: {card: {factor: consumer, rho: 0.04}, auto: {factor: auto, rho: 0.12}}
 * scenarios:
 *   - name: baseline
 *   - {name: adverse, factor_shift: -1, pd_multiplier: {card: 1.3}}
 *   - {name: severe, factor_shift: {consumer: -2, auto: -1.5}, pd_multiplier: 1.5}
 * ```
 * `factor_shift` is in standard deviations of the factor (negative = worse); a number applies to
 * every factor. `pd_multiplier` is a number or a map by segment (`default` for the rest).
 */
export interface MacroConfig {
  readonly model: FactorModel;
  readonly scenarios: readonly MacroScenario[];
}

/** Parses a macro file's object for the given segments; `file` names it in errors. */
export function parseMacroConfig(raw: unknown, segments: readonly string[], rho: number, file: string): MacroConfig {
  const fail = (problem: string): never => {
    throw new CredoError('E_PORTFOLIO_MACRO_INVALID', { file, problem });
  };
  if (!isRecord(raw)) return fail('expected a mapping with "scenarios" (and optionally "factors")');
  let model = oneFactorModel(segments.length, rho);
  if (raw.factors !== undefined) {
    const f = raw.factors;
    if (!isRecord(f) || !Array.isArray(f.names) || f.names.length === 0) return fail('factors.names must be a non-empty list');
    const names = f.names.map(String);
    const k = names.length;
    const correlation = new Float64Array(k * k);
    for (let i = 0; i < k; i++) correlation[i * k + i] = 1;
    if (f.correlation !== undefined) {
      const rows = f.correlation;
      if (!Array.isArray(rows) || rows.length !== k) return fail(`factors.correlation must be a ${k}×${k} matrix`);
      rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length !== k) fail(`factors.correlation row ${i + 1} must have ${k} numbers`);
        (row as unknown[]).forEach((v, j) => {
          if (typeof v !== 'number' || !(Math.abs(v) <= 1)) fail(`factors.correlation[${i + 1}][${j + 1}] must be a number in [-1, 1]`);
          correlation[i * k + j] = v as number;
        });
      });
      // A correlation matrix has a unit diagonal and is symmetric; Cholesky alone would read only its lower half.
      for (let i = 0; i < k; i++) {
        if (correlation[i * k + i] !== 1) return fail(`factors.correlation[${i + 1}][${i + 1}] must be 1 (a factor's correlation with itself)`);
        for (let j = 0; j < i; j++) {
          if (correlation[i * k + j] !== correlation[j * k + i]) {
            return fail(
              `factors.correlation must be symmetric: [${i + 1}][${j + 1}] is ${correlation[i * k + j]} but [${j + 1}][${i + 1}] is ${correlation[j * k + i]}`,
            );
          }
        }
      }
    }
    const factorOfSegment = new Int32Array(segments.length);
    const rhoOfSegment = new Float64Array(segments.length).fill(rho);
    const bySegment = isRecord(f.segments) ? f.segments : {};
    for (const [name, spec] of Object.entries(bySegment)) {
      const s = segments.indexOf(name);
      if (s < 0) return fail(`factors.segments.${name}: no such segment in the portfolio (segments: ${segments.join(', ')})`);
      if (!isRecord(spec)) return fail(`factors.segments.${name} must be a mapping {factor, rho}`);
      if (spec.factor !== undefined) {
        const index = names.indexOf(String(spec.factor));
        if (index < 0) return fail(`factors.segments.${name}.factor: unknown factor "${String(spec.factor)}"`);
        factorOfSegment[s] = index;
      }
      if (spec.rho !== undefined) {
        if (typeof spec.rho !== 'number' || !(spec.rho >= 0 && spec.rho < 1)) return fail(`factors.segments.${name}.rho must be in [0, 1)`);
        rhoOfSegment[s] = spec.rho;
      }
    }
    model = multiFactorModel(names, correlation, factorOfSegment, rhoOfSegment);
  }
  if (!Array.isArray(raw.scenarios) || raw.scenarios.length === 0) return fail('"scenarios" must be a non-empty list');
  const scenarios = raw.scenarios.map((entry: unknown, index: number): MacroScenario => {
    if (!isRecord(entry) || typeof entry.name !== 'string') return fail(`scenarios[${index + 1}] needs a name`);
    const where = `scenario "${entry.name}"`;
    const factorShift = new Float64Array(model.factors.length);
    const shift = entry.factor_shift;
    if (typeof shift === 'number') factorShift.fill(shift);
    else if (isRecord(shift)) {
      for (const [name, v] of Object.entries(shift)) {
        const f = model.factors.indexOf(name);
        if (f < 0) return fail(`${where}: factor_shift names unknown factor "${name}"`);
        if (typeof v !== 'number') return fail(`${where}: factor_shift.${name} must be a number`);
        factorShift[f] = v;
      }
    } else if (shift !== undefined) return fail(`${where}: factor_shift must be a number or a map by factor`);
    const pdMultiplier = new Float64Array(segments.length).fill(1);
    const multiplier = entry.pd_multiplier;
    if (typeof multiplier === 'number') pdMultiplier.fill(multiplier);
    else if (isRecord(multiplier)) {
      if (typeof multiplier.default === 'number') pdMultiplier.fill(multiplier.default);
      for (const [name, v] of Object.entries(multiplier)) {
        if (name === 'default') continue;
        const s = segments.indexOf(name);
        if (s < 0) return fail(`${where}: pd_multiplier names unknown segment "${name}"`);
        if (typeof v !== 'number') return fail(`${where}: pd_multiplier.${name} must be a number`);
        pdMultiplier[s] = v;
      }
    } else if (multiplier !== undefined) return fail(`${where}: pd_multiplier must be a number or a map by segment`);
    for (const v of [...factorShift, ...pdMultiplier]) if (!Number.isFinite(v) || Math.abs(v) > 1e6) return fail(`${where}: values must be finite`);
    if (pdMultiplier.some((v) => v < 0)) return fail(`${where}: pd_multiplier must be ≥ 0`);
    return { name: entry.name, factorShift, pdMultiplier };
  });
  return { model, scenarios };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
