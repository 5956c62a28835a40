import { isScalar, LineCounter, type Node, parseDocument, Scalar } from 'yaml';
import { CredoError, formatPath } from '../errors/index.js';
import { type Currency, parseCurrency, USD } from '../finance/index.js';
import { checkRule, referencedModels, type Strategy, safeParseStrategy, unresolvedTag } from '../strategy/index.js';
import type { DecisionPolicy, PolicyIssue } from './policy.js';
import { policyInputs } from './policy-inputs.js';
import { type Add, parseLimits, parsePricing, parseReasons } from './policy-sections.js';

/** The result of `safeParsePolicy`: the policy, or every issue with its line and column. */
export type PolicyParseResult = { readonly ok: true; readonly value: DecisionPolicy } | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

/** Top-level keys a decision policy adds to a strategy file. */
const POLICY_KEYS = new Set(['currency', 'inputs', 'limits', 'pricing', 'reasons']);

/** The only model a policy's rules and cutoff may read: the model deciding the application. */
export const DECIDING_MODEL = 'champion';

/**
 * Parses a decision policy (YAML or JSON): a strategy file of `credo rules` (`name`, `rules`,
 * `cutoff`, `models`, parsed and type-checked by src/strategy) plus the optional sections
 * `currency`, `inputs`, `limits`, `pricing` and `reasons` (see docs/decision.md). Rules and the
 * cutoff may read `pd(champion)` and `score(champion)`: the model deciding the application (the
 * challenger on the challenger arm). Every problem is returned as an issue with its path, line and
 * column; rule text problems carry the caret snippet in the message and the `span`.
 */
export function safeParsePolicy(text: string, source = 'policy'): PolicyParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const located = (issues: readonly PolicyIssue[]) => ({ ok: false as const, issues: issues.map((i) => locate(i, doc, lines)) });
  // a tag YAML cannot resolve (`!!js/function`, `!custom`) would silently become a string: refuse it
  const tag = unresolvedTag(doc, lines);
  if (tag !== undefined) {
    const message = `${tag.message}: policies take plain YAML values only`;
    return { ok: false, issues: [{ code: 'E_STRATEGY_FILE_INVALID', path: [], message, line: tag.line, column: tag.column }] };
  }

  const strategyResult = safeParseStrategy(text);
  let strategy: Strategy;
  if (strategyResult.ok) strategy = strategyResult.value;
  else {
    // the strategy parser does not know the decision sections: drop its "unknown key" issues for them
    const rest = strategyResult.issues.filter((i) => !(i.path.length === 1 && POLICY_KEYS.has(String(i.path[0])) && i.message.startsWith('unknown key')));
    if (rest.length > 0) return located(rest);
    const stripped = doc.clone();
    for (const key of POLICY_KEYS) stripped.delete(key);
    const again = safeParseStrategy(String(stripped));
    if (!again.ok) return located(again.issues);
    strategy = again.value;
  }

  const issues: PolicyIssue[] = [];
  const add: Add = (path, message) => issues.push({ code: 'E_STRATEGY_FILE_INVALID', path, message });
  const top = (doc.toJSON() ?? {}) as Record<string, unknown>;

  let currency: Currency = USD;
  if (top.currency !== undefined) {
    if (typeof top.currency !== 'string') add(['currency'], '"currency" must be an ISO 4217 code such as USD (or CODE:EXPONENT)');
    else
      try {
        currency = parseCurrency(top.currency);
      } catch (error) {
        if (!(error instanceof CredoError)) throw error;
        add(['currency'], error.message);
      }
  }

  for (const rule of strategy.rules)
    for (const model of referencedModels(rule.rule.root))
      if (model !== DECIDING_MODEL)
        add(['rules', strategy.rules.indexOf(rule), 'when'], `rule "${rule.id}": a policy reads only pd(champion) and score(champion), found model "${model}"`);
  if (strategy.cutoff !== undefined && strategy.cutoff.model !== DECIDING_MODEL)
    add(['cutoff', 'model'], `the cutoff must use model "champion" (the model deciding the application), found "${strategy.cutoff.model}"`);

  const limits = parseLimits(top.limits, currency, add);
  const pricing = parsePricing(top.pricing, currency, add);
  const reasons = parseReasons(top.reasons, add);
  if (pricing !== undefined && limits === undefined && top.limits === undefined)
    add(['pricing'], '"pricing" needs a "limits" section: the price is computed for a loan of the limit (EAD)');
  const inputs = policyInputs(strategy, top.inputs, limits, add);
  const ruleIds = new Set([...strategy.rules.map((r) => r.id), ...(strategy.cutoff === undefined ? [] : ['cutoff'])]);
  for (const id of Object.keys(reasons.rules ?? {}))
    if (!ruleIds.has(id)) add(['reasons', 'rules', id], `no rule "${id}" in the policy (rules: ${[...ruleIds].join(', ') || 'none'})`);

  if (issues.length === 0) {
    // type-check every rule against the policy's own inputs now, so a bad rule fails at upload
    const schema = { columns: inputs };
    strategy.rules.forEach((rule, i) => {
      try {
        checkRule(rule.rule, schema, `rule "${rule.id}"`);
      } catch (error) {
        if (!(error instanceof CredoError)) throw error;
        const d = error.details as { position: number; problem: string; snippet: string; span: { start: number; end: number } };
        issues.push({
          code: 'E_STRATEGY_FILE_INVALID',
          path: ['rules', i, 'when'],
          message: `rule "${rule.id}", position ${d.position}: ${d.problem}\n${d.snippet}`,
          span: d.span,
        });
      }
    });
  }
  if (issues.length > 0) return located(issues);
  const policy: DecisionPolicy = {
    strategy,
    source,
    currency,
    reasonCount: reasons.count,
    inputs,
    ...(limits === undefined ? {} : { limits }),
    ...(pricing === undefined ? {} : { pricing }),
    ...(reasons.catalogue === undefined ? {} : { catalogue: reasons.catalogue }),
    ...(reasons.rules === undefined ? {} : { ruleReasons: reasons.rules }),
  };
  return { ok: true, value: policy };
}

/**
 * Like `safeParsePolicy` but throws one `E_STRATEGY_FILE_INVALID` whose `details.issues` lists
 * every problem (each with `path`, `message`, `line`, `column` and, for rule text, `span`).
 */
export function parsePolicy(yamlText: string, source = 'policy'): DecisionPolicy {
  const result = safeParsePolicy(yamlText, source);
  if (result.ok) return result.value;
  const summary = result.issues
    .map((i) => {
      const at = i.line === undefined ? '' : `line ${i.line}, column ${i.column}`;
      const where = [i.path.length > 0 ? formatPath(i.path) : '', at].filter((s) => s !== '').join(' at ');
      return `${where === '' ? '' : `${where}: `}${i.message}`;
    })
    .join('; ');
  throw new CredoError('E_STRATEGY_FILE_INVALID', { file: source, summary, issues: result.issues });
}

/** Adds the line and column of the issue's node (the deepest node of its path that exists; for rule text, the span start). */
function locate(issue: PolicyIssue, doc: ReturnType<typeof parseDocument>, lines: LineCounter): PolicyIssue {
  if (issue.line !== undefined) return issue;
  let node: Node | undefined;
  for (let k = issue.path.length; k >= 0 && node === undefined; k--) {
    const found = k === 0 ? doc.contents : doc.getIn(issue.path.slice(0, k), true);
    if (found !== null && typeof found === 'object' && (found as Node).range != null) node = found as Node;
  }
  let offset: number | undefined = node?.range?.[0];
  if (offset === undefined) {
    const fromMessage = /\(line (\d+)\)/.exec(issue.message);
    return fromMessage === null ? issue : { ...issue, line: Number(fromMessage[1]), column: 1 };
  }
  if (issue.span !== undefined && node !== undefined && isScalar(node)) {
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    if (quoted || node.type === Scalar.PLAIN) offset += (quoted ? 1 : 0) + issue.span.start;
  }
  const pos = lines.linePos(offset);
  return { ...issue, line: pos.line, column: pos.col };
}
