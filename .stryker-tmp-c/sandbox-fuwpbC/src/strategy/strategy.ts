// @ts-nocheck
import type { RuleExpression } from './rules/index.js';

/** What a rule does to the applications it hits. */
export type RuleAction = 'decline' | 'refer' | 'approve';

/** One named rule of a strategy, parsed. */
export interface StrategyRule {
  /** Stable id, unique within the strategy (letters, digits, `_ . -`). */
  readonly id: string;
  readonly description?: string;
  /** The rule text as written. */
  readonly when: string;
  /** The parsed rule. */
  readonly rule: RuleExpression;
  readonly action: RuleAction;
  /** First day the rule applies (ISO `YYYY-MM-DD`, inclusive). */
  readonly effectiveFrom?: string;
  /** Last day the rule applies (ISO `YYYY-MM-DD`, inclusive). */
  readonly effectiveTo?: string;
}

/** The optional final score cutoff: decline when the model's PD is above `pdAbove` (or its score below `scoreBelow`). */
export interface StrategyCutoff {
  /** Model reference: a name from `models` or a file path relative to the strategy file. */
  readonly model: string;
  readonly pdAbove?: number;
  readonly scoreBelow?: number;
}

/**
 * A decision strategy: ordered rules, evaluated top to bottom; the first rule that hits decides
 * (its action); rows no rule hits go to the cutoff (decline when it hits), and are approved
 * otherwise. `models` names model files (relative to the strategy file) that rules and the
 * cutoff may refer to by name.
 */
export interface Strategy {
  readonly name: string;
  readonly description?: string;
  readonly rules: readonly StrategyRule[];
  readonly cutoff?: StrategyCutoff;
  readonly models: Readonly<Record<string, string>>;
}
