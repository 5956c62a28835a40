// @ts-nocheck
import { CredoError } from '../errors/index.js';

/**
 * Money as integer minor units (cents, paise, fils): a stored amount is a safe integer number of
 * minor units of a currency, never a binary fraction. The currency is a parameter: an ISO 4217
 * code with its minor-unit exponent (USD 2, JPY 0, KWD 3). Conversions to and from decimal text
 * are exact (string arithmetic, no floating point).
 */
export interface Currency {
  /** ISO 4217 alphabetic code, e.g. `USD`. */
  readonly code: string;
  /** Minor-unit exponent: an amount of 1 major unit is 10^exponent minor units. */
  readonly exponent: number;
}

/** Minor-unit exponents of common ISO 4217 currencies (ISO 4217 list, "Minor unit" column). */
const EXPONENTS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  INR: 2,
  CHF: 2,
  CNY: 2,
  CAD: 2,
  AUD: 2,
  SGD: 2,
  HKD: 2,
  ZAR: 2,
  BRL: 2,
  MXN: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  VND: 0,
  CLP: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

/** The default currency of Credo's examples and synthetic data. */
export const USD: Currency = { code: 'USD', exponent: 2 };

/**
 * Resolves a currency from `CODE` (a known ISO 4217 code) or `CODE:EXPONENT` (any code with an
 * explicit exponent 0..6). Throws `E_FINANCE_CURRENCY_UNKNOWN` for an unknown code without exponent.
 */
export function parseCurrency(text: string): Currency {
  const match = /^([A-Za-z]{3})(?::(\d))?$/.exec(text.trim());
  if (match === null) throw new CredoError('E_FINANCE_CURRENCY_UNKNOWN', { currency: text });
  const code = (match[1] as string).toUpperCase();
  if (match[2] !== undefined) {
    const exponent = Number(match[2]);
    if (exponent > 6) throw new CredoError('E_FINANCE_CURRENCY_UNKNOWN', { currency: text });
    return { code, exponent };
  }
  const exponent = EXPONENTS[code];
  if (exponent === undefined) throw new CredoError('E_FINANCE_CURRENCY_UNKNOWN', { currency: code });
  return { code, exponent };
}

/**
 * Parses a decimal amount (`"1234.5"`, `"-0.07"`, `"1e3"` is refused) into integer minor units,
 * exactly. More decimals than the currency has are rounded half away from zero. Throws
 * `E_FINANCE_AMOUNT_INVALID` for malformed text or amounts beyond 2^53 minor units.
 */
export function parseMoney(text: string, currency: Currency): number {
  const match = /^\s*([+-])?(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (match === null) throw new CredoError('E_FINANCE_AMOUNT_INVALID', { value: text, problem: 'not a decimal number' });
  const negative = match[1] === '-';
  const whole = match[2] as string;
  const fraction = match[3] ?? '';
  const e = currency.exponent;
  const kept = fraction.slice(0, e).padEnd(e, '0');
  const next = fraction.charCodeAt(e) - 48; // first dropped digit (NaN when none)
  let minor = BigInt(whole + kept);
  if (next >= 5) minor += 1n;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new CredoError('E_FINANCE_AMOUNT_INVALID', { value: text, problem: 'too large to hold exactly' });
  const value = Number(minor);
  return negative && value !== 0 ? -value : value;
}

/**
 * Converts a number of major units (e.g. a value read from a CSV column) to integer minor units,
 * rounding half away from zero at the currency's exponent. The number is first written with
 * `toFixed(exponent + 3)` so that 0.285 (stored as 0.28499999…) becomes 29 cents, as a person reads it.
 */
export function toMinor(amount: number, currency: Currency): number {
  if (!Number.isFinite(amount)) throw new CredoError('E_FINANCE_AMOUNT_INVALID', { value: String(amount), problem: 'not a finite number' });
  const digits = Math.min(100, currency.exponent + 3);
  return parseMoney(Math.abs(amount) < 1e21 ? amount.toFixed(digits) : String(amount), currency);
}

/** Integer minor units as a number of major units (for ratios and display; not for storage). */
export function fromMinor(minor: number, currency: Currency): number {
  return minor / 10 ** currency.exponent;
}

/**
 * Formats integer minor units as an exact decimal string with the currency's number of decimals,
 * e.g. 888488 USD → `"8884.88"`, 5 JPY → `"5"`, −1 KWD → `"-0.001"`. No grouping separators.
 */
export function formatMoney(minor: number, currency: Currency): string {
  if (!Number.isSafeInteger(minor)) throw new CredoError('E_FINANCE_AMOUNT_INVALID', { value: String(minor), problem: 'minor units must be a safe integer' });
  const e = currency.exponent;
  const digits = String(Math.abs(minor)).padStart(e + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (e === 0) return sign + digits;
  return `${sign}${digits.slice(0, -e)}.${digits.slice(-e)}`;
}

/**
 * Rounds a real number of minor units (e.g. interest = balance·rate) to an integer, half away
 * from zero, the rounding used throughout Credo's loan arithmetic.
 */
export function roundMinor(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}
