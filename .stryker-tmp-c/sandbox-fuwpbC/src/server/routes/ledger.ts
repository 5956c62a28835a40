// @ts-nocheck
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { trialBalance } from '../../store/repositories/ledger.js';
import type { Service } from '../service.js';
import { money } from './loans-json.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;
const Money = Type.String({ description: 'decimal string, 2 decimals' });

/** The ledger: trial balance over every posting. */
export function ledgerRoutes(app: FastifyInstance, service: Service): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/ledger/trial-balance',
    {
      config: { access: READERS },
      schema: {
        tags: ['ledger'],
        summary: 'Trial balance: Σ debits, Σ credits and each account (double entry: always balanced)',
        response: {
          200: Type.Object({
            debits: Money,
            credits: Money,
            balanced: Type.Boolean(),
            accounts: Type.Array(Type.Object({ account: Type.String(), debit: Money, credit: Money, balance: Money })),
          }),
        },
      },
    },
    async () => {
      const tb = await trialBalance(service.db);
      return {
        debits: money(tb.debits),
        credits: money(tb.credits),
        balanced: tb.debits === tb.credits,
        accounts: tb.accounts.map((a) => ({ account: a.account, debit: money(a.debit), credit: money(a.credit), balance: money(a.debit - a.credit) })),
      };
    },
  );
}
