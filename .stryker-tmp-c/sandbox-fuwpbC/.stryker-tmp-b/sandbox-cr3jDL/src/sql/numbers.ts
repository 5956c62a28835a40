/**
 * The shortest decimal text that parses back to exactly `value` (ECMAScript Number::toString,
 * Steele–White / Ryū shortest round-trip), never more than 17 significant digits. `-0` is
 * written `0` (adding either to a sum gives the same result). Throws for NaN and infinities.
 */
// @ts-nocheck

// 

export function shortestDouble(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a SQL number`);
  return Object.is(value, -0) ? '0' : String(value);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The next float32 below a finite float32 value `x` (toward −∞). */
function previousFloat32(x: number): number {
  if (x === 0) return -1.401298464324817e-45;
  f32[0] = x;
  u32[0] = x > 0 ? u32[0]! - 1 : u32[0]! + 1;
  return f32[0]!;
}

/** The next double above `x` (toward +∞), for finite `x`. */
function nextDouble(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  u64[0] = x > 0 ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0]!;
}

/**
 * The double threshold c with `x < c` ⇔ `fround(x) < t` for every double x: a model that rounds
 * its inputs to float32 before comparing (XGBoost) splits a double column exactly at c, so SQL on
 * the unrounded double gives the same branch. c is the least double that rounds (to nearest, ties
 * to even) to a float32 ≥ t.
 */
export function float32Threshold(t: number): number {
  if (!Number.isFinite(t)) return t;
  let t32 = Math.fround(t);
  if (t32 < t) t32 = t32 === 0 ? 1.401298464324817e-45 : -previousFloat32(-t32);
  if (!Number.isFinite(t32)) return t32;
  const below = previousFloat32(t32);
  if (!Number.isFinite(below)) return below;
  // The midpoint of two adjacent float32 values is exactly representable as a double.
  const mid = (below + t32) / 2;
  return Math.fround(mid) === t32 ? mid : nextDouble(mid);
}
