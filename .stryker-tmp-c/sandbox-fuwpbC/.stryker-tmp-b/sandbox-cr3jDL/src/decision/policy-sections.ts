// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { parseReasonCatalogue, type ReasonCatalogue, type ReasonText } from '../explain/index.js';
import { type Currency, IRB_CLASSES, type IrbClass, parseMoney, toMinor } from '../finance/index.js';
import type { AffordabilityPolicy, LimitPolicy, LimitTier, PricingPolicy } from './policy.js';

/** Records one problem at a path of the policy document. */
export type Add = (path: (string | number)[], message: string) => void;

const LIMIT_KEYS = ['tiers', 'requested', 'income', 'affordability', 'round_to', 'min', 'below_min'];
const PRICING_KEYS = [
  'hurdle',
  'lgd',
  'asset_class',
  'funding_rate',
  'operating_cost',
  'operating_cost_rate',
  'fees',
  'capital_rate',
  'capital_ratio',
  'step',
  'floor',
  'cap',
  'above_cap',
];

/** Parses `limits:` (see `LimitPolicy`); amounts are decimal major units, stored as minor units. */
export function parseLimits(raw: unknown, currency: Currency, add: Add): LimitPolicy | undefined {
  if (raw === undefined || raw === null) return undefined;
  const path = ['limits'];
  if (!isObject(raw)) {
    add(path, '"limits" must be a mapping with "tiers"');
    return undefined;
  }
  checkKeys(raw, LIMIT_KEYS, path, add);
  const tiers: LimitTier[] = [];
  if (!Array.isArray(raw.tiers) || raw.tiers.length === 0) add([...path, 'tiers'], '"tiers" must be a non-empty list of {min_score, max}');
  else
    raw.tiers.forEach((tier: unknown, i) => {
      const at = [...path, 'tiers', i];
      if (!isObject(tier)) {
        add(at, 'each tier must be a mapping {min_score, max}');
        return;
      }
      checkKeys(tier, ['min_score', 'max'], at, add);
      const minScore = numberAt(tier, 'min_score', at, add, { min: 0, max: 1000 });
      const maxMinor = moneyAt(tier, 'max', at, currency, add);
      if (minScore !== undefined && maxMinor !== undefined) tiers.push({ minScore, maxMinor });
    });
  tiers.sort((a, b) => b.minScore - a.minScore);
  for (let i = 1; i < tiers.length; i++)
    if ((tiers[i] as LimitTier).minScore === (tiers[i - 1] as LimitTier).minScore)
      add([...path, 'tiers'], `two tiers start at score ${(tiers[i] as LimitTier).minScore}`);
  const requested = raw.requested;
  if (requested !== undefined && (typeof requested !== 'string' || requested === '')) add([...path, 'requested'], '"requested" must name an input');
  let income: LimitPolicy['income'];
  if (raw.income !== undefined) {
    const at = [...path, 'income'];
    if (!isObject(raw.income)) add(at, '"income" must be a mapping {column, multiple}');
    else {
      checkKeys(raw.income, ['column', 'multiple'], at, add);
      const column = raw.income.column;
      if (typeof column !== 'string' || column === '') add([...at, 'column'], '"column" must name an input');
      const multiple = numberAt(raw.income, 'multiple', at, add, { min: 0, exclusiveMin: true });
      if (typeof column === 'string' && column !== '' && multiple !== undefined) income = { column, multiple };
    }
  }
  const affordability = raw.affordability === undefined ? undefined : parseAffordability(raw.affordability, [...path, 'affordability'], add);
  const roundMinor = raw.round_to === undefined ? 1 : moneyAt(raw, 'round_to', path, currency, add, true);
  const minMinor = raw.min === undefined ? 1 : moneyAt(raw, 'min', path, currency, add, true);
  const belowMin = choiceAt(raw, 'below_min', ['decline', 'refer'] as const, 'decline', path, add);
  if (tiers.length === 0 || roundMinor === undefined || minMinor === undefined || belowMin === undefined) return undefined;
  return {
    tiers,
    roundMinor,
    minMinor,
    belowMin,
    ...(typeof requested === 'string' && requested !== '' ? { requested } : {}),
    ...(income === undefined ? {} : { income }),
    ...(affordability === undefined ? {} : { affordability }),
  };
}

/** The numeric inputs a limits section reads, with the path that names each. */
export function limitInputs(limits: LimitPolicy | undefined): [string, (string | number)[]][] {
  if (limits === undefined) return [];
  const out: [string, (string | number)[]][] = [];
  if (limits.requested !== undefined) out.push([limits.requested, ['limits', 'requested']]);
  if (limits.income !== undefined) out.push([limits.income.column, ['limits', 'income', 'column']]);
  const a = limits.affordability;
  if (a !== undefined) {
    out.push([a.income, ['limits', 'affordability', 'income']]);
    if (a.debt !== undefined) out.push([a.debt, ['limits', 'affordability', 'debt']]);
    if (typeof a.term === 'string') out.push([a.term, ['limits', 'affordability', 'term']]);
    if (typeof a.rate === 'string') out.push([a.rate, ['limits', 'affordability', 'rate']]);
  }
  return out;
}

function parseAffordability(raw: unknown, path: (string | number)[], add: Add): AffordabilityPolicy | undefined {
  if (!isObject(raw)) {
    add(path, '"affordability" must be a mapping {max_dti, income, debt, term, rate}');
    return undefined;
  }
  checkKeys(raw, ['max_dti', 'income', 'debt', 'term', 'rate'], path, add);
  const maxDti = numberAt(raw, 'max_dti', path, add, { min: 0, max: 10, exclusiveMin: true });
  const name = (key: string): string | undefined => {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') return value;
    add([...path, key], `"${key}" must name an input`);
    return undefined;
  };
  const income = name('income');
  const debt = raw.debt === undefined ? undefined : name('debt');
  const inputOr = (key: string, rule: NumberRule): string | number | undefined =>
    typeof raw[key] === 'string' && raw[key] !== '' ? (raw[key] as string) : numberAt(raw, key, path, add, rule);
  const term = inputOr('term', { min: 1, max: 1200, integer: true });
  const rate = inputOr('rate', { min: 0, max: 10 });
  if (maxDti === undefined || income === undefined || term === undefined || rate === undefined || (raw.debt !== undefined && debt === undefined))
    return undefined;
  return { maxDti, income, term, rate, ...(debt === undefined ? {} : { debt }) };
}

/** Parses `pricing:` (see `PricingPolicy`); rates as fractions (0.15 = 15%), amounts in major units. */
export function parsePricing(raw: unknown, currency: Currency, add: Add): PricingPolicy | undefined {
  if (raw === undefined || raw === null) return undefined;
  const path = ['pricing'];
  if (!isObject(raw)) {
    add(path, '"pricing" must be a mapping with "hurdle" and "lgd"');
    return undefined;
  }
  checkKeys(raw, PRICING_KEYS, path, add);
  const hurdle = numberAt(raw, 'hurdle', path, add, { min: -1, max: 10 });
  const lgd = numberAt(raw, 'lgd', path, add, { min: 0, max: 1 });
  const assetClass = choiceAt(raw, 'asset_class', IRB_CLASSES as readonly IrbClass[], 'other_retail', path, add);
  const rate = (key: string, fallback: number) => (raw[key] === undefined ? fallback : numberAt(raw, key, path, add, { min: 0, max: 1 }));
  const fundingRate = rate('funding_rate', 0);
  const operatingCostRate = rate('operating_cost_rate', 0);
  const capitalRate = rate('capital_rate', 0);
  // absent: capital = K·EAD (8% of RWA), as before the key existed, so stored policies replay to the same prices
  const capitalRatio = raw.capital_ratio === undefined ? undefined : numberAt(raw, 'capital_ratio', path, add, { min: 0, max: 1 });
  const operatingCostMinor = raw.operating_cost === undefined ? 0 : moneyAt(raw, 'operating_cost', path, currency, add);
  const feesMinor = raw.fees === undefined ? 0 : moneyAt(raw, 'fees', path, currency, add);
  const stepBp = raw.step === undefined ? 1 : basisPointsAt(raw, 'step', path, add, true);
  const floorBp = raw.floor === undefined ? 0 : basisPointsAt(raw, 'floor', path, add);
  const capBp = raw.cap === undefined ? 10_000 : basisPointsAt(raw, 'cap', path, add);
  if (floorBp !== undefined && capBp !== undefined && floorBp > capBp)
    add([...path, 'floor'], `"floor" (${floorBp / 10_000}) is above "cap" (${capBp / 10_000})`);
  const aboveCap = choiceAt(raw, 'above_cap', ['cap', 'refer', 'decline'] as const, 'refer', path, add);
  const values = [hurdle, lgd, assetClass, fundingRate, operatingCostRate, capitalRate, operatingCostMinor, feesMinor, stepBp, floorBp, capBp, aboveCap];
  if (values.some((v) => v === undefined) || (raw.capital_ratio !== undefined && capitalRatio === undefined)) return undefined;
  return {
    hurdle: hurdle as number,
    lgd: lgd as number,
    assetClass: assetClass as IrbClass,
    fundingRate: fundingRate as number,
    operatingCostMinor: operatingCostMinor as number,
    operatingCostRate: operatingCostRate as number,
    feesMinor: feesMinor as number,
    capitalRate: capitalRate as number,
    ...(capitalRatio === undefined ? {} : { capitalRatio }),
    stepBp: stepBp as number,
    floorBp: floorBp as number,
    capBp: capBp as number,
    aboveCap: aboveCap as PricingPolicy['aboveCap'],
  };
}

/** What `parseReasons` returns. */
export interface ReasonsSection {
  readonly count: number;
  readonly catalogue?: ReasonCatalogue;
  readonly rules?: Readonly<Record<string, ReasonText>>;
}

/**
 * Parses `reasons:` — `count` (1–10, default 4), an optional inline `catalogue` (the
 * `data/reasons.json` format) and `rules`: rule id → {code, text}, the reason a declining or
 * referring rule gives (rule ids are checked against the strategy by the caller).
 */
export function parseReasons(raw: unknown, add: Add): ReasonsSection {
  if (raw === undefined || raw === null) return { count: 4 };
  const path = ['reasons'];
  if (!isObject(raw)) {
    add(path, '"reasons" must be a mapping {count, catalogue, rules}');
    return { count: 4 };
  }
  checkKeys(raw, ['count', 'catalogue', 'rules'], path, add);
  const count = raw.count === undefined ? 4 : (numberAt(raw, 'count', path, add, { min: 1, max: 10, integer: true }) ?? 4);
  let rules: Record<string, ReasonText> | undefined;
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) add([...path, 'rules'], '"rules" must map rule ids to {code, text}');
    else {
      rules = {};
      for (const [id, value] of Object.entries(raw.rules)) {
        const at = [...path, 'rules', id];
        if (!isObject(value) || typeof value.code !== 'string' || value.code === '' || typeof value.text !== 'string' || value.text === '') {
          add(at, `the reason of rule "${id}" must be {code, text} with non-empty code and text`);
          continue;
        }
        checkKeys(value, ['code', 'text'], at, add);
        Object.defineProperty(rules, id, { value: { code: value.code, text: value.text }, enumerable: true });
      }
    }
  }
  const base = { count, ...(rules === undefined ? {} : { rules }) };
  if (raw.catalogue === undefined) return base;
  try {
    return { ...base, catalogue: parseReasonCatalogue(raw.catalogue, 'reasons.catalogue') };
  } catch (error) {
    if (!(error instanceof CredoError)) throw error;
    const d = error.details as { path: string; problem: string };
    add([...path, 'catalogue', ...(d.path === '' ? [] : d.path.split('.'))], `reason catalogue: ${d.problem}`);
    return base;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(raw: Record<string, unknown>, allowed: readonly string[], path: (string | number)[], add: Add): void {
  for (const key of Object.keys(raw)) if (!allowed.includes(key)) add([...path, key], `unknown key "${key}" (expected ${allowed.join(', ')})`);
}

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly integer?: boolean;
}

function numberAt(raw: Record<string, unknown>, key: string, path: (string | number)[], add: Add, rule: NumberRule): number | undefined {
  const value = raw[key];
  const range = `${rule.integer ? 'a whole number' : 'a number'}${rule.min === undefined ? '' : ` ${rule.exclusiveMin ? '>' : '≥'} ${rule.min}`}${rule.max === undefined ? '' : ` and ≤ ${rule.max}`}`;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (rule.integer === true && !Number.isInteger(value)) ||
    (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) ||
    (rule.max !== undefined && value > rule.max)
  ) {
    add([...path, key], `"${key}" must be ${range}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`);
    return undefined;
  }
  return value;
}

/** An amount in major units (a number or a decimal string) as non-negative integer minor units; `positive` refuses 0. */
function moneyAt(raw: Record<string, unknown>, key: string, path: (string | number)[], currency: Currency, add: Add, positive = false): number | undefined {
  const value = raw[key];
  let minor: number | undefined;
  try {
    if (typeof value === 'number') minor = toMinor(value, currency);
    else if (typeof value === 'string') minor = parseMoney(value, currency);
  } catch (error) {
    if (!(error instanceof CredoError)) throw error;
  }
  if (minor === undefined || minor < 0 || (positive && minor === 0)) {
    add(
      [...path, key],
      `"${key}" must be ${positive ? 'a positive' : 'a non-negative'} amount in ${currency.code} (e.g. 25000 or "25000.00"), got ${JSON.stringify(value)}`,
    );
    return undefined;
  }
  return minor;
}

/** A rate given as a fraction (0.0025) that must be a whole number of basis points, returned in basis points. */
function basisPointsAt(raw: Record<string, unknown>, key: string, path: (string | number)[], add: Add, positive = false): number | undefined {
  const value = numberAt(raw, key, path, add, { min: 0, max: 1, exclusiveMin: positive });
  if (value === undefined) return undefined;
  const bp = Math.round(value * 10_000);
  if (Math.abs(value * 10_000 - bp) > 1e-6) {
    add([...path, key], `"${key}" must be a whole number of basis points (a multiple of 0.0001), got ${value}`);
    return undefined;
  }
  return bp;
}

function choiceAt<T extends string>(
  raw: Record<string, unknown>,
  key: string,
  choices: readonly T[],
  fallback: T,
  path: (string | number)[],
  add: Add,
): T | undefined {
  const value = raw[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    add([...path, key], `"${key}" must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return value as T;
}
