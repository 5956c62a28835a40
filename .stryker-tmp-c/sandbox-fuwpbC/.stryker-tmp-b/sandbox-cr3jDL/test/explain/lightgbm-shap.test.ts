// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bruteForceShap, ensembleOf, explainRowsSync, treeExplainerOf } from '../../src/explain/index.js';
import { importLightgbm } from '../../src/ml/gbdt/index.js';
import { Rng } from '../../src/random/index.js';
import { repoPath } from '../repo-root.js';

test('TreeSHAP of an imported LightGBM model (NaN/zero/none missing types, categorical bitsets) equals brute force', () => {
  const model = importLightgbm(readFileSync(repoPath('test', 'fixtures', 'lightgbm', 'small.txt'), 'utf8'), { createdAt: '2026-01-01T00:00:00Z' });
  const ensemble = ensembleOf(model);
  assert.ok(ensemble !== undefined);
  const p = ensemble.features.length;
  const rng = new Rng(8);
  const rows = 300;
  const x = new Float64Array(rows * p);
  for (let k = 0; k < x.length; k++) {
    const feature = ensemble.features[k % p];
    const r = rng.nextDouble();
    if (r < 0.15) x[k] = Number.NaN;
    else if (r < 0.3) x[k] = 0;
    else x[k] = feature?.type === 'category' ? rng.nextInt((feature.categories?.length ?? 4) + 1) : rng.nextNormal() * 2;
  }
  const explainer = treeExplainerOf(ensemble);
  const values = explainRowsSync(explainer.compiled, x, rows);
  for (let i = 0; i < rows; i++) {
    const reference = bruteForceShap(ensemble, x.subarray(i * p, (i + 1) * p));
    assert.ok(Math.abs(reference.expectedValue - explainer.compiled.expectedValue) < 1e-12);
    for (let j = 0; j < p; j++) assert.ok(Math.abs((values[i * p + j] as number) - (reference.values[j] as number)) <= 1e-9, `row ${i} feature ${j}`);
  }
});
