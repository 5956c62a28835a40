import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bruteForceShap } from './brute-force-shap.js';
import { compileTreeShap } from './compile-tree-shap.js';
import { randomRows, randomTreeEnsemble } from './random-tree-ensemble.js';
import { createTreeShapScratch, treeShapRows } from './tree-shap.js';
import { createTreeShapRowScratch, treeShapRow } from './tree-shap-row.js';

test('the one-row kernel gives the batch kernel bit for bit, and brute-force Shapley values, on random trees', () => {
  let rowsChecked = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const ensemble = randomTreeEnsemble({
      seed,
      features: 3 + (seed % 7),
      categorical: seed % 3,
      trees: 1 + (seed % 5),
      maxDepth: 2 + (seed % 7),
      averaging: seed % 4 === 0,
    });
    const model = compileTreeShap(ensemble);
    const scratch = createTreeShapRowScratch(model);
    assert.equal(scratch.batch, undefined, `seed ${seed}: every unit has a table, so the one-row path runs`);
    const p = ensemble.features.length;
    const rows = 20;
    const x = randomRows(ensemble, rows, seed + 500);
    const batch = new Float64Array(rows * p);
    treeShapRows(model, x, 0, rows, batch, createTreeShapScratch(model));
    // stale values in `out` must not leak into the next row
    const out = new Float64Array(p).fill(Number.NaN);
    for (let i = 0; i < rows; i++) {
      const row = x.subarray(i * p, (i + 1) * p);
      treeShapRow(model, row, out, scratch);
      assert.deepEqual(Array.from(out), Array.from(batch.subarray(i * p, (i + 1) * p)), `seed ${seed} row ${i}`);
      const reference = bruteForceShap(ensemble, row);
      for (let j = 0; j < p; j++) {
        const expected = reference.values[j] as number;
        assert.ok(Math.abs((out[j] as number) - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `seed ${seed} row ${i} feature ${j}`);
      }
      rowsChecked++;
    }
  }
  assert.equal(rowsChecked, 30 * 20);
});

test('a model with units over the table budget goes through the batch kernel, with the same values', () => {
  const ensemble = randomTreeEnsemble({ seed: 99, features: 20, categorical: 4, categoryCount: 6, trees: 30, maxDepth: 11, leafProbability: 0.3 });
  const model = compileTreeShap(ensemble, { tableBudget: 50_000 });
  assert.ok(Array.from(model.unitTableOffset).some((o) => o < 0) && model.table.length > 0, 'a partial table');
  const scratch = createTreeShapRowScratch(model);
  assert.notEqual(scratch.batch, undefined);
  const p = ensemble.features.length;
  const rows = 40;
  const x = randomRows(ensemble, rows, 5);
  const batch = new Float64Array(rows * p);
  treeShapRows(model, x, 0, rows, batch, createTreeShapScratch(model));
  const out = new Float64Array(p);
  for (let i = 0; i < rows; i++) {
    treeShapRow(model, x.subarray(i * p, (i + 1) * p), out, scratch);
    assert.deepEqual(Array.from(out), Array.from(batch.subarray(i * p, (i + 1) * p)), `row ${i}`);
  }
});
