import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IRAC_NPA_FROM } from '../../finance/index.js';
import { npaBreakdown, portfolioSummary } from '../../store/repositories/loans-portfolio.js';
import type { Service } from '../service.js';
import { money } from './loans-json.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;
const Money = Type.String({ description: 'decimal string, 2 decimals' });
const Ratio = Type.Number({ minimum: 0, maximum: 1 });

/** The loan book's summary. */
export function portfolioRoutes(app: FastifyInstance, service: Service): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/portfolio/summary',
    {
      config: { access: READERS },
      schema: {
        tags: ['portfolio'],
        summary:
          'Counts by state, disbursed, outstanding, average size, NPA amount, gross and net NPA ratio (by outstanding balance), default and approval rates',
        response: {
          200: Type.Object({
            counts_by_state: Type.Record(Type.String(), Type.Integer()),
            disbursed_count: Type.Integer(),
            disbursed: Money,
            average_size: Money,
            outstanding: Money,
            npa_loans: Type.Integer(),
            npa_amount: Money,
            npa_provisions: Money,
            provisions: Money,
            ecl: Money,
            gross_npa_ratio: Ratio,
            net_npa_ratio: Ratio,
            default_rate: Ratio,
            approval_rate: Ratio,
          }),
        },
      },
    },
    async () => {
      const s = await portfolioSummary(service.db);
      return {
        counts_by_state: s.countsByState,
        disbursed_count: s.disbursedCount,
        disbursed: money(s.disbursed),
        average_size: money(s.averageSize),
        outstanding: money(s.outstanding),
        npa_loans: s.npaLoans,
        npa_amount: money(s.npaAmount),
        npa_provisions: money(s.npaProvisions),
        provisions: money(s.provisions),
        ecl: money(s.ecl),
        gross_npa_ratio: s.grossNpaRatio,
        net_npa_ratio: s.netNpaRatio,
        default_rate: s.defaultRate,
        approval_rate: s.approvalRate,
      };
    },
  );

  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/portfolio/npa',
    {
      config: { access: READERS },
      schema: {
        tags: ['portfolio'],
        summary: 'Active loans by RBI IRAC class with outstanding principal and provisions (classes of the last close)',
        response: {
          200: Type.Object({
            classes: Type.Array(Type.Object({ irac_class: Type.String(), npa: Type.Boolean(), loans: Type.Integer(), outstanding: Money, provision: Money })),
          }),
        },
      },
    },
    async () => ({
      classes: (await npaBreakdown(service.db)).map((r, k) => ({
        irac_class: r.iracClass,
        npa: k >= IRAC_NPA_FROM,
        loans: r.loans,
        outstanding: money(r.outstanding),
        provision: money(r.provision),
      })),
    }),
  );
}
