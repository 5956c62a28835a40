// @ts-nocheck
import type { DecisionRecord } from '../decision/index.js';
import type { StoredDecision } from '../store/index.js';

/** A decision as the API returns it (the contract; snake_case keys). */
export interface DecisionSummaryJson {
  readonly id: string;
  readonly action: DecisionRecord['action'];
  readonly pd: number | null;
  readonly score: number | null;
  readonly reasons: { code: string; feature: string; text: string }[];
  readonly limit: string | null;
  readonly rate: string | null;
  readonly policy_version: number | null;
  readonly model_hash: string | null;
  readonly arm: DecisionRecord['arm'] | null;
}

/** The API form of a decision record. */
export function decisionSummary(id: string, record: DecisionRecord): DecisionSummaryJson {
  return {
    id,
    action: record.action,
    pd: record.pd,
    score: record.score,
    reasons: record.reasons.map((r) => ({ code: r.code, feature: r.feature, text: r.text })),
    limit: record.limit,
    rate: record.rate,
    policy_version: record.policyVersion,
    model_hash: record.modelHash,
    arm: record.arm,
  };
}

/** The API form of a stored decision (automatic, shadow or override). */
export function decisionJson(d: StoredDecision) {
  return {
    id: d.id,
    application_id: d.applicationId,
    kind: d.kind,
    shadow_of: d.shadowOf,
    action: d.action,
    pd: d.pd,
    score: d.score,
    reasons: d.reasons.map((r) => ({ code: r.code, feature: r.feature, text: r.text })),
    limit: d.limit,
    rate: d.rate,
    currency: d.currency,
    policy_id: d.policyId,
    policy_version: d.policyVersion,
    model_id: d.modelId,
    model_hash: d.modelHash,
    arm: d.arm,
    rules_fired: [...d.rulesFired],
    input_snapshot: d.inputSnapshot,
    latency_us: d.latencyUs,
    decided_by: d.decidedBy,
    reason: d.reason,
    created_at: d.createdAt.toISOString(),
  };
}
