// @ts-nocheck
// 
import { DataTable, Empty, Load } from '../components.js';
import { num, pct } from '../format.js';
import { useApi } from '../use-api.js';
import { ModelPanel } from './model-panel.js';

interface ModelEntry {
  id: string;
  hash: string;
  kind: string;
  status: string;
  share: number | null;
  created_at?: string;
  metrics: {
    valid?: { auc: number; ks: number; gini: number; logloss: number; brier: number; bad_rate: number; rows: number };
  };
}

/** Models: the registry, and the champion and challenger side by side: ROC, KS, gains/lift, calibration, SHAP summary and dependence, PSI/CSI. */
export function ModelsPage() {
  const models = useApi<{ items: ModelEntry[] }>('/api/v1/models');
  return (
    <>
      <h1>Models</h1>
      <Load value={models} what="the model registry">
        {({ items }) => {
          if (items.length === 0) return <Empty>No models registered yet.</Empty>;
          // champion first, challenger beside it
          const live = ['champion', 'challenger'].flatMap((status) => items.filter((m) => m.status === status));
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
                {live.map((m) => (
                  <ModelPanel key={m.id} id={m.id} label={`${m.status} (${m.kind})`} />
                ))}
              </div>
            </>
          );
        }}
      </Load>
    </>
  );
}
