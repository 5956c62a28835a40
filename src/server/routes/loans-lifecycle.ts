import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CredoError } from '../../errors/index.js';
import { getLoan } from '../../store/repositories/loans.js';
import { recoverLoan } from '../../store/repositories/loans-recovery.js';
import { prepayLoan, restructureLoan } from '../../store/repositories/loans-reschedule.js';
import { SubmitHeaders } from '../schemas/applications.js';
import { IdParams } from '../schemas/common.js';
import { AllocationView, ExternalId, InstalmentView, IsoDate, LOAN_WRITERS, Money, MoneyIn, Reason } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { loanActorOf } from './loan-actor.js';
import { answerIdempotent } from './loans-idempotency.js';
import { minorOf, money, scheduleJson } from './loans-json.js';

const Rate = Type.String({ pattern: '^0(\\.\\d{1,8})?$', description: 'annual rate as a decimal fraction ("0.105")' });

/** The loan or 404 (inside the command's transaction). */
async function loanOf(tx: Parameters<typeof getLoan>[0], id: string) {
  const loan = await getLoan(tx, id);
  if (loan === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'loan', id });
  return loan;
}

/** Loans after disbursement: prepayment (reduce term / reduce EMI / foreclosure), restructure, recovery after write-off. */
export function loanLifecycleRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/loans/:id/prepayments',
    {
      config: { access: LOAN_WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'Prepay a loan: arrears, interest to the value date, then principal; the rest re-amortised (reduce_term or reduce_emi) or the loan closed',
        description: 'A retried prepayment is never posted twice: same `Idempotency-Key` or same `external_id` returns the first answer.',
        params: IdParams,
        headers: SubmitHeaders,
        body: Type.Object(
          {
            amount: MoneyIn,
            value_date: IsoDate,
            mode: Type.Union([Type.Literal('reduce_term'), Type.Literal('reduce_emi')]),
            external_id: Type.Optional(ExternalId),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String({ format: 'uuid' }),
            loan_id: Type.String({ format: 'uuid' }),
            state: Type.String(),
            allocation: AllocationView,
            principal_prepaid: Money,
            accrued_interest: Money,
            schedule: Type.Array(InstalmentView),
            replayed: Type.Boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 201, async (tx) => {
        const loan = await loanOf(tx, request.params.id);
        const { amount, value_date, mode, external_id } = request.body;
        const r = await prepayLoan(
          tx,
          loan.id,
          { amount: minorOf(amount, loan.currency), valueDate: value_date, mode, externalId: external_id ?? null },
          actor,
        );
        const m = (x: number) => money(x, loan.currency);
        const a = r.allocation;
        return {
          id: r.transactionId,
          loan_id: loan.id,
          state: r.state,
          allocation: { penalty: m(a.penalty), fees: m(a.fees), interest: m(a.interest), principal: m(a.principal), excess: m(a.excess) },
          principal_prepaid: m(r.principalPrepaid),
          accrued_interest: m(r.accruedInterest),
          schedule: scheduleJson(r.schedule, loan.currency),
          replayed: r.replayed,
        };
      });
    },
  );

  api.post(
    '/api/v1/loans/:id/restructure',
    {
      config: { access: LOAN_WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'Restructure an active loan: new rate, term and moratorium; arrears carried into the first new instalment; flagged and an NPA while monitored',
        params: IdParams,
        headers: SubmitHeaders,
        body: Type.Object(
          {
            value_date: Type.Optional(IsoDate),
            annual_rate: Rate,
            term_months: Type.Integer({ minimum: 1, maximum: 600 }),
            moratorium_months: Type.Optional(Type.Integer({ minimum: 0, maximum: 36 })),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ state: Type.String(), restructured_on: IsoDate, monitored_until: IsoDate, schedule: Type.Array(InstalmentView) }),
        },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      const b = request.body;
      const valueDate = b.value_date ?? actor.today;
      return answerIdempotent(service, request, reply, 200, async (tx) => {
        const loan = await loanOf(tx, request.params.id);
        const input = { valueDate, annualRate: b.annual_rate, termMonths: b.term_months, moratoriumMonths: b.moratorium_months ?? 0, reason: b.reason };
        const r = await restructureLoan(tx, loan.id, input, actor);
        return { state: r.state, restructured_on: valueDate, monitored_until: r.monitoredUntil, schedule: scheduleJson(r.schedule, loan.currency) };
      });
    },
  );

  api.post(
    '/api/v1/loans/:id/recoveries',
    {
      config: { access: LOAN_WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'Record cash recovered on a written-off loan (reverses the write-off expense); the loan closes when the write-off is fully recovered',
        description: 'A retried recovery is never posted twice: same `Idempotency-Key` or same `external_id` returns the first answer.',
        params: IdParams,
        headers: SubmitHeaders,
        body: Type.Object({ amount: MoneyIn, value_date: IsoDate, external_id: Type.Optional(ExternalId) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            id: Type.String({ format: 'uuid' }),
            loan_id: Type.String({ format: 'uuid' }),
            state: Type.String(),
            recovered: Money,
            remaining: Money,
            replayed: Type.Boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 201, async (tx) => {
        const loan = await loanOf(tx, request.params.id);
        const { amount, value_date, external_id } = request.body;
        const r = await recoverLoan(tx, loan.id, { amount: minorOf(amount, loan.currency), valueDate: value_date, externalId: external_id ?? null }, actor);
        return {
          id: r.transactionId,
          loan_id: loan.id,
          state: r.state,
          recovered: money(r.recovered, loan.currency),
          remaining: money(r.remaining, loan.currency),
          replayed: r.replayed,
        };
      });
    },
  );
}
