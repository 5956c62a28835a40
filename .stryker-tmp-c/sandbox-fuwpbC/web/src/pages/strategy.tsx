// @ts-nocheck
import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, api } from '../api.js';
import { Chart, DataTable, Empty, ErrorBox, Load } from '../components.js';
import { money, pct } from '../format.js';
import { useApi } from '../use-api.js';

interface PolicyEntry {
  id: string;
  name: string;
  version: number;
  active: boolean;
}
interface Issue {
  field: string;
  message: string;
  line?: number;
  column?: number;
}
interface LiftRow {
  rule: string;
  action?: string;
  touched: number;
  touched_share: number;
  cumulative_touched: number;
  hit_rates: Record<string, number | null>;
  remaining_rates: Record<string, number | null>;
  lift: number | null;
  capture: number | null;
}
interface Lift {
  rows: number;
  with_outcome: number;
  lift: LiftRow[];
}
type Cell = { count: number; share: number; amount: number; observed: number; inferred: number; bad_rate: number | null; source: string };
interface Swapset {
  current: { name: string; version: number };
  rows: number;
  with_outcome: number;
  inference: string | null;
  table: {
    cells: Record<'all_in' | 'swap_out' | 'swap_in' | 'all_out', Cell>;
    old_approved: Cell & { approval_rate: number };
    new_approved: Cell & { approval_rate: number };
    change: { approval_rate: number; bad_rate: number | null };
  };
}

/** Each issue under its line, with a caret at its column (the editor's inline errors). */
function Carets({ text, issues }: { text: string; issues: Issue[] }) {
  const lines = text.split('\n');
  return (
    <ul class="issues" aria-label="Problems in the policy">
      {issues.map((i, k) => (
        <li key={k} data-issue-line={i.line}>
          <strong>{i.line === undefined ? i.field : `line ${i.line}, column ${i.column}`}</strong>: {i.message.split('\n')[0]}
          {i.line !== undefined && <pre aria-hidden="true">{`${lines[i.line - 1] ?? ''}\n${' '.repeat(Math.max(0, (i.column ?? 1) - 1))}^`}</pre>}
        </li>
      ))}
    </ul>
  );
}

/** The sequential lift as bars (bad rate of the rows each rule newly touches) and a table. */
function LiftView({ l }: { l: Lift }) {
  const rules = l.lift.filter((r) => r.rule !== 'baseline');
  const baseline = l.lift.find((r) => r.rule === 'baseline')?.hit_rates.bad ?? null;
  const bars = rules.map((r) => ({ rule: r.rule, touched: r.touched, bad: r.hit_rates.bad ?? 0 }));
  return (
    <>
      <p>
        {l.rows} recent applications, {l.with_outcome} with an outcome (a loan written off or ever an NPA is bad); baseline bad rate {pct(baseline)}.
      </p>
      <Chart
        title="Sequential lift: bad rate of the applications each rule newly touches"
        columns={['rule', 'action', 'touched', 'share', 'bad rate hit', 'bad rate remaining', 'lift', 'capture']}
        rows={l.lift.map((r) => [
          r.rule,
          r.action ?? '',
          r.touched,
          pct(r.touched_share),
          pct(r.hit_rates.bad),
          pct(r.remaining_rates.bad),
          r.lift === null ? '—' : r.lift.toFixed(2),
          pct(r.capture),
        ])}
        render={() =>
          Plot.plot({
            height: 60 + bars.length * 26,
            marginLeft: 170,
            // an explicit domain: with no bads at all every bar is 0 and Plot's collapsed domain would draw them full width
            x: { label: 'bad rate of the newly touched', tickFormat: '.0%', grid: true, domain: [0, Math.max(0.05, ...bars.map((b) => b.bad), baseline ?? 0)] },
            y: { label: null, domain: bars.map((b) => b.rule) },
            marks: [
              Plot.barX(bars, { y: 'rule', x: 'bad', fill: '#b3261e' }),
              Plot.text(bars, { y: 'rule', x: 'bad', text: (b: { touched: number }) => `${b.touched} touched`, dx: 4, textAnchor: 'start' }),
              ...(baseline === null ? [] : [Plot.ruleX([baseline], { stroke: '#14233c', strokeDasharray: '4,3' })]),
            ],
          })
        }
      />
    </>
  );
}

/** The 2×2 swap set, old (active) policy by new (edited) policy. */
function SwapsetView({ s }: { s: Swapset }) {
  const c = s.table.cells;
  const cell = (x: Cell) => `${x.count} (${pct(x.share, 1)}) · bad ${pct(x.bad_rate)}`;
  return (
    <>
      <div class="table-wrap">
        <table data-swapset>
          <caption>
            Swap set: {s.current.name} v{s.current.version} (old) × edited policy (new), {s.rows} applications; rows without an outcome inferred by{' '}
            {s.inference ?? 'nothing (left out of the rates)'}
          </caption>
          <thead>
            <tr>
              <th scope="col">old \ new</th>
              <th scope="col">new approves</th>
              <th scope="col">new declines or refers</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">old approves</th>
              <td data-cell="all_in">{cell(c.all_in)}</td>
              <td data-cell="swap_out">{cell(c.swap_out)}</td>
            </tr>
            <tr>
              <th scope="row">old declines or refers</th>
              <td data-cell="swap_in">{cell(c.swap_in)}</td>
              <td data-cell="all_out">{cell(c.all_out)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        Approval rate {pct(s.table.old_approved.approval_rate)} → {pct(s.table.new_approved.approval_rate)}; bad rate of the approved{' '}
        {pct(s.table.old_approved.bad_rate)} → {pct(s.table.new_approved.bad_rate)}; swap-in amount {money(String(c.swap_in.amount))}.
      </p>
    </>
  );
}

/** Strategy lab: edit the policy with inline caret errors, run the sequential lift and the swap set, promote it (register + activate). */
export function StrategyPage() {
  const policies = useApi<{ items: PolicyEntry[] }>('/api/v1/policies');
  const active = policies.state === 'ok' ? policies.data.items.find((p) => p.active) : undefined;
  const source = useApi<{ yaml: string }>(active === undefined ? null : `/api/v1/policies/${active.id}`);
  const [text, setText] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [lift, setLift] = useState<Lift | null>(null);
  const [swap, setSwap] = useState<Swapset | null>(null);
  const [inference, setInference] = useState('score-band');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [promoted, setPromoted] = useState<string | null>(null);
  const yaml = text ?? (source.state === 'ok' ? source.data.yaml : '');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (yaml === '') return;
    clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      api<{ ok: boolean; issues: Issue[] }>('/api/v1/strategy/check', { method: 'POST', body: { yaml } }).then(
        (r) => setIssues(r.issues),
        (e: ApiError) => setError(e),
      );
    }, 250);
  }, [yaml]);
  const run = <T,>(what: string, path: string, body: unknown, done: (r: T) => void) => {
    setBusy(what);
    setError(null);
    api<T>(path, { method: 'POST', body })
      .then(done, (e: ApiError) => setError(e))
      .finally(() => setBusy(null));
  };
  return (
    <>
      <h1>Strategy lab</h1>
      <Load value={policies} what="policies">
        {({ items }) =>
          items.length === 0 ? (
            <Empty>No policy registered.</Empty>
          ) : (
            <div class="grid">
              <section class="card" aria-labelledby="editor-h">
                <h2 id="editor-h">Edit the rule set{active !== undefined ? ` (from ${active.name} v${active.version}, active)` : ''}</h2>
                <Load value={source.state === 'loading' && active === undefined ? { state: 'ok', data: null } : source} what="the active policy">
                  {() => (
                    <>
                      <label for="policy-yaml">Policy YAML</label>
                      <textarea
                        id="policy-yaml"
                        class="code"
                        rows={18}
                        spellcheck={false}
                        value={yaml}
                        aria-invalid={issues.length > 0}
                        aria-describedby="policy-issues"
                        onInput={(e) => setText(e.currentTarget.value)}
                      />
                      <div id="policy-issues" aria-live="polite">
                        {issues.length === 0 ? <p class="ok">No problems found.</p> : <Carets text={yaml} issues={issues} />}
                      </div>
                      <div class="row">
                        <button
                          type="button"
                          disabled={busy !== null || issues.length > 0}
                          onClick={() => run<Lift>('lift', '/api/v1/strategy/lift', { yaml }, setLift)}
                        >
                          {busy === 'lift' ? 'Running…' : 'Run sequential lift'}
                        </button>
                        <div>
                          <label for="inference">Reject inference</label>
                          <select id="inference" value={inference} onChange={(e) => setInference(e.currentTarget.value)}>
                            <option value="score-band">score bands (PD deciles)</option>
                            <option value="parcel">parcelling</option>
                            <option value="fuzzy">fuzzy augmentation</option>
                            <option value="none">none</option>
                          </select>
                        </div>
                        <button
                          type="button"
                          class="secondary"
                          disabled={busy !== null || issues.length > 0}
                          onClick={() => run<Swapset>('swap', '/api/v1/strategy/swapset', { yaml, inference }, setSwap)}
                        >
                          {busy === 'swap' ? 'Comparing…' : 'Compare with the active policy'}
                        </button>
                        <button
                          type="button"
                          class="danger"
                          disabled={busy !== null || issues.length > 0}
                          onClick={() => {
                            if (!window.confirm('Register this policy as a new version and make it the active policy for every new decision?')) return;
                            setBusy('promote');
                            setError(null);
                            api<{ id: string; name: string; version: number }>('/api/v1/policies', {
                              method: 'POST',
                              text: { body: yaml, type: 'application/yaml' },
                            })
                              .then(async (p) => {
                                await api(`/api/v1/policies/${p.id}/activate`, { method: 'POST' });
                                setPromoted(`${p.name} v${p.version} is now the active policy.`);
                                setText(null);
                                policies.reload();
                              })
                              .catch((e: ApiError) => setError(e))
                              .finally(() => setBusy(null));
                          }}
                        >
                          Promote
                        </button>
                      </div>
                      <p role="status">{promoted}</p>
                      {error !== null && <ErrorBox error={error} what="the strategy lab" />}
                    </>
                  )}
                </Load>
              </section>
              <section class="card" aria-labelledby="lift-h">
                <h2 id="lift-h">Sequential lift</h2>
                {lift === null ? <Empty>Run the lift to see what each rule adds.</Empty> : <LiftView l={lift} />}
                <h2>Swap set</h2>
                {swap === null ? <Empty>Compare with the active policy to see who swaps in and out.</Empty> : <SwapsetView s={swap} />}
              </section>
              <section class="card">
                <DataTable
                  caption="Policy versions"
                  columns={['name', 'version', 'active', 'id']}
                  rows={items.map((p) => [p.name, p.version, p.active ? 'active' : '', p.id.slice(0, 8)])}
                />
              </section>
            </div>
          )
        }
      </Load>
    </>
  );
}
