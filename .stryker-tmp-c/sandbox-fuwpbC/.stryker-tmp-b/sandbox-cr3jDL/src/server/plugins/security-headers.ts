// @ts-nocheck
// 
import type { FastifyInstance } from 'fastify';

/** CSP of API responses: nothing may load, nothing may frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** CSP of the bundled API explorer under /docs (its own scripts, styles and images only). */
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Security headers set on every response (OWASP secure-headers): `nosniff`, a CSP with
 * `frame-ancestors 'none'` (plus `X-Frame-Options: DENY` for old browsers), `no-store` on the API
 * (decisions and PII must not sit in caches), `Referrer-Policy: no-referrer`, same-origin resource
 * policy, and the request id as `X-Request-Id`.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const docs = request.url.startsWith('/docs');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', docs ? DOCS_CSP : API_CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!docs) reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    return payload;
  });
}
