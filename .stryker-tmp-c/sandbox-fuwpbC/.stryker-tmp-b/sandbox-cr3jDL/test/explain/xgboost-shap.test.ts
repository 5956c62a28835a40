// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { explainRowsSync, rowMajorInput, treeExplainerFor } from '../../src/explain/index.js';
import { type Column, categoryFromLabels, Frame, numericColumn } from '../../src/frame/index.js';
import { importXgboost } from '../../src/ml/gbdt/index.js';
import { repoPath } from '../repo-root.js';

const fixtures = repoPath('test', 'fixtures', 'xgboost');

function readCsv(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(fixtures, name), 'utf8').trim().split('\n');
  return { header: (lines[0] as string).split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function inputFrame(name: string, categorical: ReadonlySet<string>): Frame {
  const { header, rows } = readCsv(`${name}-input.csv`);
  const columns: Column[] = header.map((h, j) =>
    categorical.has(h)
      ? categoryFromLabels(
          h,
          rows.map((r) => r[j] ?? ''),
        )
      : numericColumn(
          h,
          Float64Array.from(rows, (r) => (r[j] === '' ? Number.NaN : Number(r[j]))),
        ),
  );
  return new Frame(columns);
}

for (const [name, categorical] of [
  ['binary', new Set<string>()],
  ['regression', new Set<string>()],
  ['categorical', new Set(['region'])],
] as const) {
  test(`TreeSHAP of the imported ${name} XGBoost model matches pred_contribs`, () => {
    const model = importXgboost(readFileSync(join(fixtures, `${name}.json`), 'utf8'), { createdAt: '2026-01-01T00:00:00Z' });
    const explainer = treeExplainerFor(model);
    const frame = inputFrame(name, categorical);
    const x = rowMajorInput(explainer.ensemble, frame);
    const values = explainRowsSync(explainer.compiled, x, frame.rowCount);
    const expected = readCsv(`${name}-contribs.csv`);
    const margins = readCsv(`${name}-margin.csv`).rows.map((r) => Number(r[0]));
    const p = explainer.ensemble.features.length;
    assert.deepEqual(
      explainer.ensemble.features.map((f) => f.name),
      expected.header.slice(0, p),
    );
    let worst = 0;
    expected.rows.forEach((row, i) => {
      const bias = Number(row[p]);
      assert.ok(Math.abs(explainer.compiled.expectedValue - bias) <= 2e-6 * Math.max(1, Math.abs(bias)), `bias ${explainer.compiled.expectedValue} vs ${bias}`);
      let sum = explainer.compiled.expectedValue;
      for (let j = 0; j < p; j++) {
        const v = values[i * p + j] as number;
        const ref = Number(row[j]);
        worst = Math.max(worst, Math.abs(v - ref));
        assert.ok(Math.abs(v - ref) <= 2e-6 * Math.max(1, Math.abs(ref)), `row ${i} feature ${j}: ${v} vs XGBoost ${ref}`);
        sum += v;
      }
      // local accuracy against XGBoost's own margin (XGBoost sums in float32)
      assert.ok(
        Math.abs(sum - (margins[i] as number)) <= 2e-6 * Math.max(1, Math.abs(margins[i] as number)),
        `row ${i}: Σφ + φ₀ = ${sum} vs margin ${margins[i]}`,
      );
    });
    assert.ok(worst < 2e-6);
  });
}
