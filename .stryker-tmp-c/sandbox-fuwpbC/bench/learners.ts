/**
 * Forest, MLP and SVM benchmark, Credo side: `node dist/bench/learners.js TRAIN.csv TEST.csv TARGET`
 * trains each learner single-threaded with the settings of bench/learners.peer.py and prints one
 * JSON line per learner: fit seconds, predict seconds, test AUC.
 */
// @ts-nocheck

import { closeDuckDb, readFrame } from '../src/io/index.js';
import { fitModel } from '../src/ml/ensemble/index.js';
import { computeAuc } from '../src/ml/metrics/index.js';
import type { ModelKind } from '../src/ml/model.js';
import { predictPd } from '../src/ml/predict-model.js';

const [trainFile, testFile, target = 'bad'] = process.argv.slice(2);
const train = await readFrame(trainFile!);
const test = await readFrame(testFile!);
await closeDuckDb();
const features = train.names.filter((n) => n !== target);
const settings: [ModelKind, Record<string, unknown>][] = [
  ['forest', { trees: 100, leaves: 64, minDataInLeaf: 5, colsample: 0.6, seed: 1 }],
  ['mlp', { hidden: [32, 16], learningRate: 3e-3, batchSize: 256, l2: 1e-4, validFraction: 0.1, patience: 8, epochs: 100, seed: 1 }],
  ['svm', { c: 0.1, seed: 1 }],
];
for (const [kind, params] of settings) {
  let t = performance.now();
  const model = await fitModel({ kind: kind as 'forest', params }, train, target, features);
  const fit = (performance.now() - t) / 1000;
  t = performance.now();
  const pd = predictPd(model, test);
  const predict = (performance.now() - t) / 1000;
  const auc = computeAuc(pd, test.numeric(target).values);
  const epochs = model.kind === 'mlp' ? model.body.epochs : undefined;
  console.log(
    JSON.stringify({
      peer: `credo-${kind}`,
      rows: train.rowCount,
      features: features.length,
      fit_s: round(fit),
      predict_s: round(predict),
      auc: round(auc, 5),
      epochs,
    }),
  );
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
