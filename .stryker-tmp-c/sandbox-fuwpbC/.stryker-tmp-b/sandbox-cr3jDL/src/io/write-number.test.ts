// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { writeNumber } from './write-number.js';

const buffer = new Uint8Array(32);
const text = (v: number, hint = 0) => Buffer.from(buffer.subarray(0, writeNumber(buffer, 0, v, hint))).toString('latin1');

test('hand-picked values match String(v)', () => {
  const values = [
    0,
    -0,
    1,
    -1,
    7,
    10,
    100,
    0.5,
    0.1,
    0.3,
    0.1 + 0.2,
    1.005,
    -2.5,
    123456789.123,
    1e-6,
    1.5e-6,
    1e-7,
    5e-324,
    2 ** 53,
    2 ** 53 + 2,
    1e16,
    1e21,
    1e300,
  ];
  values.push(-1e21, 9007199254740991, 0.000123, 99.99, 1234.5678, Number.MAX_VALUE, Number.MIN_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  for (const v of values) assert.equal(text(v), v === 0 ? '0' : String(v), String(v));
});

test('random doubles, rounded decimals and integers match String(v)', () => {
  const rounded = fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 12 })).map(([v, d]) => Number(v.toFixed(d)));
  fc.assert(
    fc.property(
      fc.oneof(fc.double({ noNaN: true }), rounded, fc.integer().map(Number), fc.maxSafeInteger().map(Number)),
      fc.integer({ min: 0, max: 17 }),
      (v, hint) => text(v, hint) === (v === 0 ? '0' : String(v)),
    ),
    { seed: 20261123, numRuns: 20000 },
  );
});
