import type { Queryable } from '../queryable.js';
import { Conditions, isUuid, pageOf } from './page.js';
import type { Role } from './users.js';

/** What a command appends to the audit log (in its own transaction, beside the change it records). */
export interface AuditInput {
  /** The user acting; null for the system (CLI bootstrap, scheduled jobs). */
  readonly actorId: string | null;
  readonly actorRole: Role | 'system';
  /** Dotted verb, lower case, e.g. `application.create`, `model.promote`. */
  readonly action: string;
  /** The kind of object acted on, e.g. `application`. */
  readonly entity: string;
  readonly entityId?: string | null;
  readonly requestId?: string | null;
  /** Anything else worth keeping (never secrets or full national ids). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** An audit entry as stored, with its seal; `chainPos` and `hash` are null until the sealer reaches it. */
export interface AuditEntry {
  readonly seq: string;
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly requestId: string | null;
  readonly details: Record<string, unknown>;
  readonly chainPos: string | null;
  readonly hash: string | null;
}

interface AuditRow {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  chain_pos: string | null;
  hash: string | null;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    requestId: row.request_id,
    details: row.details,
    chainPos: row.chain_pos,
    hash: row.hash,
  };
}

/**
 * Appends one entry; returns its sequence number (a decimal string: `bigint`). The entry is
 * unsealed until `sealAudit` chains it; it commits or rolls back with the caller's transaction.
 */
export async function appendAudit(q: Queryable, entry: AuditInput): Promise<string> {
  const { rows } = await q.query<{ seq: string }>(
    `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, request_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING seq`,
    [entry.actorId, entry.actorRole, entry.action, entry.entity, entry.entityId ?? null, entry.requestId ?? null, JSON.stringify(entry.details ?? {})],
  );
  return (rows[0] as { seq: string }).seq;
}

/** Filters of `listAudit`; a bounded page (see `pageOf`), newest first. */
export interface AuditFilter {
  readonly entity?: string;
  readonly entityId?: string;
  readonly actorId?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Entries matching the filter, newest first, with the total count. */
export async function listAudit(q: Queryable, filter: AuditFilter = {}): Promise<{ items: AuditEntry[]; total: number }> {
  if (filter.actorId !== undefined && !isUuid(filter.actorId)) return { items: [], total: 0 };
  const c = new Conditions();
  if (filter.entity !== undefined) c.add('entity = ?', filter.entity);
  if (filter.entityId !== undefined) c.add('entity_id = ?', filter.entityId);
  if (filter.actorId !== undefined) c.add('actor_id = ?::uuid', filter.actorId);
  const count = await q.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log ${c.where}`, [...c.params]);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  const page = await q.query<AuditRow>(
    `SELECT a.seq, a.at, a.actor_id, a.actor_role, a.action, a.entity, a.entity_id, a.request_id, a.details, s.chain_pos, encode(s.hash, 'hex') AS hash
       FROM (SELECT * FROM audit_log ${c.where} ORDER BY seq DESC LIMIT ${c.param(limit)} OFFSET ${c.param(offset)}) a
       LEFT JOIN audit_seals s ON s.seq = a.seq ORDER BY a.seq DESC`,
    c.params,
  );
  return { items: page.rows.map(toEntry), total: Number(count.rows[0]?.n ?? 0) };
}
