/**
 * Credo side of the SHAP benchmark: node dist/bench/shap.js MODEL DATA ROWS THREADS PEER_CONTRIBS
 * Times exact TreeSHAP of ROWS rows of DATA on THREADS worker threads (input preparation and the
 * per-model precomputation included, CSV reading excluded — as the peer's timing includes its
 * DMatrix but not read_csv), the single-row latency (p50/p99 over 2,000 rows, one thread, model
 * precompiled as in an API server), and the largest difference from XGBoost's pred_contribs on the
 * first 1,000 rows. Prints one JSON line.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { createTreeShapScratch, ensembleOf, rowMajorInput, treeExplainerOf, treeShapRows } from '../src/explain/index.js';
import { treeShapParallel } from '../src/explain/workers/tree-shap-parallel.js';
import { readFrame } from '../src/io/index.js';
import { loadModel } from '../src/io/model-file.js';
import type { CredoModel } from '../src/ml/model.js';

const [modelPath, dataPath, rowsArg, threadsArg, peerPath] = process.argv.slice(2);
const model = await loadModel<CredoModel>(modelPath as string);
const all = await readFrame(dataPath as string);
const frame = all.slice(0, Number(rowsArg));
const threads = Number(threadsArg);
const ensemble = ensembleOf(model);
if (ensemble === undefined) throw new Error('not a tree model');

const t0 = performance.now();
const explainer = treeExplainerOf(ensemble);
const t1 = performance.now();
const x = rowMajorInput(ensemble, frame);
const values = await treeShapParallel(explainer.compiled, x, frame.rowCount, threads);
const t2 = performance.now();

// single-row latency: one row at a time on this thread, as inside an API decision
const scratch = createTreeShapScratch(explainer.compiled);
const p = ensemble.features.length;
const one = new Float64Array(frame.rowCount * p);
const samples = Math.min(2000, frame.rowCount);
const latency = new Float64Array(samples);
for (let i = 0; i < samples; i++) {
  const s = performance.now();
  treeShapRows(explainer.compiled, x, i, i + 1, one, scratch);
  latency[i] = (performance.now() - s) * 1000;
}
latency.sort();
const quantile = (q: number) => latency[Math.min(samples - 1, Math.floor(q * samples))] as number;

// parity with XGBoost's pred_contribs (float32 arithmetic on its side)
const lines = readFileSync(peerPath as string, 'utf8')
  .trim()
  .split('\n');
const header = (lines[0] as string).split(',');
let maxDiff = 0;
let maxBias = 0;
for (let i = 1; i < lines.length; i++) {
  const cells = (lines[i] as string).split(',').map(Number);
  for (let j = 0; j < p; j++) {
    const k = header.indexOf(ensemble.features[j]?.name as string);
    maxDiff = Math.max(maxDiff, Math.abs((values[(i - 1) * p + j] as number) - (cells[k] as number)));
  }
  maxBias = Math.max(maxBias, Math.abs(explainer.compiled.expectedValue - (cells[header.indexOf('bias')] as number)));
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
console.log(
  JSON.stringify({
    credo: 'tree-shap',
    rows: frame.rowCount,
    threads,
    trees: ensemble.trees.length,
    seconds: round((t2 - t0) / 1000, 3),
    precompute_seconds: round((t1 - t0) / 1000, 3),
    table_mb: round((explainer.compiled.table.length * 8) / 1e6, 1),
    single_row_p50_us: round(quantile(0.5), 1),
    single_row_p99_us: round(quantile(0.99), 1),
    max_abs_diff_vs_xgboost: maxDiff,
    max_bias_diff: maxBias,
  }),
);
