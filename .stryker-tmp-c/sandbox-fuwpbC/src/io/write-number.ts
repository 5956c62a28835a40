/** Powers of ten exactly representable as doubles, 10^0 … 10^17. */
// @ts-nocheck

const POW10 = Array.from({ length: 18 }, (_, k) => 10 ** k);

/** Largest integer a double holds exactly. */
const MAX_EXACT = 2 ** 53 - 1;

/** Decimals used by the last `writeNumber` call: pass it back as the next hint for the same column. */
export const lastWritten = { decimals: 0 };

/**
 * Writes `v` as ASCII into `out` at `pos` exactly as `String(v)` would (shortest round-trip form;
 * integers without `.0`; `-0` as `0`) and returns the position after it. NaN must be handled by
 * the caller. `out` needs 25 free bytes.
 *
 * Fast path (most data: integers and short decimals): the smallest k with round(|v|·10^k)/10^k = |v|
 * gives integer digits m and k decimals. Both m (< 2^53) and 10^k are exact, so the division is
 * correctly rounded and m·10^-k parses back to v; the smallest k leaves no trailing zero, so the
 * digits are the shortest, which is what ECMAScript's Number::toString produces in fixed notation
 * (1e-7 < |v| < 1e21). Everything else falls back to `String(v)`. A property test checks the
 * equality against `String` on random values.
 *
 * `hint` (the decimals of the previous value in the column, see `lastWritten`) is tried first: if
 * k = hint works, no larger k is needed, and a smaller one works exactly when m ends in 0; if it
 * does not, no smaller k works either (m'·10^(hint−k') would be an exact match at hint).
 */
export function writeNumber(out: Uint8Array, pos: number, v: number, hint = 0): number {
  if (v === 0) {
    out[pos] = 48;
    return pos + 1;
  }
  const negative = v < 0;
  const a = negative ? -v : v;
  if (a >= 1e-6 && a < 1e17) {
    let k = hint;
    let scale = POW10[k] as number;
    let m = Math.round(a * scale);
    if (m <= MAX_EXACT && m / scale === a) {
      while (k > 0 && m % 10 === 0) {
        m /= 10;
        k--;
      }
      lastWritten.decimals = k;
      return writeFixed(out, pos, negative, m, k);
    }
    for (k = hint + 1; k < POW10.length; k++) {
      scale = POW10[k] as number;
      const product = a * scale;
      m = Math.round(product);
      if (m > MAX_EXACT) break;
      // m/scale === a implies |a·scale − m| ≤ m·2^-52; the cheap test skips most divisions.
      if (Math.abs(product - m) <= product * 2.3e-16 && m / scale === a) {
        lastWritten.decimals = k;
        return writeFixed(out, pos, negative, m, k);
      }
    }
  }
  const text = String(v);
  for (let i = 0; i < text.length; i++) out[pos + i] = text.charCodeAt(i);
  return pos + text.length;
}

/**
 * Writes the integer m (1 ≤ m < 2^53) with k implied decimals: `[-]int[.frac]`, with `0.` and
 * zeros before a pure fraction. Digits are produced right to left from two int32 halves (low 8
 * digits, then the rest) so the divisions stay integer divisions by a constant.
 */
function writeFixed(out: Uint8Array, pos: number, negative: boolean, m: number, k: number): number {
  let count = 1;
  while (count < 17 && m >= (POW10[count] as number)) count++;
  const total = count > k ? count : k + 1;
  let p = pos + (negative ? 1 : 0) + total + (k > 0 ? 1 : 0);
  const end = p;
  const low = m % 1e8;
  let rest = (m - low) / 1e8;
  let x = low | 0;
  for (let d = 0; d < total; d++) {
    if (d === k && k !== 0) out[--p] = 46;
    if (d === 8) {
      x = rest | 0;
      rest = 0;
    }
    const q = (x / 10) | 0;
    out[--p] = 48 + x - q * 10;
    x = q;
  }
  if (negative) out[--p] = 45;
  return end;
}
