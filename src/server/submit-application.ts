import { applicationInputs, checkData, decideChecked, type InputValue, inputSnapshot } from '../decision/index.js';
import { CredoError } from '../errors/index.js';
import { canonicalJson } from '../io/model-file.js';
import { claimIdempotencyKey, hashRequest, releaseIdempotencyKey, timeOrderedId } from '../store/index.js';
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
 * when the challenger decided, and one audit entry in ONE statement (atomic, one round trip:
 * `recordDecidedApplication`), shared with the applications submitted at the same moment (group
 * commit, `DecisionWriter`); the response waits for that commit. With an idempotency key
 * the key is claimed first (a concurrent duplicate gets 409, a repeat the stored response, a
 * reuse with another body 422) and completed in that same statement; a failure releases it, so
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
  // Checked once here (422 with the body's paths); the decision takes the checked snapshot.
  const inputs = applicationInputs(setup.context);
  const issues = checkData(submission.data, inputs, false);
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
    // Time-ordered ids: each new row lands on the primary keys' last leaf, not on a random one
    // (after a checkpoint, the first change to a page writes the whole page to the WAL).
    const applicationId = timeOrderedId();
    const started = process.hrtime.bigint();
    // the arm follows the lender's application id when given, as `credo decide` does with its id column
    const record = decideChecked(applicationId, inputSnapshot(submission.data, inputs), setup.context, submission.external_id ?? applicationId);
    const latencyUs = Number((process.hrtime.bigint() - started) / 1000n);
    const decisionId = timeOrderedId();
    const body: SubmitResult = { application_id: applicationId, decision: decisionSummary(decisionId, record) };
    await service.writer.record({
      application: {
        id: applicationId,
        externalId: submission.external_id ?? null,
        customerId: submission.customer_id ?? null,
        input: submission.data,
        submittedBy: caller.userId,
      },
      decision: { id: decisionId, record, latencyUs },
      ...(record.shadow === undefined ? {} : { shadow: { id: timeOrderedId(), record: record.shadow } }),
      audit: {
        actorId: caller.userId,
        actorRole: caller.role,
        action: 'application.decide',
        entity: 'application',
        entityId: applicationId,
        requestId,
        details: { decision_id: decisionId, action: record.action, arm: record.arm, policy_version: record.policyVersion, model_hash: record.modelHash },
      },
      ...(ref === undefined ? {} : { idempotency: { ...ref, status: 201, body } }),
    });
    service.metrics.decisionLatency.observe({ arm: record.arm }, latencyUs / 1e6);
    service.metrics.decisions.inc({ action: record.action, arm: record.arm });
    return { status: 201, body, replayed: false };
  } catch (error) {
    if (ref !== undefined) await releaseIdempotencyKey(service.db, ref);
    throw error;
  }
}
