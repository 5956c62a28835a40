// @ts-nocheck
// 
import * as Plot from '@observablehq/plot';
import { api } from '../api.js';
import { Chart, Kpi, Load, ragOf } from '../components.js';
import { money, pct } from '../format.js';
import { useApi } from '../use-api.js';
import { AlertList, ConcentrationChart, EclTable, NpaClasses, RiskTiles, RollRateHeatmap, TrendCharts, VintageCurves } from './portfolio-book.js';

interface Summary {
  counts_by_state: Record<string, number>;
  disbursed_count: number;
  disbursed: string;
  average_size: string;
  outstanding: string;
  npa_loans: number;
  npa_amount: string;
  npa_provisions: string;
  provisions: string;
  ecl: string;
  gross_npa_ratio: number;
  net_npa_ratio: number;
  default_rate: number;
  approval_rate: number;
}
interface LoanRow {
  irac_class: string;
  ifrs9_stage: number;
  outstanding_principal: string;
  disbursed_on: string | null;
}

/** Every loan of the book (pages of 200). */
async function allLoans(): Promise<LoanRow[]> {
  const out: LoanRow[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api<{ total: number; items: LoanRow[] }>(`/api/v1/loans?limit=200&offset=${offset}`);
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

/** Decisions by action, from the application list totals. */
async function decisionsByAction(): Promise<{ action: string; count: number }[]> {
  return Promise.all(
    ['approve', 'refer', 'decline'].map(async (action) => ({
      action,
      count: (await api<{ total: number }>(`/api/v1/applications?limit=1&action=${action}`)).total,
    })),
  );
}

/**
 * Portfolio: KPI tiles with red/amber/green states (approval and default rates, gross and net NPA,
 * EL, RWA, RAROC, ECL by stage), alerts, monthly trends, decisions by action, NPA classes, IFRS 9
 * stages, disbursals, concentration, vintage curves and the roll-rate heatmap.
 */
export function PortfolioPage() {
  const summary = useApi<Summary>('/api/v1/portfolio/summary');
  const loans = useApi<LoanRow[]>('all-loans', allLoans);
  const actions = useApi<{ action: string; count: number }[]>('actions', decisionsByAction);
  return (
    <>
      <h1>Portfolio</h1>
      <Load value={summary} what="the portfolio summary">
        {(s) => (
          <div class="kpis">
            <Kpi
              label="Approval rate"
              value={pct(s.approval_rate)}
              rag={s.approval_rate < 0.3 ? 'red' : s.approval_rate < 0.5 ? 'amber' : 'green'}
              rule="amber < 50%, red < 30%"
            />
            <Kpi label="Default rate" value={pct(s.default_rate)} rag={ragOf(s.default_rate, 0.05, 0.1)} rule="amber > 5%, red > 10%" />
            <Kpi label="Gross NPA ratio" value={pct(s.gross_npa_ratio)} rag={ragOf(s.gross_npa_ratio, 0.03, 0.06)} rule="amber > 3%, red > 6%" />
            <Kpi label="Net NPA ratio" value={pct(s.net_npa_ratio)} rag={ragOf(s.net_npa_ratio, 0.01, 0.03)} rule="amber > 1%, red > 3%" />
            <Kpi label="Outstanding" value={money(s.outstanding)} />
            <Kpi label="Disbursed" value={`${money(s.disbursed)} (${s.disbursed_count} loans)`} />
            <Kpi label="ECL (IFRS 9)" value={money(s.ecl)} />
            <Kpi label="NPA amount" value={`${money(s.npa_amount)} (${s.npa_loans} loans)`} />
            <Kpi label="Provisions" value={money(s.provisions)} />
          </div>
        )}
      </Load>
      <RiskTiles />
      <AlertList />
      <div class="grid">
        <TrendCharts />
        <section class="card">
          <Load value={actions} what="decisions by action">
            {(a) => (
              <Chart
                title="Decisions by action"
                columns={['action', 'applications']}
                rows={a.map((r) => [r.action, r.count])}
                render={() =>
                  Plot.plot({
                    height: 200,
                    marginLeft: 70,
                    x: { label: 'applications', grid: true },
                    marks: [Plot.barX(a, { y: 'action', x: 'count', fill: '#1f5fbf' }), Plot.ruleX([0])],
                  })
                }
              />
            )}
          </Load>
        </section>
        <NpaClasses />
        <section class="card">
          <Load value={loans} what="the loan book">
            {(l) => {
              const stages = [1, 2, 3].map((st) => ({ stage: `Stage ${st}`, loans: l.filter((x) => x.ifrs9_stage === st).length }));
              return (
                <Chart
                  title="Loans by IFRS 9 stage"
                  columns={['stage', 'loans']}
                  rows={stages.map((r) => [r.stage, r.loans])}
                  render={() =>
                    Plot.plot({
                      height: 180,
                      marginLeft: 70,
                      x: { label: 'loans', grid: true },
                      marks: [Plot.barX(stages, { y: 'stage', x: 'loans', fill: '#14233c' }), Plot.ruleX([0])],
                    })
                  }
                />
              );
            }}
          </Load>
        </section>
        <section class="card">
          <Load value={loans} what="the loan book">
            {(l) => {
              const months = new Map<string, number>();
              for (const x of l) if (x.disbursed_on !== null) months.set(x.disbursed_on.slice(0, 7), (months.get(x.disbursed_on.slice(0, 7)) ?? 0) + 1);
              const rows = [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, loans]) => ({ month, loans }));
              return (
                <Chart
                  title="Loans disbursed by month"
                  columns={['month', 'loans']}
                  rows={rows.map((r) => [r.month, r.loans])}
                  render={() =>
                    Plot.plot({
                      height: 200,
                      x: { label: 'month', type: 'band', tickRotate: -30 },
                      y: { label: 'loans', grid: true },
                      marks: [Plot.barY(rows, { x: 'month', y: 'loans', fill: '#1d7a38' }), Plot.ruleY([0])],
                    })
                  }
                />
              );
            }}
          </Load>
        </section>
        <ConcentrationChart />
        <VintageCurves />
        <RollRateHeatmap />
        <section class="card">
          <EclTable />
        </section>
      </div>
    </>
  );
}
