/**
 * Shapley values of one leaf's path game, the building block of path-dependent TreeSHAP.
 *
 * Along the root→leaf path, each distinct feature i has a zero fraction z_i (product of
 * child-cover / parent-cover over the path's nodes testing i: the share of training rows that
 * follow the path when i is unknown) and a one fraction o_i ∈ {0, 1} (1 when the row follows
 * every split on i along the path, with missing values routed by the node's default direction).
 * The leaf adds v·Π_i (i ∈ S ? o_i : z_i) to E[f(x) | x_S], so its Shapley value for feature k is
 *
 *   φ_k = v·(o_k − z_k)·Σ_j w(j, d)·q_j,   q_j = coefficient of t^j in Π_{i≠k} (z_i + o_i·t),
 *   w(j, d) = j!(d − 1 − j)!/d!
 *
 * (Lundberg et al. 2020, "From local explanations to global understanding with explainable AI for
 * trees", Algorithm 2; the per-leaf pattern form is FastTreeSHAP v2, Yang 2021). The product is
 * built once; every failed feature k gets the same value −v·Σ_j w(j, d)·poly_j (the z_k cancels), and
 * each followed feature's q comes from one synthetic division, so a leaf costs O(d + |followed|·d).
 */
// @ts-nocheck

// 


/** Shapley weights w(j, d) = j!(d−1−j)!/d!, indexed `weights[d][j]`, for d up to `maxDepth`. */
export function shapleyWeights(maxDepth: number): Float64Array[] {
  const out: Float64Array[] = [new Float64Array(0)];
  for (let d = 1; d <= maxDepth; d++) {
    const w = new Float64Array(d);
    // w(0, d) = 1/d; w(j, d) = w(j−1, d)·j/(d−j)
    w[0] = 1 / d;
    for (let j = 1; j < d; j++) w[j] = ((w[j - 1] as number) * j) / (d - j);
    out.push(w);
  }
  return out;
}

/**
 * Adds the Shapley values of one leaf to `out[0..d)` (one slot per distinct path feature, in path
 * order). `zero[zeroStart + i]` are the zero fractions; bit i of `failedMask` set means o_i = 0.
 * `poly` is a scratch array of length ≥ d + 1. `weights` is `shapleyWeights(…)[d]`.
 */
export function addLeafShap(
  d: number,
  zero: Float64Array,
  zeroStart: number,
  failedMask: number,
  value: number,
  weights: Float64Array,
  poly: Float64Array,
  out: Float64Array,
  outStart: number,
): void {
  // poly = Π_i (z_i + o_i t), coefficients poly[0..d]
  poly[0] = 1;
  for (let j = 1; j <= d; j++) poly[j] = 0;
  let degree = 0;
  for (let i = 0; i < d; i++) {
    const z = zero[zeroStart + i] as number;
    if (((failedMask >>> i) & 1) === 1) {
      for (let j = 0; j <= degree; j++) poly[j] = (poly[j] as number) * z;
    } else {
      degree++;
      for (let j = degree; j > 0; j--) poly[j] = (poly[j] as number) * z + (poly[j - 1] as number);
      poly[0] = (poly[0] as number) * z;
    }
  }
  // every failed feature k gets v·(−z_k)·⟨poly / z_k⟩ = −v·⟨poly⟩: one value, O(d) (also right when z_k = 0, as poly = 0 then)
  let failedSum = 0;
  for (let j = 0; j <= degree; j++) failedSum += (weights[j] as number) * (poly[j] as number);
  const failedValue = -value * failedSum;
  for (let k = 0; k < d; k++) {
    const z = zero[zeroStart + k] as number;
    if (((failedMask >>> k) & 1) === 1) {
      out[outStart + k] = (out[outStart + k] as number) + failedValue;
      continue;
    }
    const factor = 1 - z;
    if (factor === 0) continue;
    // divide poly by (z + t): top-down synthetic division, exact for a true factor
    let q = poly[degree] as number;
    let sum = (weights[degree - 1] as number) * q;
    for (let j = degree - 1; j > 0; j--) {
      q = (poly[j] as number) - z * q;
      sum += (weights[j - 1] as number) * q;
    }
    out[outStart + k] = (out[outStart + k] as number) + value * factor * sum;
  }
}
