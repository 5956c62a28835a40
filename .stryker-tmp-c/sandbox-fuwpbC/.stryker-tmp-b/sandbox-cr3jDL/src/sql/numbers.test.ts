// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { float32Threshold, shortestDouble } from './numbers.js';

test('float32Threshold: x < c exactly when fround(x) < t, for doubles next to every float32 boundary', () => {
  fc.assert(
    fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (t32, y) => {
      const t = Math.fround(t32);
      const c = float32Threshold(t);
      // Probe the doubles around c and around the threshold itself, plus a random double.
      for (const x of [c, c * (1 - 2 ** -52), c * (1 + 2 ** -52), t, (t + Math.fround(t * (1 - 2 ** -23))) / 2, y]) {
        if (!Number.isFinite(x)) continue;
        assert.equal(x < c, Math.fround(x) < t, `t ${t}, x ${x}, c ${c}`);
      }
    }),
    { seed: 17, numRuns: 2000 },
  );
  // Worked: between float32 1 and its predecessor 1 − 2⁻²⁴ the midpoint 1 − 2⁻²⁵ rounds to 1 (ties to even), so it is the cut.
  assert.equal(float32Threshold(1), 1 - 2 ** -25);
  assert.equal(Math.fround(1 - 2 ** -25), 1);
});

test('shortestDouble round-trips with at most 17 significant digits', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
      const text = shortestDouble(v);
      assert.equal(Number(text), v === 0 ? 0 : v);
      assert.ok(text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length <= 17, text);
    }),
    { seed: 3, numRuns: 2000 },
  );
  assert.equal(shortestDouble(0.1), '0.1');
  assert.equal(shortestDouble(-0), '0');
  assert.throws(() => shortestDouble(Number.NaN), RangeError);
});
