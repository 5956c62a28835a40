import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveSeed, Rng, seedMix, streamBits } from './rng.js';

test('same seed gives the same sequence; different seeds differ', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  const xs = Array.from({ length: 5 }, () => a.nextUint32());
  assert.deepEqual(
    xs,
    Array.from({ length: 5 }, () => b.nextUint32()),
  );
  assert.notDeepEqual(
    xs,
    Array.from({ length: 5 }, () => c.nextUint32()),
  );
});

test('uniform and normal moments match their distributions within sampling error', () => {
  const rng = new Rng(7);
  const n = 200_000;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.nextDouble();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    sumSq += u * u;
  }
  // mean 1/2 (sd of mean ≈ 0.00065), variance 1/12
  assert.ok(Math.abs(sum / n - 0.5) < 0.004);
  assert.ok(Math.abs(sumSq / n - (sum / n) ** 2 - 1 / 12) < 0.002);
  const z = rng.fillNormal(new Float64Array(n));
  let m = 0;
  let tail = 0;
  for (const v of z) {
    m += v;
    if (v < -1.959963985) tail++;
  }
  assert.ok(Math.abs(m / n) < 0.012);
  // P(Z < -1.96) = 0.025, sd of the share ≈ 0.00035
  assert.ok(Math.abs(tail / n - 0.025) < 0.0025);
});

test('nextInt is unbiased over a small range and derived seeds are distinct', () => {
  const rng = new Rng(1);
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60_000; i++) counts[rng.nextInt(6)]++;
  for (const count of counts) assert.ok(Math.abs(count - 10_000) < 500);
  const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(99, i)));
  assert.equal(seeds.size, 1000);
});

test('deriveSeed keeps its values; streamBits from seedMix gives its low 32 bits for any safe-integer seed', () => {
  // Values of deriveSeed before it was split into seedMix and streamBits (models' roundings depend on them).
  assert.equal(deriveSeed(0, 0), 3847352385);
  assert.equal(deriveSeed(7, 123456), 4079575237);
  assert.equal(deriveSeed(2 ** 40 + 5, 3), 1101737585716);
  assert.equal(deriveSeed(-9, 11), -2119953551);
  for (const seed of [0, 1, 7, 4294967295, 2 ** 40 + 5, -9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
    const mix = seedMix(seed);
    for (const stream of [0, 1, 99_999, 2 ** 31 - 1]) {
      const bits = streamBits(mix, stream);
      assert.equal(bits, bits | 0, 'a signed 32-bit integer');
      assert.equal(bits >>> 0, deriveSeed(seed, stream) >>> 0, `seed ${seed}, stream ${stream}`);
    }
  }
});
