// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { categoryFromLabels, numericColumn } from '../../frame/index.js';
import { applyNumericBins, binFeatures, numericCutPoints } from './bin.js';

test('few distinct values: one bin each, cut at the midpoints, NaN in the missing bin', () => {
  const values = Float64Array.of(3, 1, 2, Number.NaN, 2, 1);
  const cuts = numericCutPoints(values, undefined, 255);
  assert.deepEqual(Array.from(cuts), [1.5, 2.5]);
  const out = new Uint8Array(values.length);
  applyNumericBins(values, cuts, out);
  assert.deepEqual(Array.from(out), [2, 0, 1, 3, 1, 0]);
});

test('many distinct values: at most maxBins bins of roughly equal counts', () => {
  const values = Float64Array.from({ length: 10_000 }, (_, i) => i);
  const cuts = numericCutPoints(values, undefined, 10);
  assert.equal(cuts.length, 9);
  const out = new Uint8Array(values.length);
  applyNumericBins(values, cuts, out);
  const counts = new Array(10).fill(0);
  for (const b of out) counts[b]++;
  for (const c of counts) assert.ok(c >= 900 && c <= 1100, `bin count ${c}`);
});

test('property: bin ≤ b exactly when x < cuts[b] (the tree routing rule)', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 20 }), (xs, maxBins) => {
      const values = Float64Array.from(xs);
      const cuts = numericCutPoints(values, undefined, maxBins);
      assert.ok(cuts.length <= maxBins - 1);
      const out = new Uint8Array(values.length);
      applyNumericBins(values, cuts, out);
      for (let i = 0; i < values.length; i++) for (let b = 0; b < cuts.length; b++) assert.equal(out[i]! <= b, values[i]! < cuts[b]!);
    }),
    { seed: 7, numRuns: 200 },
  );
});

test('categorical bins: one per seen category, missing last; rare categories share "other" when capped', () => {
  const col = categoryFromLabels('c', ['a', 'b', 'a', '', 'c', 'a', 'b', 'd']);
  const data = binFeatures([col, numericColumn('x', new Float64Array(8))], 8, { maxBins: 3, sampleRows: 100, seed: 1 });
  const spec = data.features[0]!;
  // Capped at 3 bins: the two most frequent (a: 3, b: 2) keep a bin, c and d share "other".
  assert.equal(spec.binCount, 3);
  assert.equal(spec.otherBin, 2);
  assert.deepEqual(Array.from(data.bins.subarray(0, 8)), [0, 1, 0, 3, 2, 0, 1, 2]);
});
