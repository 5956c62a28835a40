import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { CredoError, formatPath, type Issue, type SafeParseResult } from '../errors/index.js';
import { isCalendarDate } from '../frame/index.js';
import { parseRule } from './rules/index.js';
import type { RuleAction, Strategy, StrategyCutoff, StrategyRule } from './strategy.js';

const ACTIONS: readonly RuleAction[] = ['decline', 'refer', 'approve'];
const TOP_KEYS = new Set(['name', 'description', 'models', 'rules', 'cutoff']);
const RULE_KEYS = new Set(['id', 'description', 'when', 'action', 'effective_from', 'effective_to']);
const CUTOFF_KEYS = new Set(['model', 'pd_above', 'score_below']);

/**
 * The first tag YAML could not resolve (`!!js/function`, `!custom`), which the parser would silently
 * read as a plain string: strategy and policy files refuse it. Undefined when every tag resolved.
 */
export function unresolvedTag(doc: Document, lines: LineCounter): { readonly message: string; readonly line: number; readonly column: number } | undefined {
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag === undefined) return undefined;
  const { line, col } = lines.linePos(tag.pos[0]);
  return { message: tag.message.split(' at line')[0] as string, line, column: col };
}

/**
 * Parses and validates a strategy file's text (YAML, or JSON — YAML 1.2 reads JSON too). Every
 * problem becomes an issue with its path (`rules[1].when`), the rule id and line in the message,
 * and for rule text a `span` into the expression. Returns the strategy or all issues.
 */
export function safeParseStrategy(text: string): SafeParseResult<Strategy> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const issues: Issue[] = [];
  const add = (path: (string | number)[], message: string, node?: Node | null, span?: { start: number; end: number }) => {
    const at = node?.range == null ? '' : ` (line ${lines.linePos(node.range[0]).line})`;
    issues.push(
      span === undefined
        ? { code: 'E_STRATEGY_FILE_INVALID', path, message: `${message}${at}` }
        : { code: 'E_STRATEGY_FILE_INVALID', path, message: `${message}${at}`, span },
    );
  };
  for (const error of doc.errors.slice(0, 1)) {
    const { line, col } = lines.linePos(error.pos[0]);
    add([], `not valid YAML/JSON at line ${line}, column ${col}: ${error.message.split('\n')[0]}`);
  }
  const tag = unresolvedTag(doc, lines);
  if (tag !== undefined) add([], `${tag.message} at line ${tag.line}, column ${tag.column}: strategy files take plain YAML values only`);
  if (issues.length > 0) return { ok: false, issues };
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, issues: [{ code: 'E_STRATEGY_FILE_INVALID', path: [], message: 'expected a mapping with "name" and "rules"' }] };

  const top = root.toJSON() as Record<string, unknown>;
  for (const key of Object.keys(top))
    if (!TOP_KEYS.has(key)) add([key], `unknown key "${key}" (expected ${[...TOP_KEYS].join(', ')})`, root.get(key, true) as Node);
  const name = top.name;
  if (typeof name !== 'string' || name.trim() === '') add(['name'], '"name" must be a non-empty string');
  const description = optionalString(top.description, ['description'], add);

  const models: Record<string, string> = {};
  if (top.models !== undefined) {
    if (typeof top.models !== 'object' || top.models === null || Array.isArray(top.models)) add(['models'], '"models" must map model names to file paths');
    else
      for (const [key, value] of Object.entries(top.models)) {
        if (typeof value !== 'string' || value === '') add(['models', key], `model "${key}" must be a file path`);
        else models[key] = value;
      }
  }

  const rules: StrategyRule[] = [];
  const rulesNode = root.get('rules', true) as Node | undefined;
  if (!isSeq(rulesNode)) add(['rules'], '"rules" must be a list of rules');
  else {
    const seen = new Set<string>();
    rulesNode.items.forEach((item, i) => {
      const rule = parseRuleEntry(item as Node, i, seen, add, lines);
      if (rule !== undefined) rules.push(rule);
    });
  }

  let cutoff: StrategyCutoff | undefined;
  if (top.cutoff !== undefined && top.cutoff !== null) cutoff = parseCutoff(top.cutoff, root.get('cutoff', true) as Node, add);

  if (issues.length > 0) return { ok: false, issues };
  const strategy: Strategy = {
    name: name as string,
    rules,
    models,
    ...(description === undefined ? {} : { description }),
    ...(cutoff === undefined ? {} : { cutoff }),
  };
  return { ok: true, value: strategy };
}

/** Like `safeParseStrategy` but throws one `E_STRATEGY_FILE_INVALID` listing every issue. */
export function parseStrategy(text: string, file = 'strategy'): Strategy {
  const result = safeParseStrategy(text);
  if (result.ok) return result.value;
  const summary = result.issues.map((i) => (i.path.length > 0 ? `${formatPath(i.path)}: ${i.message}` : i.message)).join('; ');
  throw new CredoError('E_STRATEGY_FILE_INVALID', { file, summary, issues: result.issues });
}

type Add = (path: (string | number)[], message: string, node?: Node | null, span?: { start: number; end: number }) => void;

function parseRuleEntry(node: Node, i: number, seen: Set<string>, add: Add, lines: LineCounter): StrategyRule | undefined {
  if (!isMap(node)) {
    add(['rules', i], 'each rule must be a mapping with id, when and action', node);
    return undefined;
  }
  const raw = node.toJSON() as Record<string, unknown>;
  const id = raw.id;
  const label = typeof id === 'string' ? `rule "${id}"` : `rule #${i + 1}`;
  for (const key of Object.keys(raw))
    if (!RULE_KEYS.has(key)) add(['rules', i, key], `${label}: unknown key "${key}" (expected ${[...RULE_KEYS].join(', ')})`, node);
  if (typeof id !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(id)) add(['rules', i, 'id'], `${label}: "id" must be a word of letters, digits, _ . -`, node);
  else if (seen.has(id) || id === 'baseline' || id === 'cutoff')
    add(['rules', i, 'id'], `${label}: id "${id}" is ${seen.has(id) ? 'used twice' : 'reserved'}`, node);
  else seen.add(id);
  const action = raw.action;
  if (typeof action !== 'string' || !ACTIONS.includes(action as RuleAction))
    add(['rules', i, 'action'], `${label}: "action" must be one of ${ACTIONS.join(', ')}`, node);
  const description = optionalString(raw.description, ['rules', i, 'description'], add);
  const dates: Record<string, string> = {};
  for (const key of ['effective_from', 'effective_to']) {
    const value = raw[key] instanceof Date ? (raw[key] as Date).toISOString().slice(0, 10) : raw[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !isCalendarDate(value)) add(['rules', i, key], `${label}: "${key}" must be a date YYYY-MM-DD`, node);
    else dates[key] = value;
  }
  if (dates.effective_from !== undefined && dates.effective_to !== undefined && dates.effective_from > dates.effective_to) {
    add(['rules', i, 'effective_to'], `${label}: effective_to is before effective_from`, node);
  }
  const whenNode = node.get('when', true) as Node | undefined;
  const when = raw.when;
  if (typeof when !== 'string' || when.trim() === '') {
    add(['rules', i, 'when'], `${label}: "when" must be a rule expression (text)`, whenNode ?? node);
    return undefined;
  }
  let rule: StrategyRule['rule'];
  try {
    rule = parseRule(when, label);
  } catch (error) {
    if (!(error instanceof CredoError)) throw error;
    const d = error.details as { position: number; problem: string; span: { start: number; end: number }; snippet: string };
    const line = whenNode?.range == null || !isScalar(whenNode) ? undefined : lines.linePos(whenNode.range[0]).line;
    add(['rules', i, 'when'], `${label}${line === undefined ? '' : ` (line ${line})`}, position ${d.position}: ${d.problem}\n${d.snippet}`, null, d.span);
    return undefined;
  }
  if (typeof id !== 'string' || typeof action !== 'string') return undefined;
  return {
    id,
    when,
    rule,
    action: action as RuleAction,
    ...(description === undefined ? {} : { description }),
    ...(dates.effective_from === undefined ? {} : { effectiveFrom: dates.effective_from }),
    ...(dates.effective_to === undefined ? {} : { effectiveTo: dates.effective_to }),
  };
}

function parseCutoff(raw: unknown, node: Node, add: Add): StrategyCutoff | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    add(['cutoff'], '"cutoff" must be a mapping with model and pd_above (or score_below)', node);
    return undefined;
  }
  const c = raw as Record<string, unknown>;
  for (const key of Object.keys(c)) if (!CUTOFF_KEYS.has(key)) add(['cutoff', key], `unknown key "${key}" (expected ${[...CUTOFF_KEYS].join(', ')})`, node);
  if (typeof c.model !== 'string' || c.model === '') add(['cutoff', 'model'], '"model" must be a model name or file path', node);
  const hasPd = c.pd_above !== undefined;
  const hasScore = c.score_below !== undefined;
  if (hasPd === hasScore) add(['cutoff'], 'give exactly one of pd_above or score_below', node);
  if (hasPd && (typeof c.pd_above !== 'number' || !(c.pd_above >= 0 && c.pd_above <= 1)))
    add(['cutoff', 'pd_above'], '"pd_above" must be a probability in [0, 1]', node);
  if (hasScore && (typeof c.score_below !== 'number' || !Number.isFinite(c.score_below)))
    add(['cutoff', 'score_below'], '"score_below" must be a number', node);
  if (typeof c.model !== 'string') return undefined;
  return { model: c.model, ...(hasPd ? { pdAbove: c.pd_above as number } : {}), ...(hasScore ? { scoreBelow: c.score_below as number } : {}) };
}

function optionalString(value: unknown, path: (string | number)[], add: Add): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    add(path, `"${path[path.length - 1]}" must be text`);
    return undefined;
  }
  return value;
}
