import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { applicationInputs, decideApplication, type InputValue, validateApplicationData } from '../../decision/index.js';
import { CredoError } from '../../errors/index.js';
import { LOAN_STATES } from '../../servicing/index.js';
import { getApplication, listApplications, listLoans } from '../../store/index.js';
import { decisionSummary } from '../decision-json.js';
import { PreviewResponse } from '../schemas/decision-insight.js';
import { LoanListResponse } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { money } from './loans-json.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;
/** Preview is a POST: the auditor, read-only by rule, does not get it. */
const DECIDERS = ['admin', 'loan_officer', 'risk_analyst'] as const;
const PREVIEW_ID = '00000000-0000-0000-0000-000000000000';

/** The current setup or 409 `E_HTTP_NOT_CONFIGURED`. */
function currentSetup(service: Service) {
  const setup = service.current();
  if (setup === undefined) throw new CredoError('E_HTTP_NOT_CONFIGURED', { problem: 'register and promote a champion model and activate a policy first' });
  return setup;
}

/**
 * What the dashboard needs to build its application form and its what-if panel:
 * `GET /api/v1/setup` (the active policy, champion and challenger, every input a submission
 * must carry with its type and categories, and an example: the most recent approved application's data) and `POST /api/v1/decisions/preview` (decide `data`
 * with the current setup exactly as a submission would, writing nothing: no application, no
 * decision, no audit entry), and `GET /api/v1/loans` (the loan book, newest first, with the figures
 * of the last daily close).
 */
export function dashboardRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/setup',
    {
      config: { access: READERS },
      schema: {
        tags: ['decisions'],
        summary: 'The active policy, the champion and challenger models, and the inputs a submission carries',
        response: {
          200: Type.Object({
            policy: Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer() }),
            champion: Type.Object({ id: Type.String(), kind: Type.String(), hash: Type.String() }),
            challenger: Type.Union([Type.Object({ id: Type.String(), kind: Type.String(), hash: Type.String(), share: Type.Number() }), Type.Null()]),
            inputs: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), categories: Type.Optional(Type.Array(Type.String())) })),
            example: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
              description: 'the data of the most recent approved application (the form starts from it), null when there is none',
            }),
          }),
        },
      },
    },
    async () => {
      const setup = currentSetup(service);
      const ch = setup.challenger;
      const latest = (await listApplications(service.db, { action: 'approve', limit: 1 })).items[0];
      const example = latest === undefined ? null : ((await getApplication(service.db, latest.id))?.input ?? null);
      return {
        policy: { ...setup.policy },
        champion: { id: setup.champion.id, kind: setup.champion.model.kind, hash: setup.champion.hash },
        challenger: ch === undefined ? null : { id: ch.id, kind: ch.model.kind, hash: ch.hash, share: ch.share },
        inputs: applicationInputs(setup.context).map((c) => ({
          name: c.name,
          type: c.type,
          ...(c.type === 'category' && c.categories !== undefined ? { categories: [...c.categories] } : {}),
        })),
        example,
      };
    },
  );

  api.get(
    '/api/v1/me',
    {
      config: { access: READERS },
      schema: {
        tags: ['users'],
        summary: 'The caller: user id, name and role (the dashboard offers only the actions the role may take)',
        response: { 200: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() }) },
      },
    },
    async (request) => ({ id: request.caller!.userId, name: request.caller!.name, role: request.caller!.role }),
  );

  api.post(
    '/api/v1/decisions/preview',
    {
      config: { access: DECIDERS },
      schema: {
        tags: ['decisions'],
        summary: 'Decide application data with the current setup without storing anything (the what-if panel)',
        body: Type.Object(
          {
            data: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()])),
            // The arm to decide with (the what-if of a challenger decision); default: the arm the preview id falls to.
            arm: Type.Optional(Type.Union([Type.Literal('champion'), Type.Literal('challenger')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: PreviewResponse },
      },
    },
    async (request) => {
      const setup = currentSetup(service);
      const arm = request.body.arm;
      if (arm === 'challenger' && setup.context.challenger === undefined)
        throw new CredoError('E_INPUT_VALIDATION', {
          summary: 'arm: there is no challenger model',
          issues: [{ path: ['body', 'arm'], message: 'no challenger model' }],
        });
      const data = request.body.data as Record<string, InputValue>;
      const issues = validateApplicationData(data, setup.context);
      if (issues.length > 0)
        throw new CredoError('E_INPUT_VALIDATION', {
          summary: `data: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          issues: issues.map((i) => ({ ...i, path: ['body', 'data', ...i.path] })),
        });
      const challenger = setup.context.challenger;
      const context =
        arm === undefined || challenger === undefined
          ? setup.context
          : arm === 'champion'
            ? { ...setup.context, challenger: undefined }
            : { ...setup.context, challenger: { ...challenger, share: 1 } };
      const record = decideApplication(PREVIEW_ID, { ...data }, context);
      return { ...decisionSummary(PREVIEW_ID, record), rules_fired: [...record.rulesFired], currency: record.currency };
    },
  );

  api.get(
    '/api/v1/loans',
    {
      config: { access: READERS },
      schema: {
        tags: ['loans'],
        summary: 'Loans, newest first, with state, principal, outstanding principal, dpd, IRAC class and stage as of the last close',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          state: Type.Optional(Type.Enum([...LOAN_STATES])),
        }),
        response: { 200: LoanListResponse },
      },
    },
    async (request) => {
      const { limit = 50, offset = 0, state } = request.query;
      const page = await listLoans(service.db, { limit, offset, ...(state === undefined ? {} : { state }) });
      return {
        total: page.total,
        items: page.items.map((r) => ({
          id: r.id,
          application_id: r.applicationId,
          state: r.state,
          currency: r.currency,
          principal: money(r.principal, r.currency),
          outstanding_principal: money(r.outstandingPrincipal, r.currency),
          annual_rate: r.annualRate,
          term_months: r.termMonths,
          disbursed_on: r.disbursedOn,
          dpd: r.dpd,
          irac_class: r.iracClass,
          ifrs9_stage: r.ifrs9Stage,
          last_close: r.lastClose,
          restructured_on: r.restructuredOn,
        })),
      };
    },
  );
}
