// @ts-nocheck
// 
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CredoError } from '../../errors/index.js';
import type { Caller } from '../roles.js';

/** Looks an API key up: the caller it belongs to, or undefined when it is unknown or revoked. */
export type VerifyKey = (key: string) => Promise<Caller | undefined>;

/** Options of the auth hook. */
export interface AuthOptions {
  readonly verifyKey: VerifyKey;
  /** How long a verified key is trusted without asking the store again, ms (0 = always ask). */
  readonly cacheMs: number;
  /** Clock in ms (tests pass a fixed one). */
  readonly now: () => number;
}

/** The bearer token of an `Authorization` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+([\x21-\x7e]{1,512})\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Authentication and authorisation in one `onRequest` hook, so it runs before the body is parsed
 * or validated: every route declares `config.access` (roles or 'public'); a protected route
 * without a valid `Authorization: Bearer <key>` gets 401, with a key of another role 403.
 * Verified keys are cached for `cacheMs` (keyed by their SHA-256, never the key itself).
 */
export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  const cache = new Map<string, { caller: Caller; until: number }>();
  app.addHook('onRequest', async (request) => {
    // No route matched (404/405 handler): nothing to protect. A route that forgot to declare its
    // access fails closed: no role may call it.
    if (request.routeOptions.url === undefined) return;
    const access = request.routeOptions.config?.access ?? [];
    if (access === 'public') return;
    const key = bearerToken(request.headers.authorization);
    if (key === undefined) throw new CredoError('E_AUTH_KEY_MISSING');
    const digest = createHash('sha256').update(key).digest('base64');
    const now = options.now();
    let caller = cache.get(digest);
    if (caller === undefined || caller.until < now) {
      const found = await options.verifyKey(key);
      if (found === undefined) {
        cache.delete(digest);
        throw new CredoError('E_AUTH_KEY_INVALID');
      }
      caller = { caller: found, until: now + options.cacheMs };
      if (options.cacheMs > 0) {
        if (cache.size > 10_000) cache.clear();
        cache.set(digest, caller);
      }
    }
    request.caller = caller.caller;
    if (!access.includes(caller.caller.role)) {
      throw new CredoError('E_AUTH_FORBIDDEN', {
        role: caller.caller.role,
        method: request.method,
        route: request.routeOptions.url,
        allowed: access.join(', '),
      });
    }
  });
}
