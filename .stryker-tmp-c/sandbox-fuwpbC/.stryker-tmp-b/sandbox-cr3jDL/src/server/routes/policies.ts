// @ts-nocheck
// 
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { safeParsePolicy } from '../../decision/index.js';
import { CredoError, formatPath } from '../../errors/index.js';
import { activatePolicy, appendAudit, getPolicy, insertPolicy, listPolicies } from '../../store/index.js';
import { IdParams, pageOf } from '../schemas/common.js';
import { Policy, PolicyCreated, PolicyYaml } from '../schemas/registry.js';
import type { Service } from '../service.js';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/**
 * Policy registry: register decision-policy YAML (validated; every problem comes back as a
 * problem+json error with its YAML path, line and column), list, get (with the text), activate
 * (the decision setup is reloaded). Versions are numbered per policy name.
 */
export function policyRoutes(app: FastifyInstance, service: Service, uploadLimit: number): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/policies',
    {
      config: { access: ['admin', 'risk_analyst'] },
      bodyLimit: uploadLimit,
      schema: {
        tags: ['policies'],
        summary: 'Register a decision policy (YAML, content-type application/yaml)',
        body: { content: Object.fromEntries(YAML_TYPES.map((t) => [t, { schema: PolicyYaml }])) } as unknown as typeof PolicyYaml,
        response: { 201: PolicyCreated },
      },
    },
    async (request, reply) => {
      const type =
        String(request.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase() ?? '';
      if (!YAML_TYPES.includes(type) || typeof request.body !== 'string') throw new CredoError('E_HTTP_MEDIA_TYPE', { contentType: type });
      const text = request.body;
      const parsed = safeParsePolicy(text, 'upload');
      if (!parsed.ok) {
        const issues = (parsed.issues ?? []) as readonly { path: readonly (string | number)[]; message: string; line?: number; column?: number }[];
        const errors = issues.map((i) => ({
          field: formatPath(i.path) || '(document)',
          message: i.line === undefined ? i.message : `line ${i.line}, column ${i.column ?? 1}: ${i.message}`,
          ...(i.line === undefined ? {} : { line: i.line, column: i.column ?? 1 }),
        }));
        throw new CredoError('E_STRATEGY_FILE_INVALID', { file: 'upload', summary: errors.map((e) => e.message).join('; '), errors });
      }
      const caller = request.caller!;
      const row = await service.db.transaction(async (tx) => {
        const inserted = await insertPolicy(tx, { name: parsed.value.strategy.name, yaml: text, createdBy: caller.userId });
        await appendAudit(tx, {
          actorId: caller.userId,
          actorRole: caller.role,
          action: 'policy.register',
          entity: 'policy',
          entityId: inserted.id,
          requestId: request.id,
          details: { name: inserted.name, version: inserted.version, hash: inserted.hash },
        });
        return inserted;
      });
      return reply.code(201).send({ id: row.id, version: row.version, name: row.name });
    },
  );

  api.get(
    '/api/v1/policies',
    {
      config: { access: ['admin', 'risk_analyst', 'auditor'] },
      schema: { tags: ['policies'], summary: 'List registered policies, newest first', response: { 200: pageOf(Policy) } },
    },
    async () => {
      const page = await listPolicies(service.db);
      return { items: page.items.map(policyJson), total: page.total };
    },
  );

  api.get(
    '/api/v1/policies/:id',
    {
      config: { access: ['admin', 'risk_analyst', 'auditor'] },
      schema: {
        tags: ['policies'],
        summary: 'One policy with its YAML text',
        params: IdParams,
        response: { 200: Type.Object({ ...Policy.properties, yaml: Type.String() }) },
      },
    },
    async (request) => {
      const row = await getPolicy(service.db, request.params.id);
      if (row === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'policy', id: request.params.id });
      return { ...policyJson(row), yaml: row.yaml };
    },
  );

  api.post(
    '/api/v1/policies/:id/activate',
    {
      config: { access: ['admin', 'risk_analyst'] },
      schema: { tags: ['policies'], summary: 'Make this policy the one decisions use', params: IdParams, response: { 200: Policy } },
    },
    async (request) => {
      const caller = request.caller!;
      if ((await service.policy(request.params.id)) === undefined)
        throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'policy', id: request.params.id });
      const row = await service.db.transaction(async (tx) => {
        const activated = await activatePolicy(tx, request.params.id);
        if (activated === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'policy', id: request.params.id });
        await appendAudit(tx, {
          actorId: caller.userId,
          actorRole: caller.role,
          action: 'policy.activate',
          entity: 'policy',
          entityId: activated.id,
          requestId: request.id,
          details: { name: activated.name, version: activated.version },
        });
        return activated;
      });
      await service.reload();
      return policyJson(row);
    },
  );
}

function policyJson(p: {
  id: string;
  name: string;
  version: number;
  hash: string;
  active: boolean;
  effectiveFrom: Date;
  activatedAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: p.id,
    name: p.name,
    version: p.version,
    hash: p.hash,
    active: p.active,
    effective_from: p.effectiveFrom.toISOString(),
    activated_at: p.activatedAt?.toISOString() ?? null,
    created_at: p.createdAt.toISOString(),
  };
}
