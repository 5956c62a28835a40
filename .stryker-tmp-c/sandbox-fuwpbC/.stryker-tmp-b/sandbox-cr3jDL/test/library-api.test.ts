// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
// The package imports itself by name through package.json "exports" (self-reference): the same
// specifiers a user of the published package writes. Nothing below reaches into src/ directly.
import {
  evaluateBinary,
  explainRowsSync,
  Frame,
  fitModel,
  generateWorld,
  irbCapital,
  numericColumn,
  predictPd,
  predictRaw,
  rowMajorInput,
  treeExplainerFor,
} from 'credo';
import { irbCapital as irbCapitalFromArea } from 'credo/finance';
import { trainGbdt } from 'credo/models';
import { repoPath } from './repo-root.js';

test('an end-to-end job through the public API: synthesise → train GBDT → evaluate → explain → capital', async () => {
  const { applications } = generateWorld({ rows: 3000, seed: 11 });
  const features = ['bureau_score', 'dti', 'revolving_utilization', 'delinq_30d_12m', 'inquiries_6m', 'employment_type'];
  const model = await fitModel({ kind: 'gbdt', params: { trees: 40, leaves: 8, learningRate: 0.1, validFraction: 0 } }, applications, 'true_bad', features, {
    seed: 3,
  });
  assert.equal(model.kind, 'gbdt');

  const pd = predictPd(model, applications);
  const labels = applications.numeric('true_bad').values;
  const evaluation = evaluateBinary(pd, labels);
  assert.equal(evaluation.rows, 3000);
  // The causal world's bureau score and delinquencies carry real signal: well above chance in-sample.
  assert.ok(evaluation.auc > 0.7 && evaluation.auc < 1, `auc ${evaluation.auc}`);

  // TreeSHAP is additive: expected value + Σ contributions = the raw margin of every row.
  const explainer = treeExplainerFor(model);
  const rows = 25;
  const head = applications.slice(0, rows);
  const x = rowMajorInput(explainer.ensemble, head);
  const phi = explainRowsSync(explainer.compiled, x, rows);
  const raw = predictRaw(model, head);
  const p = explainer.compiled.featureCount;
  assert.equal(p, features.length);
  for (let i = 0; i < rows; i++) {
    let sum = explainer.compiled.expectedValue;
    for (let j = 0; j < p; j++) sum += phi[i * p + j] as number;
    assert.ok(Math.abs(sum - (raw[i] as number)) < 1e-9, `row ${i}: ${sum} vs ${raw[i]}`);
  }

  // Basel IRB capital (REFERENCE §4 worked values): other retail, PD 5%, LGD 85% → R = 0.052591,
  // K = 0.10036070; PD 1%, LGD 45% → risk weight 45.77% (Basel II Annex 5, no PD floor involved).
  const worked = irbCapital({ assetClass: 'other_retail', pd: 0.05, lgd: 0.85 });
  assert.ok(Math.abs(worked.r - 0.052591) < 5e-7, `R ${worked.r}`);
  assert.ok(Math.abs(worked.k - 0.1003607) < 5e-8, `K ${worked.k}`);
  assert.ok(Math.abs(irbCapital({ assetClass: 'other_retail', pd: 0.01, lgd: 0.45 }).riskWeight - 0.4577) < 1e-4);
  const meanPd = pd.reduce((a, b) => a + b, 0) / pd.length;
  const capital = irbCapitalFromArea({ assetClass: 'other_retail', pd: meanPd, lgd: 0.45 });
  assert.ok(capital.k > 0 && capital.k < 0.45, `k ${capital.k}`);
  assert.deepEqual(capital, irbCapital({ assetClass: 'other_retail', pd: meanPd, lgd: 0.45 }));

  // The area entry exposes the same functions as the root.
  const direct = trainGbdt(
    {
      frame: new Frame([numericColumn('x', Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7])), numericColumn('y', Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]))]),
      target: 'y',
    },
    { trees: 3, minDataInLeaf: 1 },
  );
  assert.equal(direct.treesTrained, 3);
});

test('package.json exports every documented entry with its declaration file', () => {
  const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
    exports: Record<string, { types: string; default: string } | string>;
    bin: Record<string, string>;
  };
  assert.equal(pkg.bin.credo, 'dist/src/cli/main.js');
  const docs = readFileSync(repoPath('docs', 'api.md'), 'utf8');
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    assert.match(target.types, /\.d\.ts$/);
    assert.equal(target.types.replace(/\.d\.ts$/, '.js'), target.default);
    const name = entry === '.' ? 'credo' : `credo/${entry.slice(2)}`;
    assert.ok(docs.includes(`'${name}'`), `docs/api.md shows an import from '${name}'`);
  }
});
