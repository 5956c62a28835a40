import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CredoError } from '../../errors/index.js';
import { DEFAULT_DPD_BOUNDS, IRAC_NPA_FROM } from '../../finance/index.js';
import { npaBreakdown, portfolioSummary } from '../../store/repositories/loans-portfolio.js';
import { DEFAULT_ALERT_THRESHOLDS, portfolioChecks } from '../../store/repositories/portfolio-alerts.js';
import { collateralSummary, DEFAULT_LTV_EDGES } from '../../store/repositories/portfolio-collateral.js';
import {
  type BookConcentration,
  bookConcentration,
  bookDistribution,
  CONCENTRATION_DIMENSIONS,
  DEFAULT_AMOUNT_EDGES,
  DISTRIBUTION_DIMENSIONS,
} from '../../store/repositories/portfolio-distribution.js';
import { eclByStage } from '../../store/repositories/portfolio-ecl.js';
import { bookRollRates, bookVintages } from '../../store/repositories/portfolio-history.js';
import { repaymentStatistics } from '../../store/repositories/portfolio-repayments.js';
import { portfolioTrends } from '../../store/repositories/portfolio-trends.js';
import { IsoDate } from '../schemas/common.js';
import {
  AlertsResponse,
  CollateralResponse,
  ConcentrationResponse,
  DistributionResponse,
  EclResponse,
  Money,
  Ratio,
  RepaymentsResponse,
  RollRatesResponse,
  TrendsResponse,
  VintagesResponse,
} from '../schemas/portfolio.js';
import type { Service } from '../service.js';
import { money } from './loans-json.js';

const READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;
const Ints = (description: string) => Type.String({ pattern: '^\\d{1,9}(,\\d{1,9}){0,19}$', description });
const ints = (text: string | undefined, fallback: readonly number[]) => (text === undefined ? fallback : text.split(',').map(Number));
const NoQuery = Type.Object({}, { additionalProperties: false });

const ThresholdQuery = (d: number) => Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: d }));

/** The loan book: summary, NPA, repayments, collateral, distribution, concentration, vintages, roll rates, ECL, alerts, trends. */
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
            npa_lines: Type.Integer({ description: 'active credit lines that are NPAs' }),
            lines_outstanding: Type.String({ description: 'drawn principal of active credit lines (included in outstanding), decimal string' }),
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
        npa_lines: s.npaLines,
        lines_outstanding: money(s.linesOutstanding),
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
        summary: 'Active loans and credit lines by RBI IRAC class with outstanding (drawn) principal and provisions (classes of the last close)',
        response: {
          200: Type.Object({
            classes: Type.Array(
              Type.Object({
                irac_class: Type.String(),
                npa: Type.Boolean(),
                loans: Type.Integer(),
                lines: Type.Integer(),
                outstanding: Money,
                provision: Money,
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      classes: (await npaBreakdown(service.db)).map((r, k) => ({
        irac_class: r.iracClass,
        npa: k >= IRAC_NPA_FROM,
        loans: r.loans,
        lines: r.lines,
        outstanding: money(r.outstanding),
        provision: money(r.provision),
      })),
    }),
  );

  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const access = { access: READERS };

  api.get(
    '/api/v1/portfolio/repayments',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Repayment statistics: instalments paid on time, late, overdue; late fees charged and collected; repayments received',
        querystring: Type.Object({ as_of: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: { 200: RepaymentsResponse },
      },
    },
    async (request) => {
      const r = await repaymentStatistics(service.db, request.query.as_of);
      return {
        as_of: r.asOf,
        instalments_due: r.instalmentsDue,
        paid_on_time: r.paidOnTime,
        paid_late: r.paidLate,
        overdue: r.overdue,
        on_time_rate: r.onTimeRate,
        late_fees_charged: r.lateFeesCharged,
        late_fees_charged_amount: money(r.lateFeesChargedAmount),
        late_fees_collected: money(r.lateFeesCollected),
        repayments: r.repayments,
        repaid_amount: money(r.repaidAmount),
        reversed_repayments: r.reversedRepayments,
      };
    },
  );

  api.get(
    '/api/v1/portfolio/collateral',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Collateral of the active book: value by type, LTV (outstanding / collateral value) of the secured book and a distribution of loan LTVs',
        querystring: Type.Object(
          { edges: Type.Optional(Ints(`LTV bucket edges in percent (default ${DEFAULT_LTV_EDGES.join(',')})`)) },
          { additionalProperties: false },
        ),
        response: { 200: CollateralResponse },
      },
    },
    async (request) => {
      const c = await collateralSummary(service.db, ints(request.query.edges, DEFAULT_LTV_EDGES));
      const ratio = (outstanding: number, value: number) => (value === 0 ? null : outstanding / value);
      return {
        loans: c.loans,
        secured_loans: c.securedLoans,
        unsecured_loans: c.unsecuredLoans,
        outstanding: money(c.outstanding),
        secured_outstanding: money(c.securedOutstanding),
        unsecured_outstanding: money(c.unsecuredOutstanding),
        collateral_value: money(c.collateralValue),
        ltv: c.ltv,
        by_type: c.byType.map((t) => ({ type: t.type, items: t.items, loans: t.loans, value: money(t.value), share: t.share })),
        ltv_buckets: c.buckets.map((b) => ({
          label: b.upTo === null ? `${b.above ?? 0}%+` : `${b.above ?? 0}-${b.upTo}%`,
          above: b.above,
          up_to: b.upTo,
          loans: b.loans,
          outstanding: money(b.outstanding),
          collateral_value: money(b.collateralValue),
          ltv: ratio(b.outstanding, b.collateralValue),
        })),
      };
    },
  );

  api.get(
    '/api/v1/portfolio/distribution',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Disbursed loans (not applications) by purpose, amount bucket, segment or region: counts, amounts, outstanding, NPA, shares',
        querystring: Type.Object(
          {
            by: Type.Union(DISTRIBUTION_DIMENSIONS.map((d) => Type.Literal(d))),
            edges: Type.Optional(Ints(`amount-bucket edges in major units (default ${DEFAULT_AMOUNT_EDGES.join(',')})`)),
          },
          { additionalProperties: false },
        ),
        response: { 200: DistributionResponse },
      },
    },
    async (request) => {
      const { by } = request.query;
      const rows = await bookDistribution(service.db, by, ints(request.query.edges, DEFAULT_AMOUNT_EDGES));
      return {
        by,
        groups: rows.map((r) => ({
          label: r.label,
          loans: r.loans,
          disbursed: money(r.disbursed),
          active_loans: r.activeLoans,
          outstanding: money(r.outstanding),
          npa_loans: r.npaLoans,
          npa_amount: money(r.npaAmount),
          loan_share: r.loanShare,
          amount_share: r.amountShare,
        })),
      };
    },
  );

  api.get(
    '/api/v1/portfolio/concentration',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Concentration of the active book (outstanding principal) by purpose, region and segment: shares and Herfindahl–Hirschman index',
        querystring: NoQuery,
        response: { 200: ConcentrationResponse },
      },
    },
    async () => {
      const json = (c: BookConcentration) => ({
        hhi: c.hhi,
        hhi_count: c.hhiCount,
        effective_number: c.effectiveNumber,
        shares: c.shares.map((r) => ({ label: r.label, count: r.count, amount: money(r.amount), count_share: r.countShare, amount_share: r.amountShare })),
      });
      const [purpose, region, segment] = await Promise.all(CONCENTRATION_DIMENSIONS.map((by) => bookConcentration(service.db, by)));
      return {
        basis: 'outstanding principal of active loans',
        purpose: json(purpose as BookConcentration),
        region: json(region as BookConcentration),
        segment: json(segment as BookConcentration),
      };
    },
  );

  api.get(
    '/api/v1/portfolio/vintages',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Vintage curves from the stored month-end classification history: cumulative bad rate by month on book per disbursement month',
        querystring: Type.Object(
          {
            bad_dpd: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 90, description: 'bad = dpd ≥ this at a month-end, or written off' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: VintagesResponse },
      },
    },
    async (request) => {
      const v = await bookVintages(service.db, request.query.bad_dpd ?? 90);
      return {
        bad_definition: `dpd >= ${v.badDpd} at a month-end or written off, ever by the month on book`,
        max_mob: v.maxMob,
        vintages: v.vintages.map((x) => ({
          vintage: x.vintage,
          loans: x.loans,
          balance: money(x.balance),
          observed_mob: x.observedMob,
          bads: x.bads,
          count_rate: [...x.countRate],
          balance_rate: [...x.balanceRate],
        })),
      };
    },
  );

  api.get(
    '/api/v1/portfolio/roll-rates',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Roll-rate matrices between dpd buckets, month-end to month-end, from the stored classification history (count and balance shares)',
        querystring: Type.Object(
          { bounds: Type.Optional(Ints('dpd upper bounds of the buckets before 90+, starting with 0 (default 0,30,60,90)')) },
          { additionalProperties: false },
        ),
        response: { 200: RollRatesResponse },
      },
    },
    async (request) => {
      const bounds = ints(request.query.bounds, DEFAULT_DPD_BOUNDS);
      if (bounds[0] !== 0 || bounds.some((b, i) => i > 0 && b <= (bounds[i - 1] as number)))
        throw new CredoError('E_SERVICING_INPUT_INVALID', {
          what: 'bounds',
          problem: `must be ascending whole dpd bounds starting with 0, got ${bounds.join(',')}`,
        });
      const r = await bookRollRates(service.db, bounds);
      return {
        buckets: [...r.buckets],
        transitions: r.transitions,
        counts: r.counts.map((row) => [...row]),
        balances: r.balances.map((row) => row.map((x) => money(x))),
        count_shares: r.countShares.map((row) => [...row]),
        balance_shares: r.balanceShares.map((row) => [...row]),
      };
    },
  );

  api.get(
    '/api/v1/portfolio/ecl',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary:
          'Expected credit loss by IFRS 9 stage: loans, credit lines, exposure (outstanding principal; a line’s drawn + CCF × undrawn), ECL and coverage at each active loan’s and line’s last close',
        querystring: NoQuery,
        response: { 200: EclResponse },
      },
    },
    async () => {
      const e = await eclByStage(service.db);
      const row = (r: { loans: number; lines: number; exposure: number; ecl: number; coverage: number }) => ({
        loans: r.loans,
        lines: r.lines,
        exposure: money(r.exposure),
        ecl: money(r.ecl),
        coverage: r.coverage,
      });
      return { stages: e.stages.map((s) => ({ stage: s.stage, ...row(s) })), total: row(e) };
    },
  );

  api.get(
    '/api/v1/portfolio/alerts',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Portfolio alerts: NPA ratio, net NPA ratio, default rate, concentration (HHI) and stage-2 share against thresholds given in the query',
        querystring: Type.Object(
          {
            npa_ratio_max: ThresholdQuery(DEFAULT_ALERT_THRESHOLDS.npaRatio),
            net_npa_ratio_max: ThresholdQuery(DEFAULT_ALERT_THRESHOLDS.netNpaRatio),
            default_rate_max: ThresholdQuery(DEFAULT_ALERT_THRESHOLDS.defaultRate),
            hhi_max: ThresholdQuery(DEFAULT_ALERT_THRESHOLDS.hhi),
            stage2_share_max: ThresholdQuery(DEFAULT_ALERT_THRESHOLDS.stage2Share),
          },
          { additionalProperties: false },
        ),
        response: { 200: AlertsResponse },
      },
    },
    async (request) => {
      const d = DEFAULT_ALERT_THRESHOLDS;
      const q = request.query;
      const thresholds = {
        npaRatio: q.npa_ratio_max ?? d.npaRatio,
        netNpaRatio: q.net_npa_ratio_max ?? d.netNpaRatio,
        defaultRate: q.default_rate_max ?? d.defaultRate,
        hhi: q.hhi_max ?? d.hhi,
        stage2Share: q.stage2_share_max ?? d.stage2Share,
      };
      const checks = await portfolioChecks(service.db, thresholds);
      return {
        thresholds: {
          npa_ratio_max: thresholds.npaRatio,
          net_npa_ratio_max: thresholds.netNpaRatio,
          default_rate_max: thresholds.defaultRate,
          hhi_max: thresholds.hhi,
          stage2_share_max: thresholds.stage2Share,
        },
        checks,
        alerts: checks
          .filter((c) => c.breached)
          .map((c) => ({ metric: c.metric, value: c.value, threshold: c.threshold, message: `${c.metric} ${c.value.toFixed(4)} is above ${c.threshold}` })),
      };
    },
  );

  api.get(
    '/api/v1/portfolio/trends',
    {
      config: access,
      schema: {
        tags: ['portfolio'],
        summary: 'Monthly trends up to the month of the last close: approvals, disbursements, outstanding and gross NPA ratio at each month’s last close',
        querystring: Type.Object({ months: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, default: 12 })) }, { additionalProperties: false }),
        response: { 200: TrendsResponse },
      },
    },
    async (request) => ({
      months: (await portfolioTrends(service.db, request.query.months ?? 12)).map((m) => ({
        month: m.month,
        decided: m.decided,
        approvals: m.approvals,
        approval_rate: m.approvalRate,
        disbursements: m.disbursements,
        disbursed: money(m.disbursed),
        as_of: m.asOf,
        outstanding: m.outstanding === null ? null : money(m.outstanding),
        npa_amount: m.npaAmount === null ? null : money(m.npaAmount),
        npa_ratio: m.npaRatio,
      })),
    }),
  );
}
