// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CredoError } from '../errors/index.js';
import { formatMoney, fromMinor, parseCurrency, parseMoney, roundMinor, toMinor, USD } from './money.js';

const JPY = parseCurrency('JPY');
const KWD = parseCurrency('KWD');

test('currencies carry their ISO 4217 exponent; unknown codes need one', () => {
  assert.deepEqual(parseCurrency('usd'), { code: 'USD', exponent: 2 });
  assert.deepEqual(JPY, { code: 'JPY', exponent: 0 });
  assert.deepEqual(KWD, { code: 'KWD', exponent: 3 });
  assert.deepEqual(parseCurrency('XYZ:4'), { code: 'XYZ', exponent: 4 });
  assert.throws(
    () => parseCurrency('XYZ'),
    (e: unknown) => e instanceof CredoError && e.code === 'E_FINANCE_CURRENCY_UNKNOWN',
  );
  assert.throws(() => parseCurrency('dollars'), CredoError);
});

test('formatting is exact for every exponent', () => {
  assert.equal(formatMoney(888_488, USD), '8884.88');
  assert.equal(formatMoney(5, USD), '0.05');
  assert.equal(formatMoney(-5, USD), '-0.05');
  assert.equal(formatMoney(0, USD), '0.00');
  assert.equal(formatMoney(5, JPY), '5');
  assert.equal(formatMoney(-1, KWD), '-0.001');
  assert.equal(formatMoney(1_234_567, KWD), '1234.567');
  assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, USD), '90071992547409.91');
});

test('parsing is exact and rounds extra decimals half away from zero', () => {
  assert.equal(parseMoney('100000.00', USD), 10_000_000);
  assert.equal(parseMoney('0.285', USD), 29);
  assert.equal(parseMoney('-0.285', USD), -29);
  assert.equal(parseMoney('0.284999', USD), 28);
  assert.equal(parseMoney('12', USD), 1200);
  assert.equal(parseMoney('12.', USD), 1200);
  assert.equal(parseMoney('12.5', JPY), 13);
  assert.equal(parseMoney('1.0005', KWD), 1001);
  assert.equal(parseMoney('-0.001', USD), 0);
  for (const bad of ['', 'abc', '1e3', '1,000.00', '--1', '99999999999999999.99']) {
    assert.throws(
      () => parseMoney(bad, USD),
      (e: unknown) => e instanceof CredoError && e.code === 'E_FINANCE_AMOUNT_INVALID',
      bad,
    );
  }
});

test('toMinor reads numbers as a person does', () => {
  assert.equal(toMinor(0.285, USD), 29);
  assert.equal(toMinor(1.005, USD), 101);
  assert.equal(toMinor(8884.88, USD), 888_488);
  assert.equal(toMinor(-2.5, JPY), -3);
  assert.throws(() => toMinor(Number.NaN, USD), CredoError);
  assert.equal(fromMinor(888_488, USD), 8884.88);
  assert.equal(roundMinor(2.5), 3);
  assert.equal(roundMinor(-2.5), -3);
});

test('format → parse round-trips every safe minor amount (property)', () => {
  for (const currency of [USD, JPY, KWD]) {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        assert.equal(parseMoney(formatMoney(minor, currency), currency), minor === 0 ? 0 : minor);
      }),
      { seed: 3, numRuns: 500 },
    );
  }
});
