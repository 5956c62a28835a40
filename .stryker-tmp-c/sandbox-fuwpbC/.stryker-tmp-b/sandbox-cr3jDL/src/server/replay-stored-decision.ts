// @ts-nocheck
// 
import { type DecisionContext, type DecisionRecord, type ReplayResult, replayDecision } from '../decision/index.js';
import { CredoError } from '../errors/index.js';
import { decisionRecordOf, getDecision, getShadowDecision } from '../store/index.js';
import type { Service } from './service.js';

/**
 * Replays a stored model decision: loads the policy and model versions it names (the registry
 * keeps every version, so a later promotion changes nothing), rebuilds its record from the row
 * (and, for a challenger decision, the champion's shadow row and model) and calls
 * `replayDecision`. Overrides are people's decisions and cannot be replayed (409).
 */
export async function replayStoredDecision(service: Service, id: string): Promise<ReplayResult> {
  const row = await getDecision(service.db, id);
  if (row === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'decision', id });
  const record = decisionRecordOf(row);
  if (record === undefined || row.policyId === null || row.modelId === null) {
    throw new CredoError('E_HTTP_CONFLICT', { problem: `decision ${id} is a manual override: only model decisions can be replayed` });
  }
  const shadowRow = row.arm === 'challenger' && row.kind === 'automatic' ? await getShadowDecision(service.db, row.id) : undefined;
  const shadow = shadowRow === undefined ? undefined : decisionRecordOf(shadowRow);
  const policy = await service.policy(row.policyId);
  const model = await service.model(row.modelId);
  const shadowModel = shadowRow?.modelId == null ? undefined : await service.model(shadowRow.modelId);
  if (policy === undefined || model === undefined || (shadowRow !== undefined && shadowModel === undefined)) {
    throw new CredoError('E_INTERNAL', { summary: `decision ${id} names a policy or model that is not in the registry` });
  }
  const base = { policy: policy.policy, policyId: policy.id, policyVersion: policy.version, catalogue: service.catalogue };
  // The challenger arm needs the champion too (its shadow decision); the share is not used on a given arm.
  const context: DecisionContext =
    row.arm === 'challenger' && shadowModel !== undefined
      ? { ...base, champion: shadowModel, challenger: { ...model, share: 1 } }
      : { ...base, champion: model };
  return replayDecision(inRecordOrder(record, shadow === undefined ? undefined : inRecordOrder(shadow, undefined)), context);
}

/**
 * The record with its JSON parts in the order the decision function builds them: jsonb keeps
 * object keys sorted its own way, and the replay comparison also checks key order.
 */
function inRecordOrder(record: DecisionRecord, shadow: DecisionRecord | undefined): DecisionRecord {
  return {
    ...record,
    reasons: record.reasons.map((r) => ({ code: r.code, feature: r.feature, text: r.text })),
    ...(shadow === undefined ? {} : { shadow }),
  };
}
