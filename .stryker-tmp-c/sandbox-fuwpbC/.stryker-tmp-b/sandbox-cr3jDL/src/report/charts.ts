// @ts-nocheck
// 
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { CalibrationRow, GainsRow, RocPoint } from '../ml/metrics/index.js';

/**
 * Charts of the model report, each drawn to an SVG string in Node: Observable Plot renders into a
 * linkedom document (no browser, no network). One function per chart: data in, SVG text out.
 */

const SIZE = { width: 460, height: 300 } as const;

function render(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...SIZE, style: { background: 'white' }, ...options, document: document as unknown as NonNullable<Plot.PlotOptions['document']> });
  return (svg as unknown as { outerHTML: string }).outerHTML;
}

/** ROC curve (FPR → TPR) with the diagonal of a random model. */
export function rocChart(points: readonly RocPoint[], auc: number): string {
  return render({
    x: { label: 'false positive rate (goods declined)', domain: [0, 1] },
    y: { label: 'true positive rate (bads caught)', domain: [0, 1] },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: 'x', y: 'y', stroke: '#bbb', strokeDasharray: '4,3' },
      ),
      Plot.line(points, { x: 'fpr', y: 'tpr', stroke: '#1f5fa8', strokeWidth: 2, ariaDescription: 'roc' }),
      Plot.text([{ x: 0.62, y: 0.12, t: `AUC ${auc.toFixed(4)}` }], { x: 'x', y: 'y', text: 't', fontSize: 13 }),
    ],
  });
}

/** KS: cumulative shares of bads and goods above each PD threshold, and the gap at its widest. */
export function ksChart(points: readonly RocPoint[], ks: number, ksThreshold: number): string {
  const finite = points.filter((p) => Number.isFinite(p.threshold));
  const at = finite.find((p) => p.threshold === ksThreshold);
  return render({
    x: { label: 'PD threshold (rows at or above it declined)', reverse: true },
    y: { label: 'cumulative share', domain: [0, 1] },
    color: { legend: true, domain: ['bads', 'goods'], range: ['#c0392b', '#27ae60'] },
    marks: [
      Plot.line(finite, { x: 'threshold', y: 'tpr', stroke: () => 'bads' }),
      Plot.line(finite, { x: 'threshold', y: 'fpr', stroke: () => 'goods' }),
      ...(at === undefined ? [] : [Plot.link([at], { x1: 'threshold', x2: 'threshold', y1: 'fpr', y2: 'tpr', stroke: 'black', strokeWidth: 2 })]),
      Plot.text([{ x: ksThreshold, y: 0.05, t: `KS ${ks.toFixed(4)}` }], { x: 'x', y: 'y', text: 't', fontSize: 12 }),
    ],
  });
}

/** Gains: bad rate by score band (band 1 = riskiest) with the cumulative capture of bads. */
export function gainsChart(gains: readonly GainsRow[]): string {
  return render({
    x: { label: 'score band (1 = riskiest)', type: 'band' },
    y: { label: 'lift (band bad rate ÷ overall)' },
    marks: [Plot.barY(gains, { x: 'band', y: 'lift', fill: '#1f5fa8' }), Plot.ruleY([1], { stroke: '#888', strokeDasharray: '4,3' })],
  });
}

/** Calibration: observed bad rate against mean PD per band, with the line of perfect calibration. */
export function calibrationChart(rows: readonly CalibrationRow[]): string {
  const top = Math.max(0.01, ...rows.map((r) => Math.max(r.mean_pd, r.observed_bad_rate)));
  return render({
    x: { label: 'mean PD of band', domain: [0, top] },
    y: { label: 'observed bad rate', domain: [0, top] },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: top, y: top },
        ],
        { x: 'x', y: 'y', stroke: '#bbb', strokeDasharray: '4,3' },
      ),
      Plot.dot(rows, { x: 'mean_pd', y: 'observed_bad_rate', r: 4, fill: '#1f5fa8' }),
    ],
  });
}

/** Stability: the share of rows per training-PD decile, training data against the given data. */
export function psiChart(bins: readonly { bin: string; expected_share: number; actual_share: number }[]): string {
  const long = bins.flatMap((b, k) => [
    { k: k + 1, set: 'training', share: b.expected_share },
    { k: k + 1, set: 'this data', share: b.actual_share },
  ]);
  return render({
    x: { label: 'training PD decile', type: 'band' },
    y: { label: 'share of rows' },
    fx: { axis: null },
    color: { legend: true, domain: ['training', 'this data'], range: ['#999', '#1f5fa8'] },
    marks: [Plot.barY(long, { x: 'k', y: 'share', fill: 'set', dx: 0, inset: 1, mixBlendMode: 'multiply', fillOpacity: 0.6 })],
  });
}

/** SHAP summary: mean |SHAP| per feature, largest on top. */
export function shapSummaryChart(importance: readonly { feature: string; mean_abs_shap: number }[]): string {
  const shown = importance.slice(0, 20);
  return render({
    height: Math.max(160, 24 * shown.length + 50),
    marginLeft: 150,
    x: { label: 'mean |SHAP| (log-odds)' },
    y: { label: null, domain: shown.map((r) => r.feature) },
    marks: [Plot.barX(shown, { x: 'mean_abs_shap', y: 'feature', fill: '#1f5fa8' }), Plot.ruleX([0])],
  });
}

/** SHAP dependence of one feature: its value against its contribution, one dot per explained row. */
export function dependenceChart(feature: string, categorical: boolean, points: readonly { value: number | string | null; shap: number }[]): string {
  const shown = points.filter((p) => p.value !== null);
  return render({
    marginLeft: 50,
    x: { label: feature, ...(categorical ? { type: 'point' as const } : {}) },
    y: { label: 'SHAP (log-odds)' },
    marks: [Plot.ruleY([0], { stroke: '#bbb' }), Plot.dot(shown, { x: 'value', y: 'shap', r: 2, fill: '#1f5fa8', fillOpacity: 0.5 })],
  });
}
