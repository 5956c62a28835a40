import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getLoan, loanPositionOf } from '../../store/repositories/loans.js';
import { collateralValue } from '../../store/repositories/loans-collateral.js';
import {
  createLoan,
  disburseLoan,
  recordRepayment,
  reverseRepayment,
  transitionLoan,
  undoDisbursement,
  writeOffLoan,
} from '../../store/repositories/loans-commands.js';
import { SubmitHeaders } from '../schemas/applications.js';
import { IdParams, IsoDate } from '../schemas/common.js';
import {
  AllocationView,
  InstalmentView,
  LOAN_READERS,
  LOAN_WRITERS,
  LoanView,
  MovementBody,
  movementView,
  Reason,
  WriteOffBody,
  WriteOffView,
} from '../schemas/loans.js';
import type { Service } from '../service.js';
import { postAccountCommand } from './account-command.js';
import { loanActorOf } from './loan-actor.js';
import { loanOf } from './loan-of.js';
import { answerIdempotent } from './loans-idempotency.js';
import { allocationJson, loanJson, money, movementOf, scheduleJson } from './loans-json.js';

const WRITERS = LOAN_WRITERS;
const READERS = LOAN_READERS;
const Instalment = InstalmentView;

async function loanView(service: Service, id: string, today: string) {
  const loan = await loanOf(service.db, id);
  const collateral = await collateralValue(service.db, loan.id);
  if (loan.disbursedOn === null) return { ...loanJson(loan, undefined, undefined, collateral), schedule: [] };
  const { position, classification, schedule } = await loanPositionOf(service.db, loan, today);
  return { ...loanJson(loan, position, classification, collateral), schedule: scheduleJson(schedule, loan.currency) };
}

/** Loans: create from an approved application, disburse, repay (Idempotency-Key and external_id), reverse, write off, state commands, get. */
export function loanRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/loans',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'Create a loan from an approved application (state approved) or a referred one (state submitted, awaiting approval); 409 otherwise',
        headers: SubmitHeaders,
        body: Type.Object(
          {
            application_id: Type.String({ format: 'uuid' }),
            product_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            annual_rate: Type.Optional(
              Type.String({
                pattern: '^0(\\.\\d{1,8})?$',
                description: 'the rate of a referred (unpriced) loan, a decimal fraction; 422 when the decision priced it',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }), state: Type.String() }) },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 201, (tx) =>
        createLoan(
          tx,
          {
            applicationId: request.body.application_id,
            ...(request.body.product_id === undefined ? {} : { productId: request.body.product_id }),
            ...(request.body.annual_rate === undefined ? {} : { annualRate: request.body.annual_rate }),
          },
          actor,
        ),
      );
    },
  );

  api.get(
    '/api/v1/loans/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['loans'],
        summary: 'A loan as of today: balances, dpd, IRAC class, NPA, IFRS 9 stage, schedule',
        params: IdParams,
        response: { 200: Type.Object({ ...LoanView.properties, schedule: Type.Array(Instalment) }) },
      },
    },
    async (request) => loanView(service, request.params.id, loanActorOf(service, request.caller!, request.id).today),
  );

  postAccountCommand(app, service, {
    path: '/api/v1/loans/:id/disburse',
    tag: 'loans',
    summary: 'Disburse an approved loan: creates its schedule',
    body: Type.Object({ value_date: IsoDate }, { additionalProperties: false }),
    status: 200,
    response: Type.Object({ ...LoanView.properties, schedule: Type.Array(Instalment) }),
    run: async (tx, id, body, actor) => {
      await disburseLoan(tx, id, body.value_date, actor);
      const loan = await getLoan(tx, id);
      const { position, classification, schedule } = await loanPositionOf(tx, loan!, actor.today);
      return { ...loanJson(loan!, position, classification, await collateralValue(tx, loan!.id)), schedule: scheduleJson(schedule, loan!.currency) };
    },
  });

  postAccountCommand(app, service, {
    path: '/api/v1/loans/:id/repayments',
    tag: 'loans',
    summary: 'Record a repayment (backdating allowed); allocated penalty → fees → interest → principal (the product order)',
    description: 'A retried payment is never posted twice: same `Idempotency-Key` or same `external_id` returns the first allocation.',
    body: MovementBody,
    status: 201,
    response: movementView('loan_id', { allocation: AllocationView }),
    run: async (tx, id, body, actor) => {
      const loan = await loanOf(tx, id);
      const r = await recordRepayment(tx, loan.id, movementOf(body, loan.currency), actor);
      return { id: r.transactionId, loan_id: loan.id, state: r.state, allocation: allocationJson(r.allocation, loan.currency), replayed: r.replayed };
    },
  });

  api.post(
    '/api/v1/loans/:id/repayments/:transaction/reversal',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'Reverse a repayment (never deleted; the loan is replayed without it and the ledger corrected by the difference)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), transaction: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        headers: SubmitHeaders,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: Type.Object({ state: Type.String() }) },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 200, (tx) =>
        reverseRepayment(tx, request.params.id, request.params.transaction, request.body.reason, actor),
      );
    },
  );

  postAccountCommand(app, service, {
    path: '/api/v1/loans/:id/write-off',
    tag: 'loans',
    summary: 'Write off an active loan’s outstanding principal',
    body: WriteOffBody,
    status: 200,
    response: WriteOffView,
    run: async (tx, id, body, actor) => {
      const r = await writeOffLoan(tx, id, body.reason, actor);
      return { state: r.state, written_off: money(r.writtenOff) };
    },
  });

  api.post(
    '/api/v1/loans/:id/transitions',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['loans'],
        summary: 'A state command: approve, reject, withdraw, undo_approval, undo_disbursement (409 naming the allowed ones)',
        params: IdParams,
        body: Type.Object(
          {
            command: Type.Union([
              Type.Literal('approve'),
              Type.Literal('reject'),
              Type.Literal('withdraw'),
              Type.Literal('undo_approval'),
              Type.Literal('undo_disbursement'),
            ]),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ state: Type.String() }) },
      },
    },
    async (request) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      const { command, reason } = request.body;
      return service.db.transaction((tx) =>
        command === 'undo_disbursement'
          ? undoDisbursement(tx, request.params.id, reason, actor)
          : transitionLoan(tx, request.params.id, command, reason, actor),
      );
    },
  );
}
