import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  isTrainingReference,
  PSI_THRESHOLDS,
  pdOfInputs,
  shapOfInputs,
  stabilityReport,
  type ValidationSample,
  validationPerformance,
} from '../../decision/index.js';
import { CredoError } from '../../errors/index.js';
import { recentApplicationInputs } from '../../store/index.js';
import { IdParams } from '../schemas/common.js';
import { PerformanceResponse, ShapResponse, StabilityResponse } from '../schemas/model-insight.js';
import type { Service } from '../service.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;

/** A registered model or 404. */
async function modelOf(service: Service, id: string) {
  const bound = await service.model(id);
  if (bound === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'model', id });
  return bound.model;
}

/** The active policy (inputs are encoded as its decisions encode them) or 409. */
function activePolicy(service: Service) {
  const setup = service.current();
  if (setup === undefined) throw new CredoError('E_HTTP_NOT_CONFIGURED', { problem: 'register and promote a champion model and activate a policy first' });
  return setup.context.policy;
}

/** Whether `value` looks like the plain JSON `credo start` stores (arrays of numbers). */
function isSample(value: unknown): value is ValidationSample {
  const v = value as ValidationSample | undefined;
  return typeof v === 'object' && v !== null && Array.isArray(v.pd) && Array.isArray(v.bad) && v.pd.length === v.bad.length && v.pd.length > 0;
}

/**
 * Read-only model monitoring for the Models page: discrimination and calibration on the
 * validation sample a model carries (`metrics.validation_sample`), the stability (PSI of the PD,
 * CSI of each input; thresholds 0.1 and 0.25) of recent applications against the training
 * distributions it carries (`metrics.training_reference`), and SHAP values of recent
 * applications (summary and dependence). Sizes are bounded so a request stays fast.
 */
export function modelInsightRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/models/:id/performance',
    {
      config: { access: READERS },
      schema: {
        tags: ['models'],
        summary: 'ROC (with AUC, KS), gains/lift and calibration of a model on its validation sample; available false when it carries none',
        params: IdParams,
        response: { 200: PerformanceResponse },
      },
    },
    async (request) => {
      const model = await modelOf(service, request.params.id);
      const sample = model.metrics.validation_sample;
      if (!isSample(sample)) return { available: false as const };
      return { available: true as const, ...validationPerformance(sample) };
    },
  );

  api.get(
    '/api/v1/models/:id/stability',
    {
      config: { access: READERS },
      schema: {
        tags: ['models'],
        summary: 'PSI of the PD and CSI of each input: the most recent applications against the training data (0.1 investigate, 0.25 shifted)',
        params: IdParams,
        querystring: Type.Object({ rows: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000, default: 1000 })) }),
        response: { 200: StabilityResponse },
      },
    },
    async (request) => {
      const model = await modelOf(service, request.params.id);
      const reference = model.metrics.training_reference;
      if (!isTrainingReference(reference)) return { available: false as const, thresholds: PSI_THRESHOLDS };
      const policy = activePolicy(service);
      const rows = await recentApplicationInputs(service.db, request.query.rows ?? 1000);
      const report = stabilityReport(reference, rows, pdOfInputs(policy, model, rows));
      return { available: true as const, thresholds: PSI_THRESHOLDS, training_rows: reference.rows, recent_rows: rows.length, ...report };
    },
  );

  api.get(
    '/api/v1/models/:id/shap',
    {
      config: { access: READERS },
      schema: {
        tags: ['models'],
        summary: 'SHAP values (log-odds contributions) of the most recent applications: mean |SHAP| per input and one point per application and input',
        params: IdParams,
        querystring: Type.Object({ rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })) }),
        response: { 200: ShapResponse },
      },
    },
    async (request) => {
      const model = await modelOf(service, request.params.id);
      const policy = activePolicy(service);
      const rows = await recentApplicationInputs(service.db, request.query.rows ?? 200);
      return shapOfInputs(policy, model, rows);
    },
  );
}
