// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTreeShap, explainRowsSync, randomRows, randomTreeEnsemble } from '../../src/explain/index.js';
import { plannedThreads, treeShapParallel } from '../../src/explain/workers/tree-shap-parallel.js';

test('worker threads give the same bytes as one thread', async () => {
  const ensemble = randomTreeEnsemble({ seed: 21, features: 12, categorical: 3, trees: 20, maxDepth: 7 });
  const rows = 6001;
  const x = randomRows(ensemble, rows, 4);
  const model = compileTreeShap(ensemble);
  const serial = explainRowsSync(model, x, rows);
  for (const threads of [2, 3]) {
    assert.equal(plannedThreads(rows, threads), threads, 'the worker path runs');
    const parallel = await treeShapParallel(model, x, rows, threads);
    assert.deepEqual(new Uint8Array(parallel.buffer, parallel.byteOffset, parallel.byteLength), new Uint8Array(serial.buffer));
  }
  assert.equal(plannedThreads(100, 8), 1);
});
