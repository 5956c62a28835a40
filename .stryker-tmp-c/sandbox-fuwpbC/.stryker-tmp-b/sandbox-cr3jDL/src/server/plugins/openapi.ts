// @ts-nocheck
// 
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { RouteAccess } from '../roles.js';
import { problemResponse } from '../schemas/common.js';

/** One registered route and who may call it (undefined = the route forgot to declare it). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its declared access (tests enumerate it). */
    routeTable: readonly RouteEntry[];
  }
}

/**
 * Completes every route's schema before it is compiled, so the OpenAPI document states what the
 * server really does: protected routes get the bearer security requirement and every route its
 * problem+json error responses. The routes of the API explorer (`/docs…`) are marked public here;
 * every other route must declare `config.access` itself.
 */
export function installRouteDefaults(app: FastifyInstance, table: RouteEntry[]): void {
  app.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method])
      table.push({ method, url: route.url, access: route.url.startsWith('/docs') ? 'public' : route.config?.access });
    if (route.url.startsWith('/docs')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    const response = { ...(schema.response as Record<string, unknown> | undefined), '4xx': problemResponse, '5xx': problemResponse };
    const security = route.config?.access === 'public' ? {} : { security: [{ bearer: [] }] };
    route.schema = { ...schema, response, ...security };
  });
}

/** Serves the OpenAPI 3.1 document generated from the route schemas at `/docs/json` and the bundled explorer at `/docs`. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Credo decision service',
        version,
        description: 'Explained credit decisions, model and policy registry, audit. Errors are RFC 9457 problem+json with a catalogue code.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API key from `credo users add`' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: false });
}
