import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { applicationInputs, BOOK_SCENARIOS, labData, optimiseCutoffs, simulateBook } from '../../decision/index.js';
import { CredoError } from '../../errors/index.js';
import { describeRarocAssumptions, portfolioMetrics, RAROC_DEFAULTS } from '../../finance/index.js';
import { activeExposures, recentApplicationOutcomes } from '../../store/index.js';
import { BookRiskResponse, OptimiseResponse, SimulateLossesResponse } from '../schemas/simulate.js';
import type { Service } from '../service.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;
/** LGD when the active policy does not price (the Basel foundation value for senior unsecured). */
const DEFAULT_LGD = 0.45;

/** The current setup or 409. */
function currentSetup(service: Service) {
  const setup = service.current();
  if (setup === undefined) throw new CredoError('E_HTTP_NOT_CONFIGURED', { problem: 'register and promote a champion model and activate a policy first' });
  return setup;
}

/**
 * Simulate & optimise for the dashboard, bounded so a request stays fast: the book's one-year
 * loss distribution under baseline, downturn and severe macro scenarios (`simulateBook`, at most
 * 20,000 Monte Carlo scenarios), and optimised approval cutoffs with the efficient frontier on
 * recent applications (`optimiseCutoffs`, at most 5,000 applications, HiGHS limited to 5 s per
 * solve). LGD: the active policy's pricing LGD. Both read only.
 */
export function simulateRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/simulate/losses',
    {
      config: { access: READERS },
      schema: {
        tags: ['portfolio'],
        summary: 'Monte Carlo one-year loss distribution of the active book per macro scenario: EL, VaR and ES at 99% and 99.9%, histogram',
        querystring: Type.Object({
          scenarios: Type.Optional(Type.Integer({ minimum: 100, maximum: 20_000, default: 5000 })),
          seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 })),
        }),
        response: { 200: SimulateLossesResponse },
      },
    },
    async (request) => {
      const policy = currentSetup(service).context.policy;
      const lgd = policy.pricing?.lgd ?? DEFAULT_LGD;
      const exposures = await activeExposures(service.db);
      const base = {
        currency: policy.currency.code,
        lgd,
        loans: exposures.length,
        exposure: exposures.reduce((a, e) => a + e.outstanding, 0) / 10 ** policy.currency.exponent,
        macro: BOOK_SCENARIOS.map((m) => ({ name: m.name, shift: m.shift })),
      };
      if (exposures.length === 0) return { ...base, scenarios: [] };
      const scenarios = await simulateBook(exposures, {
        lgd,
        scenarios: request.query.scenarios ?? 5000,
        seed: request.query.seed ?? 1,
        minorPerMajor: 10 ** policy.currency.exponent,
      });
      return { ...base, scenarios };
    },
  );

  api.get(
    '/api/v1/book/risk',
    {
      config: { access: READERS },
      schema: {
        tags: ['portfolio'],
        summary: 'Risk of the active book (portfolioMetrics): exposure, EL, IRB RWA and capital (other retail), RAROC at the default pricing assumptions',
        response: { 200: BookRiskResponse },
      },
    },
    async () => {
      const policy = currentSetup(service).context.policy;
      const lgd = policy.pricing?.lgd ?? DEFAULT_LGD;
      const exposures = await activeExposures(service.db);
      const scale = 10 ** policy.currency.exponent;
      const all = portfolioMetrics({
        approved: new Float64Array(exposures.length).fill(1),
        // a stage-3 loan has defaulted: PD 1
        pd: exposures.map((e) => (e.stage === 3 ? 1 : e.pd)),
        lgd,
        ead: exposures.map((e) => e.outstanding / scale),
        rate: exposures.map((e) => e.rate),
      }).at(-1);
      return {
        currency: policy.currency.code,
        lgd,
        loans: exposures.length,
        exposure: all?.exposure ?? 0,
        el: all?.expectedLoss ?? 0,
        el_rate: all?.expectedLossRate ?? 0,
        rwa: all?.rwa ?? 0,
        capital: all?.capital ?? 0,
        raroc: all?.raroc ?? null,
        assumptions: describeRarocAssumptions(RAROC_DEFAULTS),
      };
    },
  );

  api.get(
    '/api/v1/simulate/optimise',
    {
      config: { access: ['admin', 'risk_analyst', 'auditor'] },
      schema: {
        tags: ['portfolio'],
        summary: 'Optimised approval cutoffs by PD band × channel on recent applications with deltas against the active policy, and the efficient frontier',
        querystring: Type.Object({
          bad_rate_max: Type.Optional(Type.Number({ minimum: 0.005, maximum: 0.5, default: 0.04 })),
          rows: Type.Optional(Type.Integer({ minimum: 50, maximum: 5000, default: 2000 })),
        }),
        response: { 200: OptimiseResponse },
      },
    },
    async (request) => {
      const setup = currentSetup(service);
      const policy = setup.context.policy;
      const lab = labData(
        applicationInputs(setup.context),
        await recentApplicationOutcomes(service.db, request.query.rows ?? 2000),
        policy,
        setup.champion.model,
      );
      const badRateMax = request.query.bad_rate_max ?? 0.04;
      const study = await optimiseCutoffs(policy.strategy, lab, { lgd: policy.pricing?.lgd ?? DEFAULT_LGD, badRateMax });
      // PolicyStudy's type is wider (any problem, frontier optional) and readonly; optimiseCutoffs
      // always studies cutoffs with the frontier (the response check holds the tests to the schema).
      return { rows: lab.frame.rowCount, bad_rate_max: badRateMax, currency: policy.currency.code, ...study } as Static<typeof OptimiseResponse>;
    },
  );
}
