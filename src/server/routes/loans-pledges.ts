import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CredoError } from '../../errors/index.js';
import { getLoan } from '../../store/repositories/loans.js';
import { addCollateral, addGuarantor, COLLATERAL_TYPES, listPledges, type Pledge, releasePledge } from '../../store/repositories/loans-collateral.js';
import { SubmitHeaders } from '../schemas/applications.js';
import { IdParams, IsoDate } from '../schemas/common.js';
import { LOAN_READERS, LOAN_WRITERS, Money, MoneyIn, Reason } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { loanActorOf } from './loan-actor.js';
import { answerIdempotent } from './loans-idempotency.js';
import { minorOf, money } from './loans-json.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Released = { released: Type.Boolean(), released_at: Nullable(Type.String({ format: 'date-time' })), release_reason: Nullable(Type.String()) };
const CollateralView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  loan_id: Type.String({ format: 'uuid' }),
  type: Type.String(),
  description: Type.String(),
  value: Money,
  valued_on: IsoDate,
  ...Released,
});
const GuarantorView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  loan_id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  relationship: Nullable(Type.String()),
  customer_id: Nullable(Type.String({ format: 'uuid' })),
  guaranteed_amount: Money,
  ...Released,
});
const PledgeParams = Type.Object({ id: Type.String({ format: 'uuid' }), pledge: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

function releasedJson(p: Pledge) {
  return { released: p.releasedAt !== null, released_at: p.releasedAt?.toISOString() ?? null, release_reason: p.releaseReason };
}

function collateralJson(p: Pledge, currency: string) {
  return {
    id: p.id,
    loan_id: p.loanId,
    type: p.type,
    description: p.description ?? '',
    value: money(p.value, currency),
    valued_on: p.valuedOn ?? '',
    ...releasedJson(p),
  };
}

function guarantorJson(p: Pledge, currency: string) {
  return {
    id: p.id,
    loan_id: p.loanId,
    name: p.type,
    relationship: p.description,
    customer_id: p.customerId,
    guaranteed_amount: money(p.value, currency),
    ...releasedJson(p),
  };
}

async function loanOf(q: Parameters<typeof getLoan>[0], id: string) {
  const loan = await getLoan(q, id);
  if (loan === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'loan', id });
  return loan;
}

/** Collateral (valued, by type) and guarantors on a loan: add, list, release (never deleted). LTV shows on `GET /api/v1/loans/:id`. */
export function loanPledgeRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const kinds = [
    { kind: 'collateral' as const, path: 'collateral', view: CollateralView, json: collateralJson },
    { kind: 'guarantor' as const, path: 'guarantors', view: GuarantorView, json: guarantorJson },
  ];
  for (const { kind, path, view, json } of kinds) {
    api.get(
      `/api/v1/loans/:id/${path}`,
      {
        config: { access: LOAN_READERS },
        schema: { tags: ['loans'], summary: `A loan's ${path}, oldest first, released ones flagged`, params: IdParams, response: { 200: Type.Array(view) } },
      },
      async (request) => {
        const loan = await loanOf(service.db, request.params.id);
        return (await listPledges(service.db, loan.id, kind)).map((p) => json(p, loan.currency));
      },
    );
    api.post(
      `/api/v1/loans/:id/${path}/:pledge/release`,
      {
        config: { access: LOAN_WRITERS },
        schema: {
          tags: ['loans'],
          summary: `Release a ${kind} (kept, marked released; 409 when already released)`,
          params: PledgeParams,
          headers: SubmitHeaders,
          body: Type.Object({ reason: Reason }, { additionalProperties: false }),
          response: { 200: view },
        },
      },
      async (request, reply) => {
        const actor = loanActorOf(service, request.caller!, request.id);
        return answerIdempotent(service, request, reply, 200, async (tx) => {
          const loan = await loanOf(tx, request.params.id);
          return json(await releasePledge(tx, loan.id, kind, request.params.pledge, request.body.reason, actor), loan.currency);
        });
      },
    );
  }

  api.post(
    '/api/v1/loans/:id/collateral',
    {
      config: { access: LOAN_WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'Pledge collateral on a loan: type, description, value (loan currency) and valuation date',
        params: IdParams,
        headers: SubmitHeaders,
        body: Type.Object(
          {
            type: Type.Union(COLLATERAL_TYPES.map((t) => Type.Literal(t))),
            description: Type.String({ minLength: 1, maxLength: 1000 }),
            value: MoneyIn,
            valued_on: IsoDate,
          },
          { additionalProperties: false },
        ),
        response: { 201: CollateralView },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 201, async (tx) => {
        const loan = await loanOf(tx, request.params.id);
        const b = request.body;
        const p = await addCollateral(
          tx,
          loan.id,
          { type: b.type, description: b.description, value: minorOf(b.value, loan.currency), valuedOn: b.valued_on },
          actor,
        );
        return collateralJson(p, loan.currency);
      });
    },
  );

  api.post(
    '/api/v1/loans/:id/guarantors',
    {
      config: { access: LOAN_WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'Add a guarantor to a loan: name, relationship, optional customer record, amount guaranteed',
        params: IdParams,
        headers: SubmitHeaders,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 300 }),
            relationship: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            customer_id: Type.Optional(Type.String({ format: 'uuid' })),
            guaranteed_amount: MoneyIn,
          },
          { additionalProperties: false },
        ),
        response: { 201: GuarantorView },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 201, async (tx) => {
        const loan = await loanOf(tx, request.params.id);
        const b = request.body;
        const p = await addGuarantor(
          tx,
          loan.id,
          {
            name: b.name,
            relationship: b.relationship ?? null,
            customerId: b.customer_id ?? null,
            guaranteedAmount: minorOf(b.guaranteed_amount, loan.currency),
          },
          actor,
        );
        return guarantorJson(p, loan.currency);
      });
    },
  );
}
