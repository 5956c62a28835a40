import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { ascendingOrder, comparatorOrder, RADIX_MIN_LENGTH, radixOrder, sortValues } from './sort-order.js';

/** Values in the order given, for comparing two orderings that may permute ties. */
// −0 and 0 are equal values (either order is correct), so compare them as 0.
const sortedBy = (values: Float64Array, order: Int32Array) => Float64Array.from(order, (i) => (values[i] as number) + 0);

test('the radix order equals the comparator order (differential), ties, signs, zeros and extremes', () => {
  const rng = new Rng(3);
  const n = 20000;
  const values = new Float64Array(n);
  const pool = [0, -0, 1, -1, 0.5, 1e-300, -1e-300, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1 / 3];
  for (let i = 0; i < n; i++) {
    const r = rng.nextDouble();
    values[i] =
      r < 0.3
        ? (pool[rng.nextInt(pool.length)] as number)
        : r < 0.6
          ? Math.round(rng.nextDouble() * 100) / 100
          : rng.nextNormal() * 10 ** (rng.nextInt(20) - 10);
  }
  const fast = radixOrder(values);
  const slow = comparatorOrder(values);
  assert.deepEqual(sortedBy(values, fast), sortedBy(values, slow));
  // A permutation: every row exactly once.
  assert.deepEqual(
    Int32Array.from(fast).sort(),
    Int32Array.from({ length: n }, (_, i) => i),
  );
  // Stable: equal values keep row order.
  for (let k = 1; k < n; k++)
    if (values[fast[k] as number] === values[fast[k - 1] as number] && Object.is(values[fast[k] as number], values[fast[k - 1] as number]))
      assert.ok((fast[k] as number) > (fast[k - 1] as number));
  // ascendingOrder takes the radix path at this size (same result object shape as radixOrder).
  assert.ok(n >= RADIX_MIN_LENGTH);
  assert.deepEqual(ascendingOrder(values), fast);
});

test('PDs in [0, 1]: radix and comparator agree; a constant column keeps row order', () => {
  const rng = new Rng(4);
  const pd = Float64Array.from({ length: 10000 }, () => rng.nextDouble());
  assert.deepEqual(sortedBy(pd, radixOrder(pd)), sortedBy(pd, comparatorOrder(pd)));
  const flat = new Float64Array(5000).fill(0.25);
  assert.deepEqual(
    radixOrder(flat),
    Int32Array.from({ length: 5000 }, (_, i) => i),
  );
});

test('sortValues sorts like Float64Array#sort, signed zeros, infinities and subnormals included', () => {
  const rng = new Rng(9);
  for (const n of [10, RADIX_MIN_LENGTH, 50_000]) {
    const values = Float64Array.from({ length: n }, (_, i) =>
      i % 7 === 0 ? Math.round(rng.nextDouble() * 20) - 10 : rng.nextNormal() * 10 ** (rng.nextInt(30) - 15),
    );
    values.set([-0, 0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 5e-324, -5e-324, -0], 0);
    const expected = Float64Array.from(values).sort();
    const actual = sortValues(Float64Array.from(values));
    for (let k = 0; k < n; k++) assert.ok(Object.is(actual[k], expected[k]), `n = ${n}, position ${k}: ${actual[k]} vs ${expected[k]}`);
  }
  // A view into a larger buffer sorts only its own elements.
  const big = Float64Array.from({ length: 12_000 }, (_, i) => 12_000 - i);
  sortValues(big.subarray(1000, 11_000));
  assert.equal(big[999], 11_001);
  assert.equal(big[1000], 1001);
  assert.equal(big[10_999], 11_000);
  assert.equal(big[11_000], 1000);
});

test('sortValues by value buckets: finite values of every shape sort like Float64Array#sort', () => {
  const rng = new Rng(31);
  const n = 20_000;
  const shapes: Record<string, () => number> = {
    normal: () => rng.nextNormal(),
    'four decimals': () => Math.round(rng.nextNormal() * 1e4) / 1e4,
    'heavy tail': () => Math.exp(rng.nextNormal() * 4),
    // One far outlier crowds every other value into the first bucket: sorted by the radix sort.
    crowded: () => (rng.nextInt(n) === 0 ? 1e12 : rng.nextDouble()),
    'few values': () => 12 * (1 + rng.nextInt(5)),
    'signed zeros': () => [0, -0, 1, -1, 2.5][rng.nextInt(5)]!,
    'only zeros and negatives': () => [0, -0, -3][rng.nextInt(3)]!,
    subnormal: () => rng.nextInt(1000) * 5e-324,
    'near the overflow': () => (rng.nextDouble() - 0.5) * 1.7e308,
    'across the whole range': () => (rng.nextDouble() < 0.5 ? -1 : 1) * 1.7e308 * rng.nextDouble(),
  };
  for (const [shape, draw] of Object.entries(shapes)) {
    const values = Float64Array.from({ length: n }, draw);
    const expected = Float64Array.from(values).sort();
    const actual = sortValues(values);
    for (let k = 0; k < n; k++) assert.ok(Object.is(actual[k], expected[k]), `${shape}, position ${k}: ${actual[k]} vs ${expected[k]}`);
  }
});

test('sortValues with a payload: each byte moves with its value, ties in input order (the stable radix order)', () => {
  const rng = new Rng(12);
  for (const n of [7, RADIX_MIN_LENGTH + 3, 30_000]) {
    const values = Float64Array.from({ length: n }, () => Math.round(rng.nextNormal() * 50) / 4);
    const payload = Uint8Array.from({ length: n }, () => rng.nextInt(3));
    const order = radixOrder(values);
    const sorted = sortValues(Float64Array.from(values), payload.slice());
    const moved = payload.slice();
    sortValues(Float64Array.from(values), moved);
    assert.deepEqual(sorted, Float64Array.from(values).sort());
    assert.deepEqual(
      moved,
      Uint8Array.from(order, (i) => payload[i] as number),
    );
  }
});
