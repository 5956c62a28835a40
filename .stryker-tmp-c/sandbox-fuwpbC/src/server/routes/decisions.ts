// @ts-nocheck
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CredoError } from '../../errors/index.js';
import { getDecision } from '../../store/index.js';
import { decisionJson, decisionSummary } from '../decision-json.js';
import { replayStoredDecision } from '../replay-stored-decision.js';
import { Decision, ReplayResponse } from '../schemas/applications.js';
import { IdParams } from '../schemas/common.js';
import type { Service } from '../service.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;

/** Decisions: get one, and replay it (re-decide from its input snapshot with its stored model and policy versions). */
export function decisionRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/decisions/:id',
    {
      config: { access: READERS },
      schema: { tags: ['decisions'], summary: 'One decision with its reasons, rules fired and input snapshot', params: IdParams, response: { 200: Decision } },
    },
    async (request) => {
      const decision = await getDecision(service.db, request.params.id);
      if (decision === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'decision', id: request.params.id });
      return decisionJson(decision);
    },
  );

  api.get(
    '/api/v1/decisions/:id/replay',
    {
      config: { access: ['admin', 'risk_analyst', 'auditor'] },
      schema: {
        tags: ['decisions'],
        summary: 'Replay a decision with its stored model and policy versions; `identical` is a bit-for-bit comparison',
        params: IdParams,
        response: { 200: Type.Object({ ...ReplayResponse.properties, differences: Type.Array(Type.String()) }) },
      },
    },
    async (request) => {
      const result = await replayStoredDecision(service, request.params.id);
      return {
        identical: result.identical,
        stored: decisionSummary(request.params.id, result.stored),
        replayed: decisionSummary(request.params.id, result.replayed),
        differences: [...result.differences],
      };
    },
  );
}
