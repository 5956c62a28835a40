// @ts-nocheck
// 
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CredoError } from '../../errors/index.js';
import { parseModel } from '../../io/model-file.js';
import { appendAudit, getModel, insertModel, listModels, promoteModel } from '../../store/index.js';
import { IdParams, pageOf } from '../schemas/common.js';
import { Model, ModelCreated, ModelFileBody, PromoteInput } from '../schemas/registry.js';
import type { Service } from '../service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The raw text of a model-file upload (kept byte for byte in the registry). */
    rawModelText?: string;
  }
}

/**
 * Model registry: register a Credo model file (refused with 422 `E_MODEL_TAMPERED` when its
 * content does not match its own SHA-256, `E_MODEL_FORMAT`/`E_MODEL_VERSION` when it is not a
 * readable model), list, and promote to champion or challenger (the decision setup is reloaded).
 * Runs in its own plugin context so its JSON parser can keep the uploaded text.
 */
export async function modelRoutes(app: FastifyInstance, options: { service: Service; uploadLimit: number }): Promise<void> {
  const { service } = options;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: options.uploadLimit }, (request, text, done) => {
    try {
      request.rawModelText = text as string;
      done(null, JSON.parse(text as string));
    } catch (error) {
      done(new CredoError('E_HTTP_MALFORMED_BODY', { problem: (error as Error).message }), undefined);
    }
  });
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/models',
    {
      config: { access: ['admin', 'risk_analyst'] },
      bodyLimit: options.uploadLimit,
      schema: { tags: ['models'], summary: 'Register a Credo model file (as `credo train` writes it)', body: ModelFileBody, response: { 201: ModelCreated } },
    },
    async (request, reply) => {
      const text = request.rawModelText ?? JSON.stringify(request.body);
      const model = parseModel(text, 'upload');
      const caller = request.caller!;
      const row = await service.db.transaction(async (tx) => {
        const inserted = await insertModel(tx, { hash: request.body.sha256, kind: model.kind, metrics: model.metrics, body: text, uploadedBy: caller.userId });
        await appendAudit(tx, {
          actorId: caller.userId,
          actorRole: caller.role,
          action: 'model.register',
          entity: 'model',
          entityId: inserted.id,
          requestId: request.id,
          details: { hash: inserted.hash, kind: inserted.kind },
        });
        return inserted;
      });
      return reply.code(201).send({ id: row.id, hash: row.hash, kind: row.kind, status: row.status });
    },
  );

  api.get(
    '/api/v1/models',
    {
      config: { access: ['admin', 'risk_analyst', 'auditor'] },
      schema: { tags: ['models'], summary: 'List registered models, newest first', response: { 200: pageOf(Model) } },
    },
    async () => {
      const page = await listModels(service.db);
      return { items: page.items.map(modelJson), total: page.total };
    },
  );

  api.post(
    '/api/v1/models/:id/promote',
    {
      config: { access: ['admin', 'risk_analyst'] },
      schema: {
        tags: ['models'],
        summary: 'Promote a model to champion or challenger (share of traffic, default 0.1)',
        params: IdParams,
        body: PromoteInput,
        response: { 200: Model },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const share = request.body.role === 'challenger' ? (request.body.share ?? 0.1) : undefined;
      // Parse before promoting: a stored file that no longer loads must not become the champion.
      if ((await service.model(request.params.id)) === undefined)
        throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'model', id: request.params.id });
      const row = await service.db.transaction(async (tx) => {
        const promoted = await promoteModel(tx, request.params.id, request.body.role, share);
        if (promoted === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'model', id: request.params.id });
        await appendAudit(tx, {
          actorId: caller.userId,
          actorRole: caller.role,
          action: 'model.promote',
          entity: 'model',
          entityId: promoted.id,
          requestId: request.id,
          details: { role: request.body.role, share: share ?? null, hash: promoted.hash },
        });
        return promoted;
      });
      await service.reload();
      return modelJson(row);
    },
  );

  api.get(
    '/api/v1/models/:id',
    {
      config: { access: ['admin', 'risk_analyst', 'auditor'] },
      schema: { tags: ['models'], summary: 'One registered model', params: IdParams, response: { 200: Model } },
    },
    async (request) => {
      const row = await getModel(service.db, request.params.id);
      if (row === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'model', id: request.params.id });
      return modelJson(row);
    },
  );
}

function modelJson(m: {
  id: string;
  hash: string;
  kind: string;
  status: 'candidate' | 'champion' | 'challenger' | 'retired';
  share: string | number | null;
  metrics: Record<string, unknown>;
  uploadedBy: string | null;
  promotedAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: m.id,
    hash: m.hash,
    kind: m.kind,
    status: m.status,
    share: m.share === null ? null : Number(m.share),
    metrics: m.metrics,
    uploaded_by: m.uploadedBy,
    promoted_at: m.promotedAt?.toISOString() ?? null,
    created_at: m.createdAt.toISOString(),
  };
}
