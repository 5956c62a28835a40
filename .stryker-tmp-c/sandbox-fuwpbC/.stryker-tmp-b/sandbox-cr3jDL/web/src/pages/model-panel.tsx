// @ts-nocheck
// 
import * as Plot from '@observablehq/plot';
import { useState } from 'preact/hooks';
import { Chart, DataTable, Empty, Load } from '../components.js';
import { num, pct } from '../format.js';
import { useApi } from '../use-api.js';

interface Performance {
  available: boolean;
  rows?: number;
  auc?: number;
  ks?: number;
  ks_threshold?: number;
  roc?: { threshold: number | null; fpr: number; tpr: number }[];
  gains?: { band: number; count: number; bad_rate: number; cum_bad_capture: number; lift: number }[];
  calibration?: { band: number; mean_pd: number; observed_bad_rate: number; count: number }[];
}
type StabilityRow = { feature: string; psi: number; status: string; bins: { bin: string; expected: number; actual: number }[] };
interface Stability {
  available: boolean;
  thresholds: { investigate: number; shifted: number };
  training_rows?: number;
  recent_rows?: number;
  pd?: StabilityRow;
  features?: StabilityRow[];
}
interface Shap {
  rows: number;
  importance: { feature: string; mean_abs_shap: number }[];
  points: { feature: string; value: number | string | null; shap: number }[];
}

/** ROC with the KS point, the KS curve, gains/lift and calibration on the model's validation sample. */
function PerformanceCharts({ p, label }: { p: Performance; label: string }) {
  const roc = p.roc ?? [];
  const ksPoint = roc.find((r) => r.threshold === p.ks_threshold);
  const ksCurve = roc
    .filter((r) => r.threshold !== null)
    .flatMap((r) => [
      { pd: r.threshold as number, share: r.tpr, group: 'bads called bad' },
      { pd: r.threshold as number, share: r.fpr, group: 'goods called bad' },
    ]);
  return (
    <>
      <Chart
        title={`ROC of the ${label}: AUC ${num(p.auc)}, KS ${num(p.ks)} (validation, ${p.rows} rows)`}
        columns={['PD threshold', 'false positive rate', 'true positive rate']}
        rows={roc.map((r) => [r.threshold === null ? '∞' : pct(r.threshold), pct(r.fpr), pct(r.tpr)])}
        render={() =>
          Plot.plot({
            height: 240,
            x: { label: 'false positive rate (goods called bad)', domain: [0, 1], tickFormat: '.0%' },
            y: { label: 'true positive rate (bads caught)', domain: [0, 1], tickFormat: '.0%', grid: true },
            marks: [
              Plot.line(
                [
                  { x: 0, y: 0 },
                  { x: 1, y: 1 },
                ],
                { x: 'x', y: 'y', stroke: '#aaa', strokeDasharray: '4,3' },
              ),
              Plot.line(roc, { x: 'fpr', y: 'tpr', stroke: '#1f5fbf' }),
              ...(ksPoint === undefined ? [] : [Plot.link([ksPoint], { x1: 'fpr', x2: 'fpr', y1: 'fpr', y2: 'tpr', stroke: '#b3261e', strokeWidth: 2 })]),
            ],
          })
        }
      />
      <Chart
        title={`KS of the ${label}: largest gap ${num(p.ks)} at PD ${pct(p.ks_threshold)}`}
        columns={['PD threshold', 'group', 'share called bad']}
        rows={ksCurve.map((k) => [pct(k.pd), k.group, pct(k.share)])}
        render={() =>
          Plot.plot({
            height: 220,
            x: { label: 'PD threshold (called bad at or above)', tickFormat: '.0%' },
            y: { label: 'cumulative share', domain: [0, 1], tickFormat: '.0%', grid: true },
            color: { legend: true, domain: ['bads called bad', 'goods called bad'], range: ['#b3261e', '#1d7a38'] },
            marks: [
              Plot.line(ksCurve, { x: 'pd', y: 'share', stroke: 'group' }),
              ...(p.ks_threshold === undefined ? [] : [Plot.ruleX([p.ks_threshold], { stroke: '#14233c', strokeDasharray: '4,3' })]),
            ],
          })
        }
      />
      <Chart
        title={`Cumulative gains and lift of the ${label} by PD decile (riskiest first)`}
        columns={['decile', 'applicants', 'bad rate', 'bads caught (cumulative)', 'lift']}
        rows={(p.gains ?? []).map((g) => [g.band, g.count, pct(g.bad_rate), pct(g.cum_bad_capture), num(g.lift, 2)])}
        render={() =>
          Plot.plot({
            height: 220,
            x: { label: 'decile (1 = riskiest)', type: 'band' },
            y: { label: 'lift', grid: true },
            marks: [Plot.barY(p.gains ?? [], { x: 'band', y: 'lift', fill: '#1f5fbf' }), Plot.ruleY([1], { stroke: '#b3261e', strokeDasharray: '4,3' })],
          })
        }
      />
      <Chart
        title={`Calibration of the ${label}: mean predicted PD vs observed bad rate by decile`}
        columns={['decile', 'applicants', 'mean PD', 'observed bad rate']}
        rows={(p.calibration ?? []).map((c) => [c.band, c.count, pct(c.mean_pd), pct(c.observed_bad_rate)])}
        render={() => {
          const max = Math.max(0.05, ...(p.calibration ?? []).flatMap((c) => [c.mean_pd, c.observed_bad_rate]));
          return Plot.plot({
            height: 220,
            x: { label: 'mean predicted PD', tickFormat: '.0%', domain: [0, max] },
            y: { label: 'observed bad rate', tickFormat: '.0%', domain: [0, max], grid: true },
            marks: [
              Plot.line(
                [
                  { x: 0, y: 0 },
                  { x: max, y: max },
                ],
                { x: 'x', y: 'y', stroke: '#aaa', strokeDasharray: '4,3' },
              ),
              Plot.dot(p.calibration ?? [], { x: 'mean_pd', y: 'observed_bad_rate', fill: '#1f5fbf', r: 4 }),
            ],
          });
        }}
      />
    </>
  );
}

/** Beeswarm of SHAP values per input (colour: the input's rank among the applications, low to high) and one input's dependence plot. */
function ShapCharts({ s, label }: { s: Shap; label: string }) {
  const top = s.importance.slice(0, 8).map((i) => i.feature);
  const [feature, setFeature] = useState(top[0] ?? '');
  // colour by the value's rank within its feature (numbers only; categories and missing grey)
  const ranked = top.flatMap((f) => {
    const mine = s.points.filter((p) => p.feature === f);
    const numbers = mine
      .map((p) => p.value)
      .filter((v): v is number => typeof v === 'number')
      .sort((a, b) => a - b);
    return mine.map((p) => ({
      ...p,
      rank: typeof p.value === 'number' && numbers.length > 1 ? numbers.indexOf(p.value) / (numbers.length - 1) : null,
    }));
  });
  const dependence = s.points.filter((p) => p.feature === feature);
  const id = `dependence-${label.replace(/\W+/g, '-')}`;
  return (
    <>
      <Chart
        title={`SHAP summary of the ${label} over ${s.rows} recent applications (right = raises the PD)`}
        columns={['input', 'mean |SHAP| (log-odds)']}
        rows={s.importance.map((i) => [i.feature, num(i.mean_abs_shap, 4)])}
        render={() =>
          Plot.plot({
            height: 40 + top.length * 46,
            marginLeft: 150,
            x: { label: 'SHAP value (log-odds)', grid: true },
            fy: { label: null, domain: top },
            color: { type: 'linear', range: ['#1f5fbf', '#b3261e'], label: 'input value (low → high)', legend: true, unknown: '#9aa3ad' },
            marks: [Plot.ruleX([0], { stroke: '#8a96a6' }), Plot.dot(ranked, Plot.dodgeY('middle', { x: 'shap', fy: 'feature', fill: 'rank', r: 1.8 }))],
          })
        }
      />
      <label for={id}>Dependence on</label>
      <select id={id} value={feature} onChange={(e) => setFeature(e.currentTarget.value)}>
        {s.importance.map((i) => (
          <option key={i.feature}>{i.feature}</option>
        ))}
      </select>
      <Chart
        title={`SHAP dependence of the ${label} on ${feature}`}
        columns={[feature, 'SHAP (log-odds)']}
        rows={dependence.map((p) => [p.value === null ? 'missing' : String(p.value), num(p.shap, 4)])}
        render={() =>
          Plot.plot({
            height: 220,
            x: { label: feature, ...(dependence.some((p) => typeof p.value === 'string') ? { type: 'point' as const } : {}) },
            y: { label: 'SHAP (log-odds)', grid: true },
            marks: [
              Plot.ruleY([0], { stroke: '#8a96a6' }),
              Plot.dot(
                dependence.filter((p) => p.value !== null),
                { x: 'value', y: 'shap', fill: '#1f5fbf', r: 2.5 },
              ),
            ],
          })
        }
      />
    </>
  );
}

/** PSI of the PD and CSI per input of recent applications against the training data, with the 0.1/0.25 thresholds. */
function StabilityCharts({ s, label }: { s: Stability; label: string }) {
  const rows = s.features ?? [];
  const t = s.thresholds;
  return (
    <>
      <p data-psi={s.pd?.status}>
        PSI of the PD: <strong data-field="psi">{num(s.pd?.psi, 4)}</strong> ({s.pd?.status}) — {s.recent_rows} recent applications against {s.training_rows}{' '}
        training rows; under {t.investigate} stable, {t.investigate}–{t.shifted} investigate, above {t.shifted} shifted.
      </p>
      <Chart
        title={`Stability (CSI) of each input of the ${label}: recent applications vs training`}
        columns={['input', 'CSI', 'status']}
        rows={rows.map((r) => [r.feature, num(r.psi, 4), r.status])}
        render={() =>
          Plot.plot({
            height: 40 + rows.length * 22,
            marginLeft: 150,
            x: { label: 'CSI', grid: true },
            y: { label: null, domain: rows.map((r) => r.feature) },
            color: { domain: ['stable', 'investigate', 'shifted'], range: ['#1d7a38', '#8a5300', '#b3261e'], legend: true },
            marks: [
              Plot.barX(rows, { y: 'feature', x: 'psi', fill: 'status' }),
              Plot.ruleX([t.investigate], { stroke: '#8a5300', strokeDasharray: '4,3' }),
              Plot.ruleX([t.shifted], { stroke: '#b3261e', strokeDasharray: '4,3' }),
            ],
          })
        }
      />
      {s.pd !== undefined && (
        <DataTable
          caption={`PD distribution of the ${label}: training vs recent share by training decile`}
          columns={['PD band', 'training share', 'recent share']}
          rows={s.pd.bins.map((b) => [b.bin, pct(b.expected), pct(b.actual)])}
        />
      )}
    </>
  );
}

/** One model's performance, SHAP and stability (the Models page shows the champion and challenger side by side). */
export function ModelPanel({ id, label }: { id: string; label: string }) {
  const performance = useApi<Performance>(`/api/v1/models/${id}/performance`);
  const shap = useApi<Shap>(`/api/v1/models/${id}/shap?rows=200`);
  const stability = useApi<Stability>(`/api/v1/models/${id}/stability?rows=1000`);
  return (
    <section class="card" aria-label={`The ${label}`} data-model={label}>
      <h2>The {label}</h2>
      <h3>Discrimination and calibration</h3>
      <Load value={performance} what={`the ${label}'s validation metrics`}>
        {(p) => (p.available ? <PerformanceCharts p={p} label={label} /> : <Empty>This model carries no validation sample.</Empty>)}
      </Load>
      <h3>Explanations</h3>
      <Load value={shap} what={`the ${label}'s SHAP values`}>
        {(s) => (s.rows === 0 ? <Empty>No applications yet.</Empty> : <ShapCharts s={s} label={label} />)}
      </Load>
      <h3>Stability</h3>
      <Load value={stability} what={`the ${label}'s stability`}>
        {(s) => (s.available ? <StabilityCharts s={s} label={label} /> : <Empty>This model carries no training reference.</Empty>)}
      </Load>
    </section>
  );
}
