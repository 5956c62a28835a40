import { CredoError } from '../errors/index.js';
import type { ChangeDirection, ChangeRule, ReasonCatalogue } from './reason-catalogue.js';

/** The constraint a counterfactual applies to one actionable feature, and where it came from. */
export interface ChangeConstraint {
  readonly feature: string;
  /** Never `none`: such a feature is refused, not constrained. */
  readonly direction: Exclude<ChangeDirection, 'none'>;
  /** Absolute bounds: the data's range narrowed by the rule's min/max. */
  readonly lower: number;
  readonly upper: number;
  /** `flag` (the command line), `catalogue` (the reason catalogue's `change`) or `default` (any direction within the data's range). */
  readonly source: 'flag' | 'catalogue' | 'default';
}

/**
 * Resolves the change rule of each actionable feature: a command-line rule wins over the reason
 * catalogue's `change`, which wins over the default (any direction within the data's range
 * [min, max]). A feature whose rule is `none` (e.g. income: the applicant cannot change it) is
 * refused with `E_EXPLAIN_ACTIONABLE` naming where the rule came from, as is a feature whose bounds
 * leave no room.
 */
export function resolveChangeConstraints(
  features: readonly string[],
  range: readonly { readonly min: number; readonly max: number }[],
  catalogue: ReasonCatalogue | undefined,
  flags: Readonly<Record<string, Partial<ChangeRule>>> = {},
): ChangeConstraint[] {
  return features.map((feature, k) => {
    const fromCatalogue = catalogue !== undefined && Object.hasOwn(catalogue.features, feature) ? catalogue.features[feature]?.change : undefined;
    const flag = Object.hasOwn(flags, feature) ? flags[feature] : undefined;
    const source = flag !== undefined ? 'flag' : fromCatalogue !== undefined ? 'catalogue' : 'default';
    const rule: Partial<ChangeRule> = { ...fromCatalogue, ...flag };
    const direction = rule.direction ?? 'any';
    if (direction === 'none') {
      throw new CredoError('E_EXPLAIN_ACTIONABLE', {
        feature,
        problem:
          source === 'flag'
            ? 'its --direction is none: the applicant cannot change it'
            : `the reason catalogue says the applicant cannot change it (features.${feature}.change.direction = none); override with --direction ${feature}:any`,
      });
    }
    const data = range[k] ?? { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
    const lower = Math.max(data.min, rule.min ?? Number.NEGATIVE_INFINITY);
    const upper = Math.min(data.max, rule.max ?? Number.POSITIVE_INFINITY);
    if (!(lower <= upper)) throw new CredoError('E_EXPLAIN_ACTIONABLE', { feature, problem: `its bounds [${lower}, ${upper}] are empty` });
    return { feature, direction, lower, upper, source };
  });
}

/** The interval a feature at `current` may move in: its bounds, cut at the current value by the direction. */
export function changeInterval(constraint: ChangeConstraint, current: number): [number, number] {
  const lower = constraint.direction === 'increase' ? Math.max(constraint.lower, current) : constraint.lower;
  const upper = constraint.direction === 'decrease' ? Math.min(constraint.upper, current) : constraint.upper;
  return [lower, upper];
}

/** One line per constraint for reports, e.g. "LOAN may only decrease, within [1100, 89900] (reason catalogue)". */
export function describeChangeConstraint(c: ChangeConstraint): string {
  const how = c.direction === 'any' ? 'may move either way' : `may only ${c.direction}`;
  const source = c.source === 'flag' ? 'command line' : c.source === 'catalogue' ? 'reason catalogue' : 'default: the data range';
  return `${c.feature} ${how}, within [${c.lower}, ${c.upper}] (${source})`;
}

/**
 * Parses `--direction` items `feature:decrease|increase|any|none` (also down/up) and `--bounds`
 * items `feature:min..max` (either end may be empty) into per-feature rules.
 */
export function parseChangeFlags(directions: readonly string[], bounds: readonly string[]): Record<string, Partial<ChangeRule>> {
  const out: Record<string, { direction?: ChangeDirection; min?: number; max?: number }> = {};
  const alias: Record<string, ChangeDirection> = { decrease: 'decrease', down: 'decrease', increase: 'increase', up: 'increase', any: 'any', none: 'none' };
  for (const item of directions) {
    const at = item.lastIndexOf(':');
    const word = item.slice(at + 1);
    // own keys only: `feature:toString` must not find Object.prototype's function
    const direction = Object.hasOwn(alias, word) ? alias[word] : undefined;
    if (at <= 0 || direction === undefined)
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'direction', problem: 'expected feature:decrease|increase|any|none', value: item });
    const name = item.slice(0, at);
    out[name] = { ...out[name], direction };
  }
  for (const item of bounds) {
    const match = /^(.+):(-?[\d.eE+-]*)\.\.(-?[\d.eE+-]*)$/.exec(item);
    const min = match?.[2] === '' ? undefined : Number(match?.[2]);
    const max = match?.[3] === '' ? undefined : Number(match?.[3]);
    if (match === null || (min !== undefined && !Number.isFinite(min)) || (max !== undefined && !Number.isFinite(max)))
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'bounds', problem: 'expected feature:min..max (either end may be empty)', value: item });
    const name = match[1] as string;
    out[name] = { ...out[name], ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  }
  return out;
}
