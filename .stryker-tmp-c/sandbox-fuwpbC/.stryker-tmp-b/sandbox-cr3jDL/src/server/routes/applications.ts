// @ts-nocheck
// 
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CredoError } from '../../errors/index.js';
import { getApplication, listApplications, listDecisionsOfApplication } from '../../store/index.js';
import { decisionJson } from '../decision-json.js';
import { overrideDecision } from '../override-decision.js';
import {
  ApplicationDetail,
  ApplicationInput,
  ApplicationItem,
  ApplicationListQuery,
  Decision,
  OverrideInput,
  SubmitHeaders,
  SubmitResponse,
} from '../schemas/applications.js';
import { IdParams, pageOf } from '../schemas/common.js';
import type { Service } from '../service.js';
import { submitApplication } from '../submit-application.js';

/** Applications: submit (decided in the request), list, get with decisions, manual override. */
export function applicationRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/applications',
    {
      config: { access: ['admin', 'loan_officer'] },
      schema: {
        tags: ['applications'],
        summary: 'Submit an application and get its explained decision',
        description:
          'Decided in the request by the active policy and the champion model (or the challenger on its share of traffic). ' +
          '`Idempotency-Key`: a repeat returns the stored response, a concurrent duplicate gets 409, a reuse with another body 422.',
        headers: SubmitHeaders,
        body: ApplicationInput,
        response: { 201: SubmitResponse },
      },
    },
    async (request, reply) => {
      const result = await submitApplication(service, request.body, request.caller!, request.id, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  );

  api.get(
    '/api/v1/applications',
    {
      config: { access: ['admin', 'loan_officer', 'risk_analyst', 'auditor'] },
      schema: {
        tags: ['applications'],
        summary: 'List applications, newest first',
        querystring: ApplicationListQuery,
        response: { 200: pageOf(ApplicationItem) },
      },
    },
    async (request) => {
      const page = await listApplications(service.db, { limit: request.query.limit, offset: request.query.offset, action: request.query.action });
      return { items: page.items.map(applicationItemJson), total: page.total };
    },
  );

  api.get(
    '/api/v1/applications/:id',
    {
      config: { access: ['admin', 'loan_officer', 'risk_analyst', 'auditor'] },
      schema: { tags: ['applications'], summary: 'One application with its input and decisions', params: IdParams, response: { 200: ApplicationDetail } },
    },
    async (request) => {
      const application = await getApplication(service.db, request.params.id);
      if (application === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'application', id: request.params.id });
      const decisions = (await listDecisionsOfApplication(service.db, application.id)).map(decisionJson);
      const current = decisions.find((d) => d.id === application.decisionId) ?? null;
      return { ...applicationItemJson(application), data: application.input, decision: current, decisions };
    },
  );

  api.post(
    '/api/v1/applications/:id/override',
    {
      config: { access: ['admin', 'loan_officer'] },
      schema: {
        tags: ['applications'],
        summary: 'Override the decision manually (reason required; audited)',
        params: IdParams,
        body: OverrideInput,
        response: { 201: Decision },
      },
    },
    async (request, reply) => {
      const decision = await overrideDecision(service, request.params.id, request.body, request.caller!, request.id);
      return reply.code(201).send(decisionJson(decision));
    },
  );
}

/** The list form of an application row. */
function applicationItemJson(a: {
  id: string;
  externalId: string | null;
  customerId: string | null;
  action: string | null;
  decisionId: string | null;
  createdAt: Date;
}) {
  return { id: a.id, external_id: a.externalId, customer_id: a.customerId, action: a.action, decision_id: a.decisionId, created_at: a.createdAt.toISOString() };
}
