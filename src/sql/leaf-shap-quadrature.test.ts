import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addLeafShap, shapleyWeights } from '../explain/leaf-shap.js';
import { gaussLegendre } from './gauss-legendre.js';
import { type LeafShapQuadrature, leafShapQuadrature } from './leaf-shap-quadrature.js';

test('gaussLegendre: n points integrate t^k over [0, 1] exactly (1/(k+1)) for every k ≤ 2n − 1; worked 2-point rule', () => {
  for (let n = 1; n <= 15; n++) {
    const { nodes, weights } = gaussLegendre(n);
    for (let k = 0; k <= 2 * n - 1; k++) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += (weights[r] as number) * (nodes[r] as number) ** k;
      assert.ok(Math.abs(sum - 1 / (k + 1)) < 1e-15, `n ${n} k ${k}: ${sum}`);
    }
    for (let r = 1; r < n; r++) assert.ok((nodes[r] as number) > (nodes[r - 1] as number));
  }
  // Two points: t = ½ ∓ 1/(2√3), weights ½ each.
  const two = gaussLegendre(2);
  assert.ok(Math.abs((two.nodes[0] as number) - (0.5 - 1 / (2 * Math.sqrt(3)))) < 1e-16);
  assert.ok(Math.abs((two.nodes[1] as number) - (0.5 + 1 / (2 * Math.sqrt(3)))) < 1e-16);
  for (const w of two.weights) assert.ok(Math.abs(w - 0.5) < 1e-15);
  assert.throws(() => gaussLegendre(0), RangeError);
});

/** The SQL's arithmetic in JS: products over the path, then one coefficient per quadrature point. */
function byQuadrature(q: LeafShapQuadrature, d: number, failedMask: number): number[] {
  const R = q.points;
  const product: number[] = [];
  for (let r = 0; r < R; r++) {
    let p = 1;
    for (let i = 0; i < d; i++) p *= ((failedMask >>> i) & 1) === 1 ? (q.failedFactor[i * R + r] as number) : (q.followedFactor[i * R + r] as number);
    product.push(p);
  }
  return Array.from({ length: d }, (_, k) => {
    const failed = ((failedMask >>> k) & 1) === 1;
    let sum = 0;
    for (let r = 0; r < R; r++) sum += (failed ? (q.failedCoefficient[r] as number) : (q.followedCoefficient[k * R + r] as number)) * (product[r] as number);
    return sum;
  });
}

test('leafShapQuadrature: equals the TreeSHAP leaf kernel (addLeafShap) for every failed mask of random leaves up to 14 features, zero fractions 0 and 1 included', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5)), { minLength: 1, maxLength: 14 }),
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.nat(),
      (zero, value, seed) => {
        const d = zero.length;
        const q = leafShapQuadrature(zero, value);
        assert.equal(q.points, Math.max(1, Math.ceil(d / 2)));
        const weights = shapleyWeights(d)[d] as Float64Array;
        const zeros = Float64Array.from(zero);
        // every mask for small leaves, a few for large ones
        const masks = d <= 8 ? Array.from({ length: 2 ** d }, (_, m) => m) : [0, 2 ** d - 1, seed % 2 ** d, (seed * 7919) % 2 ** d];
        for (const mask of masks) {
          const expected = new Float64Array(d);
          addLeafShap(d, zeros, 0, mask, value, weights, new Float64Array(d + 1), expected, 0);
          const got = byQuadrature(q, d, mask);
          for (let k = 0; k < d; k++)
            assert.ok(Math.abs((got[k] as number) - (expected[k] as number)) <= 1e-13, `d ${d} mask ${mask} k ${k}: ${got[k]} vs ${expected[k]}`);
        }
      },
    ),
    { seed: 11, numRuns: 300 },
  );
});

test('leafShapQuadrature: hand-worked two-feature leaf (v = 1, z = ¼ and ½): the Shapley values worked by hand', () => {
  // E[f|S]: ∅ → z1·z2 = 1/8; {1} → 1·z2 = 1/2; {2} → z1·1 = 1/4; {1,2} → 1.
  // φ1 = ½(1/2 − 1/8) + ½(1 − 1/4) = 0.5625; φ2 = ½(1/4 − 1/8) + ½(1 − 1/2) = 0.3125 (sum 7/8 = 1 − 1/8).
  const got = byQuadrature(leafShapQuadrature([0.25, 0.5], 1), 2, 0);
  assert.ok(Math.abs((got[0] as number) - 0.5625) < 1e-15);
  assert.ok(Math.abs((got[1] as number) - 0.3125) < 1e-15);
  // Fail feature 1 (mask 1): E: ∅ 1/8, {1} 0, {2} 1/4, {1,2} 0 → φ1 = ½(0 − 1/8) + ½(0 − 1/4) = −0.1875, φ2 = ½(1/4 − 1/8) + ½(0 − 0) = 0.0625.
  const failed = byQuadrature(leafShapQuadrature([0.25, 0.5], 1), 2, 1);
  assert.ok(Math.abs((failed[0] as number) + 0.1875) < 1e-15);
  assert.ok(Math.abs((failed[1] as number) - 0.0625) < 1e-15);
});
