import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CredoError } from '../../errors/index.js';
import { loanHistory } from '../../store/index.js';
import { getLoan } from '../../store/repositories/loans.js';
import { IdParams } from '../schemas/common.js';
import { LoanHistoryResponse } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { money } from './loans-json.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;

/**
 * `GET /api/v1/loans/:id/history`: what the Loans page shows of one loan beyond its position —
 * transactions with their allocation, the dpd history of the daily closes (last 400), the
 * classification moves (IRAC class, NPA or IFRS 9 stage changed from one close to the next),
 * state changes and the ledger lines of its journals (first 500).
 */
export function loanHistoryRoutes(app: FastifyInstance, service: Service): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/loans/:id/history',
    {
      config: { access: READERS },
      schema: {
        tags: ['loans'],
        summary: "A loan's transactions with allocation, dpd history, classification moves, state changes and ledger entries",
        params: IdParams,
        response: { 200: LoanHistoryResponse },
      },
    },
    async (request) => {
      const loan = await getLoan(service.db, request.params.id);
      if (loan === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'loan', id: request.params.id });
      const h = await loanHistory(service.db, loan.id, { closes: 400, ledger: 500 });
      const m = (x: number) => money(x, loan.currency);
      const moves = [];
      for (let i = 1; i < h.closes.length; i++) {
        const a = h.closes[i - 1]!;
        const b = h.closes[i]!;
        if (a.iracClass !== b.iracClass || a.npa !== b.npa || a.stage !== b.stage)
          moves.push({
            as_of: b.asOf,
            from: { irac_class: a.iracClass, npa: a.npa, stage: a.stage },
            to: { irac_class: b.iracClass, npa: b.npa, stage: b.stage },
            dpd: b.dpd,
          });
      }
      return {
        id: loan.id,
        currency: loan.currency,
        transactions: h.transactions.map((t) => ({
          id: t.id,
          kind: t.kind,
          amount: m(t.amount),
          value_date: t.valueDate,
          reversed: t.reversed,
          reversal_reason: t.reversalReason,
          allocation: {
            penalty: m(t.allocation.penalty),
            fees: m(t.allocation.fees),
            interest: m(t.allocation.interest),
            principal: m(t.allocation.principal),
          },
        })),
        dpd: h.closes.map((c) => ({
          as_of: c.asOf,
          dpd: c.dpd,
          bucket: c.bucket,
          irac_class: c.iracClass,
          npa: c.npa,
          stage: c.stage,
          outstanding: m(c.outstanding),
          ecl: m(c.ecl),
          provision: m(c.provision),
        })),
        moves,
        states: h.states.map((s) => ({ command: s.command, from: s.from, to: s.to, reason: s.reason, at: s.at.toISOString() })),
        ledger: h.ledger.map((l) => ({
          seq: l.seq,
          journal_id: l.journalId,
          account: l.account,
          debit: m(l.debit),
          credit: m(l.credit),
          value_date: l.valueDate,
          memo: l.memo,
        })),
      };
    },
  );
}
