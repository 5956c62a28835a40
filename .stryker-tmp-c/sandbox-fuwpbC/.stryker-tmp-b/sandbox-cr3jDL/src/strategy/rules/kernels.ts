// @ts-nocheck
// 
import type { CompareOp } from './ast.js';

/*
 * The column loops of compiled rules. They are top-level functions (not closures made per rule) so
 * that every rule shares one optimised copy: the second rule of a strategy already runs compiled
 * code, which matters for a first, cold evaluation. Bodies are branch-free where the outcome is
 * data-dependent (a mispredicted branch per row costs more than the work). Missing = NaN (numbers),
 * code < 0 (categories); see compile.ts for the semantics.
 */

/** out[i] = v[i] op c, false when v[i] is missing (or c is). */
export function compareConst(op: CompareOp, v: Float64Array, c: number, out: Uint8Array): Uint8Array {
  const n = out.length;
  if (Number.isNaN(c)) return out.fill(0);
  switch (op) {
    case '<':
      for (let i = 0; i < n; i++) out[i] = +((v[i] as number) < c);
      break;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = +((v[i] as number) <= c);
      break;
    case '>':
      for (let i = 0; i < n; i++) out[i] = +((v[i] as number) > c);
      break;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = +((v[i] as number) >= c);
      break;
    case '==':
      for (let i = 0; i < n; i++) out[i] = +((v[i] as number) === c);
      break;
    case '!=':
      for (let i = 0; i < n; i++) {
        const x = v[i] as number;
        out[i] = +!Number.isNaN(x) & +(x !== c);
      }
      break;
  }
  return out;
}

/** a[i] &= b[i], in place. */
export function andInto(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) & (b[i] as number);
  return a;
}

/** a[i] |= b[i], in place. */
export function orInto(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) | (b[i] as number);
  return a;
}

/** a[i] = 1 − a[i], in place. */
export function notInPlace(a: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) a[i] = 1 - (a[i] as number);
  return a;
}

/** out[i] = (codes[i] == code) == equal, false when missing. */
export function categoryEquals(codes: Int32Array, code: number, equal: boolean, out: Uint8Array): Uint8Array {
  const want = equal ? 1 : 0;
  for (let i = 0; i < out.length; i++) {
    const c = codes[i] as number;
    out[i] = +(c >= 0) & +(+(c === code) === want);
  }
  return out;
}

/** out[i] = table[codes[i]], false when missing (a lookup table over the dictionary). */
export function categoryLookup(codes: Int32Array, table: Uint8Array, out: Uint8Array): Uint8Array {
  for (let i = 0; i < out.length; i++) {
    const c = codes[i] as number;
    out[i] = c < 0 ? 0 : (table[c] as number);
  }
  return out;
}

/** out[i] = whether v[i] is missing, flipped when `negated`. */
export function numberMissing(v: Float64Array, negated: boolean, out: Uint8Array): Uint8Array {
  const flip = negated ? 1 : 0;
  for (let i = 0; i < out.length; i++) out[i] = +Number.isNaN(v[i] as number) ^ flip;
  return out;
}

/** out[i] = whether codes[i] is missing, flipped when `negated`. */
export function categoryMissing(codes: Int32Array, negated: boolean, out: Uint8Array): Uint8Array {
  const flip = negated ? 1 : 0;
  for (let i = 0; i < out.length; i++) out[i] = +((codes[i] as number) < 0) ^ flip;
  return out;
}

/** out[i] = a[i] op b[i]; division by zero gives NaN (missing). */
export function arithmetic(op: '+' | '-' | '*' | '/', a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  const n = out.length;
  if (op === '+') for (let i = 0; i < n; i++) out[i] = (a[i] as number) + (b[i] as number);
  else if (op === '-') for (let i = 0; i < n; i++) out[i] = (a[i] as number) - (b[i] as number);
  else if (op === '*') for (let i = 0; i < n; i++) out[i] = (a[i] as number) * (b[i] as number);
  else
    for (let i = 0; i < n; i++) {
      const d = b[i] as number;
      out[i] = d === 0 ? Number.NaN : (a[i] as number) / d;
    }
  return out;
}
