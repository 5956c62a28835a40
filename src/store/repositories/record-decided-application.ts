import type { DecisionRecord } from '../../decision/index.js';
import type { Queryable } from '../queryable.js';
import type { AuditInput } from './audit.js';
import { DECISION_INSERT_COLUMNS, decisionPlaceholders, decisionValues } from './decisions.js';

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
