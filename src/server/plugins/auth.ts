import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

const digests = new WeakMap<FastifyRequest, string | undefined>();

/**
 * The SHA-256 (base64) of a request's bearer token, or undefined without one: computed once a
 * request and shared by the rate limiter (its counting key) and the auth hook (its cache key), so
 * neither holds the secret itself.
 */
export function bearerDigest(request: FastifyRequest): string | undefined {
  if (digests.has(request)) return digests.get(request);
  const key = bearerToken(request.headers.authorization);
  const digest = key === undefined ? undefined : createHash('sha256').update(key).digest('base64');
  digests.set(request, digest);
  return digest;
}

/**
 * Authentication and authorisation in one `onRequest` hook, so it runs before the body is parsed
 * or validated: every route declares `config.access` (roles or 'public'); a protected route
 * without a valid `Authorization: Bearer <key>` gets 401, with a key of another role 403.
 * Verified keys are cached for `cacheMs` (keyed by their SHA-256, never the key itself).
 */
export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  const cache = new Map<string, { caller: Caller; until: number }>();
  const lookUp = singleFlightLookup(options, cache);
  app.addHook('onRequest', async (request) => {
    // No route matched (404/405 handler): nothing to protect. A route that forgot to declare its
    // access fails closed: no role may call it.
    if (request.routeOptions.url === undefined) return;
    const access = request.routeOptions.config?.access ?? [];
    if (access === 'public') return;
    const key = bearerToken(request.headers.authorization);
    if (key === undefined) throw new CredoError('E_AUTH_KEY_MISSING');
    const digest = bearerDigest(request) as string;
    const now = options.now();
    const cached = cache.get(digest);
    const fresh = cached !== undefined && cached.until >= now ? cached : undefined;
    const caller = fresh?.caller ?? (await lookUp(digest, key));
    if (caller === undefined) throw new CredoError('E_AUTH_KEY_INVALID');
    if (fresh !== undefined && fresh.until - now < options.cacheMs / 5) {
      // Refresh ahead: in the last fifth of its life a key in use is verified again in the
      // background, so it never expires under load (every request in flight would otherwise look
      // it up at once and wait). Until then the still-valid entry answers; a failure is retried by
      // the next request.
      lookUp(digest, key).catch(() => undefined);
    }
    request.caller = caller;
    if (!access.includes(caller.role)) {
      throw new CredoError('E_AUTH_FORBIDDEN', {
        role: caller.role,
        method: request.method,
        route: request.routeOptions.url,
        allowed: access.join(', '),
      });
    }
  });
}

/**
 * `verifyKey` with at most one store lookup per key at a time (requests that need the same key
 * meanwhile share its answer), caching what it finds for `cacheMs` from the moment it asked and
 * forgetting a key the store no longer knows.
 */
function singleFlightLookup(
  options: AuthOptions,
  cache: Map<string, { caller: Caller; until: number }>,
): (digest: string, key: string) => Promise<Caller | undefined> {
  const pending = new Map<string, Promise<Caller | undefined>>();
  return (digest, key) => {
    const running = pending.get(digest);
    if (running !== undefined) return running;
    const asked = options.now();
    const lookup = options
      .verifyKey(key)
      .then((found) => {
        if (found === undefined) cache.delete(digest);
        else if (options.cacheMs > 0) {
          if (cache.size > 10_000) cache.clear();
          cache.set(digest, { caller: found, until: asked + options.cacheMs });
        }
        return found;
      })
      .finally(() => pending.delete(digest));
    pending.set(digest, lookup);
    return lookup;
  };
}
