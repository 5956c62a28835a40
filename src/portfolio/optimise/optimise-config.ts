import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import type { CutoffAction, Economics } from './cutoff-problem.js';
import type { CommonLimits } from './policy-problem.js';
import type { SegmentationSpec } from './policy-segments.js';

/**
 * Reading helpers for optimisation config files (YAML/JSON, already parsed): each getter checks
 * one field and throws `E_PORTFOLIO_CONFIG_INVALID` naming its path (e.g. `economics.lgd`).
 */
export class ConfigReader {
  constructor(
    readonly raw: Record<string, unknown>,
    readonly path: string,
  ) {}

  /** Reads the root object of a config. */
  static root(raw: unknown, file: string): ConfigReader {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new CredoError('E_PORTFOLIO_CONFIG_INVALID', { path: file, problem: 'expected a mapping' });
    return new ConfigReader(raw as Record<string, unknown>, '');
  }

  fail(key: string, problem: string): never {
    throw new CredoError('E_PORTFOLIO_CONFIG_INVALID', { path: this.at(key), problem });
  }

  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  number(key: string, range: [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], fallback?: number): number {
    const v = this.raw[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(key, v === undefined ? 'is required' : `must be a number (got ${JSON.stringify(v)})`);
    if (v < range[0] || v > range[1]) return this.fail(key, `must be in [${range[0]}, ${range[1]}] (got ${v})`);
    return v;
  }

  optionalNumber(key: string, range?: [number, number]): number | undefined {
    return this.has(key) ? this.number(key, range) : undefined;
  }

  string(key: string, fallback?: string): string {
    const v = this.raw[key] ?? fallback;
    if (typeof v !== 'string' || v === '') return this.fail(key, v === undefined ? 'is required' : 'must be a non-empty string');
    return v;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  child(key: string): ConfigReader {
    const v = this.raw[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail(key, v === undefined ? 'is required' : 'must be a mapping');
    return new ConfigReader(v as Record<string, unknown>, this.at(key));
  }

  list(key: string): ConfigReader[] {
    const v = this.raw[key] ?? [];
    if (!Array.isArray(v)) return this.fail(key, 'must be a list');
    return v.map((item, j) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return this.fail(`${key}[${j}]`, 'must be a mapping');
      return new ConfigReader(item as Record<string, unknown>, this.at(`${key}[${j}]`));
    });
  }

  numbers(key: string): number[] {
    const v = this.raw[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) return this.fail(key, 'must be a list of numbers');
    return v as number[];
  }

  strings(key: string): string[] {
    const v = this.raw[key] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return this.fail(key, 'must be a list of names');
    return v as string[];
  }
}

/** `economics:` — lgd, funding_rate, opex, hurdle_rate, capital_rate, asset_class, capital_ratio. */
export function readEconomics(config: ConfigReader): Economics {
  const e = config.child('economics');
  const assetClass = e.optionalString('asset_class') ?? 'other_retail';
  if (!['mortgage', 'qrre', 'other_retail', 'corporate'].includes(assetClass)) e.fail('asset_class', 'must be mortgage, qrre, other_retail or corporate');
  return {
    lgd: e.number('lgd', [0, 1]),
    funding_rate: e.number('funding_rate', [-1, 1], 0),
    opex: e.number('opex', [0, Number.POSITIVE_INFINITY], 0),
    hurdle_rate: e.number('hurdle_rate', [0, 1], 0),
    capital_rate: e.number('capital_rate', [0, 1], 0),
    asset_class: assetClass as Economics['asset_class'] & string,
    ...(e.has('capital_ratio') ? { capital_ratio: capitalRatio(e) } : {}),
  };
}

/** `economics.capital_ratio`: the share of RWA held as capital, in (0, 1]. */
function capitalRatio(e: ConfigReader): number {
  const ratio = e.number('capital_ratio', [0, 1]);
  return ratio > 0 ? ratio : e.fail('capital_ratio', 'must be above 0 (the share of RWA held as capital)');
}

/** The `limits:` keys every study reads (a study may add its own). */
export const COMMON_LIMITS = [
  'bad_rate_max',
  'bad_rate_amount_max',
  'approval_min',
  'approved_min',
  'el_budget',
  'capital_budget',
  'amount_max',
  'amount_min',
] as const;

/** `limits:` — the common constraints (any subset), plus the problem's own `extraKeys` (amounts). */
export function readLimits(config: ConfigReader, extraKeys: readonly string[] = []): CommonLimits & Readonly<Record<string, number>> {
  if (!config.has('limits')) return {};
  const l = config.child('limits');
  const known = [...COMMON_LIMITS, ...extraKeys];
  for (const key of Object.keys(l.raw)) if (!known.includes(key)) l.fail(key, `unknown limit (known: ${known.join(', ')})`);
  const share: [number, number] = [0, 1];
  const amount: [number, number] = [0, Number.POSITIVE_INFINITY];
  const out: Record<string, number | undefined> = {
    bad_rate_max: l.optionalNumber('bad_rate_max', share),
    bad_rate_amount_max: l.optionalNumber('bad_rate_amount_max', share),
    approval_min: l.optionalNumber('approval_min', share),
    approved_min: l.optionalNumber('approved_min', amount),
    el_budget: l.optionalNumber('el_budget', amount),
    capital_budget: l.optionalNumber('capital_budget', amount),
    amount_max: l.optionalNumber('amount_max', amount),
    amount_min: l.optionalNumber('amount_min', amount),
  };
  for (const key of extraKeys) out[key] = l.optionalNumber(key);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as CommonLimits & Readonly<Record<string, number>>;
}

/** `actions:` of the cutoff problem. */
export function readCutoffActions(config: ConfigReader): CutoffAction[] {
  const actions = config.list('actions').map((a): CutoffAction => {
    const name = a.string('name');
    const kind = a.optionalString('kind') ?? (name === 'decline' ? 'decline' : 'approve');
    if (kind !== 'decline' && kind !== 'approve') a.fail('kind', 'must be decline or approve');
    const action: { -readonly [K in keyof CutoffAction]: CutoffAction[K] } = { name, kind: kind as 'decline' | 'approve' };
    const limit = a.optionalNumber('limit', [0, 100]);
    if (limit !== undefined) action.limit = limit;
    const rate = a.optionalNumber('rate', [0, 10]);
    if (rate !== undefined) action.rate = rate;
    const shift = a.optionalNumber('rate_shift', [-1, 1]);
    if (shift !== undefined) action.rate_shift = shift;
    return action;
  });
  if (actions.length === 0) config.fail('actions', 'needs at least one action');
  if (!actions.some((a) => a.kind === 'decline')) config.fail('actions', 'needs a decline action');
  if (new Set(actions.map((a) => a.name)).size !== actions.length) config.fail('actions', 'action names must be distinct');
  return actions;
}

/**
 * `frontier:` — the swept parameter and its values. `parameters` are the limits the study's
 * constraints read (the first is the default): sweeping any other key would solve the same problem
 * at every point, so it is refused.
 */
export function readFrontier(config: ConfigReader, parameters: readonly [string, ...string[]]): { parameter: string; values: number[] } | undefined {
  if (!config.has('frontier')) return undefined;
  const f = config.child('frontier');
  const parameter = f.optionalString('parameter') ?? parameters[0];
  if (!parameters.includes(parameter)) f.fail('parameter', `must be one of ${parameters.join(', ')} (got "${parameter}")`);
  return { parameter, values: f.numbers('values') };
}

/** `solver:` — time_limit (seconds) and gap. */
export function readSolver(config: ConfigReader): { timeLimit: number; gap: number } {
  if (!config.has('solver')) return { timeLimit: 30, gap: 1e-4 };
  const s = config.child('solver');
  return { timeLimit: s.number('time_limit', [0.1, 86400], 30), gap: s.number('gap', [0, 1], 1e-4) };
}

/**
 * `filter:` — keep the rows where every listed column equals its value (a number for numeric
 * columns, a label for categorical ones), e.g. `[{column: product, value: credit_card}, {column: approved, value: 1}]`.
 */
export function selectRows(frame: Frame, config: ConfigReader): Frame {
  const rules = config.list('filter');
  if (rules.length === 0) return frame;
  const keep = new Uint8Array(frame.rowCount).fill(1);
  for (const rule of rules) {
    const column = frame.column(rule.string('column'));
    const value = rule.raw.value;
    if (column.type === 'number') {
      if (typeof value !== 'number') rule.fail('value', `column "${column.name}" is numeric: give a number`);
      for (let i = 0; i < keep.length; i++) if (column.values[i] !== value) keep[i] = 0;
    } else {
      // a label outside the dictionary matches no row (not the rows with a missing value, code −1)
      const code = column.dictionary.indexOf(String(value));
      for (let i = 0; i < keep.length; i++) if (code < 0 || column.codes[i] !== code) keep[i] = 0;
    }
  }
  const rows = frame.filter(keep);
  if (rows.rowCount === 0) config.fail('filter', 'no rows are left after the filter');
  return rows;
}

/**
 * The `segmentation` section of a cutoff or limit study: a `score` column cut at explicit `edges`
 * or into equal-frequency `bands` (default 10), crossed with the categorical columns in `by`.
 */
export function readScoreSegmentation(config: ConfigReader): SegmentationSpec {
  const seg = config.child('segmentation');
  return {
    score: seg.string('score'),
    ...(seg.has('edges') ? { edges: seg.numbers('edges') } : { bands: seg.number('bands', [1, 1000], 10) }),
    by: seg.strings('by'),
  };
}
