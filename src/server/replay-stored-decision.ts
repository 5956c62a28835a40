import { CredoError } from '../errors/index.js';
import { type DecisionContext, type DecisionRecord, type ReplayResult, replayDecision } from '../decision/index.js';
import { getDecision, getShadowOf, type StoredDecision } from '../store/index.js';
import type { Service } from './service.js';

/**
 * Replays a stored model decision: loads the policy and model versions it names (the registry
 * keeps every version, so a later promotion changes nothing), rebuilds the record from the row
 * (and, for a challenger decision, the champion's shadow row and model) and calls
 * `replayDecision`. Overrides are people's decisions and cannot be replayed (409).
 */
export async function replayStoredDecision(service: Service, id: string): Promise<ReplayResult> {
  const row = await getDecision(service.db, id);
  if (row === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'decision', id });
  if (row.kind === 'override' || row.policyId === null || row.modelId === null) {
    throw new CredoError('E_HTTP_CONFLICT', { problem: `decision ${id} is a manual override: only model decisions can be replayed` });
  }
  const shadow = row.arm === 'challenger' && row.kind === 'automatic' ? await getShadowOf(service.db, row.id) : undefined;
  const policy = await service.policy(row.policyId);
  const model = await service.model(row.modelId);
  const shadowModel = shadow?.modelId == null ? undefined : await service.model(shadow.modelId);
  if (policy === undefined || model === undefined || (shadow !== undefined && shadowModel === undefined)) {
    throw new CredoError('E_INTERNAL', { summary: `decision ${id} names a policy or model that is not in the registry` });
  }
  const base = { policy: policy.policy, policyId: policy.id, policyVersion: policy.version, catalogue: service.catalogue };
  const context: DecisionContext =
    row.arm === 'challenger' && shadowModel !== undefined
      ? { ...base, champion: shadowModel, challenger: { ...model, share: 1 } }
      : { ...base, champion: model };
  const stored = toRecord(row, shadow === undefined ? undefined : toRecord(shadow, undefined));
  return replayDecision(stored, context);
}

/** Rebuilds the decision record of a stored row, field by field in the record's own order. */
function toRecord(row: StoredDecision, shadow: DecisionRecord | undefined): DecisionRecord {
  return {
    applicationId: row.applicationId,
    action: row.action,
    pd: row.pd as number,
    score: row.score as number,
    reasons: row.reasons.map((r) => ({ code: r.code, feature: r.feature, text: r.text })),
    limit: row.limit,
    rate: row.rate,
    currency: row.currency,
    policyId: row.policyId as string,
    policyVersion: row.policyVersion as number,
    modelHash: row.modelHash as string,
    ...(row.modelId === null ? {} : { modelId: row.modelId }),
    arm: row.arm as 'champion' | 'challenger',
    rulesFired: [...row.rulesFired],
    ...(row.asOf == null ? {} : { asOf: row.asOf }),
    inputSnapshot: row.inputSnapshot ?? {},
    ...(shadow === undefined ? {} : { shadow }),
  };
}
