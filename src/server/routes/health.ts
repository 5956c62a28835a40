import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { type MetricsState, renderMetrics } from '../metrics.js';
import type { Service } from '../service.js';

const Health = Type.Object({ status: Type.Literal('ok') });
const Ready = Type.Object({
  ready: Type.Boolean(),
  database: Type.Boolean(),
  champion: Type.Union([Type.String(), Type.Null()], { description: 'hash of the champion model' }),
  policy: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer() }), Type.Null()]),
});

/**
 * `GET /health` (liveness, public), `GET /ready` (public: 200 when the database answers and a
 * champion model and an active policy are loaded, else 503 with the same body) and `GET /metrics`
 * (Prometheus text of `metricsOf()`: this process's figures, or every worker's in a cluster; roles
 * admin, risk_analyst and auditor: a scraper uses an auditor key).
 */
export function healthRoutes(app: FastifyInstance, service: Service, metricsOf: () => Promise<readonly MetricsState[]>): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/health', { config: { access: 'public' }, schema: { tags: ['service'], summary: 'Liveness', response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));
  api.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: { tags: ['service'], summary: 'Readiness: database, champion model, active policy', response: { 200: Ready, 503: Ready } },
    },
    async (_request, reply) => {
      const database = await service.databaseReachable();
      const current = service.current();
      const body = {
        ready: database && current !== undefined,
        database,
        champion: current?.champion.hash ?? null,
        policy: current === undefined ? null : { id: current.policy.id, name: current.policy.name, version: current.policy.version },
      };
      return reply.code(body.ready ? 200 : 503).send(body);
    },
  );
  api.get(
    '/metrics',
    {
      config: { access: ['admin', 'risk_analyst', 'auditor'] },
      schema: {
        tags: ['service'],
        summary: 'Prometheus metrics',
        response: { 200: { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: Type.String() } } } },
      },
    },
    async (_request, reply) => {
      const text = renderMetrics(await metricsOf());
      return reply.type('text/plain; version=0.0.4').send(text);
    },
  );
}
