// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bruteForceShap, explainRowsSync, rowMajorInput, treeExplainerOf } from '../../src/explain/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../../src/frame/index.js';
import { trainGbdt } from '../../src/ml/gbdt/index.js';
import { predictEnsembleRaw } from '../../src/ml/tree/index.js';
import { Rng } from '../../src/random/index.js';

function credit(n: number, seed: number): Frame {
  const rng = new Rng(seed);
  const util = new Float64Array(n);
  const inquiries = new Float64Array(n);
  const income = new Float64Array(n);
  const grade: string[] = [];
  const bad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    util[i] = rng.nextDouble() < 0.1 ? Number.NaN : rng.nextDouble();
    inquiries[i] = rng.nextInt(6);
    income[i] = rng.nextDouble() < 0.15 ? Number.NaN : 1000 + 9000 * rng.nextDouble();
    grade.push(rng.nextDouble() < 0.05 ? '' : (['A', 'B', 'C', 'D'][rng.nextInt(4)] as string));
    const u = Number.isNaN(util[i]) ? 0.8 : (util[i] as number);
    const z = -2 + 2 * u + 0.3 * (inquiries[i] as number) - (Number.isNaN(income[i]) ? 0 : (income[i] as number) / 5000) + (grade[i] === 'D' ? 1 : 0);
    bad[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return new Frame([
    numericColumn('util', util),
    numericColumn('inquiries', inquiries),
    numericColumn('income', income),
    categoryFromLabels('grade', grade),
    numericColumn('bad', bad),
  ]);
}

test('TreeSHAP on a Credo-trained GBDT: local accuracy on every row, brute force on some rows', () => {
  const frame = credit(4000, 5);
  const { ensemble } = trainGbdt({ frame, target: 'bad' }, { trees: 40, leaves: 15 });
  assert.ok(ensemble.features.some((f) => f.type === 'category'));
  const explainer = treeExplainerOf(ensemble);
  const x = rowMajorInput(ensemble, frame);
  const values = explainRowsSync(explainer.compiled, x, frame.rowCount);
  const margin = predictEnsembleRaw(ensemble, frame);
  const p = ensemble.features.length;
  for (let i = 0; i < frame.rowCount; i++) {
    let sum = explainer.compiled.expectedValue;
    for (let j = 0; j < p; j++) sum += values[i * p + j] as number;
    assert.ok(Math.abs(sum - (margin[i] as number)) <= 1e-9 * Math.max(1, Math.abs(margin[i] as number)), `row ${i}: ${sum} vs ${margin[i]}`);
  }
  for (let i = 0; i < 40; i++) {
    const reference = bruteForceShap(ensemble, x.subarray(i * p, (i + 1) * p));
    for (let j = 0; j < p; j++) assert.ok(Math.abs((values[i * p + j] as number) - (reference.values[j] as number)) <= 1e-9, `row ${i} feature ${j}`);
  }
});
