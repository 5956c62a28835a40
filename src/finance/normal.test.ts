import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { erfc, normalCdf, normalInverse, normalPdf } from './normal.js';

function close(actual: number, expected: number, relative: number, label: string): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
  assert.ok(error <= relative, `${label}: got ${actual}, expected ${expected} (relative error ${error})`);
}

// Recorded with mpmath at 40 digits (ncdf, erfc, findroot on ncdf), rounded to double; see
// test/fixtures/finance/normal-reference.py.
const CDF: [number, number][] = [
  [-37, 5.725571222524577e-300],
  [-30, 4.906713927148187e-198],
  [-10, 7.619853024160525e-24],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-1.5, 0.06680720126885807],
  [-0.3, 0.3820885778110474],
  [0, 0.5],
  [0.2, 0.579259709439103],
  [0.46875, 0.6803758284828824],
  [0.7, 0.758036347776927],
  [1, 0.8413447460685429],
  [2.5, 0.9937903346742238],
  [4, 0.9999683287581669],
  [4.5, 0.9999966023268753],
  [8, 0.9999999999999993],
];
const PPF: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [1e-5, -4.264890793922825],
  [0.001, -3.0902323061678136],
  [0.01, -2.326347874040841],
  [0.025, -1.9599639845400543],
  [0.05, -1.6448536269514726],
  [0.075, -1.439531470938456],
  [0.3, -0.5244005127080408],
  [0.7, 0.5244005127080407],
  [0.925, 1.4395314709384561],
  [0.975, 1.9599639845400538],
  [0.99, 2.3263478740408408],
  [0.999, 3.090232306167813],
  [0.9999999, 5.199337582290661],
];
const ERFC: [number, number][] = [
  [0.1, 0.887537083981715],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [3, 2.209049699858544e-5],
  [5, 1.537459794428035e-12],
  [10, 2.088487583762545e-45],
  [26, 5.663192408856143e-296],
];

test('Φ⁻¹(0.999) = 3.0902323062 (REFERENCE notation)', () => {
  assert.equal(normalInverse(0.999).toFixed(10), '3.0902323062');
  assert.equal(normalInverse(0.5), 0);
});

test('normalCdf matches mpmath to 2e-15 relative, tails included', () => {
  for (const [x, expected] of CDF) close(normalCdf(x), expected, 2e-15, `Φ(${x})`);
});

test('normalInverse matches mpmath to 2e-15 relative', () => {
  for (const [p, expected] of PPF) close(normalInverse(p), expected, 2e-15, `Φ⁻¹(${p})`);
});

test('erfc matches mpmath to 2e-15 relative, including negative arguments', () => {
  for (const [x, expected] of ERFC) {
    close(erfc(x), expected, 2e-15, `erfc(${x})`);
    close(erfc(-x), 2 - expected, 1e-15, `erfc(${-x})`);
  }
});

test('edge cases: 0, 1, outside [0,1], NaN, far tails', () => {
  assert.equal(normalInverse(0), Number.NEGATIVE_INFINITY);
  assert.equal(normalInverse(1), Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(normalInverse(1.5)));
  assert.ok(Number.isNaN(normalInverse(-0.1)));
  assert.ok(Number.isNaN(normalInverse(Number.NaN)));
  assert.ok(Number.isNaN(normalCdf(Number.NaN)));
  assert.equal(normalCdf(Number.NEGATIVE_INFINITY), 0);
  assert.equal(normalCdf(Number.POSITIVE_INFINITY), 1);
  assert.ok(normalCdf(-37) > 0);
  close(normalPdf(0), 0.3989422804014327, 1e-15, 'φ(0)');
});

test('normalCdf(normalInverse(p)) round-trips and both are monotone (property)', () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
      close(normalCdf(normalInverse(p)), p, 1e-13, `round trip ${p}`);
    }),
    { seed: 42, numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      assert.ok(normalCdf(lo) <= normalCdf(hi));
    }),
    { seed: 7, numRuns: 1000 },
  );
});

test('density away from 0, erfc of NaN and beyond its underflow point', () => {
  // φ(1) = e^−½/√(2π) and φ(−2) = e^−2/√(2π) (closed form; values from mpmath at 40 digits, rounded).
  close(normalPdf(1), 0.24197072451914337, 1e-15, 'φ(1)');
  close(normalPdf(-2), 0.05399096651318806, 1e-15, 'φ(−2)');
  assert.ok(Number.isNaN(erfc(Number.NaN)));
  // erfc(27) ≈ 5e-319 and Φ(−40) ≈ 3.6e-350 are below the smallest normal double: both are returned as 0 (2 and 1 on the other side).
  assert.equal(erfc(27), 0);
  assert.equal(erfc(-27), 2);
  assert.equal(normalCdf(-40), 0);
  assert.equal(normalCdf(40), 1);
  // Tiny arguments: erfc(x) = 1 − 2x/√π to double precision.
  assert.equal(erfc(1e-17), 1);
  close(erfc(1e-9), 1 - 2e-9 / Math.sqrt(Math.PI), 1e-16, 'erfc(1e-9)');
});

test('far tails at arguments whose square is not exact (the split of x² matters): mpmath values', () => {
  // mpmath at 40 digits, rounded (test/fixtures/finance/normal-reference.py).
  close(erfc(26.3), 8.590249058794049e-303, 2e-15, 'erfc(26.3)');
  close(normalCdf(-37.3), 8.205494844930773e-305, 2e-15, 'Φ(−37.3)');
});
