import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CredoError } from '../../errors/index.js';
import { recoverCreditLine, writeOffCreditLine } from '../../store/repositories/credit-line-write-off.js';
import {
  type CreditLine,
  getCreditLine,
  type LineStatement,
  listLimitChanges,
  listLineStatements,
  moveCreditLine,
  openCreditLine,
} from '../../store/repositories/credit-lines.js';
import { type LimitReview, reverseLimitReview, runLimitReview } from '../../store/repositories/limit-reviews.js';
import { SubmitHeaders } from '../schemas/applications.js';
import { IdParams, IsoDate } from '../schemas/common.js';
import { LOAN_READERS, LOAN_WRITERS, Money, MovementBody, Reason, WriteOffBody, WriteOffView } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { postAccountCommand } from './account-command.js';
import { loanActorOf } from './loan-actor.js';
import { answerIdempotent } from './loans-idempotency.js';
import { money, movementOf } from './loans-json.js';
import { postRecoveryRoute } from './recovery-route.js';

const LineView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  application_id: Type.String({ format: 'uuid' }),
  state: Type.String(),
  currency: Type.String(),
  credit_limit: Money,
  balance: Money,
  available: Money,
  annual_rate: Type.String(),
  opened_on: IsoDate,
  day_count: Type.String({ description: 'interest day count: actual/365 (default) or 30/360' }),
  late_fee: Money,
  written_off: Money,
  recovered: Money,
});
const NullableDate = Type.Union([IsoDate, Type.Null()]);
/** The figures of the line's last daily close (docs/servicing.md, Credit lines). */
const LineCloseView = Type.Object({
  last_close: NullableDate,
  dpd: Type.Integer(),
  irac_class: Type.String(),
  npa: Type.Boolean(),
  npa_since: NullableDate,
  ifrs9_stage: Type.Integer(),
  ecl: Money,
  provision: Money,
  interest_accrued: Money,
  interest_recognised: Money,
  interest_paid: Money,
  interest_billed_unpaid: Money,
  minimum_due: Money,
  oldest_due_date: NullableDate,
  next_due_date: NullableDate,
  next_statement_date: NullableDate,
  late_fees_charged: Money,
  late_fees_paid: Money,
  late_fees_unpaid: Money,
  statements: Type.Array(
    Type.Object({
      statement_date: IsoDate,
      due_date: IsoDate,
      principal: Money,
      interest_billed: Money,
      interest_unpaid: Money,
      minimum_due: Money,
      past_due: Money,
      late_fees: Money,
      fees_unpaid: Money,
    }),
  ),
});
const ReviewView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  as_of: IsoDate,
  status: Type.String(),
  accounts: Type.Integer(),
  changed: Type.Integer(),
  result: Type.Record(Type.String(), Type.Unknown()),
});

function lineJson(l: CreditLine) {
  return {
    id: l.id,
    application_id: l.applicationId,
    state: l.state,
    currency: l.currency,
    credit_limit: money(l.creditLimit, l.currency),
    balance: money(l.balance, l.currency),
    available: money(l.creditLimit - l.balance, l.currency),
    annual_rate: l.annualRate,
    opened_on: l.openedOn,
    day_count: l.dayCount,
    late_fee: money(l.lateFee, l.currency),
    written_off: money(l.writtenOff, l.currency),
    recovered: money(l.recovered, l.currency),
  };
}

function lineCloseJson(l: CreditLine, statements: readonly LineStatement[]) {
  const c = l.close;
  const m = (v: number) => money(v, l.currency);
  return {
    last_close: c.lastClose,
    dpd: c.dpd,
    irac_class: c.iracClass,
    npa: c.npaSince !== null,
    npa_since: c.npaSince,
    ifrs9_stage: c.ifrs9Stage,
    ecl: m(c.ecl),
    provision: m(c.provision),
    interest_accrued: m(c.interestAccrued),
    interest_recognised: m(c.interestRecognised),
    interest_paid: m(c.interestPaid),
    interest_billed_unpaid: m(c.interestBilledUnpaid),
    minimum_due: m(c.minimumDue),
    oldest_due_date: c.oldestDueDate,
    next_due_date: c.nextDueDate,
    next_statement_date: c.nextStatementDate,
    late_fees_charged: m(c.lateFeesCharged),
    late_fees_paid: m(c.lateFeesPaid),
    late_fees_unpaid: m(c.lateFeesCharged - c.lateFeesPaid),
    statements: statements.map((s) => ({
      statement_date: s.statementDate,
      due_date: s.dueDate,
      principal: m(s.principal),
      interest_billed: m(s.interestBilled),
      interest_unpaid: m(s.interestUnpaid),
      minimum_due: m(s.minimumDue),
      past_due: m(s.pastDue),
      late_fees: m(s.lateFees),
      fees_unpaid: m(s.feesUnpaid),
    })),
  };
}

/** The credit line or 404 (inside a command's transaction, or on the service's database for a read). */
async function lineOf(q: Parameters<typeof getCreditLine>[0], id: string): Promise<CreditLine> {
  const line = await getCreditLine(q, id);
  if (line === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'credit line', id });
  return line;
}

function reviewJson(r: LimitReview) {
  return { id: r.id, as_of: r.asOf, status: r.status, accounts: r.accounts, changed: r.changed, result: r.result };
}

/** Revolving credit lines (open, draw, repay, get with their limit history) and the periodic credit-limit review job (run, reverse). */
export function creditLineRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/credit-lines',
    {
      config: { access: LOAN_WRITERS },
      schema: {
        tags: ['credit lines'],
        summary: 'Open a revolving credit line from an approved application (limit and price of its decision)',
        headers: SubmitHeaders,
        body: Type.Object(
          {
            application_id: Type.String({ format: 'uuid' }),
            opened_on: IsoDate,
            day_count: Type.Optional(
              Type.Union([Type.Literal('actual/365'), Type.Literal('30/360')], { description: 'interest day count (default actual/365)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: LineView },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 201, async (tx) =>
        lineJson(
          await openCreditLine(tx, { applicationId: request.body.application_id, openedOn: request.body.opened_on, dayCount: request.body.day_count }, actor),
        ),
      );
    },
  );

  api.get(
    '/api/v1/credit-lines/:id',
    {
      config: { access: LOAN_READERS },
      schema: {
        tags: ['credit lines'],
        summary: 'A credit line with its limit history (newest first), its statements (newest first) and the figures of its last daily close',
        params: IdParams,
        response: {
          200: Type.Object({
            ...LineView.properties,
            ...LineCloseView.properties,
            limit_changes: Type.Array(
              Type.Object({
                review_id: Type.String(),
                as_of: IsoDate,
                segment: Type.String(),
                change: Type.Number(),
                old_limit: Money,
                new_limit: Money,
                reversed: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const line = await lineOf(service.db, request.params.id);
      const changes = await listLimitChanges(service.db, line.id);
      const statements = await listLineStatements(service.db, line.id);
      return {
        ...lineJson(line),
        ...lineCloseJson(line, statements),
        limit_changes: changes.map((c) => ({
          review_id: c.reviewId,
          as_of: c.asOf,
          segment: c.segment,
          change: c.change,
          old_limit: money(c.oldLimit, line.currency),
          new_limit: money(c.newLimit, line.currency),
          reversed: c.reversed,
        })),
      };
    },
  );

  for (const [path, kind] of [
    ['draws', 'draw'],
    ['repayments', 'repayment'],
  ] as const) {
    postAccountCommand(app, service, {
      path: `/api/v1/credit-lines/:id/${path}`,
      tag: 'credit lines',
      summary: kind === 'draw' ? 'Draw on a credit line within its limit' : 'Repay a credit line’s balance',
      body: MovementBody,
      status: 201,
      response: Type.Object({ id: Type.String({ format: 'uuid' }), line: LineView, replayed: Type.Boolean() }),
      run: async (tx, id, body, actor) => {
        const line = await lineOf(tx, id);
        const r = await moveCreditLine(tx, line.id, kind, movementOf(body, line.currency), actor);
        return { id: r.transactionId, line: lineJson(r.line), replayed: r.replayed };
      },
    });
  }

  postAccountCommand(app, service, {
    path: '/api/v1/credit-lines/:id/write-off',
    tag: 'credit lines',
    summary: 'Write off an active credit line: its drawn principal and the interest and fees receivable; its provision is released',
    description: 'A written-off line takes no draws or repayments and leaves the daily close; 409 naming the allowed commands otherwise.',
    body: WriteOffBody,
    status: 200,
    response: WriteOffView,
    run: async (tx, id, body, actor) => {
      const line = await lineOf(tx, id);
      const r = await writeOffCreditLine(tx, line.id, body.reason, actor);
      return { state: r.state, written_off: money(r.writtenOff, line.currency) };
    },
  });

  postRecoveryRoute(app, service, {
    path: '/api/v1/credit-lines/:id/recoveries',
    tag: 'credit lines',
    summary: 'Record cash recovered on a written-off credit line (reverses the write-off expense); the line closes when the write-off is fully recovered',
    accountKey: 'line_id',
    accountOf: lineOf,
    recover: recoverCreditLine,
  });

  api.post(
    '/api/v1/jobs/limit-review',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['jobs'],
        summary: 'Periodic credit-limit review: the optimised limit policy (as `credo optimise limits`) applied to seasoned active credit lines',
        description: '`config` is the optimise-limits config over the columns pd, limit, balance, rate, score (see examples/optimise/limit-review.yaml).',
        headers: SubmitHeaders,
        body: Type.Object({ as_of: IsoDate, config: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: false }),
        response: { 200: ReviewView },
      },
    },
    async (request, reply) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return answerIdempotent(service, request, reply, 200, async (tx) =>
        reviewJson(await runLimitReview(tx, { asOf: request.body.as_of, config: request.body.config }, actor)),
      );
    },
  );

  api.post(
    '/api/v1/jobs/limit-review/:id/reversal',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['jobs'],
        summary: 'Reverse a limit review: every changed line gets its old limit back (409 when a line changed since)',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String({ format: 'uuid' }), status: Type.String(), restored: Type.Integer() }) },
      },
    },
    async (request) => {
      const actor = loanActorOf(service, request.caller!, request.id);
      return service.db.transaction((tx) => reverseLimitReview(tx, request.params.id, request.body.reason, actor));
    },
  );
}
