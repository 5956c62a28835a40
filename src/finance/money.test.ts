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

test('currency text: trimmed, exponents 0..6 only, the refusal names what was given', () => {
  assert.deepEqual(parseCurrency('  inr '), { code: 'INR', exponent: 2 });
  assert.deepEqual(parseCurrency('abc:0'), { code: 'ABC', exponent: 0 });
  assert.deepEqual(parseCurrency('ABC:6'), { code: 'ABC', exponent: 6 });
  const refused = (text: string, currency: string) =>
    assert.throws(
      () => parseCurrency(text),
      (e: unknown) => e instanceof CredoError && e.code === 'E_FINANCE_CURRENCY_UNKNOWN' && (e.details as { currency: string }).currency === currency,
      text,
    );
  refused('abc:7', 'abc:7');
  refused('xyz', 'XYZ');
  refused('US', 'US');
  refused('USD:', 'USD:');
  refused('USD:12', 'USD:12');
});

test('amounts: signs and blanks, the largest safe amount, rounding at zero, refusals', () => {
  assert.equal(parseMoney(' +12.345 ', USD), 1235);
  assert.equal(parseMoney('\t-7\n', JPY), -7);
  assert.equal(parseMoney('0.5', JPY), 1);
  assert.equal(parseMoney('0.4999', JPY), 0);
  assert.equal(parseMoney('3.', KWD), 3000);
  assert.equal(parseMoney('90071992547409.91', USD), Number.MAX_SAFE_INTEGER);
  assert.equal(parseMoney('-90071992547409.91', USD), -Number.MAX_SAFE_INTEGER);
  assert.throws(() => parseMoney('90071992547409.92', USD), /too large to hold exactly/);
  assert.throws(() => parseMoney('1.2.3', USD), /not a decimal number/);
  // Zero stays +0 whatever its sign or rounding (−0 would print as "-0.00" elsewhere).
  assert.ok(Object.is(parseMoney('-0.00', USD), 0));
  assert.ok(Object.is(roundMinor(0), 0));
  assert.ok(Object.is(roundMinor(-0.4), -0));
  assert.equal(roundMinor(-2.4), -2);
  assert.equal(roundMinor(2.4), 2);
  assert.equal(roundMinor(-0.5), -1);
  assert.equal(toMinor(-0.285, USD), -29);
  assert.equal(toMinor(2.5, parseCurrency('ABC:6')), 2_500_000);
  assert.throws(() => toMinor(Number.POSITIVE_INFINITY, USD), /not a finite number/);
  // 1e21 and above print in exponent form, which is refused as text rather than misread.
  assert.throws(() => toMinor(1e21, USD), /not a decimal number/);
  assert.throws(() => toMinor(1e20, USD), /too large to hold exactly/);
  assert.throws(() => formatMoney(1.5, USD), /safe integer/);
  assert.throws(() => formatMoney(2 ** 53, USD), /safe integer/);
  assert.equal(fromMinor(5, KWD), 0.005);
  assert.equal(fromMinor(5, JPY), 5);
  assert.equal(formatMoney(123, parseCurrency('ABC:6')), '0.000123');
});

test('the USD constant, codes anchored at the start, tiny amounts written out in decimals', () => {
  assert.deepEqual(USD, { code: 'USD', exponent: 2 });
  assert.throws(
    () => parseCurrency('xusd'),
    (e: unknown) => e instanceof CredoError && (e.details as { currency: string }).currency === 'xusd',
  );
  // 1e-7 prints as "1e-7" (String) but toFixed gives "0.00000": a person reads 0 cents, not an error.
  assert.equal(toMinor(1e-7, USD), 0);
  assert.equal(toMinor(-4e-9, KWD), 0);
});
