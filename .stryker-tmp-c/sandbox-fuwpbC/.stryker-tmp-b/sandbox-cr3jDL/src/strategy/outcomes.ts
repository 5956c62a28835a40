// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';

/** An amount-weighted outcome: rate = Σ numerator / Σ denominator (e.g. FPD7 = overdue / due). */
export interface OutcomeDefinition {
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
}

/** Parses `name=numerator/denominator` (the `--outcome` flag form). */
export function parseOutcome(text: string): OutcomeDefinition {
  const match = /^\s*([A-Za-z_][\w.-]*)\s*=\s*([^/\s]+)\s*\/\s*([^/\s]+)\s*$/.exec(text);
  if (match === null) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'outcome', problem: 'expected name=numerator/denominator', value: text });
  return { name: match[1] as string, numerator: match[2] as string, denominator: match[3] as string };
}

/** Checks that a target column holds only 0, 1 or missing; throws `E_INPUT_VALIDATION` naming the first other value. */
export function checkBinaryTarget(values: Float64Array, column: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v !== 0 && v !== 1 && !Number.isNaN(v)) {
      throw new CredoError('E_INPUT_VALIDATION', { summary: `target column "${column}" must hold 0 (good), 1 (bad) or nothing; row ${i + 1} has ${v}` });
    }
  }
}

/**
 * What a strategy report measures, as rate definitions over sums: the count-weighted target
 * (Σ target / rows with a known target), its amount-weighted form, and each outcome.
 */
export interface RateSpec {
  readonly name: string;
  /** Column summed for the numerator (the target itself, `target × amount`, or an outcome column). */
  readonly numerator: Float64Array;
  /** Column summed for the denominator; NaN rows are skipped in both sums. */
  readonly denominator: Float64Array;
}

/** Options naming the columns a report reads. */
export interface RateOptions {
  /** 0/1 target column (NaN = no outcome, excluded from rates); count-weighted rate under its name. */
  readonly target?: string;
  /** Amount column: `<target>_amount` rate = Σ amount·target / Σ amount over rows with a target. */
  readonly amount?: string;
  /** Amount-weighted outcome definitions. */
  readonly outcomes?: readonly OutcomeDefinition[];
}

/**
 * Builds the numerator/denominator columns of every rate. A numerator row that is missing
 * while its denominator is present (or vice versa) counts as missing in both, so each rate sums
 * the same rows top and bottom.
 */
export function rateSpecs(frame: Frame, options: RateOptions): RateSpec[] {
  const n = frame.rowCount;
  const specs: RateSpec[] = [];
  if (options.target !== undefined) {
    const target = frame.numeric(options.target).values;
    checkBinaryTarget(target, options.target);
    const known = new Float64Array(n);
    for (let i = 0; i < n; i++) known[i] = Number.isNaN(target[i] as number) ? Number.NaN : 1;
    specs.push({ name: options.target, numerator: target, denominator: known });
    if (options.amount !== undefined) {
      const amount = frame.numeric(options.amount).values;
      const num = new Float64Array(n);
      const den = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const t = target[i] as number;
        const a = amount[i] as number;
        num[i] = t * a;
        den[i] = !Number.isNaN(t) ? a : Number.NaN;
      }
      specs.push({ name: `${options.target}_amount`, numerator: num, denominator: den });
    }
  }
  const names = new Set(specs.map((s) => s.name));
  for (const o of options.outcomes ?? []) {
    if (names.has(o.name)) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'outcome', problem: `the name "${o.name}" is used twice`, value: o.name });
    names.add(o.name);
    specs.push({ name: o.name, numerator: frame.numeric(o.numerator).values, denominator: frame.numeric(o.denominator).values });
  }
  return specs;
}
