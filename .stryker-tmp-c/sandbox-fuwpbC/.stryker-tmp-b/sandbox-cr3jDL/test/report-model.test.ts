// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { closeDuckDb, readFrame } from '../src/io/index.js';
import { loadModel } from '../src/io/model-file.js';
import { evaluateBinary } from '../src/ml/metrics/index.js';
import type { CredoModel } from '../src/ml/model.js';
import { predictPd } from '../src/ml/predict-model.js';
import { scorecardTable } from '../src/ml/scorecard/index.js';
import { type ModelReportData, REPORT_SECTIONS } from '../src/report/index.js';
import { repoPath } from './repo-root.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-report-'));
after(() => closeDuckDb());

async function credo(...argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

interface Parsed {
  readonly document: { querySelector(s: string): Element | null; querySelectorAll(s: string): Element[] };
  readonly data: ModelReportData;
  readonly html: string;
}
interface Element {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(s: string): Element | null;
  querySelectorAll(s: string): Element[];
}

function parse(file: string): Parsed {
  const html = readFileSync(join(dir, file), 'utf8');
  const { document } = parseHTML(html) as unknown as { document: Parsed['document'] };
  const data = JSON.parse(document.querySelector('#report-data')?.textContent ?? '') as ModelReportData;
  return { document, data, html };
}

/** The points of the first path under a chart's mark, from its `d` attribute (M x,y L x,y …). */
function pathPoints(figure: Element, label: string): number {
  const d = figure.querySelector(`g[aria-description="${label}"] path`)?.getAttribute('d') ?? '';
  return (d.match(/[ML]/g) ?? []).length;
}

test('report model on a German scorecard: every section and chart, figures equal to evaluateBinary, PSI 0 against itself', async () => {
  assert.equal((await credo('data', 'load', 'german', '--out', 'german.csv')).code, 0);
  const exclude = 'age_in_years,personal_status_and_sex,foreign_worker';
  const trained = await credo('train', '--model', 'scorecard', '--data', 'german.csv', '--target', 'bad', '--exclude', exclude, '--out', 'sc.json');
  assert.equal(trained.code, 0, trained.err);
  const r = await credo(
    'report',
    'model',
    '--model',
    'sc.json',
    '--data',
    'german.csv',
    '--target',
    'bad',
    '--train',
    'german.csv',
    '--out',
    'report.html',
    '--json',
  );
  assert.equal(r.code, 0, r.err);
  const { document, data, html } = parse('report.html');
  for (const id of REPORT_SECTIONS) assert.ok(document.querySelector(`section#${id}`), `section ${id}`);
  for (const chart of ['roc', 'ks', 'gains', 'calibration', 'psi', 'shap-summary', 'shap-dependence'])
    assert.ok(document.querySelector(`figure[data-chart="${chart}"] svg`), `chart ${chart}`);
  assert.equal(document.querySelectorAll('figure[data-chart="shap-dependence"]').length, 4);

  const model = await loadModel<CredoModel>(join(dir, 'sc.json'));
  const frame = await readFrame(join(dir, 'german.csv'));
  const expected = evaluateBinary(predictPd(model, frame), frame.numeric('bad').values);
  assert.equal(data.evaluation.auc, expected.auc);
  assert.equal(data.roc.auc.toFixed(12), expected.auc.toFixed(12));
  assert.equal(data.roc.ks.toFixed(12), expected.ks.toFixed(12));
  assert.equal(document.querySelector('#auc')?.textContent, expected.auc.toFixed(4));
  assert.equal(JSON.parse(r.out).auc, expected.auc);
  // The ROC line draws exactly the embedded points, from (0, 0) to (1, 1).
  const roc = document.querySelector('figure[data-chart="roc"]') as Element;
  assert.equal(pathPoints(roc, 'roc'), data.roc.points.length);
  assert.deepEqual([data.roc.points[0]?.fpr, data.roc.points[0]?.tpr], [0, 0]);
  assert.deepEqual([data.roc.points.at(-1)?.fpr, data.roc.points.at(-1)?.tpr], [1, 1]);
  assert.deepEqual(
    data.evaluation.gains.map((g) => g.bads),
    expected.gains.map((g) => g.bads),
  );
  assert.equal(data.stability?.score_psi, 0);
  // Scorecard: the points table of the model, and bins that hold every row.
  assert.deepEqual(data.scorecard?.table, scorecardTable((model as CredoModel<'scorecard'>).body));
  for (const c of data.scorecard?.characteristics ?? [])
    assert.equal(
      c.bins.reduce((s, b) => s + b.rows, 0),
      1000,
      c.feature,
    );
  // Settings reproduce it: the hashes are those of the files.
  assert.equal(
    data.settings.model_sha256,
    createHash('sha256')
      .update(readFileSync(join(dir, 'sc.json')))
      .digest('hex'),
  );
  assert.equal(
    data.settings.data_sha256,
    createHash('sha256')
      .update(readFileSync(join(dir, 'german.csv')))
      .digest('hex'),
  );
  // Self-contained: nothing to fetch, no script that runs.
  assert.doesNotMatch(html, /\s(src|href)=/);
  assert.equal(document.querySelectorAll('script').length, 1);
  assert.equal(document.querySelector('script')?.getAttribute('type'), 'application/json');
});

test('report model on a GBDT of the synthetic world: TreeSHAP summary, no scorecard, PSI asks for --train', async () => {
  assert.equal((await credo('data', 'synth', '--rows', '1200', '--seed', '9', '--out', 'world.csv')).code, 0);
  const features = 'bureau_score,dti,delinq_30d_12m,inquiries_3m,monthly_income,segment';
  const trained = await credo('train', '--data', 'world.csv', '--target', 'bad', '--features', features, '--trees', '30', '--allow-leakage', '--out', 'g.json');
  assert.equal(trained.code, 0, trained.err);
  const r = await credo('report', 'model', '--model', 'g.json', '--data', 'world.csv', '--target', 'bad', '--top', '2', '--out', 'world.html');
  assert.equal(r.code, 0, r.err);
  const { document, data } = parse('world.html');
  assert.equal(data.shap?.method, 'tree-shap-path-dependent');
  assert.deepEqual(data.shap?.importance.map((f) => f.feature).sort(), features.split(',').sort());
  assert.equal(document.querySelectorAll('figure[data-chart="shap-dependence"]').length, 2);
  assert.equal(data.scorecard, null);
  assert.equal(data.stability, null);
  assert.match(document.querySelector('section#stability')?.textContent ?? '', /pass --train FILE/);
  assert.ok(data.data.excluded_rows > 0, 'declined applicants have no outcome');
  assert.equal(data.data.rows + data.data.excluded_rows, 1200);
  // Stability compares like with like: every row of the data (declined ones too) against the training file.
  const same = await credo(
    'report',
    'model',
    '--model',
    'g.json',
    '--data',
    'world.csv',
    '--target',
    'bad',
    '--train',
    'world.csv',
    '--top',
    '0',
    '--out',
    'same.html',
  );
  assert.equal(same.code, 0, same.err);
  assert.equal(parse('same.html').data.stability?.score_psi, 0);
});

test('report model on an HMEQ logistic model: its leakage warnings, calibration and SHAP for every feature', async () => {
  const hmeq = repoPath('data', 'hmeq.csv');
  const trained = await credo('train', '--model', 'logistic', '--data', hmeq, '--target', 'BAD', '--out', 'lg.json');
  assert.equal(trained.code, 0, trained.err);
  const r = await credo('report', 'model', '--model', 'lg.json', '--data', hmeq, '--target', 'BAD', '--out', 'hmeq.html');
  assert.equal(r.code, 0, r.err);
  const { document, data } = parse('hmeq.html');
  // DEBTINC's IV (1.86 on the profile's quick look) is above 0.5: a warning in the report as in `train`.
  assert.ok(data.leakage.some((f) => f.column === 'DEBTINC' && f.kind === 'iv'));
  assert.match(document.querySelector('section#leakage')?.textContent ?? '', /DEBTINC \(iv\)/);
  assert.equal(data.data.rows, 5960);
  assert.equal(data.data.bads, 1189);
  assert.equal(data.evaluation.calibration.length, 10);
  assert.equal(data.shap?.importance.length, 12);
  assert.equal(data.shap?.rows, 1987); // every 3rd of 5,960 rows: at most --explain-rows 2000
  assert.match(document.querySelector('section#scorecard')?.textContent ?? '', /Not a scorecard \(logistic model\)/);
});
