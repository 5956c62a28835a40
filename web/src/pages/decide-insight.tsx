import { useState } from 'preact/hooks';
import { type ApiError, type AppData, api, type Decision } from '../api.js';
import { waterfallBars, waterfallChart } from '../charts/waterfall.js';
import { Chart, DataTable, ErrorBox, Load } from '../components.js';
import { money, num, pct } from '../format.js';
import { useApi } from '../use-api.js';

interface Explained {
  expected_value: number;
  margin: number;
  pd: number;
  method: string;
  contributions: { feature: string; value: number | string | null; contribution: number }[];
}

interface Counterfactual {
  cutoff: number;
  found: boolean;
  pd_before: number;
  pd_after: number | null;
  cost: number | null;
  changes: { feature: string; from: number | null; to: number }[];
  // a bound is null where no data range limits it
  constraints: { feature: string; direction: string; lower: number | null; upper: number | null; source: string }[];
  decision: Decision | null;
}

interface DecisionPath {
  action: string;
  arm: string | null;
  policy: { name: string; version: number } | null;
  steps: { id: string; when: string; action: string; held: boolean; decided: boolean }[];
  shadow: { id: string; action: string; pd: number | null; score: number | null; limit: string | null; rate: string | null; model_hash: string | null } | null;
}

/** The arm field of a request for a decision's own model (the what-if and waterfall of a challenger decision use the challenger). */
function armOf(d: Decision): { arm?: 'champion' | 'challenger' } {
  return d.arm === 'champion' || d.arm === 'challenger' ? { arm: d.arm } : {};
}

/** The reason codes as a contribution waterfall: from the average applicant's log-odds to this application's, input by input. */
export function Contributions({ data, decision }: { data: AppData; decision: Decision }) {
  const body = { data, ...armOf(decision) };
  const explained = useApi<Explained>(`explain:${JSON.stringify(body)}`, () => api<Explained>('/api/v1/decisions/explain', { method: 'POST', body }));
  return (
    <Load value={explained} what="the contributions">
      {(e) => {
        const bars = waterfallBars(
          e.expected_value,
          e.contributions.map((c) => ({ label: c.feature, delta: c.contribution })),
        );
        return (
          <Chart
            title={`Contributions to the log-odds of default: from ${num(e.expected_value)} (reference) to ${num(e.margin)} (PD ${pct(e.pd)})`}
            columns={['input', 'value', 'contribution (log-odds)', 'running total']}
            rows={bars.map((b) => [b.label, String(e.contributions.find((c) => c.feature === b.label)?.value ?? ''), num(b.delta, 4), num(b.end, 4)])}
            render={() => waterfallChart(e.expected_value, bars, 'log-odds of default (right = riskier)')}
          />
        );
      }}
    </Load>
  );
}

/** "What would get this approved": the counterfactual of `credo explain --counterfactual`, and the decision the policy makes on it. */
export function WhatWouldApprove({ data, decision }: { data: AppData; decision: Decision }) {
  const [result, setResult] = useState<Counterfactual | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section class="counterfactual" aria-label="What would get this approved">
      <h3>What would get this approved?</h3>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          api<Counterfactual>('/api/v1/decisions/counterfactual', { method: 'POST', body: { data, ...armOf(decision) } })
            .then(setResult, (e: ApiError) => setError(e))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Searching…' : 'Find the smallest change'}
      </button>
      {error !== null && <ErrorBox error={error} what="the counterfactual" />}
      {result !== null && (
        <div data-counterfactual={result.found ? 'found' : 'none'}>
          {!result.found ? (
            <p>
              No allowed change of {result.constraints.map((c) => c.feature).join(', ') || 'the actionable inputs'} brings the PD below {pct(result.cutoff)}.
            </p>
          ) : result.changes.length === 0 ? (
            <p>The PD is already below the cutoff {pct(result.cutoff)}; a rule, not the PD, decides this application.</p>
          ) : (
            <>
              <p>
                PD {pct(result.pd_before)} → <strong data-field="cf-pd">{pct(result.pd_after)}</strong> (cutoff {pct(result.cutoff)}), cost {num(result.cost)}{' '}
                standard deviations. With these changes the policy would{' '}
                <span class={`action ${result.decision?.action ?? ''}`} data-field="cf-action">
                  {result.decision?.action}
                </span>
                {result.decision?.limit ? ` (limit ${money(result.decision.limit)})` : ''}.
              </p>
              <DataTable
                caption="Smallest change found"
                columns={['input', 'from', 'to']}
                rows={result.changes.map((c) => [c.feature, c.from === null ? 'missing' : num(c.from, 4), num(c.to, 4)])}
              />
            </>
          )}
          <p class="hint">
            Allowed moves: {result.constraints.map((c) => `${c.feature} ${c.direction} within [${num(c.lower)}, ${num(c.upper)}]`).join('; ')} (reason
            catalogue, ranges of recent applications).
          </p>
        </div>
      )}
    </section>
  );
}

/** A stored decision's path through its policy: every rule in order, which held, which decided; and the champion's shadow of a challenger decision. */
export function DecisionPathView({ decision }: { decision: Decision }) {
  const path = useApi<DecisionPath>(`/api/v1/decisions/${decision.id}/path`);
  return (
    <Load value={path} what="the decision path">
      {(p) => (
        <>
          <h3>Decision path{p.policy !== null ? ` (policy ${p.policy.name} v${p.policy.version})` : ''}</h3>
          <ol class="path" aria-label="Rules in policy order">
            {p.steps.map((s) => (
              <li key={s.id} class={s.decided ? 'decided' : s.held ? 'held' : 'passed'}>
                <code>{s.id}</code> <span>{s.when}</span> → {s.action}:{' '}
                <strong>{s.decided ? 'held and decided' : s.held ? 'held (an earlier rule decided)' : 'did not hold'}</strong>
              </li>
            ))}
            {!p.steps.some((s) => s.decided) && <li class="decided">no rule held: approved</li>}
          </ol>
          {p.shadow !== null && (
            <DataTable
              caption="Champion vs challenger on this application"
              columns={['arm', 'action', 'PD', 'score', 'limit', 'rate']}
              rows={[
                ['challenger (decided)', decision.action, pct(decision.pd), decision.score ?? '', money(decision.limit), decision.rate ?? ''],
                ['champion (shadow)', p.shadow.action, pct(p.shadow.pd), p.shadow.score ?? '', money(p.shadow.limit), p.shadow.rate ?? ''],
              ]}
            />
          )}
        </>
      )}
    </Load>
  );
}
