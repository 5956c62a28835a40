import * as Plot from '@observablehq/plot';
import { Chart, DataTable, Empty, Load } from '../components.js';
import { num, pct } from '../format.js';
import { useApi } from '../use-api.js';

interface ModelEntry {
  id: string;
  hash: string;
  kind: string;
  status: string;
  share: number | null;
  created_at?: string;
  metrics: {
    valid?: { auc: number; ks: number; gini: number; logloss: number; brier: number; bad_rate: number; rows: number };
    gains?: { band: number; count: number; bad_rate: number; cum_bad_capture: number; lift: number }[];
    calibration?: { band: number; mean_pd: number; observed_bad_rate: number; count: number }[];
  };
}

/** Models: the registry, champion vs challenger metrics, cumulative gains and calibration on the validation split. */
export function ModelsPage() {
  const models = useApi<{ items: ModelEntry[] }>('/api/v1/models');
  return (
    <>
      <h1>Models</h1>
      <Load value={models} what="the model registry">
        {({ items }) => {
          if (items.length === 0) return <Empty>No models registered yet.</Empty>;
          const live = items.filter((m) => m.status === 'champion' || m.status === 'challenger');
          const gains = live.flatMap((m) =>
            (m.metrics.gains ?? []).map((g) => ({ model: `${m.status} (${m.kind})`, share: g.band / 10, capture: g.cum_bad_capture })),
          );
          const calibration = live.flatMap((m) =>
            (m.metrics.calibration ?? []).map((c) => ({ model: `${m.status} (${m.kind})`, predicted: c.mean_pd, observed: c.observed_bad_rate })),
          );
          return (
            <>
              <section class="card">
                <DataTable
                  caption="Registry"
                  columns={['status', 'kind', 'share', 'hash', 'AUC', 'KS', 'Gini', 'log loss', 'Brier']}
                  rows={items.map((m) => [
                    m.status,
                    m.kind,
                    m.share === null ? '' : pct(m.share, 0),
                    m.hash.slice(0, 12),
                    num(m.metrics.valid?.auc),
                    num(m.metrics.valid?.ks),
                    num(m.metrics.valid?.gini),
                    num(m.metrics.valid?.logloss, 4),
                    num(m.metrics.valid?.brier, 4),
                  ])}
                />
              </section>
              <div class="grid">
                <section class="card">
                  <Chart
                    title="Cumulative gains: share of bads caught in the riskiest deciles (validation split)"
                    columns={['model', 'riskiest share', 'bads caught']}
                    rows={gains.map((g) => [g.model, pct(g.share, 0), pct(g.capture)])}
                    render={() =>
                      Plot.plot({
                        height: 260,
                        x: { label: 'share of applicants, riskiest first', tickFormat: '.0%', domain: [0, 1] },
                        y: { label: 'share of bads caught', tickFormat: '.0%', domain: [0, 1], grid: true },
                        color: { legend: true },
                        marks: [
                          Plot.line(
                            [
                              { x: 0, y: 0 },
                              { x: 1, y: 1 },
                            ],
                            { x: 'x', y: 'y', stroke: '#aaa', strokeDasharray: '4,3' },
                          ),
                          Plot.line(gains, { x: 'share', y: 'capture', stroke: 'model', marker: 'dot' }),
                        ],
                      })
                    }
                  />
                </section>
                <section class="card">
                  <Chart
                    title="Calibration: mean predicted PD vs observed bad rate by decile (validation split)"
                    columns={['model', 'predicted PD', 'observed bad rate']}
                    rows={calibration.map((c) => [c.model, pct(c.predicted), pct(c.observed)])}
                    render={() =>
                      Plot.plot({
                        height: 260,
                        x: { label: 'mean predicted PD', tickFormat: '.0%' },
                        y: { label: 'observed bad rate', tickFormat: '.0%', grid: true },
                        color: { legend: true },
                        marks: [
                          Plot.line(
                            [
                              { x: 0, y: 0 },
                              { x: 0.2, y: 0.2 },
                            ],
                            { x: 'x', y: 'y', stroke: '#aaa', strokeDasharray: '4,3' },
                          ),
                          Plot.dot(calibration, { x: 'predicted', y: 'observed', stroke: 'model' }),
                        ],
                      })
                    }
                  />
                </section>
              </div>
            </>
          );
        }}
      </Load>
    </>
  );
}
