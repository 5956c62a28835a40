// @ts-nocheck
// 
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../queryable.js';

/** The roles of the service (docs/service.md): what each may do is declared per route. */
export const ROLES = ['admin', 'risk_analyst', 'loan_officer', 'auditor'] as const;
/** A role. `auditor` is read-only. */
export type Role = (typeof ROLES)[number];

/** A user as stored. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Who a verified key belongs to: what auth hands to every route. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly keyId: string;
}

/** A new API key: `key` is the plaintext, returned once and never stored. */
export interface IssuedKey {
  readonly id: string;
  readonly prefix: string;
  readonly key: string;
}

interface UserRow {
  id: string;
  name: string;
  role: Role;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const USER_COLUMNS = 'id, name, role, disabled_at, created_at, updated_at';
// credo_<16 hex: public lookup prefix>_<43 base64url: 256-bit secret>
const KEY_PATTERN = /^credo_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, role: row.role, disabledAt: row.disabled_at, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** SHA-256 (hex) of a key's full text. A plain hash suffices: the secret has 256 random bits. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Creates a user with one API key; the plaintext key is in the result only. */
export async function createUser(q: Queryable, input: { name: string; role: Role }): Promise<{ user: User; key: IssuedKey }> {
  const { rows } = await q.query<UserRow>(`INSERT INTO users (id, name, role) VALUES ($1, $2, $3) RETURNING ${USER_COLUMNS}`, [
    randomUUID(),
    input.name,
    input.role,
  ]);
  const user = toUser(rows[0] as UserRow);
  return { user, key: await createApiKey(q, user.id) };
}

/** Issues another API key for a user: `credo_<prefix>_<secret>`; only its prefix and SHA-256 are stored. */
export async function createApiKey(q: Queryable, userId: string): Promise<IssuedKey> {
  const id = randomUUID();
  const prefix = randomBytes(8).toString('hex');
  const key = `credo_${prefix}_${randomBytes(32).toString('base64url')}`;
  await q.query('INSERT INTO api_keys (id, user_id, prefix, key_hash) VALUES ($1, $2, $3, $4)', [id, userId, prefix, hashApiKey(key)]);
  return { id, prefix, key };
}

/**
 * The principal of a presented key, or undefined when the key is malformed, unknown, revoked
 * or its user disabled. Looks the key up by its prefix, then compares SHA-256 digests in
 * constant time.
 */
export async function verifyApiKey(q: Queryable, key: string): Promise<Principal | undefined> {
  const match = KEY_PATTERN.exec(key);
  if (match === null) return undefined;
  const { rows } = await q.query<{ key_id: string; key_hash: string; user_id: string; name: string; role: Role }>(
    `SELECT k.id AS key_id, k.key_hash, u.id AS user_id, u.name, u.role
       FROM api_keys k JOIN users u ON u.id = k.user_id
      WHERE k.prefix = $1 AND k.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [match[1]],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(row.key_hash, 'hex');
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented)) return undefined;
  return { userId: row.user_id, name: row.name, role: row.role, keyId: row.key_id };
}

/** Revokes a key (kept for the audit trail); false when it was unknown or already revoked. */
export async function revokeApiKey(q: Queryable, keyId: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [keyId]);
  return rowCount === 1;
}

/** One user, or undefined. */
export async function getUser(q: Queryable, id: string): Promise<User | undefined> {
  const { rows } = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toUser(rows[0]);
}

/** Every user, oldest first (a handful per lender, so no paging). */
export async function listUsers(q: Queryable): Promise<User[]> {
  const { rows } = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, id`);
  return rows.map(toUser);
}
