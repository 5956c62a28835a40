// @ts-nocheck
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listAudit, verifyAudit } from '../../store/index.js';
import { pageOf, Timestamp } from '../schemas/common.js';
import type { Service } from '../service.js';

const AuditEntry = Type.Object({
  seq: Type.String(),
  at: Timestamp,
  actor_id: Type.Union([Type.String(), Type.Null()]),
  actor_role: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entity_id: Type.Union([Type.String(), Type.Null()]),
  request_id: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  chain_pos: Type.Union([Type.String(), Type.Null()]),
  hash: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
    entity: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    entity_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** The audit log for auditors and admins: entries newest first, and a chain verification. */
export function auditRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/audit',
    {
      config: { access: ['admin', 'auditor'] },
      schema: { tags: ['audit'], summary: 'Audit log entries, newest first', querystring: AuditQuery, response: { 200: pageOf(AuditEntry) } },
    },
    async (request) => {
      const q = request.query;
      const page = await listAudit(service.db, {
        limit: q.limit,
        offset: q.offset,
        ...(q.entity === undefined ? {} : { entity: q.entity }),
        ...(q.entity_id === undefined ? {} : { entityId: q.entity_id }),
      });
      return {
        total: page.total,
        items: page.items.map((e) => ({
          seq: e.seq,
          at: e.at.toISOString(),
          actor_id: e.actorId,
          actor_role: e.actorRole,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId,
          request_id: e.requestId,
          details: e.details,
          chain_pos: e.chainPos,
          hash: e.hash,
        })),
      };
    },
  );

  api.get(
    '/api/v1/audit/verify',
    {
      config: { access: ['admin', 'auditor'] },
      schema: {
        tags: ['audit'],
        summary: 'Seal pending entries and verify the hash chain (as `credo audit verify`)',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer(),
            first_bad: Type.Union([Type.String(), Type.Null()]),
            head: Type.String(),
            unsealed: Type.Integer(),
          }),
        },
      },
    },
    async () => {
      const v = await verifyAudit(service.db);
      return { ok: v.ok, entries: v.entries, first_bad: v.first_bad, head: v.head, unsealed: v.unsealed };
    },
  );
}
