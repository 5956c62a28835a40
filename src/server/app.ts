import { randomUUID } from 'node:crypto';
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { CredoError } from '../errors/index.js';
import type { Database, DecisionWriterOptions } from '../store/index.js';
import { workerMetrics, workerRateStore } from './cluster.js';
import { ServiceMetrics } from './metrics.js';
import { bearerDigest, installAuth, type VerifyKey } from './plugins/auth.js';
import { installErrorHandling } from './plugins/errors.js';
import { installMetricsHooks } from './plugins/metrics-hooks.js';
import { installOpenApi, installRouteDefaults, type RouteEntry } from './plugins/openapi.js';
import { installResponseCheck } from './plugins/response-check.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
import { validatorCompiler } from './plugins/validator.js';
import { installWeb } from './plugins/web.js';
import { registerRoutes } from './routes/index.js';
import { Service } from './service.js';

/** Options of `buildApp`; everything but `db` has a production default. */
export interface AppOptions {
  /** An open, migrated database (see src/store). */
  readonly db: Database;
  /** Fastify logger option (default off; `credo serve` turns it on). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Requests per key (or per address without a key) per window; false disables (default 600 per minute). */
  readonly rateLimit?: { readonly max: number; readonly windowMs: number } | false;
  /** Largest JSON body in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Largest upload (model file, policy YAML, CSV) in bytes (default 32 MiB). */
  readonly uploadLimit?: number;
  /** How long a verified API key is trusted without a store lookup, ms (default 10,000). */
  readonly authCacheMs?: number;
  /** Wall clock (tests pass a fixed one). */
  readonly clock?: () => Date;
  /** Version shown in the OpenAPI document. */
  readonly version?: string;
  /** Group commit of decided applications (see `DecisionWriter`; `{ maxBatch: 1 }` writes each on its own). */
  readonly groupCommit?: DecisionWriterOptions;
  /** Check every 2xx answer against its route's declared schema and its serialisation (tests; see plugins/response-check.ts). */
  readonly checkResponses?: boolean;
}

/**
 * Builds the decision service as a Fastify instance without listening (tests call `inject`,
 * `credo serve` calls `listen`): TypeBox schemas on every route (validation, types and the
 * OpenAPI document at `/docs/json`), RFC 9457 errors, bearer-key auth with roles, per-key rate
 * limits, security headers, request ids, Prometheus metrics. The champion model and active policy
 * are loaded (and compiled) once here and reloaded when a model is promoted or a policy activated.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  for (const type of ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/csv']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: options.uploadLimit ?? 32 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  }
  installErrorHandling(app);
  installSecurityHeaders(app);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  installRouteDefaults(app, routeTable);
  const metrics = new ServiceMetrics();
  installMetricsHooks(app, metrics);
  if (options.checkResponses === true) installResponseCheck(app);
  await installOpenApi(app, options.version ?? '1');
  if (options.rateLimit !== false) {
    const limit = options.rateLimit ?? { max: 600, windowMs: 60_000 };
    // with --workers, one count for the whole server (see src/server/cluster-rate-limit.ts)
    const shared = workerRateStore(limit.windowMs);
    if (shared !== undefined) app.addHook('onClose', async () => shared.stop());
    await app.register(rateLimit, {
      max: limit.max,
      timeWindow: limit.windowMs,
      // the plugin constructs its store itself: a constructor that returns the shared one
      ...(shared === undefined
        ? {}
        : {
            store: function SharedStore() {
              return shared.store;
            } as unknown as FastifyRateLimitStoreCtor,
          }),
      // counted by a digest of the key: the secret itself is neither kept in memory nor sent to the primary
      keyGenerator: (request) => {
        const digest = bearerDigest(request);
        return digest === undefined ? `ip:${request.ip}` : `key:${digest}`;
      },
      errorResponseBuilder: (_request, context) =>
        new CredoError('E_HTTP_RATE_LIMITED', { max: context.max, window: `${limit.windowMs / 1000} s`, retryAfter: Math.ceil(context.ttl / 1000) }),
    });
  }
  const service = await Service.open(options.db, clock, metrics, app.log, options.groupCommit);
  app.decorate('service', service);
  const stopWatching = await service.watchRegistry();
  app.addHook('onClose', stopWatching);
  const verifyKey: VerifyKey = (key) => service.verifyKey(key);
  installAuth(app, { verifyKey, cacheMs: options.authCacheMs ?? 10_000, now: () => clock().getTime() });
  // with --workers, /metrics sums every worker's figures (see src/server/cluster-metrics.ts)
  const clustered = workerMetrics(() => service.metricsState());
  if (clustered !== undefined) app.addHook('onClose', async () => clustered.stop());
  await registerRoutes(app, service, {
    uploadLimit: options.uploadLimit ?? 32 * 1024 * 1024,
    metricsOf: clustered?.gather ?? (async () => [service.metricsState()]),
  });
  await installWeb(app);
  return app;
}
