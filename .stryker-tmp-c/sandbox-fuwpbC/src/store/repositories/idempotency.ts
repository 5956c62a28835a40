// @ts-nocheck
import { createHash } from 'node:crypto';
import type { Queryable } from '../queryable.js';

/**
 * The outcome of claiming an idempotency key:
 * - `claimed`: new (or an abandoned claim taken over): run the request, then `completeIdempotencyKey`
 *   in its transaction, or `releaseIdempotencyKey` if it fails;
 * - `in_progress`: the same request is running now (answer 409);
 * - `done`: it ran before: answer with the stored response;
 * - `mismatch`: the key was used by this principal for a different request (answer 422).
 */
export type IdempotencyClaim =
  | { readonly state: 'claimed' }
  | { readonly state: 'in_progress' }
  | { readonly state: 'mismatch' }
  | { readonly state: 'done'; readonly status: number; readonly body: unknown };

/** Identifies one key: keys are scoped to the principal (user) that sent them. */
export interface IdempotencyKeyRef {
  readonly principal: string;
  readonly key: string;
}

/** SHA-256 hex of the request parts (method, path, canonical body…), joined unambiguously. */
export function hashRequest(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part, 'utf8')}:${part}`, 'utf8');
  return hash.digest('hex');
}

/**
 * Claims `key` for `principal` and `requestHash`. Run it in its own short transaction (or
 * outside one, as a single statement) before the request's transaction, so a concurrent
 * duplicate sees the claim. A claim left `in_progress` for longer than `staleAfterSeconds`
 * (default 60: a crashed request) is taken over by the same request.
 */
export async function claimIdempotencyKey(
  q: Queryable,
  ref: IdempotencyKeyRef & { readonly requestHash: string; readonly staleAfterSeconds?: number },
): Promise<IdempotencyClaim> {
  const stale = ref.staleAfterSeconds ?? 60;
  // Two statements, not one: under READ COMMITTED a statement's SELECT part cannot see a
  // conflicting row committed after the statement began, the next statement can.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const claim = await q.query(
      `INSERT INTO idempotency_keys (principal, key, request_hash, status) VALUES ($1, $2, $3, 'in_progress')
       ON CONFLICT (principal, key) DO UPDATE SET updated_at = now()
        WHERE idempotency_keys.status = 'in_progress' AND idempotency_keys.request_hash = EXCLUDED.request_hash
          AND idempotency_keys.updated_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [ref.principal, ref.key, ref.requestHash, stale],
    );
    if (claim.rows.length === 1) return { state: 'claimed' };
    const { rows } = await q.query<{ status: string; request_hash: string; response_status: number | null; response_body: unknown }>(
      'SELECT status, request_hash, response_status, response_body FROM idempotency_keys WHERE principal = $1 AND key = $2',
      [ref.principal, ref.key],
    );
    const row = rows[0];
    // Released between the two statements: try again.
    if (row === undefined) continue;
    if (row.request_hash !== ref.requestHash) return { state: 'mismatch' };
    if (row.status === 'done') return { state: 'done', status: row.response_status as number, body: row.response_body };
    return { state: 'in_progress' };
  }
  return { state: 'in_progress' };
}

/** Stores the response of a claimed key; call it inside the request's transaction. */
export async function completeIdempotencyKey(q: Queryable, ref: IdempotencyKeyRef & { readonly status: number; readonly body: unknown }): Promise<void> {
  await q.query(
    `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4::jsonb
      WHERE principal = $1 AND key = $2 AND status = 'in_progress'`,
    [ref.principal, ref.key, ref.status, JSON.stringify(ref.body ?? null)],
  );
}

/** Drops a claim whose request failed (nothing was written), so the client may retry. */
export async function releaseIdempotencyKey(q: Queryable, ref: IdempotencyKeyRef): Promise<void> {
  await q.query("DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status = 'in_progress'", [ref.principal, ref.key]);
}

/**
 * Deletes completed keys older than `olderThanSeconds` (default one day: a client retrying later
 * than that gets a new request), and claims abandoned for that long. Returns how many went.
 */
export async function pruneIdempotencyKeys(q: Queryable, olderThanSeconds = 86_400): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM idempotency_keys WHERE updated_at < now() - make_interval(secs => $1)', [olderThanSeconds]);
  return rowCount;
}
