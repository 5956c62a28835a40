import type { FastifyReply, FastifyRequest } from 'fastify';
import { CredoError } from '../../errors/index.js';
import { canonicalJson } from '../../io/model-file.js';
import { claimIdempotencyKey, completeIdempotencyKey, hashRequest, releaseIdempotencyKey, type Transaction } from '../../store/index.js';
import type { Caller } from '../roles.js';
import type { Service } from '../service.js';

/**
 * Runs a money command once per `Idempotency-Key` (as `submitApplication` does): the key is
 * claimed before the command's transaction, completed with the response inside it (so the
 * response is stored exactly when the postings are), released when the command fails. A repeat
 * returns the stored response (`replayed`), a concurrent duplicate is 409, a reuse with another
 * body 422.
 */
async function runIdempotent<T>(
  service: Service,
  caller: Caller,
  key: string | undefined,
  request: { method: string; path: string; body: unknown },
  status: number,
  command: (tx: Transaction) => Promise<T>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  const ref = key === undefined ? undefined : { principal: caller.userId, key };
  if (ref !== undefined) {
    const claim = await claimIdempotencyKey(service.db, {
      ...ref,
      requestHash: hashRequest(request.method, request.path, canonicalJson(request.body ?? null)),
    });
    if (claim.state === 'done') return { status: claim.status, body: claim.body as T, replayed: true };
    if (claim.state === 'in_progress') throw new CredoError('E_HTTP_IDEMPOTENCY_IN_PROGRESS', { key });
    if (claim.state === 'mismatch') throw new CredoError('E_HTTP_IDEMPOTENCY_MISMATCH', { key });
  }
  try {
    const body = await service.db.transaction(async (tx) => {
      const result = await command(tx);
      if (ref !== undefined) await completeIdempotencyKey(tx, { ...ref, status, body: result });
      return result;
    });
    return { status, body, replayed: false };
  } catch (error) {
    if (ref !== undefined) await releaseIdempotencyKey(service.db, ref);
    throw error;
  }
}

/**
 * Answers a money POST through `runIdempotent`: the caller's `Idempotency-Key` header, the request's
 * method, path and body as the request hash, then `status` and the (first) body. A replayed answer —
 * by key, or by an `external_id` the command recognised (`replayed: true` in the body) — carries the
 * `idempotent-replayed: true` header.
 */
export async function answerIdempotent<T>(
  service: Service,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  command: (tx: Transaction) => Promise<T>,
): Promise<FastifyReply> {
  const key = request.headers['idempotency-key'];
  const result = await runIdempotent(
    service,
    request.caller as Caller,
    typeof key === 'string' ? key : undefined,
    { method: request.method, path: request.url, body: request.body },
    status,
    command,
  );
  const body = result.body as { replayed?: unknown } | null;
  if (result.replayed || (typeof body === 'object' && body !== null && body.replayed === true)) reply.header('idempotent-replayed', 'true');
  return reply.code(result.status).send(result.body);
}
