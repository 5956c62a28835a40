import { useState } from 'preact/hooks';
import { DataTable, Empty, Load } from '../components.js';
import { useApi } from '../use-api.js';

interface PolicyEntry {
  id: string;
  name: string;
  version: number;
  active: boolean;
  effective_from?: string | null;
  created_at?: string;
}

/** Strategy lab: the policy versions and the YAML of one (editing, lift and swap sets are CLI-only for now). */
export function StrategyPage() {
  const policies = useApi<{ items: PolicyEntry[] }>('/api/v1/policies');
  const [open, setOpen] = useState<string | null>(null);
  const detail = useApi<{ yaml?: string; text?: string }>(open === null ? null : `/api/v1/policies/${open}`);
  return (
    <>
      <h1>Strategy lab</h1>
      <p class="state empty">
        Editing rules, the sequential lift and swap-set comparison are not in the API yet: run them with <code>credo rules lift</code> and{' '}
        <code>credo swapset</code>. This page shows the registered policies.
      </p>
      <Load value={policies} what="policies">
        {({ items }) =>
          items.length === 0 ? (
            <Empty>No policy registered.</Empty>
          ) : (
            <section class="card">
              <DataTable
                caption="Policy versions"
                columns={['name', 'version', 'active', 'id']}
                rows={items.map((p) => [p.name, p.version, p.active ? 'active' : '', p.id.slice(0, 8)])}
              />
              <div class="row">
                {items.map((p) => (
                  <button type="button" class="secondary" key={p.id} onClick={() => setOpen(p.id)}>
                    Show {p.name} v{p.version}
                  </button>
                ))}
              </div>
            </section>
          )
        }
      </Load>
      {open !== null && (
        <section class="card" aria-labelledby="yaml-h">
          <h2 id="yaml-h">Policy YAML</h2>
          <Load value={detail} what="the policy">
            {(d) => <pre>{d.yaml ?? d.text ?? JSON.stringify(d, null, 2)}</pre>}
          </Load>
        </section>
      )}
    </>
  );
}
