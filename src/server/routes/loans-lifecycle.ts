import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recoverLoan } from '../../store/repositories/loans-recovery.js';
import { prepayLoan, restructureLoan } from '../../store/repositories/loans-reschedule.js';
import { IsoDate } from '../schemas/common.js';
import { AllocationView, ExternalId, InstalmentView, Money, MoneyIn, movementView, Reason } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { postAccountCommand } from './account-command.js';
import { loanOf } from './loan-of.js';
import { allocationJson, money, movementOf, scheduleJson } from './loans-json.js';
import { postRecoveryRoute } from './recovery-route.js';

const Rate = Type.String({ pattern: '^0(\\.\\d{1,8})?$', description: 'annual rate as a decimal fraction ("0.105")' });

/** Loans after disbursement: prepayment (reduce term / reduce EMI / foreclosure), restructure, recovery after write-off. */
export function loanLifecycleRoutes(app: FastifyInstance, service: Service): void {
  postAccountCommand(app, service, {
    path: '/api/v1/loans/:id/prepayments',
    tag: 'loans',
    summary: 'Prepay a loan: arrears, interest to the value date, then principal; the rest re-amortised (reduce_term or reduce_emi) or the loan closed',
    description: 'A retried prepayment is never posted twice: same `Idempotency-Key` or same `external_id` returns the first answer.',
    body: Type.Object(
      {
        amount: MoneyIn,
        value_date: IsoDate,
        mode: Type.Union([Type.Literal('reduce_term'), Type.Literal('reduce_emi')]),
        external_id: Type.Optional(ExternalId),
      },
      { additionalProperties: false },
    ),
    status: 201,
    response: movementView('loan_id', { allocation: AllocationView, principal_prepaid: Money, accrued_interest: Money, schedule: Type.Array(InstalmentView) }),
    run: async (tx, id, body, actor) => {
      const loan = await loanOf(tx, id);
      const r = await prepayLoan(tx, loan.id, { ...movementOf(body, loan.currency), mode: body.mode }, actor);
      const m = (x: number) => money(x, loan.currency);
      return {
        id: r.transactionId,
        loan_id: loan.id,
        state: r.state,
        allocation: allocationJson(r.allocation, loan.currency),
        principal_prepaid: m(r.principalPrepaid),
        accrued_interest: m(r.accruedInterest),
        schedule: scheduleJson(r.schedule, loan.currency),
        replayed: r.replayed,
      };
    },
  });

  postAccountCommand(app, service, {
    path: '/api/v1/loans/:id/restructure',
    tag: 'loans',
    summary: 'Restructure an active loan: new rate, term and moratorium; arrears carried into the first new instalment; flagged and an NPA while monitored',
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
    status: 200,
    response: Type.Object({ state: Type.String(), restructured_on: IsoDate, monitored_until: IsoDate, schedule: Type.Array(InstalmentView) }),
    run: async (tx, id, b, actor) => {
      const valueDate = b.value_date ?? actor.today;
      const loan = await loanOf(tx, id);
      const input = { valueDate, annualRate: b.annual_rate, termMonths: b.term_months, moratoriumMonths: b.moratorium_months ?? 0, reason: b.reason };
      const r = await restructureLoan(tx, loan.id, input, actor);
      return { state: r.state, restructured_on: valueDate, monitored_until: r.monitoredUntil, schedule: scheduleJson(r.schedule, loan.currency) };
    },
  });

  postRecoveryRoute(app, service, {
    path: '/api/v1/loans/:id/recoveries',
    tag: 'loans',
    summary: 'Record cash recovered on a written-off loan (reverses the write-off expense); the loan closes when the write-off is fully recovered',
    accountKey: 'loan_id',
    accountOf: loanOf,
    recover: recoverLoan,
  });
}
