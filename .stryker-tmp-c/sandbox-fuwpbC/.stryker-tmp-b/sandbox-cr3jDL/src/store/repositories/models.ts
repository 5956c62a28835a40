// @ts-nocheck
// 
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../queryable.js';
import { Conditions, isUuid, pageOf } from './page.js';
import { notifyRegistryChange } from './registry-changes.js';

/** Where a model stands: `candidate` (registered), `champion` (exactly one decides), `challenger` (decides `share` of traffic), `retired`. */
export type ModelStatus = 'candidate' | 'champion' | 'challenger' | 'retired';

/** A registry entry; `body` (the model file text, byte for byte) only when asked for. */
export interface ModelEntry {
  readonly id: string;
  /** The model file's SHA-256 (hex). */
  readonly hash: string;
  readonly kind: string;
  readonly name: string | null;
  readonly metrics: Record<string, unknown>;
  readonly status: ModelStatus;
  /** Challenger's share of traffic in (0, 1); null otherwise. */
  readonly share: number | null;
  readonly uploadedBy: string | null;
  readonly promotedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly body?: string;
}

interface ModelRow {
  id: string;
  hash: string;
  kind: string;
  name: string | null;
  metrics: Record<string, unknown>;
  status: ModelStatus;
  share: string | null;
  uploaded_by: string | null;
  promoted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  body?: string;
}

const COLUMNS = 'id, hash, kind, name, metrics, status, share, uploaded_by, promoted_at, created_at, updated_at';
// Promotions of different requests take turns, so "retire the old champion, crown the new one"
// never races into two champions (the unique index would refuse it) or none.
const PROMOTE_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':credo-models'))";

function toModel(row: ModelRow): ModelEntry {
  return {
    id: row.id,
    hash: row.hash,
    kind: row.kind,
    name: row.name,
    metrics: row.metrics,
    status: row.status,
    share: row.share === null ? null : Number(row.share),
    uploadedBy: row.uploaded_by,
    promotedAt: row.promoted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.body === undefined ? {} : { body: row.body }),
  };
}

/** Registers a model file as a `candidate`. A second file with the same hash is `E_STORE_DUPLICATE`. */
export async function insertModel(
  q: Queryable,
  input: { hash: string; kind: string; name?: string | null; metrics?: Readonly<Record<string, unknown>>; body: string; uploadedBy: string | null },
): Promise<ModelEntry> {
  const { rows } = await q.query<ModelRow>(
    `INSERT INTO models (id, hash, kind, name, metrics, body, uploaded_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING ${COLUMNS}`,
    [randomUUID(), input.hash, input.kind, input.name ?? null, JSON.stringify(input.metrics ?? {}), input.body, input.uploadedBy],
  );
  return toModel(rows[0] as ModelRow);
}

/** A registry entry with its model file text. */
export type ModelWithBody = ModelEntry & { readonly body: string };

/** One model by id (with its file text when `withBody`), or undefined. */
export async function getModel(q: Queryable, id: string, options: { withBody: true }): Promise<ModelWithBody | undefined>;
export async function getModel(q: Queryable, id: string, options?: { withBody?: boolean }): Promise<ModelEntry | undefined>;
export async function getModel(q: Queryable, id: string, options: { withBody?: boolean } = {}): Promise<ModelEntry | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<ModelRow>(`SELECT ${COLUMNS}${options.withBody ? ', body' : ''} FROM models WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toModel(rows[0]);
}

/** One model by its file hash, or undefined. */
export async function getModelByHash(q: Queryable, hash: string): Promise<ModelEntry | undefined> {
  const { rows } = await q.query<ModelRow>(`SELECT ${COLUMNS} FROM models WHERE hash = $1`, [hash]);
  return rows[0] === undefined ? undefined : toModel(rows[0]);
}

/** Models newest first (bounded page), optionally of one status, with the total. */
export async function listModels(
  q: Queryable,
  filter: { status?: ModelStatus; limit?: number; offset?: number } = {},
): Promise<{ items: ModelEntry[]; total: number }> {
  const c = new Conditions();
  if (filter.status !== undefined) c.add('status = ?', filter.status);
  const count = await q.query<{ n: string }>(`SELECT count(*) AS n FROM models ${c.where}`, [...c.params]);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  const { rows } = await q.query<ModelRow>(
    `SELECT ${COLUMNS} FROM models ${c.where} ORDER BY created_at DESC, id DESC LIMIT ${c.param(limit)} OFFSET ${c.param(offset)}`,
    c.params,
  );
  return { items: rows.map(toModel), total: Number(count.rows[0]?.n ?? 0) };
}

/** The champion, or undefined when none is promoted yet. */
export async function getChampion(q: Queryable, options: { withBody?: boolean } = {}): Promise<ModelEntry | undefined> {
  const { rows } = await q.query<ModelRow>(`SELECT ${COLUMNS}${options.withBody ? ', body' : ''} FROM models WHERE status = 'champion'`);
  return rows[0] === undefined ? undefined : toModel(rows[0]);
}

/** The challenger, or undefined. */
export async function getChallenger(q: Queryable, options: { withBody?: boolean } = {}): Promise<ModelEntry | undefined> {
  const { rows } = await q.query<ModelRow>(`SELECT ${COLUMNS}${options.withBody ? ', body' : ''} FROM models WHERE status = 'challenger'`);
  return rows[0] === undefined ? undefined : toModel(rows[0]);
}

/**
 * Promotes a model to `champion` (the previous champion is retired; there is always at most
 * one) or to `challenger` with `share` of traffic in (0, 1) (the previous challenger is
 * retired). A challenger promoted to champion loses its share. Returns the promoted model, or
 * undefined for an unknown id. Run it in a transaction.
 */
export async function promoteModel(q: Queryable, id: string, role: 'champion' | 'challenger', share?: number): Promise<ModelEntry | undefined> {
  if (!isUuid(id)) return undefined;
  await q.query(PROMOTE_LOCK);
  const exists = await q.query<{ id: string }>('SELECT id FROM models WHERE id = $1', [id]);
  if (exists.rows.length === 0) return undefined;
  await q.query("UPDATE models SET status = 'retired', share = NULL WHERE status = $1 AND id <> $2", [role, id]);
  const { rows } = await q.query<ModelRow>(`UPDATE models SET status = $2, share = $3, promoted_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [
    id,
    role,
    role === 'challenger' ? String(share ?? 0.1) : null,
  ]);
  await notifyRegistryChange(q);
  return rows[0] === undefined ? undefined : toModel(rows[0]);
}

/** Retires a model (it stops deciding; its decisions stay replayable). Undefined for an unknown id. */
export async function retireModel(q: Queryable, id: string): Promise<ModelEntry | undefined> {
  if (!isUuid(id)) return undefined;
  await q.query(PROMOTE_LOCK);
  const { rows } = await q.query<ModelRow>(`UPDATE models SET status = 'retired', share = NULL WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
  await notifyRegistryChange(q);
  return rows[0] === undefined ? undefined : toModel(rows[0]);
}
