// @ts-nocheck
// 
import type { ReasonCatalogue } from '../explain/index.js';
import type { CredoModel } from '../ml/model.js';
import type { Arm } from './challenger-arm.js';
import type { DecisionPolicy } from './policy.js';

/** One input value of an application: a number, a category label, a flag (read as 1/0), or missing. */
export type InputValue = number | string | boolean | null;

/** A model bound to a decision: the model, its file hash (SHA-256 of the model file) and its registry id. */
export interface BoundModel {
  readonly model: CredoModel;
  readonly hash: string;
  readonly id?: string;
}

/**
 * Everything a decision depends on besides the application: the policy and its registry
 * identity, the champion model, an optional challenger with its traffic share (0–1), the reason
 * catalogue (used unless the policy has its own `reasons.catalogue`), and the as-of date that
 * selects rules by their effective dates (all rules when absent). Reuse the same policy and
 * model objects across decisions: compiled state is cached on them.
 */
export interface DecisionContext {
  readonly policy: DecisionPolicy;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly champion: BoundModel;
  readonly challenger?: BoundModel & { readonly share: number };
  readonly catalogue?: ReasonCatalogue;
  /** ISO date `YYYY-MM-DD`; rules outside their effective dates on this day are skipped. */
  readonly asOf?: string;
}

/** One principal reason of a decision (ECOA/Reg B): stable code, the feature, plain-language text. */
export interface DecisionReason {
  readonly code: string;
  readonly feature: string;
  readonly text: string;
}

/** Decision outcome. */
export type DecisionAction = 'approve' | 'decline' | 'refer';

/**
 * A decision with everything needed to reproduce it. `pd` is the model's probability of default,
 * `score` the whole-point 300–850 score (REFERENCE §3), `reasons` the principal reasons (ranked,
 * toward decline). `limit` is a decimal string of major units of `currency` (e.g. "25000.00")
 * computed from integer minor units, `rate` the annual rate as a decimal string (e.g. "0.1425");
 * both null unless approved. `rulesFired` lists every rule (and `cutoff`, `limits.min`,
 * `pricing.cap`) that held, in policy order; the first rule decides. `inputSnapshot` is the
 * validated input. `shadow` is the champion's decision of the same input when `arm` is challenger.
 */
export interface DecisionRecord {
  readonly applicationId: string;
  readonly action: DecisionAction;
  readonly pd: number;
  readonly score: number;
  readonly reasons: readonly DecisionReason[];
  readonly limit: string | null;
  readonly rate: string | null;
  readonly currency: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly modelHash: string;
  readonly modelId?: string;
  readonly arm: Arm;
  readonly rulesFired: readonly string[];
  readonly asOf?: string;
  readonly inputSnapshot: Readonly<Record<string, number | string | null>>;
  readonly shadow?: DecisionRecord;
}
