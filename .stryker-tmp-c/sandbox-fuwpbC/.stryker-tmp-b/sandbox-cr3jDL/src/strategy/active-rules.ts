// @ts-nocheck
// 
import { parseRule, type RuleExpression } from './rules/index.js';
import type { RuleAction, Strategy } from './strategy.js';

/** A rule ready to evaluate: a strategy rule, or the strategy's cutoff turned into a rule. */
export interface ActiveRule {
  readonly id: string;
  readonly action: RuleAction;
  readonly when: string;
  readonly rule: RuleExpression;
  readonly description?: string;
}

/** Options of `activeRules`. */
export interface ActiveRulesOptions {
  /** Keep only rules effective on this ISO date (`YYYY-MM-DD`); all rules when absent. */
  readonly asOf?: string;
}

/**
 * The strategy's rules in order, filtered by effective dates when `asOf` is given, with the
 * cutoff (if any) appended as a final decline rule `cutoff`: `pd(model) > pd_above` or
 * `score(model) < score_below`.
 */
export function activeRules(strategy: Strategy, options: ActiveRulesOptions = {}): ActiveRule[] {
  const asOf = options.asOf;
  const out: ActiveRule[] = strategy.rules
    .filter((r) => asOf === undefined || ((r.effectiveFrom === undefined || r.effectiveFrom <= asOf) && (r.effectiveTo === undefined || asOf <= r.effectiveTo)))
    .map((r) => ({ id: r.id, action: r.action, when: r.when, rule: r.rule, ...(r.description === undefined ? {} : { description: r.description }) }));
  const cutoff = strategy.cutoff;
  if (cutoff !== undefined) {
    const model = JSON.stringify(cutoff.model);
    const when = cutoff.pdAbove !== undefined ? `pd(${model}) > ${cutoff.pdAbove}` : `score(${model}) < ${cutoff.scoreBelow}`;
    out.push({ id: 'cutoff', action: 'decline', when, rule: parseRule(when, 'cutoff'), description: `score cutoff on model ${cutoff.model}` });
  }
  return out;
}

/** Every model reference the rules use (names or paths, as written), in first-use order. */
export function modelReferences(rules: readonly ActiveRule[]): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.kind === 'model') out.add(n.model as string);
    for (const value of Object.values(n)) if (typeof value === 'object') walk(value);
  };
  for (const r of rules) walk(r.rule.root);
  return [...out];
}
