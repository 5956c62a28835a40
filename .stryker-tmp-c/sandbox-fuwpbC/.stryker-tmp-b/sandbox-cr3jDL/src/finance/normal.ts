/**
 * The standard normal distribution: density, CDF (through an accurate erfc) and inverse CDF.
 * Used by the Basel IRB formulas, the Vasicek model and the portfolio simulation.
 */
// @ts-nocheck

// 


const SQRT_PI_INV = 0.5641895835477563; // 1/√π
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631–638; coefficients of netlib specfun CALERF (near-minimax, ≥18 significant digits), written as the
// nearest doubles.
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
  2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378, 0.016315387137302097];
const Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];

/**
 * Complementary error function erfc(x) = (2/√π)∫ₓ^∞ e^(−t²) dt, to about 1e-16 relative error,
 * also far into the tail (erfc(26) ≈ 5.7e-296). Source: Cody (1969), netlib specfun CALERF.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const result = y >= 26.543 ? 0 : expMinusSquareOver(y, 1) * erfcScaled(y);
  return x < 0 ? 2 - result : result;
}

/** erf(x) for |x| ≤ 0.46875 (Cody's first interval). */
function erfSmall(x: number): number {
  const ysq = Math.abs(x) > 1.11e-16 ? x * x : 0;
  let num = (A[4] as number) * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + (A[i] as number)) * ysq;
    den = (den + (B[i] as number)) * ysq;
  }
  return (x * (num + (A[3] as number))) / (den + (B[3] as number));
}

/** e^(y²)·erfc(y) for y > 0.46875 (Cody's second and third intervals). */
function erfcScaled(y: number): number {
  if (y <= 4) {
    let num = (C[8] as number) * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (C[i] as number)) * y;
      den = (den + (D[i] as number)) * y;
    }
    return (num + (C[7] as number)) / (den + (D[7] as number));
  }
  const ysq = 1 / (y * y);
  let num = (P[5] as number) * ysq;
  let den = ysq;
  for (let i = 0; i < 4; i++) {
    num = (num + (P[i] as number)) * ysq;
    den = (den + (Q[i] as number)) * ysq;
  }
  return (SQRT_PI_INV - (ysq * (num + (P[4] as number))) / (den + (Q[4] as number))) / y;
}

/**
 * e^(−x²/c) computed as e^(−s²/c)·e^(−(x−s)(x+s)/c) with s = x rounded down to 1/16: the split
 * avoids the rounding error of squaring x, which the exponential would amplify by x² in the tails (Cody).
 */
function expMinusSquareOver(x: number, c: number): number {
  const s = Math.trunc(x * 16) / 16;
  return Math.exp((-s * s) / c) * Math.exp((-(x - s) * (x + s)) / c);
}

/** Standard normal density φ(x) = e^(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal CDF Φ(x) = erfc(−x/√2)/2, accurate to about 1e-15 relative error in both tails
 * (Φ(−37) ≈ 5.7e-300 is still resolved, not rounded to 0). Source: Cody (1969) erfc; the Gaussian
 * factor e^(−x²/2) is computed from x itself so that −x/√2 adds no tail error.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x) / Math.SQRT2;
  if (y <= 0.46875) return 0.5 - 0.5 * erfSmall(-x / Math.SQRT2);
  const tail = y >= 26.543 ? 0 : 0.5 * expMinusSquareOver(Math.abs(x), 2) * erfcScaled(y);
  return x < 0 ? tail : 1 - tail;
}

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
// Applied Statistics 37 (1988) 477–484, PPND16 (about 1e-16 relative accuracy); nearest doubles.
const A16 = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B16 = [1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943, 5226.495278852854];
const C16 = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506, 0.022723844989269184,
  0.0007745450142783414,
];
const D16 = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const E16 = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-5,
  2.0103343992922881e-7,
];
const F16 = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

function horner(coefficients: readonly number[], x: number): number {
  let value = coefficients[coefficients.length - 1] as number;
  for (let i = coefficients.length - 2; i >= 0; i--) value = value * x + (coefficients[i] as number);
  return value;
}

/**
 * Inverse standard normal CDF Φ⁻¹(p) for p in [0, 1]: −∞ at 0, +∞ at 1, NaN outside [0, 1].
 * Wichura's AS 241 (PPND16), about 1e-16 relative accuracy; e.g. Φ⁻¹(0.999) = 3.0902323062.
 */
export function normalInverse(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(A16, r)) / horner(B16, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = horner(C16, r) / horner(D16, r);
  } else {
    r -= 5;
    value = horner(E16, r) / horner(F16, r);
  }
  return q < 0 ? -value : value;
}
