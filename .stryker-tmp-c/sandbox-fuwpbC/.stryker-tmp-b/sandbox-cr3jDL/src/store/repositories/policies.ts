// @ts-nocheck
// 
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../queryable.js';
import { Conditions, isUuid, pageOf } from './page.js';
import { notifyRegistryChange } from './registry-changes.js';

/** A registered policy (strategy YAML); `yaml` only from `getPolicy`/`getActivePolicy`. */
export interface PolicyEntry {
  readonly id: string;
  readonly name: string;
  /** 1, 2, … per name, assigned on registration. */
  readonly version: number;
  /** SHA-256 (hex) of the YAML text. */
  readonly hash: string;
  readonly effectiveFrom: Date;
  readonly active: boolean;
  readonly createdBy: string | null;
  readonly activatedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly yaml?: string;
}

interface PolicyRow {
  id: string;
  name: string;
  version: number;
  hash: string;
  effective_from: Date;
  active: boolean;
  created_by: string | null;
  activated_at: Date | null;
  created_at: Date;
  updated_at: Date;
  yaml?: string;
}

const COLUMNS = 'id, name, version, hash, effective_from, active, created_by, activated_at, created_at, updated_at';
const POLICY_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':credo-policies'))";

function toPolicy(row: PolicyRow): PolicyEntry {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    hash: row.hash,
    effectiveFrom: row.effective_from,
    active: row.active,
    createdBy: row.created_by,
    activatedAt: row.activated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.yaml === undefined ? {} : { yaml: row.yaml }),
  };
}

/**
 * Registers a new version of a policy (the next number for its name, default `default`),
 * inactive until `activatePolicy`. The YAML is stored as given. Run it in a transaction: the
 * version is assigned under an advisory lock.
 */
export async function insertPolicy(q: Queryable, input: { yaml: string; name?: string; effectiveFrom?: Date; createdBy: string | null }): Promise<PolicyEntry> {
  await q.query(POLICY_LOCK);
  const { rows } = await q.query<PolicyRow>(
    `INSERT INTO policies (id, name, version, yaml, hash, effective_from, created_by)
     SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, coalesce($5::timestamptz, now()), $6 FROM policies WHERE name = $2
     RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      input.name ?? 'default',
      input.yaml,
      createHash('sha256').update(input.yaml, 'utf8').digest('hex'),
      input.effectiveFrom?.toISOString() ?? null,
      input.createdBy,
    ],
  );
  return toPolicy(rows[0] as PolicyRow);
}

/** A policy with its YAML text. */
export type PolicyWithYaml = PolicyEntry & { readonly yaml: string };

/** One policy with its YAML, or undefined. */
export async function getPolicy(q: Queryable, id: string): Promise<PolicyWithYaml | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<PolicyRow>(`SELECT ${COLUMNS}, yaml FROM policies WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : (toPolicy(rows[0]) as PolicyWithYaml);
}

/** The active policy with its YAML, or undefined when none is active. */
export async function getActivePolicy(q: Queryable): Promise<PolicyWithYaml | undefined> {
  const { rows } = await q.query<PolicyRow>(`SELECT ${COLUMNS}, yaml FROM policies WHERE active`);
  return rows[0] === undefined ? undefined : (toPolicy(rows[0]) as PolicyWithYaml);
}

/** Policies newest first (bounded page, without YAML), optionally of one name, with the total. */
export async function listPolicies(
  q: Queryable,
  filter: { name?: string; limit?: number; offset?: number } = {},
): Promise<{ items: PolicyEntry[]; total: number }> {
  const c = new Conditions();
  if (filter.name !== undefined) c.add('name = ?', filter.name);
  const count = await q.query<{ n: string }>(`SELECT count(*) AS n FROM policies ${c.where}`, [...c.params]);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  const { rows } = await q.query<PolicyRow>(
    `SELECT ${COLUMNS} FROM policies ${c.where} ORDER BY created_at DESC, id DESC LIMIT ${c.param(limit)} OFFSET ${c.param(offset)}`,
    c.params,
  );
  return { items: rows.map(toPolicy), total: Number(count.rows[0]?.n ?? 0) };
}

/** Makes a policy the active one (the previous one is deactivated); undefined for an unknown id. Run it in a transaction. */
export async function activatePolicy(q: Queryable, id: string): Promise<PolicyEntry | undefined> {
  if (!isUuid(id)) return undefined;
  await q.query(POLICY_LOCK);
  const exists = await q.query<{ id: string }>('SELECT id FROM policies WHERE id = $1', [id]);
  if (exists.rows.length === 0) return undefined;
  await q.query('UPDATE policies SET active = false WHERE active AND id <> $1', [id]);
  const { rows } = await q.query<PolicyRow>(
    `UPDATE policies SET active = true, activated_at = CASE WHEN active THEN activated_at ELSE now() END WHERE id = $1 RETURNING ${COLUMNS}`,
    [id],
  );
  await notifyRegistryChange(q);
  return rows[0] === undefined ? undefined : toPolicy(rows[0]);
}
