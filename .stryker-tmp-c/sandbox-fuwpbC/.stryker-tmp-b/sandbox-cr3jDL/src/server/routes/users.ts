// @ts-nocheck
// 
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { appendAudit, createUser } from '../../store/index.js';
import { UserCreated, UserInput } from '../schemas/registry.js';
import type { Service } from '../service.js';

/** `POST /api/v1/users` (admin): creates a user with one API key, returned this once. */
export function userRoutes(app: FastifyInstance, service: Service): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], summary: 'Create a user and its API key (shown once)', body: UserInput, response: { 201: UserCreated } },
    },
    async (request, reply) => {
      const body = request.body;
      const caller = request.caller!;
      const created = await service.db.transaction(async (tx) => {
        const made = await createUser(tx, { name: body.name, role: body.role });
        await appendAudit(tx, {
          actorId: caller.userId,
          actorRole: caller.role,
          action: 'user.create',
          entity: 'user',
          entityId: made.user.id,
          requestId: request.id,
          details: { name: body.name, role: body.role, key_prefix: made.key.prefix },
        });
        return made;
      });
      return reply.code(201).send({ id: created.user.id, name: created.user.name, role: created.user.role, key: created.key.key });
    },
  );
}
