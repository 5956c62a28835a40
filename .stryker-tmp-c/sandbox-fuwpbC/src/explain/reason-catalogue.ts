// @ts-nocheck
import { CredoError } from '../errors/index.js';

/** One reason: a stable code and the plain-language text shown to the applicant. */
export interface ReasonText {
  readonly code: string;
  readonly text: string;
}

/** A special (sentinel) value of a feature with its own reason, e.g. −1 = "no bureau record". */
export interface SpecialReason extends ReasonText {
  readonly value: number | string;
}

/** How the catalogue describes one feature. */
export interface FeatureReason extends ReasonText {
  /** Reason when the value is missing (default: the catalogue's generic missing text). */
  readonly missing?: ReasonText;
  /** Reasons for special values, matched exactly. */
  readonly special?: readonly SpecialReason[];
  /** True for the inquiries factor: FCRA §609(f) adds it as a fifth reason when it is adverse but not in the top four. */
  readonly inquiries?: boolean;
  /** How a counterfactual may change the feature (direction and absolute bounds); absent = any direction within the data's range. */
  readonly change?: ChangeRule;
  /** True for a protected attribute (ECOA/Reg B): never a model feature without an explicit flag, never a principal reason. */
  readonly protected?: boolean;
}

/** Allowed direction of a counterfactual change: `none` = the applicant cannot change it (e.g. income). */
export type ChangeDirection = 'decrease' | 'increase' | 'any' | 'none';

/** How a feature may change in a counterfactual. */
export interface ChangeRule {
  readonly direction: ChangeDirection;
  /** Absolute bounds of the changed value (within the data's range in any case). */
  readonly min?: number;
  readonly max?: number;
}

/**
 * The editable reason catalogue (`data/reasons.json`): feature name → code and text. Features
 * not listed get `generic` (code and text); missing values of unlisted features get
 * `genericMissing`, where `{feature}` is replaced by the feature name.
 */
export interface ReasonCatalogue {
  readonly version: 1;
  readonly generic: ReasonText;
  readonly genericMissing: ReasonText;
  readonly features: Readonly<Record<string, FeatureReason>>;
}

/** The allowed change directions, in the catalogue's spelling. */
export const CHANGE_DIRECTIONS: readonly ChangeDirection[] = ['decrease', 'increase', 'any', 'none'];

/** Validates parsed JSON as a reason catalogue; throws `E_EXPLAIN_CATALOGUE` naming the field. */
export function parseReasonCatalogue(raw: unknown, source = 'reason catalogue'): ReasonCatalogue {
  const fail = (path: string, problem: string): never => {
    throw new CredoError('E_EXPLAIN_CATALOGUE', { source, path, problem });
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const reason = (v: unknown, path: string): ReasonText => {
    if (!isObject(v)) return fail(path, 'must be an object with "code" and "text"');
    if (typeof v.code !== 'string' || v.code === '') fail(`${path}.code`, 'must be a non-empty string');
    if (typeof v.text !== 'string' || v.text === '') fail(`${path}.text`, 'must be a non-empty string');
    return { code: v.code as string, text: v.text as string };
  };
  if (!isObject(raw)) return fail('', 'must be a JSON object');
  if (raw.version !== 1) fail('version', 'must be 1');
  if (!isObject(raw.features)) fail('features', 'must be an object (feature name → {code, text})');
  const features: Record<string, FeatureReason> = {};
  const codes = new Map<string, string>();
  const claim = (code: string, path: string) => {
    const owner = codes.get(code);
    if (owner !== undefined) fail(path, `code "${code}" is already used by ${owner}`);
    codes.set(code, path);
  };
  const generic = reason(raw.generic, 'generic');
  claim(generic.code, 'generic');
  const genericMissing = reason(raw.genericMissing, 'genericMissing');
  claim(genericMissing.code, 'genericMissing');
  for (const [name, value] of Object.entries(raw.features as Record<string, unknown>)) {
    const path = `features.${name}`;
    const base = reason(value, path);
    claim(base.code, path);
    const v = value as Record<string, unknown>;
    const entry: { -readonly [K in keyof FeatureReason]: FeatureReason[K] } = { ...base };
    if (v.missing !== undefined) {
      entry.missing = reason(v.missing, `${path}.missing`);
      claim(entry.missing.code, `${path}.missing`);
    }
    if (v.special !== undefined) {
      if (!Array.isArray(v.special)) fail(`${path}.special`, 'must be an array of {value, code, text}');
      entry.special = (v.special as unknown[]).map((s, k) => {
        const r = reason(s, `${path}.special[${k}]`);
        const value = (s as Record<string, unknown>).value;
        if (typeof value !== 'number' && typeof value !== 'string') fail(`${path}.special[${k}].value`, 'must be a number or a string');
        claim(r.code, `${path}.special[${k}]`);
        return { ...r, value: value as number | string };
      });
    }
    if (v.inquiries !== undefined) {
      if (typeof v.inquiries !== 'boolean') fail(`${path}.inquiries`, 'must be true or false');
      entry.inquiries = v.inquiries as boolean;
    }
    if (v.protected !== undefined) {
      if (typeof v.protected !== 'boolean') fail(`${path}.protected`, 'must be true or false');
      entry.protected = v.protected as boolean;
    }
    if (v.change !== undefined) {
      const c = v.change as Record<string, unknown>;
      if (!isObject(c)) fail(`${path}.change`, 'must be an object {direction, min?, max?}');
      if (!CHANGE_DIRECTIONS.includes(c.direction as ChangeDirection)) fail(`${path}.change.direction`, `must be one of ${CHANGE_DIRECTIONS.join(', ')}`);
      for (const bound of ['min', 'max'] as const)
        if (c[bound] !== undefined && (typeof c[bound] !== 'number' || !Number.isFinite(c[bound]))) fail(`${path}.change.${bound}`, 'must be a finite number');
      entry.change = {
        direction: c.direction as ChangeDirection,
        ...(c.min === undefined ? {} : { min: c.min as number }),
        ...(c.max === undefined ? {} : { max: c.max as number }),
      };
    }
    features[name] = entry;
  }
  return { version: 1, generic, genericMissing, features };
}

/** Features of a model that the catalogue does not map (they would get the generic text). */
export function unmappedFeatures(catalogue: ReasonCatalogue, features: readonly string[]): string[] {
  return features.filter((f) => !Object.hasOwn(catalogue.features, f));
}

/**
 * The reason for a feature at a row's value: the special-value reason when the value matches one,
 * the missing reason when missing (`value` null), else the feature's reason, else the generic one.
 */
export function reasonFor(catalogue: ReasonCatalogue, feature: string, value: number | string | null): ReasonText {
  const entry = Object.hasOwn(catalogue.features, feature) ? catalogue.features[feature] : undefined;
  if (value === null) {
    if (entry?.missing !== undefined) return entry.missing;
    return { code: catalogue.genericMissing.code, text: catalogue.genericMissing.text.replaceAll('{feature}', feature) };
  }
  const special = entry?.special?.find((s) => s.value === value);
  if (special !== undefined) return { code: special.code, text: special.text };
  if (entry !== undefined) return { code: entry.code, text: entry.text };
  return { code: catalogue.generic.code, text: catalogue.generic.text.replaceAll('{feature}', feature) };
}

/** Features the catalogue marks `protected: true` (e.g. region or postcode where they proxy a protected group). */
export function protectedInCatalogue(catalogue: ReasonCatalogue): string[] {
  return Object.entries(catalogue.features)
    .filter(([, entry]) => entry.protected === true)
    .map(([name]) => name);
}
