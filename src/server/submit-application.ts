import { randomUUID } from 'node:crypto';
import { type DecisionRecord, decideApplication, type InputValue, validateApplicationData } from '../decision/index.js';
import { CredoError } from '../errors/index.js';
import { canonicalJson } from '../io/model-file.js';
import {
  appendAudit,
  claimIdempotencyKey,
  completeIdempotencyKey,
  hashRequest,
  insertApplication,
  insertDecision,
  releaseIdempotencyKey,
  type Transaction,
} from '../store/index.js';
import { type DecisionSummaryJson, decisionSummary } from './decision-json.js';
import type { Caller } from './roles.js';
import type { Service } from './service.js';

/** What a client submits (the issue's contract). */
export interface ApplicationSubmission {
  readonly external_id?: string;
  readonly customer_id?: string;
  readonly data: Readonly<Record<string, InputValue>>;
}

/** The 201 body of a submission. */
export interface SubmitResult {
  readonly application_id: string;
  readonly decision: DecisionSummaryJson;
}

/**
 * Decides one application and stores it: validates `data` against the policy's and champion's
 * inputs (422 naming each bad field), decides in-process with the current setup (latency
 * measured in µs), then writes the application, its decision, the champion's shadow decision
 * when the challenger decided, and one audit entry in ONE transaction. With an idempotency key
 * the key is claimed first (a concurrent duplicate gets 409, a repeat the stored response, a
 * reuse with another body 422) and completed in the same transaction; a failure releases it, so
 * a failed request leaves no row behind.
 */
export async function submitApplication(
  service: Service,
  submission: ApplicationSubmission,
  caller: Caller,
  requestId: string,
  idempotencyKey?: string,
): Promise<{ status: number; body: SubmitResult; replayed: boolean }> {
  const setup = service.current();
  if (setup === undefined) throw new CredoError('E_HTTP_NOT_CONFIGURED', { problem: 'register and promote a champion model and activate a policy first' });
  const issues = validateApplicationData(submission.data, setup.context);
  if (issues.length > 0) {
    throw new CredoError('E_INPUT_VALIDATION', {
      summary: `data: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      issues: issues.map((i) => ({ ...i, path: ['body', 'data', ...i.path] })),
    });
  }
  const ref = idempotencyKey === undefined ? undefined : { principal: caller.userId, key: idempotencyKey };
  if (ref !== undefined) {
    const claim = await claimIdempotencyKey(service.db, { ...ref, requestHash: hashRequest('POST', '/api/v1/applications', canonicalJson(submission)) });
    if (claim.state === 'done') return { status: claim.status, body: claim.body as SubmitResult, replayed: true };
    if (claim.state === 'in_progress') throw new CredoError('E_HTTP_IDEMPOTENCY_IN_PROGRESS', { key: idempotencyKey });
    if (claim.state === 'mismatch') throw new CredoError('E_HTTP_IDEMPOTENCY_MISMATCH', { key: idempotencyKey });
  }
  try {
    const applicationId = randomUUID();
    const started = process.hrtime.bigint();
    const record = decideApplication(applicationId, { ...submission.data }, setup.context);
    const latencyUs = Number((process.hrtime.bigint() - started) / 1000n);
    const decisionId = randomUUID();
    const body: SubmitResult = { application_id: applicationId, decision: decisionSummary(decisionId, record) };
    await service.db.transaction(async (tx) => {
      await writeDecided(tx, { applicationId, decisionId, submission, record, latencyUs, caller, requestId });
      if (ref !== undefined) await completeIdempotencyKey(tx, { ...ref, status: 201, body });
    });
    service.metrics.decisionLatency.observe({ arm: record.arm }, latencyUs / 1e6);
    service.metrics.decisions.inc({ action: record.action, arm: record.arm });
    return { status: 201, body, replayed: false };
  } catch (error) {
    if (ref !== undefined) await releaseIdempotencyKey(service.db, ref);
    throw error;
  }
}

/** The rows of one decided application (inside the caller's transaction). */
export async function writeDecided(
  tx: Transaction,
  w: {
    applicationId: string;
    decisionId: string;
    submission: ApplicationSubmission;
    record: DecisionRecord;
    latencyUs: number;
    caller: Caller;
    requestId: string;
  },
): Promise<void> {
  await insertApplication(tx, {
    id: w.applicationId,
    externalId: w.submission.external_id ?? null,
    customerId: w.submission.customer_id ?? null,
    input: w.submission.data,
    submittedBy: w.caller.userId,
  });
  await insertDecision(tx, { id: w.decisionId, kind: 'automatic', record: w.record, latencyUs: w.latencyUs });
  if (w.record.shadow !== undefined) {
    await insertDecision(tx, { id: randomUUID(), kind: 'shadow', shadowOf: w.decisionId, record: w.record.shadow, latencyUs: w.latencyUs });
  }
  await appendAudit(tx, {
    actorId: w.caller.userId,
    actorRole: w.caller.role,
    action: 'application.decide',
    entity: 'application',
    entityId: w.applicationId,
    requestId: w.requestId,
    details: { decision_id: w.decisionId, action: w.record.action, arm: w.record.arm, policy_version: w.record.policyVersion, model_hash: w.record.modelHash },
  });
}
