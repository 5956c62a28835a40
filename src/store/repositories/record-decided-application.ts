import type { DecisionRecord } from '../../decision/index.js';
import type { Queryable } from '../queryable.js';
import type { AuditInput } from './audit.js';
import { DECISION_INSERT_COLUMNS, decisionPlaceholders, decisionRow, decisionValues } from './decisions.js';

/** Everything one decided submission writes (ids made by the caller, so the response is known before the write). */
export interface DecidedApplication {
  readonly application: {
    readonly id: string;
    readonly externalId?: string | null;
    readonly customerId?: string | null;
    /** The data exactly as submitted. */
    readonly input: Readonly<Record<string, unknown>>;
    readonly submittedBy: string | null;
  };
  /** The decision that answered (`record.applicationId` must be `application.id`). */
  readonly decision: { readonly id: string; readonly record: DecisionRecord; readonly latencyUs?: number };
  /** The champion's decision when the challenger answered. */
  readonly shadow?: { readonly id: string; readonly record: DecisionRecord };
  readonly audit: AuditInput;
  /** A claimed idempotency key to complete with the response, in the same commit. */
  readonly idempotency?: { readonly principal: string; readonly key: string; readonly status: number; readonly body: unknown };
}

/**
 * Writes a decided application in ONE statement: the application (with its current action and
 * decision), the decision, the shadow decision if any, the audit entry and the completed
 * idempotency key, as data-modifying CTEs. A single statement is atomic on its own, and costs
 * one round trip (one queue slot on PGlite) instead of six; foreign keys between the new rows are
 * checked at the end of the statement. Errors as in the single-row repositories
 * (`E_STORE_DUPLICATE` for a repeated external id, `E_STORE_REFERENCE` for an unknown customer).
 */
export async function recordDecidedApplication(q: Queryable, w: DecidedApplication): Promise<void> {
  const params: unknown[] = [];
  const add = (...values: unknown[]): number => {
    const offset = params.length;
    params.push(...values);
    return offset;
  };
  const app = add(
    w.application.id,
    w.application.externalId ?? null,
    w.application.customerId ?? null,
    JSON.stringify(w.application.input),
    w.application.submittedBy,
    w.decision.record.action,
    w.decision.id,
  );
  const main = add(...decisionValues({ kind: 'automatic', ...w.decision }));
  const parts = [
    `a AS (INSERT INTO applications (id, external_id, customer_id, input, submitted_by, action, decision_id)
       VALUES ($${app + 1}::uuid, $${app + 2}, $${app + 3}::uuid, $${app + 4}::jsonb, $${app + 5}::uuid, $${app + 6}, $${app + 7}::uuid))`,
    `d AS (INSERT INTO decisions (${DECISION_INSERT_COLUMNS}) VALUES ${decisionPlaceholders(main)})`,
  ];
  if (w.shadow !== undefined) {
    const shadow = add(...decisionValues({ kind: 'shadow', shadowOf: w.decision.id, ...w.shadow }));
    parts.push(`s AS (INSERT INTO decisions (${DECISION_INSERT_COLUMNS}) VALUES ${decisionPlaceholders(shadow)})`);
  }
  const e = w.audit;
  const audit = add(e.actorId, e.actorRole, e.action, e.entity, e.entityId ?? null, e.requestId ?? null, JSON.stringify(e.details ?? {}));
  parts.push(
    `l AS (INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, request_id, details)
       VALUES ($${audit + 1}::uuid, $${audit + 2}, $${audit + 3}, $${audit + 4}, $${audit + 5}, $${audit + 6}, $${audit + 7}::jsonb))`,
  );
  if (w.idempotency !== undefined) {
    const k = w.idempotency;
    const key = add(k.principal, k.key, k.status, JSON.stringify(k.body ?? null));
    parts.push(
      `k AS (UPDATE idempotency_keys SET status = 'done', response_status = $${key + 3}::integer, response_body = $${key + 4}::jsonb
         WHERE principal = $${key + 1}::uuid AND key = $${key + 2} AND status = 'in_progress')`,
    );
  }
  await q.query(`WITH ${parts.join(',\n')}\nSELECT 1`, params);
}

// The batch form reads each table's rows from one JSON array parameter (jsonb_to_recordset), so its
// text — and its prepared statement — is the same for any batch size. Batches without an
// idempotency key (most traffic) take the text without the key update, so the statement does not
// open idempotency_keys and its indexes for nothing.
const BATCH_ROWS = `WITH a AS (
  INSERT INTO applications (id, external_id, customer_id, input, submitted_by, action, decision_id)
  SELECT id, external_id, customer_id, input, submitted_by, action, decision_id
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, external_id text, customer_id uuid, input jsonb, submitted_by uuid, action text, decision_id uuid)),
d AS (
  INSERT INTO decisions (${DECISION_INSERT_COLUMNS})
  SELECT id, application_id, kind, shadow_of, action, pd, score, reasons, limit_amount, currency, rate, policy_id, policy_version,
         coalesce(model_id, (SELECT m.id FROM models m WHERE m.hash = r.model_hash)), model_hash, arm, rules_fired, input_snapshot, as_of,
         details, latency_us, decided_by, reason
    FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, application_id uuid, kind text, shadow_of uuid, action text, pd float8, score float8,
         reasons jsonb, limit_amount numeric, currency text, rate numeric, policy_id uuid, policy_version integer, model_id uuid,
         model_hash text, arm text, rules_fired jsonb, input_snapshot jsonb, as_of date, details jsonb, latency_us integer,
         decided_by uuid, reason text)),
l AS (
  INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, request_id, details)
  SELECT actor_id, actor_role, action, entity, entity_id, request_id, details
    FROM jsonb_to_recordset($3::jsonb) AS r(actor_id uuid, actor_role text, action text, entity text, entity_id text, request_id text, details jsonb))`;
const BATCH = `${BATCH_ROWS}
SELECT 1`;
const BATCH_WITH_KEYS = `${BATCH_ROWS},
k AS (
  UPDATE idempotency_keys k SET status = 'done', response_status = r.status, response_body = r.body
    FROM jsonb_to_recordset($4::jsonb) AS r(principal uuid, key text, status integer, body jsonb)
   WHERE k.principal = r.principal AND k.key = r.key AND k.status = 'in_progress')
SELECT 1`;

/**
 * Writes several decided applications in ONE statement (group commit): what
 * `recordDecidedApplication` writes for each, as four multi-row inserts/updates fed by JSON arrays.
 * All or nothing: one bad row (a repeated external id, an unknown customer) fails the whole
 * statement, so callers retry the rows one by one to isolate it (`DecisionWriter` does).
 */
export async function recordDecidedApplications(q: Queryable, batch: readonly DecidedApplication[]): Promise<void> {
  const applications: unknown[] = [];
  const decisions: unknown[] = [];
  const audit: unknown[] = [];
  const keys: unknown[] = [];
  for (const w of batch) {
    applications.push({
      id: w.application.id,
      external_id: w.application.externalId ?? null,
      customer_id: w.application.customerId ?? null,
      input: w.application.input,
      submitted_by: w.application.submittedBy,
      action: w.decision.record.action,
      decision_id: w.decision.id,
    });
    decisions.push(decisionRow({ kind: 'automatic', ...w.decision }));
    if (w.shadow !== undefined) decisions.push(decisionRow({ kind: 'shadow', shadowOf: w.decision.id, ...w.shadow }));
    const e = w.audit;
    audit.push({
      actor_id: e.actorId,
      actor_role: e.actorRole,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId ?? null,
      request_id: e.requestId ?? null,
      details: e.details ?? {},
    });
    if (w.idempotency !== undefined) {
      const k = w.idempotency;
      keys.push({ principal: k.principal, key: k.key, status: k.status, body: k.body ?? null });
    }
  }
  const rows = [JSON.stringify(applications), JSON.stringify(decisions), JSON.stringify(audit)];
  await (keys.length === 0 ? q.query(BATCH, rows) : q.query(BATCH_WITH_KEYS, [...rows, JSON.stringify(keys)]));
}
