// @ts-nocheck
import * as Plot from '@observablehq/plot';
import { useState } from 'preact/hooks';
import { Chart, DataTable, Empty, Kpi, Load, type Rag, ragOf } from '../components.js';
import { money, num, pct } from '../format.js';
import { useApi } from '../use-api.js';

// Shapes of the portfolio helper's routes (branch `portfolio`, src/server/routes/portfolio.ts): GET /api/v1/portfolio/{ecl,alerts,trends,concentration,vintages,roll-rates,npa}.
interface Ecl {
  stages: { stage: number; loans: number; exposure: string; ecl: string; coverage: number }[];
  total: { loans: number; exposure: string; ecl: string; coverage: number };
}
interface Alerts {
  checks: { metric: string; value: number; threshold: number; breached: boolean }[];
  alerts: { metric: string; value: number; threshold: number; message: string }[];
}
interface Trends {
  months: {
    month: string;
    decided: number;
    approvals: number;
    approval_rate: number | null;
    disbursements: number;
    disbursed: string;
    outstanding: string | null;
    npa_ratio: number | null;
  }[];
}
type Concentration = {
  hhi: number;
  effective_number: number;
  shares: { label: string; count: number; amount: string; count_share: number; amount_share: number }[];
};
interface Concentrations {
  basis: string;
  purpose: Concentration;
  region: Concentration;
  segment: Concentration;
}
interface Vintages {
  bad_definition: string;
  max_mob: number;
  vintages: { vintage: string; loans: number; count_rate: (number | null)[] }[];
}
interface RollRates {
  buckets: string[];
  transitions: number;
  counts: number[][];
  count_shares: (number | null)[][];
}
interface Npa {
  classes: { irac_class: string; npa: boolean; loans: number; outstanding: string; provision: string }[];
}
interface BookRisk {
  currency: string;
  exposure: number;
  el: number;
  el_rate: number;
  rwa: number;
  raroc: number | null;
  assumptions: string;
}

const whole = (x: number) => Math.round(x).toLocaleString('en-US');

/** RAROC against the 18% hurdle of the shipped policy: red below 12%, amber below 18%. */
function rarocRag(x: number): Rag {
  return x < 0.12 ? 'red' : x < 0.18 ? 'amber' : 'green';
}

/** Risk tiles: EL, RWA, RAROC of the active book and ECL by IFRS 9 stage. */
export function RiskTiles() {
  const risk = useApi<BookRisk>('/api/v1/book/risk');
  const ecl = useApi<Ecl>('/api/v1/portfolio/ecl');
  return (
    <div class="kpis">
      <Load value={risk} what="the book's risk">
        {(r) => (
          <>
            <Kpi
              label="Expected loss"
              value={`${whole(r.el)} (${pct(r.el_rate)})`}
              rag={ragOf(r.el_rate, 0.03, 0.06)}
              rule="of exposure: amber > 3%, red > 6%"
            />
            <Kpi
              label="RWA (IRB other retail)"
              value={whole(r.rwa)}
              rag={ragOf(r.rwa / Math.max(1, r.exposure), 0.75, 1)}
              rule="density: amber > 75%, red > 100%"
            />
            <Kpi
              label="RAROC"
              value={r.raroc === null ? '—' : pct(r.raroc)}
              {...(r.raroc === null ? {} : { rag: rarocRag(r.raroc) })}
              rule="amber < 18% hurdle, red < 12%"
            />
          </>
        )}
      </Load>
      <Load value={ecl} what="ECL by stage">
        {(e) => (
          <>
            {e.stages.map((s) => (
              <Kpi key={s.stage} label={`ECL stage ${s.stage} (${s.loans} loans, ${pct(s.coverage)} cover)`} value={money(s.ecl)} />
            ))}
          </>
        )}
      </Load>
    </div>
  );
}

/** The alerts the portfolio checks raise, with their thresholds. */
export function AlertList() {
  const alerts = useApi<Alerts>('/api/v1/portfolio/alerts');
  return (
    <section class="card" aria-labelledby="alerts-h">
      <h2 id="alerts-h">Alerts</h2>
      <Load value={alerts} what="alerts">
        {(a) =>
          a.alerts.length === 0 ? (
            <p class="ok">No threshold breached ({a.checks.length} checks).</p>
          ) : (
            <ul class="alerts">
              {a.alerts.map((x) => (
                <li key={x.metric} data-alert={x.metric}>
                  <strong>Alert:</strong> {x.message} ({num(x.value, 4)} against {num(x.threshold, 4)})
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </section>
  );
}

/** Monthly trends: approval rate and NPA ratio by month, disbursements. */
export function TrendCharts() {
  const trends = useApi<Trends>('/api/v1/portfolio/trends');
  return (
    <section class="card">
      <Load value={trends} what="monthly trends">
        {(t) => {
          const lines = t.months.flatMap((m) => [
            ...(m.approval_rate === null ? [] : [{ month: m.month, rate: m.approval_rate, series: 'approval rate' }]),
            ...(m.npa_ratio === null ? [] : [{ month: m.month, rate: m.npa_ratio, series: 'gross NPA ratio' }]),
          ]);
          return (
            <Chart
              title="Monthly trends: approval rate and gross NPA ratio"
              columns={['month', 'decided', 'approval rate', 'disbursements', 'disbursed', 'NPA ratio']}
              rows={t.months.map((m) => [m.month, m.decided, pct(m.approval_rate), m.disbursements, money(m.disbursed), pct(m.npa_ratio)])}
              render={() =>
                Plot.plot({
                  height: 220,
                  x: { label: 'month', type: 'point' },
                  y: { label: 'rate', tickFormat: '.0%', grid: true },
                  color: { legend: true, domain: ['approval rate', 'gross NPA ratio'], range: ['#1f5fbf', '#b3261e'] },
                  marks: [Plot.line(lines, { x: 'month', y: 'rate', stroke: 'series', marker: 'dot' })],
                })
              }
            />
          );
        }}
      </Load>
    </section>
  );
}

/** Outstanding principal by IRAC class (NPA classes marked). */
export function NpaClasses() {
  const npa = useApi<Npa>('/api/v1/portfolio/npa');
  return (
    <section class="card">
      <Load value={npa} what="the NPA classes">
        {(n) => {
          const rows = n.classes.map((c) => ({ ...c, amount: Number(c.outstanding), kind: c.npa ? 'NPA' : 'performing' }));
          return (
            <Chart
              title="Outstanding principal by IRAC class"
              columns={['class', 'NPA', 'loans', 'outstanding', 'provision']}
              rows={rows.filter((r) => r.loans > 0).map((r) => [r.irac_class, r.npa ? 'yes' : 'no', r.loans, money(r.outstanding), money(r.provision)])}
              render={() =>
                Plot.plot({
                  height: 220,
                  marginLeft: 100,
                  x: { label: 'outstanding principal', grid: true },
                  y: { label: null, domain: rows.map((r) => r.irac_class) },
                  color: { legend: true, domain: ['performing', 'NPA'], range: ['#1f5fbf', '#b3261e'] },
                  marks: [Plot.barX(rows, { y: 'irac_class', x: 'amount', fill: 'kind' }), Plot.ruleX([0])],
                })
              }
            />
          );
        }}
      </Load>
    </section>
  );
}

/** Concentration of the active book by purpose, region or segment, with the HHI. */
export function ConcentrationChart() {
  const conc = useApi<Concentrations>('/api/v1/portfolio/concentration');
  const [by, setBy] = useState<'purpose' | 'region' | 'segment'>('purpose');
  return (
    <section class="card">
      <label for="conc-by">Concentration by</label>
      <select id="conc-by" value={by} onChange={(e) => setBy(e.currentTarget.value as typeof by)}>
        <option>purpose</option>
        <option>region</option>
        <option>segment</option>
      </select>
      <Load value={conc} what="the concentration">
        {(c) => {
          const d = c[by];
          return (
            <Chart
              title={`Concentration by ${by}: HHI ${num(d.hhi, 3)} (effectively ${num(d.effective_number, 1)} equal groups)`}
              columns={[by, 'loans', 'outstanding', 'share of outstanding']}
              rows={d.shares.map((s) => [s.label, s.count, money(s.amount), pct(s.amount_share)])}
              render={() =>
                Plot.plot({
                  height: 40 + d.shares.length * 24,
                  marginLeft: 110,
                  x: { label: 'share of outstanding principal', tickFormat: '.0%', grid: true },
                  y: { label: null },
                  marks: [Plot.barX(d.shares, { y: 'label', x: 'amount_share', fill: '#14233c', sort: { y: '-x' } }), Plot.ruleX([0])],
                })
              }
            />
          );
        }}
      </Load>
    </section>
  );
}

/** Vintage curves: cumulative bad rate by month on book, one line per disbursement month. */
export function VintageCurves() {
  const v = useApi<Vintages>('/api/v1/portfolio/vintages');
  return (
    <section class="card">
      <Load value={v} what="the vintages">
        {(d) => {
          const points = d.vintages.flatMap((x) => x.count_rate.flatMap((r, j) => (r === null ? [] : [{ vintage: x.vintage, mob: j + 1, rate: r }])));
          return (
            <Chart
              title={`Vintage curves: cumulative bad rate by month on book (${d.bad_definition})`}
              columns={['vintage', 'loans', 'month on book', 'bad rate']}
              rows={points.map((p) => [p.vintage, d.vintages.find((x) => x.vintage === p.vintage)?.loans ?? 0, p.mob, pct(p.rate)])}
              render={() =>
                Plot.plot({
                  height: 240,
                  x: { label: 'month on book' },
                  y: { label: 'cumulative bad rate', tickFormat: '.0%', grid: true },
                  color: { legend: true, type: 'ordinal', scheme: 'viridis' },
                  marks: [Plot.line(points, { x: 'mob', y: 'rate', stroke: 'vintage', marker: 'dot' })],
                })
              }
            />
          );
        }}
      </Load>
    </section>
  );
}

/** Roll rates between delinquency buckets from one month end to the next, as a heatmap of shares. */
export function RollRateHeatmap() {
  const r = useApi<RollRates>('/api/v1/portfolio/roll-rates');
  return (
    <section class="card">
      <Load value={r} what="the roll rates">
        {(d) => {
          if (d.transitions === 0) return <Empty>No month-end transitions yet.</Empty>;
          const cells = d.buckets.flatMap((from, i) =>
            d.buckets.map((to, j) => ({ from, to, share: d.count_shares[i]?.[j] ?? null, count: d.counts[i]?.[j] ?? 0 })),
          );
          return (
            <Chart
              title={`Roll rates between delinquency buckets, month end to month end (${d.transitions} transitions)`}
              columns={['from', 'to', 'loans', 'share of from']}
              rows={cells.filter((c) => c.count > 0).map((c) => [c.from, c.to, c.count, pct(c.share)])}
              render={() =>
                Plot.plot({
                  height: 60 + d.buckets.length * 34,
                  marginLeft: 80,
                  x: { label: 'to', domain: d.buckets },
                  y: { label: 'from', domain: d.buckets },
                  color: { scheme: 'blues', legend: true, label: 'share of the row', domain: [0, 1] },
                  marks: [
                    Plot.cell(cells, { x: 'to', y: 'from', fill: (c: { share: number | null }) => c.share ?? 0 }),
                    Plot.text(cells, {
                      x: 'to',
                      y: 'from',
                      text: (c: { share: number | null }) => (c.share === null ? '' : pct(c.share, 0)),
                      fill: (c: { share: number | null }) => ((c.share ?? 0) > 0.5 ? 'white' : 'black'),
                    }),
                  ],
                })
              }
            />
          );
        }}
      </Load>
    </section>
  );
}

/** The ECL table by stage (the tiles' numbers with exposure and coverage). */
export function EclTable() {
  const ecl = useApi<Ecl>('/api/v1/portfolio/ecl');
  return (
    <Load value={ecl} what="ECL by stage">
      {(e) => (
        <DataTable
          caption="ECL by IFRS 9 stage"
          columns={['stage', 'loans', 'exposure', 'ECL', 'coverage']}
          rows={[
            ...e.stages.map((s) => [s.stage, s.loans, money(s.exposure), money(s.ecl), pct(s.coverage)]),
            ['all', e.total.loans, money(e.total.exposure), money(e.total.ecl), pct(e.total.coverage)],
          ]}
        />
      )}
    </Load>
  );
}
