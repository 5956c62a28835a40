/**
 * Scorecard benchmark: optimal monotone binning of every column (exact DP), WOE, logistic
 * regression, points. Prints one JSON line (seconds exclude reading the CSV).
 * Usage: node dist/bench/scorecard.js data.csv
 */
// @ts-nocheck

import { resolve } from 'node:path';
import { readFrame } from '../src/io/index.js';
import { targetLabels } from '../src/ml/binning/index.js';
import { evaluateBinary } from '../src/ml/metrics/index.js';
import { predictScorecardLogit, scorecardPoints, trainScorecard } from '../src/ml/scorecard/index.js';

const frame = await readFrame(resolve(process.argv[2] as string));
const labels = targetLabels(frame.column('bad'));
const features = frame.names.filter((n) => n !== 'bad');
const started = performance.now();
const result = await trainScorecard(frame, labels, features);
const { total } = scorecardPoints(result.body, frame);
const seconds = (performance.now() - started) / 1000;
const pd = Float64Array.from(predictScorecardLogit(result.body, frame), (l) => 1 / (1 + Math.exp(-l)));
let mean = 0;
for (let i = 0; i < total.length; i++) mean += (total[i] as number) / total.length;
console.log(
  JSON.stringify({
    credo: 'scorecard',
    rows: frame.rowCount,
    features: features.length,
    seconds: Math.round(seconds * 1000) / 1000,
    auc: evaluateBinary(pd, labels).auc,
    characteristics: result.body.characteristics.length,
    mean_score: mean,
  }),
);
