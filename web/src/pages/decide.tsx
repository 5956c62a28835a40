import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type AppData, api, type Decision, type Setup } from '../api.js';
import { Chart, DataTable, Empty, ErrorBox, ListFilter, Load, OpenCell, Pager } from '../components.js';
import { money, pct } from '../format.js';
import { useApi } from '../use-api.js';
import { Contributions, DecisionPathView, WhatWouldApprove } from './decide-insight.js';

interface AppList {
  items: { id: string; external_id: string | null; action: string | null; created_at: string; decision_id: string | null }[];
  total: number;
}
interface AppDetail {
  id: string;
  data: AppData;
  decision: Decision | null;
  decisions: Decision[];
}

/** The decision: action, PD, score, limit, rate and the principal reasons. */
function DecisionCard({ d, title, data }: { d: Decision; title: string; data?: AppData }) {
  return (
    <section class="card decision" aria-label={title} data-decision={d.action}>
      <h2>{title}</h2>
      <p>
        <span class={`action ${d.action}`}>{d.action}</span> · PD <strong data-field="pd">{pct(d.pd)}</strong> · score{' '}
        <strong data-field="score">{d.score ?? '—'}</strong> · limit <strong data-field="limit">{money(d.limit)}</strong> · rate{' '}
        <strong data-field="rate">{d.rate === null ? '—' : pct(Number(d.rate))}</strong>
        {d.arm !== null && <> · decided by the {d.arm}</>}
      </p>
      <h3>Reasons (most important first)</h3>
      <ol class="reasons">
        {d.reasons.map((r) => (
          <li key={r.code + r.feature}>
            <code>{r.code}</code> {r.text} <small>({r.feature})</small>
          </li>
        ))}
      </ol>
      {d.rules_fired !== undefined && d.rules_fired.length > 0 && <p>Rules fired: {d.rules_fired.join(', ')}</p>}
      {data !== undefined && <Contributions data={data} decision={d} />}
      {data !== undefined && d.action !== 'approve' && <WhatWouldApprove data={data} decision={d} />}
    </section>
  );
}

/** How PD and the action move when one numeric input sweeps its range, every point decided live by the preview route. */
function Sensitivity({ data, setup }: { data: AppData; setup: Setup }) {
  const numeric = setup.inputs.filter((i) => i.type === 'number').map((i) => i.name);
  const [feature, setFeature] = useState(numeric.includes('bureau_score') ? 'bureau_score' : (numeric[0] ?? ''));
  const [points, setPoints] = useState<{ x: number; pd: number; action: string }[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const base = Number(data[feature] ?? 0);
    const span = base === 0 ? 1 : Math.abs(base);
    const xs = Array.from({ length: 9 }, (_, k) => base + ((k - 4) / 4) * span * 0.5);
    let live = true;
    setPoints(null);
    Promise.all(
      xs.map((x) => api<Decision>('/api/v1/decisions/preview', { method: 'POST', body: { data: { ...data, [feature]: Number(x.toFixed(4)) } } })),
    ).then(
      (ds) => live && setPoints(ds.map((d, k) => ({ x: Number(xs[k]!.toFixed(4)), pd: d.pd ?? 0, action: d.action }))),
      (e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'E_CLIENT', String(e))),
    );
    return () => {
      live = false;
    };
  }, [feature, JSON.stringify(data)]);
  return (
    <div>
      <label for="sweep">Sweep input</label>
      <select id="sweep" value={feature} onChange={(e) => setFeature(e.currentTarget.value)}>
        {numeric.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      {error !== null ? (
        <ErrorBox error={error} what="the sweep" />
      ) : points === null ? (
        <p role="status">Deciding the sweep…</p>
      ) : (
        <Chart
          title={`PD as ${feature} moves (other inputs fixed)`}
          columns={[feature, 'PD', 'action']}
          rows={points.map((p) => [p.x, pct(p.pd), p.action])}
          render={() =>
            Plot.plot({
              height: 220,
              marginLeft: 50,
              y: { label: 'PD', tickFormat: '.1%', grid: true },
              x: { label: feature },
              color: { domain: ['approve', 'refer', 'decline'], range: ['#1d7a38', '#8a5300', '#b3261e'], legend: true },
              marks: [Plot.line(points, { x: 'x', y: 'pd', stroke: '#8a96a6' }), Plot.dot(points, { x: 'x', y: 'pd', fill: 'action', r: 4 })],
            })
          }
        />
      )}
    </div>
  );
}

/** Inputs as a form: number fields and category selects (empty = missing). */
function InputsForm({ setup, data, onChange, idPrefix }: { setup: Setup; data: AppData; onChange: (d: AppData) => void; idPrefix: string }) {
  return (
    <div class="inputs">
      {setup.inputs.map((i) => {
        const id = `${idPrefix}-${i.name}`;
        const v = data[i.name];
        return (
          <div key={i.name}>
            <label for={id}>{i.name}</label>
            {i.type === 'category' ? (
              <select
                id={id}
                name={i.name}
                value={v === null || v === undefined ? '' : String(v)}
                onChange={(e) => onChange({ ...data, [i.name]: e.currentTarget.value === '' ? null : e.currentTarget.value })}
              >
                <option value="">(missing)</option>
                {(i.categories ?? []).map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={i.name}
                type="number"
                step="any"
                value={v === null || v === undefined ? '' : String(v)}
                onInput={(e) => {
                  const t = e.currentTarget.value;
                  onChange({ ...data, [i.name]: t === '' ? null : Number(t) });
                }}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

/** What-if: edit any input and see the decision move live (nothing is stored). */
function WhatIf({ setup, start, decided }: { setup: Setup; start: AppData; decided: Decision }) {
  const [data, setData] = useState(start);
  const [preview, setPreview] = useState<Decision | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      api<Decision>('/api/v1/decisions/preview', {
        method: 'POST',
        body: { data, ...(decided.arm === 'champion' || decided.arm === 'challenger' ? { arm: decided.arm } : {}) },
      }).then(
        (d) => {
          setPreview(d);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'E_CLIENT', String(e))),
      );
    }, 150);
  }, [JSON.stringify(data)]);
  return (
    <section class="card" aria-labelledby="whatif-h">
      <h2 id="whatif-h">What-if (decided live, nothing stored)</h2>
      <InputsForm setup={setup} data={data} onChange={setData} idPrefix="whatif" />
      <div aria-live="polite">
        {error !== null && <ErrorBox error={error} what="the what-if decision" />}
        {preview !== null && (
          <p class="whatif-result">
            What-if: <span class={`action ${preview.action}`}>{preview.action}</span> · PD <strong data-field="whatif-pd">{pct(preview.pd)}</strong> (
            {preview.pd !== null && decided.pd !== null ? `${preview.pd >= decided.pd ? '+' : ''}${((preview.pd - decided.pd) * 100).toFixed(2)} pp` : ''}) ·
            score <strong data-field="whatif-score">{preview.score}</strong> · top reason {preview.reasons[0]?.text ?? '—'}
          </p>
        )}
      </div>
      <Sensitivity data={data} setup={setup} />
    </section>
  );
}

/** One application: its decisions (automatic, shadow, overrides), rules fired and replay. */
function ApplicationView({ id }: { id: string }) {
  const app = useApi<AppDetail>(`/api/v1/applications/${id}`);
  const [replay, setReplay] = useState<string | null>(null);
  return (
    <section class="card" aria-label="Application">
      <Load value={app} what="the application">
        {(a) => (
          <>
            <h2>Application {a.id.slice(0, 8)}</h2>
            {a.decision !== null && <DecisionCard d={a.decision} title="Current decision" />}
            {a.decision !== null && <DecisionPathView decision={a.decision} />}
            <DataTable
              caption="Every decision of this application (champion vs challenger shadow, overrides)"
              columns={['kind', 'arm', 'action', 'PD', 'score', 'limit', 'rate']}
              rows={a.decisions.map((d) => [d.kind ?? '', d.arm ?? '', d.action, pct(d.pd), d.score ?? '', money(d.limit), d.rate ?? ''])}
            />
            {a.decision !== null && (
              <p>
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    api<{ identical: boolean; differences: string[] }>(`/api/v1/decisions/${a.decision!.id}/replay`).then(
                      (r) => setReplay(r.identical ? 'Replay: identical, bit for bit.' : `Replay differs: ${r.differences.join('; ')}`),
                      (e: ApiError) => setReplay(`Replay failed: ${e.message}`),
                    )
                  }
                >
                  Replay decision
                </button>{' '}
                <span role="status">{replay}</span>
              </p>
            )}
          </>
        )}
      </Load>
    </section>
  );
}

/** The application list with an action filter; a click opens the application. */
function Applications({ onOpen, open }: { onOpen: (id: string) => void; open: string | null }) {
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useApi<AppList>(`/api/v1/applications?limit=10&offset=${offset}${action === '' ? '' : `&action=${action}`}`);
  return (
    <section class="card" aria-labelledby="apps-h">
      <h2 id="apps-h">Applications</h2>
      <div class="row">
        <div>
          <ListFilter
            id="filter-action"
            label="Action"
            value={action}
            options={['approve', 'decline', 'refer']}
            onPick={(v) => {
              setAction(v);
              setOffset(0);
            }}
          />
        </div>
      </div>
      <Load value={list} what="applications">
        {(l) =>
          l.items.length === 0 ? (
            <Empty>No applications match.</Empty>
          ) : (
            <>
              <table>
                <caption>
                  {l.total} applications, newest first ({offset + 1}–{offset + l.items.length})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">external id</th>
                    <th scope="col">action</th>
                    <th scope="col">submitted</th>
                    <th scope="col">open</th>
                  </tr>
                </thead>
                <tbody>
                  {l.items.map((a) => (
                    <tr key={a.id} class={a.id === open ? 'selected' : ''}>
                      <td>{a.external_id ?? a.id.slice(0, 8)}</td>
                      <td class={`action ${a.action ?? ''}`}>{a.action}</td>
                      <td>{a.created_at.slice(0, 19).replace('T', ' ')}</td>
                      <OpenCell label={`Open application ${a.external_id ?? a.id}`} onOpen={() => onOpen(a.id)} />
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager offset={offset} size={10} total={l.total} onOffset={setOffset} />
            </>
          )
        }
      </Load>
    </section>
  );
}

/** Decide: the application form, the decision with reasons, what-if, and the application list with its decision view. */
export function DecidePage() {
  const setup = useApi<Setup>('/api/v1/setup');
  const [data, setData] = useState<AppData | null>(null);
  const [result, setResult] = useState<{ data: AppData; decision: Decision } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h1>Decide</h1>
      <Load value={setup} what="the decision setup">
        {(s) => {
          const example = s.example ?? {};
          const form = data ?? Object.fromEntries(s.inputs.map((i) => [i.name, example[i.name] ?? null]));
          return (
            <>
              <form
                class="card"
                aria-labelledby="form-h"
                onSubmit={(e) => {
                  e.preventDefault();
                  setBusy(true);
                  setError(null);
                  api<{ application_id: string; decision: Decision }>('/api/v1/applications', { method: 'POST', body: { data: form } })
                    .then(
                      (r) => {
                        setResult({ data: form, decision: r.decision });
                        setRefresh((x) => x + 1);
                        setOpen(r.application_id);
                      },
                      (err: ApiError) => setError(err),
                    )
                    .finally(() => setBusy(false));
                }}
              >
                <h2 id="form-h">
                  Application (policy {s.policy.name} v{s.policy.version}, champion {s.champion.kind}
                  {s.challenger !== null ? `, challenger ${s.challenger.kind} on ${pct(s.challenger.share, 0)}` : ''})
                </h2>
                <InputsForm setup={s} data={form} onChange={setData} idPrefix="app" />
                <p>
                  <button type="submit" disabled={busy}>
                    {busy ? 'Deciding…' : 'Submit application'}
                  </button>
                </p>
                {error !== null && <ErrorBox error={error} what="a decision" />}
              </form>
              {result !== null && (
                <div class="grid">
                  <DecisionCard d={result.decision} title="Decision" data={result.data} />
                  <WhatIf key={result.decision.id} setup={s} start={result.data} decided={result.decision} />
                </div>
              )}
            </>
          );
        }}
      </Load>
      <div class="grid">
        <Applications key={refresh} onOpen={setOpen} open={open} />
        {open !== null && <ApplicationView key={open} id={open} />}
      </div>
    </>
  );
}
