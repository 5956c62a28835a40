// @ts-nocheck
// 
import { randomUUID } from 'node:crypto';
import { CredoError } from '../errors/index.js';
import { appendAudit, getApplication, getDecision, insertOverride, type StoredDecision } from '../store/index.js';
import type { Caller } from './roles.js';
import type { Service } from './service.js';

/**
 * An officer's manual decision on an application: a new `override` decision carrying who and
 * why, which becomes the application's current decision; audited with the previous decision.
 * Maker-checker: a loan officer cannot override an application they submitted themselves (403).
 */
export async function overrideDecision(
  service: Service,
  applicationId: string,
  input: { action: 'approve' | 'decline' | 'refer'; reason: string },
  caller: Caller,
  requestId: string,
): Promise<StoredDecision> {
  return service.db.transaction(async (tx) => {
    const application = await getApplication(tx, applicationId);
    if (application === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'application', id: applicationId });
    if (caller.role !== 'admin' && application.submittedBy === caller.userId) {
      throw new CredoError('E_AUTH_OBJECT_FORBIDDEN', { problem: 'an officer cannot override an application they submitted (maker-checker)' });
    }
    const decisionId = await insertOverride(tx, { id: randomUUID(), applicationId, action: input.action, reason: input.reason, decidedBy: caller.userId });
    const decision = (await getDecision(tx, decisionId)) as StoredDecision;
    await appendAudit(tx, {
      actorId: caller.userId,
      actorRole: caller.role,
      action: 'application.override',
      entity: 'application',
      entityId: applicationId,
      requestId,
      details: {
        decision_id: decision.id,
        previous_decision_id: application.decisionId,
        previous_action: application.action,
        action: input.action,
        reason: input.reason,
      },
    });
    return decision;
  });
}
