// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { Span } from './ast.js';

/** The two kinds of rule errors: the text cannot be parsed, or it does not fit the data. */
export type RuleErrorCode = 'E_STRATEGY_RULE_SYNTAX' | 'E_STRATEGY_RULE_TYPE';

/**
 * A CredoError pointing into rule text: the message names the source (e.g. `rule "r2_high_dti"`),
 * the 1-based position, the problem, and quotes the expression with carets under the span
 * (after Arquero's quoted snippets). `details.span` keeps the 0-based range for issues.
 */
export function ruleError(code: RuleErrorCode, text: string, span: Span, problem: string, source = 'rule expression'): CredoError {
  const start = Math.max(0, Math.min(span.start, text.length));
  const width = Math.max(1, Math.min(span.end, text.length + 1) - start);
  const snippet = `  ${text}\n  ${' '.repeat(start)}${'^'.repeat(width)}`;
  return new CredoError(code, { source, position: start + 1, problem, snippet, span: { start, end: start + width }, expression: text });
}

/** Re-labels a rule error with a better source name (e.g. the rule id), keeping its span. */
export function withRuleSource(error: unknown, source: string): unknown {
  if (!(error instanceof CredoError) || (error.code !== 'E_STRATEGY_RULE_SYNTAX' && error.code !== 'E_STRATEGY_RULE_TYPE')) return error;
  const d = error.details as { expression: string; span: Span; problem: string };
  return ruleError(error.code, d.expression, d.span, d.problem, source);
}
