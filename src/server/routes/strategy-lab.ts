import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { applicationInputs, labData, type PolicyIssue, safeParsePolicy, strategyLift, strategySwapset } from '../../decision/index.js';
import { CredoError, formatPath } from '../../errors/index.js';
import { recentApplicationOutcomes } from '../../store/index.js';
import { StrategyCheckResponse, StrategyLiftResponse, StrategySwapsetResponse } from '../schemas/strategy.js';
import type { Service } from '../service.js';

/** Policy authors: the roles that may register policies. */
const AUTHORS = ['admin', 'risk_analyst'] as const;
const YAML_MAX = 200_000;
const Yaml = Type.String({ minLength: 1, maxLength: YAML_MAX });
/**
 * The largest body a schema-valid request can be: the YAML at its maximum length with every
 * character written as a `\uXXXX\uXXXX` surrogate pair (12 bytes), plus the other fields. Under
 * the server's 1 MB default a valid YAML was refused 413, and an overlong one too where the schema
 * promises a 400 naming the field (schemathesis ST201).
 */
const BODY_LIMIT = YAML_MAX * 12 + 4096;
const Rows = Type.Optional(Type.Integer({ minimum: 10, maximum: 5000, default: 2000 }));

/** A policy issue for the editor: YAML path, message, and 1-based line and column when known. */
function issueJson(i: PolicyIssue) {
  const located = i as PolicyIssue & { line?: number; column?: number };
  return {
    field: formatPath(i.path) || '(document)',
    message: i.message,
    ...(located.line === undefined ? {} : { line: located.line, column: located.column ?? 1 }),
  };
}

/** The parsed policy of `yaml` or a 422 `E_STRATEGY_FILE_INVALID` listing every issue with its line and column. */
function parsed(yaml: string) {
  const result = safeParsePolicy(yaml, 'editor');
  if (result.ok) return result.value;
  const errors = (result.issues ?? []).map(issueJson);
  throw new CredoError('E_STRATEGY_FILE_INVALID', {
    file: 'editor',
    summary: errors.map((e) => (e.line === undefined ? e.message : `line ${e.line}, column ${e.column}: ${e.message}`)).join('; '),
    errors,
  });
}

/**
 * The strategy lab: check an edited policy (every issue with its line and column, for carets in
 * the editor), its sequential lift on recent applications, and the swap set of the active policy
 * against it with a reject-inference method for the rows without an outcome. Outcomes are what the
 * book knows (a loan written off or ever an NPA is bad); PDs are the champion's. Writes nothing:
 * promoting an edited policy is `POST /api/v1/policies` then `POST /api/v1/policies/:id/activate`
 * (role-checked and audited there).
 */
export function strategyLabRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const data = async (rows: number) => {
    const setup = service.current();
    if (setup === undefined) throw new CredoError('E_HTTP_NOT_CONFIGURED', { problem: 'register and promote a champion model and activate a policy first' });
    const applications = await recentApplicationOutcomes(service.db, rows);
    return { setup, lab: labData(applicationInputs(setup.context), applications, setup.context.policy, setup.champion.model) };
  };

  api.post(
    '/api/v1/strategy/check',
    {
      config: { access: AUTHORS },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['policies'],
        summary: 'Check policy YAML without registering it: ok, or every issue with its YAML path, line and column',
        body: Type.Object({ yaml: Yaml }, { additionalProperties: false }),
        response: { 200: StrategyCheckResponse },
      },
    },
    async (request) => {
      const result = safeParsePolicy(request.body.yaml, 'editor');
      if (result.ok) return { ok: true as const, name: result.value.strategy.name, rules: result.value.strategy.rules.length, issues: [] };
      return { ok: false as const, issues: (result.issues ?? []).map(issueJson) };
    },
  );

  api.post(
    '/api/v1/strategy/lift',
    {
      config: { access: AUTHORS },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['policies'],
        summary: "Sequential lift of a policy's rules (cutoff last) on the most recent applications: touched, bad rate hit and remaining, lift, capture",
        body: Type.Object({ yaml: Yaml, rows: Rows }, { additionalProperties: false }),
        response: { 200: StrategyLiftResponse },
      },
    },
    async (request) => {
      const policy = parsed(request.body.yaml);
      const { lab } = await data(request.body.rows ?? 2000);
      const report = strategyLift(policy.strategy, lab);
      return {
        strategy: policy.strategy.name,
        rows: lab.frame.rowCount,
        with_outcome: lab.withOutcome,
        primary: report.primary,
        lift: report.segments.ALL ?? [],
      };
    },
  );

  api.post(
    '/api/v1/strategy/swapset',
    {
      config: { access: AUTHORS },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['policies'],
        summary: 'Swap set of the active policy (old) against edited YAML (new) on recent applications, rows without an outcome inferred',
        body: Type.Object(
          {
            yaml: Yaml,
            inference: Type.Union([Type.Literal('none'), Type.Literal('score-band'), Type.Literal('parcel'), Type.Literal('fuzzy')], { default: 'score-band' }),
            rows: Rows,
          },
          { additionalProperties: false },
        ),
        response: { 200: StrategySwapsetResponse },
      },
    },
    async (request) => {
      const policy = parsed(request.body.yaml);
      const { setup, lab } = await data(request.body.rows ?? 2000);
      const report = strategySwapset(setup.context.policy.strategy, policy.strategy, lab, request.body.inference ?? 'score-band');
      return {
        current: { ...setup.policy },
        edited: policy.strategy.name,
        rows: lab.frame.rowCount,
        with_outcome: lab.withOutcome,
        inference: report.inference,
        table: report.segments.ALL!,
      };
    },
  );
}
