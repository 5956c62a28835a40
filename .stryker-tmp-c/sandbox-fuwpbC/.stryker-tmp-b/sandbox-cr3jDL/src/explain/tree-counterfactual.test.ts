// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomRows, randomTreeEnsemble } from './random-tree-ensemble.js';
import { ensembleMargin, featureIntervals, treeCounterfactual } from './tree-counterfactual.js';

test('the MILP counterfactual flips the decision and matches exhaustive search on small trees', async () => {
  let solved = 0;
  let infeasible = 0;
  for (let seed = 1; seed <= 25; seed++) {
    const ensemble = randomTreeEnsemble({ seed, features: 4, trees: 2 + (seed % 3), maxDepth: 3 + (seed % 2) });
    const x = randomRows(ensemble, 1, seed + 50, 0);
    const margin = ensembleMargin(ensemble, x);
    const cutoffMargin = margin - 0.3 - (seed % 4) * 0.2;
    const options = { actionable: [0, 2], cutoffMargin, scale: [1, 1, 0.5, 1], lower: [-1.2, -1.2, -1.2, -1.2], upper: [1.2, 1.2, 1.2, 1.2] };
    const result = await treeCounterfactual(ensemble, x, options);
    // exhaustive: every pair of intervals
    const a = featureIntervals(ensemble, 0, x[0] as number, options, false);
    const b = featureIntervals(ensemble, 2, x[2] as number, options, false);
    let best = Number.POSITIVE_INFINITY;
    for (const ia of a) {
      for (const ib of b) {
        const row = Float64Array.from(x);
        row[0] = ia.target;
        row[2] = ib.target;
        if (ensembleMargin(ensemble, row) < cutoffMargin - 1e-9 && ia.cost + ib.cost < best) best = ia.cost + ib.cost;
      }
    }
    if (result === null) {
      assert.equal(best, Number.POSITIVE_INFINITY, `seed ${seed}: exhaustive search found a flip the MILP missed`);
      infeasible++;
      continue;
    }
    assert.ok(result.marginAfter < cutoffMargin, `seed ${seed}: decision flipped`);
    assert.ok(Math.abs(result.cost - best) <= 1e-9 * Math.max(1, best), `seed ${seed}: cost ${result.cost} vs exhaustive ${best}`);
    assert.ok(result.changes.length > 0);
    for (const change of result.changes) assert.ok(change.feature === 'f0' || change.feature === 'f2');
    solved++;
  }
  assert.ok(solved >= 10, `solved ${solved}, infeasible ${infeasible}`);
});

test('an already approved row needs no change', async () => {
  const ensemble = randomTreeEnsemble({ seed: 3, features: 3, trees: 2, maxDepth: 3 });
  const x = randomRows(ensemble, 1, 9, 0);
  const result = await treeCounterfactual(ensemble, x, { actionable: [0], cutoffMargin: ensembleMargin(ensemble, x) + 1 });
  assert.deepEqual(result?.changes, []);
  assert.equal(result?.cost, 0);
});
