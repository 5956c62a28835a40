/**
 * GBDT benchmark, Credo side. Two modes, each printing one JSON line:
 *   node dist/bench/gbdt.js synth TRAIN.csv TEST.csv TARGET [trees] [leaves] [threads]
 *     → fit seconds, batch predict seconds, test AUC, peak RSS of this process;
 *   node dist/bench/gbdt.js dataset german|hmeq OUTDIR [threads]
 *     → splits the bundled data set 70/30 (seeded), writes OUTDIR/<name>-train.csv and -test.csv
 *       for the peer, trains with the same settings and prints the test AUC.
 */
// @ts-nocheck

// 

import { cpuUsage, resourceUsage } from 'node:process';
import { type Frame, numericColumn } from '../src/frame/index.js';
import { closeDuckDb, loadDataset, readFrame, writeFrame } from '../src/io/index.js';
import { splitRows } from '../src/ml/gbdt/index.js';
import { trainGbdtThreaded } from '../src/ml/gbdt/workers/train-threaded.js';
import { computeAuc } from '../src/ml/metrics/index.js';
import { predictEnsembleRawThreaded } from '../src/ml/tree/workers/predict-threaded.js';

const [mode, ...rest] = process.argv.slice(2);

async function fitAndScore(train: Frame, test: Frame, target: string, trees: number, leaves: number, threads: number) {
  const options = { trees, leaves, learningRate: 0.1, maxBins: 255, lambdaL2: 1, minChildWeight: 1e-3, minDataInLeaf: 20, seed: 1 };
  let t = performance.now();
  let c = cpuUsage();
  const result = await trainGbdtThreaded({ frame: train, target }, options, threads);
  const fit = (performance.now() - t) / 1000;
  const fitCpu = cpuSeconds(cpuUsage(c));
  t = performance.now();
  c = cpuUsage();
  const raw = await predictEnsembleRawThreaded(result.ensemble, test, threads);
  const predict = (performance.now() - t) / 1000;
  const predictCpu = cpuSeconds(cpuUsage(c));
  const auc = computeAuc(raw, test.numeric(target).values);
  return { fit, predict, fitCpu, predictCpu, auc, trees: result.ensemble.trees.length };
}

if (mode === 'synth') {
  const [trainFile, testFile, target = 'bad', trees = '100', leaves = '31', threads = '2'] = rest;
  const train = await readFrame(trainFile!);
  const test = (await readFrame(testFile!)).drop([]);
  await closeDuckDb();
  const r = await fitAndScore(train, test, target, Number(trees), Number(leaves), Number(threads));
  const rss = resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      peer: 'credo-gbdt',
      rows: train.rowCount,
      features: train.columns.length - 1,
      threads: Number(threads),
      fit_s: round(r.fit),
      predict_s: round(r.predict),
      fit_cpu_s: round(r.fitCpu),
      predict_cpu_s: round(r.predictCpu),
      auc: round(r.auc, 5),
      peak_rss_mb: Math.round(rss),
    }),
  );
} else if (mode === 'dataset') {
  const [name = 'german', outDir = 'bench/out', threads = '2'] = rest;
  const frame = await loadDataset(name);
  // Peers read the CSV with pandas: keep the target numeric and everything else as loaded.
  const [train, test] = splitRows(frame.withColumn(numericColumn('bad', frame.numeric('bad').values)), 0.3, 7);
  await writeFrame(train, `${outDir}/${name}-train.csv`);
  await writeFrame(test, `${outDir}/${name}-test.csv`);
  await closeDuckDb();
  const r = await fitAndScore(train, test, 'bad', 100, 31, Number(threads));
  console.log(
    JSON.stringify({ peer: 'credo-gbdt', dataset: name, train_rows: train.rowCount, test_rows: test.rowCount, fit_s: round(r.fit), auc: round(r.auc, 5) }),
  );
} else {
  console.error('usage: gbdt.js synth TRAIN TEST TARGET [trees] [leaves] [threads] | gbdt.js dataset NAME OUTDIR [threads]');
  process.exit(2);
}

/** CPU seconds of the whole process (every thread) from a `cpuUsage` difference. */
function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
