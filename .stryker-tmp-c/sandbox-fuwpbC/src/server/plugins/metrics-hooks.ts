// @ts-nocheck
import type { FastifyInstance } from 'fastify';
import type { ServiceMetrics } from '../metrics.js';

/** Records every response in the request-duration histogram, labelled by route pattern (bounded cardinality). */
export function installMetricsHooks(app: FastifyInstance, metrics: ServiceMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
