// @ts-nocheck
// 
import * as Plot from '@observablehq/plot';
import { useState } from 'preact/hooks';
import { Chart, DataTable, Empty, Load } from '../components.js';
import { num, pct } from '../format.js';
import { useApi } from '../use-api.js';

interface Losses {
  currency: string;
  lgd: number;
  loans: number;
  exposure: number;
  scenarios: {
    scenario: string;
    el: number;
    analytic_el: number;
    tails: { alpha: number; var: number; es: number }[];
    histogram: { from: number; to: number; probability: number }[];
  }[];
}
interface Kpis {
  approval_rate: number;
  bad_rate: number;
  el: number;
  capital: number;
  profit: number;
  approved: number;
}
interface Optimum {
  rows: number;
  bad_rate_max: number;
  currency: string;
  result: {
    status: string;
    profit?: number;
    assignment?: { segment: string; accounts: number; action: string; current_approved_share?: number }[];
    kpis?: Kpis;
    current?: Kpis;
    delta?: Kpis;
    message?: string;
  };
  frontier?: { parameter: string; points: { value: number; status: string; profit: number | null; kpis: Kpis | null }[] };
}

const amount = (x: number | null | undefined) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const signed = (x: number, f: (v: number) => string) => `${x >= 0 ? '+' : '−'}${f(Math.abs(x))}`;

/** One macro scenario's loss histogram with EL, VaR and ES markers. */
function LossHistogram({ s, currency }: { s: Losses['scenarios'][number]; currency: string }) {
  const v99 = s.tails.find((t) => t.alpha === 0.99);
  const markers = [
    { name: 'EL', x: s.el, stroke: '#14233c' },
    ...(v99 === undefined
      ? []
      : [
          { name: 'VaR 99%', x: v99.var, stroke: '#8a5300' },
          { name: 'ES 99%', x: v99.es, stroke: '#b3261e' },
        ]),
  ];
  return (
    <Chart
      title={`Loss distribution, ${s.scenario}: EL ${amount(s.el)}, VaR 99% ${amount(v99?.var)}, ES 99% ${amount(v99?.es)} ${currency}`}
      columns={['loss from', 'loss to', 'probability']}
      rows={s.histogram.map((h) => [amount(h.from), amount(h.to), pct(h.probability)])}
      render={() =>
        Plot.plot({
          height: 220,
          x: { label: `one-year loss (${currency})` },
          y: { label: 'probability', tickFormat: '.0%', grid: true },
          color: { domain: markers.map((m) => m.name), range: markers.map((m) => m.stroke), legend: true },
          marks: [
            Plot.rectY(s.histogram, { x1: 'from', x2: 'to', y: 'probability', fill: '#c9d3e3' }),
            Plot.ruleX(markers, { x: 'x', stroke: 'name', strokeWidth: 2 }),
          ],
        })
      }
    />
  );
}

/** The optimised policy: frontier with the chosen point, and the assignment with deltas against the current policy. */
function OptimumView({ o }: { o: Optimum }) {
  const r = o.result;
  const points = (o.frontier?.points ?? []).filter((p) => p.profit !== null && p.kpis !== null) as { value: number; profit: number; kpis: Kpis }[];
  if (r.assignment === undefined || r.kpis === undefined)
    return (
      <Empty>
        No feasible policy at a bad-rate cap of {pct(o.bad_rate_max)}: {r.message ?? r.status}
      </Empty>
    );
  const chosen = { bad_rate: r.kpis.bad_rate, profit: r.kpis.profit };
  const k = r.kpis;
  const c = r.current;
  const d = r.delta;
  return (
    <>
      <Chart
        title={`Efficient frontier: profit against the expected bad rate of the approved (chosen: cap ${pct(o.bad_rate_max)})`}
        columns={['bad-rate cap', 'status', 'approval rate', 'bad rate', `profit (${o.currency})`]}
        rows={(o.frontier?.points ?? []).map((p) => [pct(p.value), p.status, pct(p.kpis?.approval_rate), pct(p.kpis?.bad_rate), amount(p.profit)])}
        render={() =>
          Plot.plot({
            height: 240,
            marginLeft: 80,
            x: { label: 'expected bad rate of the approved', tickFormat: '.1%' },
            y: { label: `profit (${o.currency})`, grid: true },
            marks: [
              Plot.line(points, { x: (p: { kpis: Kpis }) => p.kpis.bad_rate, y: 'profit', stroke: '#1f5fbf' }),
              Plot.dot(points, { x: (p: { kpis: Kpis }) => p.kpis.bad_rate, y: 'profit', fill: '#1f5fbf' }),
              Plot.dot([chosen], { x: 'bad_rate', y: 'profit', r: 7, stroke: '#b3261e', strokeWidth: 2 }),
              Plot.text([chosen], { x: 'bad_rate', y: 'profit', text: () => 'chosen', dy: -12, fill: '#b3261e' }),
            ],
          })
        }
      />
      {c !== undefined && d !== undefined && (
        <DataTable
          caption="Optimised vs current policy on the same applications"
          columns={['', 'approval rate', 'bad rate', `EL (${o.currency})`, `capital (${o.currency})`, `profit (${o.currency})`]}
          rows={[
            ['current', pct(c.approval_rate), pct(c.bad_rate), amount(c.el), amount(c.capital), amount(c.profit)],
            ['optimised', pct(k.approval_rate), pct(k.bad_rate), amount(k.el), amount(k.capital), amount(k.profit)],
            [
              'change',
              signed(d.approval_rate, (v) => pct(v)),
              signed(d.bad_rate, (v) => pct(v)),
              signed(d.el, amount),
              signed(d.capital, amount),
              signed(d.profit, amount),
            ],
          ]}
        />
      )}
      <DataTable
        caption={`Optimised assignment by segment (${o.rows} recent applications)`}
        columns={['segment', 'applications', 'optimised action', 'current approved share', 'change']}
        rows={r.assignment.map((a) => {
          const now = a.current_approved_share;
          const next = a.action === 'decline' ? 0 : 1;
          return [a.segment, a.accounts, a.action, now === undefined ? '—' : pct(now, 0), now === undefined ? '—' : signed(next - now, (v) => pct(v, 0))];
        })}
      />
    </>
  );
}

/** Simulate & optimise: the book's loss distribution per macro scenario; optimised cutoffs with their frontier and deltas. */
export function SimulatePage() {
  const losses = useApi<Losses>('/api/v1/simulate/losses?scenarios=5000');
  const [cap, setCap] = useState('0.04');
  const optimum = useApi<Optimum>(`/api/v1/simulate/optimise?bad_rate_max=${cap}`);
  return (
    <>
      <h1>Simulate &amp; optimise</h1>
      <section class="card" aria-labelledby="sim-h">
        <h2 id="sim-h">Loss simulation of the active book</h2>
        <Load value={losses} what="the loss simulation">
          {(l) =>
            l.scenarios.length === 0 ? (
              <Empty>No active loans to simulate.</Empty>
            ) : (
              <>
                <p>
                  {l.loans} active loans, exposure {amount(l.exposure)} {l.currency}, LGD {pct(l.lgd, 0)}; one-factor Gaussian copula (ρ 0.15), 5,000 scenarios,
                  the economy shifted by 0, −1 and −2 standard deviations.
                </p>
                <DataTable
                  caption="Loss figures per macro scenario"
                  columns={['scenario', 'EL (simulated)', 'EL (exact)', 'VaR 99%', 'ES 99%', 'VaR 99.9%', 'ES 99.9%']}
                  rows={l.scenarios.map((s) => [s.scenario, amount(s.el), amount(s.analytic_el), ...s.tails.flatMap((t) => [amount(t.var), amount(t.es)])])}
                />
                <div class="grid">
                  {l.scenarios.map((s) => (
                    <LossHistogram key={s.scenario} s={s} currency={l.currency} />
                  ))}
                </div>
              </>
            )
          }
        </Load>
      </section>
      <section class="card" aria-labelledby="opt-h">
        <h2 id="opt-h">Optimised approval cutoffs</h2>
        <label for="cap">Bad-rate cap of the approved</label>
        <select id="cap" value={cap} onChange={(e) => setCap(e.currentTarget.value)}>
          {['0.03', '0.04', '0.05', '0.06'].map((v) => (
            <option key={v} value={v}>
              {pct(Number(v), 0)}
            </option>
          ))}
        </select>
        <Load value={optimum} what="the optimisation">
          {(o) => <OptimumView o={o} />}
        </Load>
        <p class="hint">
          Segments: six bands of the champion's PD × channel; actions decline, approve, or approve 80% at +1 point (HiGHS, {num(5)} s limit per solve).
        </p>
      </section>
    </>
  );
}
