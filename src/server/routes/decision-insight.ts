import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { type Arm, applicationCounterfactual, explainApplication, featureStats, type InputValue } from '../../decision/index.js';
import { CredoError } from '../../errors/index.js';
import { getDecision, getShadowDecision, recentApplicationInputs } from '../../store/index.js';
import { activeRules } from '../../strategy/index.js';
import { decisionSummary } from '../decision-json.js';
import { IdParams } from '../schemas/common.js';
import { CounterfactualResponse, DecisionPathResponse, ExplainResponse } from '../schemas/decision-insight.js';
import type { Service } from '../service.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;
/** POST routes: the auditor, read-only by rule, does not get them. */
const DECIDERS = ['admin', 'loan_officer', 'risk_analyst'] as const;
/** Recent applications the counterfactual's scales and ranges are measured on. */
const STATS_SAMPLE = 2000;

const Data = Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]));
const ArmField = Type.Optional(Type.Union([Type.Literal('champion'), Type.Literal('challenger')]));

/** The current setup or 409 `E_HTTP_NOT_CONFIGURED`. */
function currentContext(service: Service) {
  const setup = service.current();
  if (setup === undefined) throw new CredoError('E_HTTP_NOT_CONFIGURED', { problem: 'register and promote a champion model and activate a policy first' });
  return setup.context;
}

/** A bound as JSON: an unbounded side (±∞, which JSON cannot hold) as null. */
function finiteOrNull(bound: number): number | null {
  return Number.isFinite(bound) ? bound : null;
}

/** Problem paths of the decision layer's issues under `/body/data`. */
function underData(error: unknown): never {
  if (error instanceof CredoError && error.code === 'E_INPUT_VALIDATION') {
    const details = error.details as { summary?: string; issues?: { path: (string | number)[]; message: string }[] };
    if (details.issues !== undefined)
      throw new CredoError('E_INPUT_VALIDATION', {
        summary: `data: ${details.summary ?? ''}`,
        issues: details.issues.map((i) => ({ ...i, path: ['body', 'data', ...i.path] })),
      });
  }
  throw error;
}

/**
 * What the Decide page shows beyond the decision: the contributions behind it (the reason codes'
 * waterfall), the counterfactual "what would get this approved" (the engine of
 * `credo explain --counterfactual`), and a stored decision's path through the policy with the
 * champion's shadow decision. All write nothing.
 */
export function decisionInsightRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/decisions/explain',
    {
      config: { access: DECIDERS },
      schema: {
        tags: ['decisions'],
        summary: 'Contributions of each input to the PD (log-odds) of application data on an arm: expected value + Σ contributions = margin',
        body: Type.Object({ data: Data, arm: ArmField }, { additionalProperties: false }),
        response: { 200: ExplainResponse },
      },
    },
    async (request) => {
      const context = currentContext(service);
      let result: ReturnType<typeof explainApplication>;
      try {
        result = explainApplication(request.body.data as Record<string, InputValue>, context, (request.body.arm ?? 'champion') as Arm);
      } catch (error) {
        underData(error);
      }
      return {
        arm: result.arm,
        method: result.method,
        expected_value: result.expectedValue,
        margin: result.margin,
        pd: result.pd,
        contributions: result.contributions.map((c) => ({ feature: c.feature, value: c.value, contribution: c.contribution })),
      };
    },
  );

  api.post(
    '/api/v1/decisions/counterfactual',
    {
      config: { access: DECIDERS },
      schema: {
        tags: ['decisions'],
        summary: 'The cheapest change of actionable inputs that brings the PD below the policy cutoff, and the decision on the changed data',
        body: Type.Object(
          {
            data: Data,
            arm: ArmField,
            actionable: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
            cutoff: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: CounterfactualResponse },
      },
    },
    async (request) => {
      const context = currentContext(service);
      const { data, arm = 'champion', actionable, cutoff } = request.body;
      const stats = featureStats(
        await recentApplicationInputs(service.db, STATS_SAMPLE),
        context.champion.model.schema.columns.filter((c) => c.type === 'number').map((c) => c.name),
      );
      let cf: Awaited<ReturnType<typeof applicationCounterfactual>>;
      try {
        cf = await applicationCounterfactual(data as Record<string, InputValue>, context, arm, stats, {
          ...(actionable === undefined ? {} : { actionable }),
          ...(cutoff === undefined ? {} : { cutoff }),
        });
      } catch (error) {
        if (error instanceof CredoError && error.code === 'E_EXPLAIN_ACTIONABLE')
          throw new CredoError('E_INPUT_VALIDATION', {
            summary: `actionable: ${error.message}`,
            issues: [{ path: ['body', 'actionable'], message: error.message }],
          });
        underData(error);
      }
      return {
        arm: cf.arm,
        cutoff: cf.cutoff,
        found: cf.found,
        pd_before: cf.pdBefore,
        pd_after: cf.pdAfter,
        cost: cf.cost,
        changes: cf.changes.map((c) => ({ ...c })),
        constraints: cf.constraints.map((c) => ({
          feature: c.feature,
          direction: c.direction,
          lower: finiteOrNull(c.lower),
          upper: finiteOrNull(c.upper),
          source: c.source,
        })),
        decision: cf.decision === null ? null : { ...decisionSummary(cf.decision.applicationId, cf.decision), rules_fired: [...cf.decision.rulesFired] },
      };
    },
  );

  api.get(
    '/api/v1/decisions/:id/path',
    {
      config: { access: READERS },
      schema: {
        tags: ['decisions'],
        summary: "A decision's path through its policy version: every rule in order with whether it held and which one decided, and the champion's shadow",
        params: IdParams,
        response: { 200: DecisionPathResponse },
      },
    },
    async (request) => {
      const d = await getDecision(service.db, request.params.id);
      if (d === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'decision', id: request.params.id });
      const policy = d.policyId === null ? undefined : await service.policy(d.policyId);
      const fired = new Set(d.rulesFired);
      const rules = policy === undefined ? [] : activeRules(policy.policy.strategy);
      const decider = rules.find((r) => fired.has(r.id))?.id ?? null;
      const steps = rules.map((r) => ({ id: r.id, when: r.when, action: r.action, held: fired.has(r.id), decided: r.id === decider }));
      // limits.min and pricing.cap come after the rules: they only apply to an approval
      for (const id of ['limits.min', 'pricing.cap']) if (fired.has(id)) steps.push({ id, when: id, action: d.action, held: true, decided: decider === null });
      const shadow = d.arm === 'challenger' && d.kind === 'automatic' ? await getShadowDecision(service.db, d.id) : undefined;
      return {
        id: d.id,
        kind: d.kind,
        arm: d.arm,
        action: d.action,
        policy: policy === undefined ? null : { id: policy.id, name: policy.name, version: policy.version },
        steps,
        shadow:
          shadow === undefined
            ? null
            : {
                id: shadow.id,
                action: shadow.action,
                pd: shadow.pd,
                score: shadow.score,
                limit: shadow.limit,
                rate: shadow.rate,
                model_hash: shadow.modelHash,
              },
      };
    },
  );
}
