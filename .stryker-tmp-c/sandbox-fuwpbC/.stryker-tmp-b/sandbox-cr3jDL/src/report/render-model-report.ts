// @ts-nocheck
// 
import { calibrationChart, dependenceChart, gainsChart, ksChart, psiChart, rocChart, shapSummaryChart } from './charts.js';
import type { ModelReportData } from './model-report-data.js';

/** The sections of a model report, by element id, in order (a test checks each is present). */
export const REPORT_SECTIONS = ['settings', 'data', 'leakage', 'discrimination', 'gains', 'calibration', 'stability', 'shap', 'scorecard'] as const;

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.15rem .6rem;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f4f4f4}.warn{color:#a00;font-weight:600}
figure{display:inline-block;margin:.5rem 1rem .5rem 0;vertical-align:top}figcaption{font-size:.85rem;color:#555}
code{background:#f4f4f4;padding:0 .2rem}`;

/**
 * The model report as one self-contained HTML file: inline style, charts as inline SVG, no script
 * that runs and nothing fetched; the figures are also embedded as JSON
 * (`<script type="application/json" id="report-data">`) so the report can be checked and diffed.
 */
export function renderModelReport(data: ModelReportData, title = 'Model report'): string {
  const e = data.evaluation;
  const parts: string[] = [];
  parts.push(`<h1>${esc(title)}</h1>`);
  parts.push(
    `<p>${esc(data.model.kind)} model, ${data.model.features} features; AUC <b id="auc">${e.auc.toFixed(4)}</b>, Gini ${e.gini.toFixed(4)}, KS ${e.ks.toFixed(4)} on ${count(e.rows)} rows (bad rate ${pct(e.bad_rate)}).</p>`,
  );
  parts.push(
    section(
      'settings',
      'Settings and hashes',
      `<p>Rerun the command below on files with these SHA-256 hashes to reproduce this report.</p>${table(
        ['setting', 'value'],
        Object.entries(data.settings).map(([k, v]) => [esc(k), v === null ? '' : `<code>${esc(String(v))}</code>`]),
      )}`,
    ),
  );
  parts.push(
    section(
      'data',
      'Data',
      `<p>${count(data.data.rows)} rows with an outcome (${count(data.data.excluded_rows)} without one excluded), ${count(data.data.bads)} bads, bad rate ${pct(data.data.bad_rate)}.</p>${table(
        ['feature', 'type', 'missing'],
        data.data.columns.map((c) => [esc(c.name), c.type, pct(c.missing_share)]),
      )}`,
    ),
  );
  parts.push(
    section(
      'leakage',
      'Leakage warnings',
      data.leakage.length === 0
        ? '<p>No feature separates the target alone, copies it, has a suspicious IV or looks like an identifier.</p>'
        : `<ul>${data.leakage.map((f) => `<li class="warn">${esc(f.column)} (${f.kind}): ${esc(f.message)}</li>`).join('')}</ul>`,
    ),
  );
  parts.push(
    section(
      'discrimination',
      'Discrimination: ROC and KS',
      `${figure('roc', rocChart(data.roc.points, data.roc.auc), `ROC curve, AUC ${data.roc.auc.toFixed(4)} (Gini ${(2 * data.roc.auc - 1).toFixed(4)})`)}${figure(
        'ks',
        ksChart(data.roc.points, data.roc.ks, data.roc.ks_threshold),
        `KS ${data.roc.ks.toFixed(4)} at PD ${pct(data.roc.ks_threshold)}`,
      )}`,
    ),
  );
  parts.push(
    section(
      'gains',
      'Gains and lift',
      `${figure('gains', gainsChart(e.gains), 'Lift by score band')}${table(
        ['band', 'PD range', 'rows', 'bads', 'bad rate', 'lift', 'cum. bads caught', 'approval if declined to here'],
        e.gains.map((g) => [
          String(g.band),
          g.min_pd === null || g.max_pd === null ? '' : `${pct(g.min_pd)}–${pct(g.max_pd)}`,
          count(g.count),
          count(g.bads),
          pct(g.bad_rate),
          g.lift.toFixed(3),
          pct(g.cum_bad_capture),
          pct(g.cum_approval_rate),
        ]),
      )}`,
    ),
  );
  const hl = e.hosmer_lemeshow;
  parts.push(
    section(
      'calibration',
      'Calibration',
      `${figure('calibration', calibrationChart(e.calibration), 'Observed bad rate against mean PD per band')}${table(
        ['band', 'rows', 'mean PD', 'observed bad rate', 'difference (pp)', 'E/O'],
        e.calibration.map((c) => [
          String(c.band),
          count(c.count),
          pct(c.mean_pd),
          pct(c.observed_bad_rate),
          ((c.mean_pd - c.observed_bad_rate) * 100).toFixed(2),
          c.expected_observed_ratio === null ? 'n/a' : c.expected_observed_ratio.toFixed(2),
        ]),
      )}<p${hl.p_value < 0.01 ? ' class="warn"' : ''}>Hosmer–Lemeshow H = ${hl.statistic.toFixed(2)}, df ${hl.df}, p ${hl.p_value < 1e-4 ? '&lt;0.0001' : hl.p_value.toFixed(4)}${hl.p_value < 0.01 ? ': poor calibration' : ''}.</p>`,
    ),
  );
  const s = data.stability;
  parts.push(
    section(
      'stability',
      'Stability against the training data (PSI)',
      s === null
        ? '<p>Not computed: the model file keeps no training distribution; pass <code>--train FILE</code> to compare.</p>'
        : `<p${s.score_psi > 0.25 ? ' class="warn"' : ''}>PSI of the PD over the training deciles (every row of both files, with an outcome or not): <b id="psi">${s.score_psi.toFixed(4)}</b> (&lt; 0.1 stable, 0.1–0.25 investigate, &gt; 0.25 shifted).</p>${figure(
            'psi',
            psiChart(s.score_bins),
            'Share of rows per training PD decile',
          )}${table(
            ['PD bin', 'training', 'this data'],
            s.score_bins.map((b) => [esc(b.bin), pct(b.expected_share), pct(b.actual_share)]),
          )}${
            s.characteristics.length === 0
              ? ''
              : table(
                  ['characteristic', 'CSI'],
                  s.characteristics.map((c) => [esc(c.feature), c.psi.toFixed(4)]),
                )
          }`,
    ),
  );
  const shap = data.shap;
  parts.push(
    section(
      'shap',
      'SHAP: importance and dependence',
      shap === null
        ? '<p>Not computed.</p>'
        : `<p>${esc(shap.method)} on ${count(shap.rows)} rows.</p>${figure('shap-summary', shapSummaryChart(shap.importance), 'Mean |SHAP| per feature')}${shap.dependence
            .map((d) => figure('shap-dependence', dependenceChart(d.feature, d.categorical, d.points), `SHAP dependence: ${esc(d.feature)}`))
            .join('')}`,
    ),
  );
  const sc = data.scorecard;
  parts.push(
    section(
      'scorecard',
      'Scorecard: bins, WOE and points',
      sc === null
        ? `<p>Not a scorecard (${esc(data.model.kind)} model).</p>`
        : `<p>${sc.scaling.base_score} points at ${sc.scaling.base_odds}:1 odds, ${sc.scaling.pdo} points to double the odds.</p>${sc.characteristics
            .map(
              (c) =>
                `<h3>${esc(c.feature)} (IV ${c.iv.toFixed(4)}, coefficient ${c.coefficient.toPrecision(4)})</h3>${table(
                  ['bin', 'rows', 'bads', 'bad rate', 'WOE', 'points'],
                  c.bins.map((b) => [
                    esc(b.label),
                    count(b.rows),
                    count(b.bads),
                    b.bad_rate === null ? '' : pct(b.bad_rate),
                    b.woe.toFixed(4),
                    b.points.toFixed(2),
                  ]),
                )}`,
            )
            .join('')}`,
    ),
  );
  const json = JSON.stringify(data, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)).replaceAll('</', '<\\/');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>\n${parts.join('\n')}\n<script type="application/json" id="report-data">${json}</script>\n</body></html>\n`;
}

function section(id: (typeof REPORT_SECTIONS)[number], heading: string, body: string): string {
  return `<section id="${id}"><h2>${esc(heading)}</h2>${body}</section>`;
}

function figure(kind: string, svg: string, caption: string): string {
  return `<figure data-chart="${kind}">${svg}<figcaption>${caption}</figcaption></figure>`;
}

/** A table of already-escaped cell HTML. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function pct(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(2)}%` : 'n/a';
}

function count(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2);
}
