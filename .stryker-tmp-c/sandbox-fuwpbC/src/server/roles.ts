// @ts-nocheck
import { type Principal, ROLES, type Role } from '../store/index.js';

/**
 * Route access. Every route declares `config.access`: the roles allowed to call it, or
 * `'public'` for the few unauthenticated routes (liveness, readiness, the OpenAPI document).
 * `auditor` is read-only: it appears only on GET routes. Roles themselves are the store's.
 */
export type RouteAccess = readonly Role[] | 'public';

/** Every role (reads that any authenticated user may make). */
export const ANY_ROLE: readonly Role[] = ROLES;

/** The authenticated caller attached to a request by the auth hook. */
export type Caller = Principal;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed to call the route, or 'public'. Required on every route (a test checks). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The caller, set by the auth hook on protected routes. */
    caller?: Caller;
  }
}
