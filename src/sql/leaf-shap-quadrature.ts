import { gaussLegendre } from './gauss-legendre.js';

/**
 * One leaf's path-dependent TreeSHAP values as a short sum of products, so SQL can compute them
 * from the row's followed/failed pattern without a 2^d table. With o_i ∈ {0, 1} (the row follows
 * every split on path feature i) and z_i its zero fraction, the leaf's Shapley value for feature k
 * is (Lundberg et al. 2020, Algorithm 2, with the Shapley weights written as Beta integrals
 * w(j, d) = ∫₀¹ t^j (1 − t)^(d−1−j) dt, the identity behind Linear TreeSHAP, Yu et al. 2022):
 *
 *   φ_k = v·(o_k − z_k)·∫₀¹ Π_{i≠k} (z_i + (o_i − z_i)·t) dt,
 *
 * a polynomial of degree d − 1 in t, integrated exactly by the R = ⌈d/2⌉-point Gauss–Legendre rule
 * (nodes t_r, weights c_r). With the row's products P_r = Π_i f_i(t_r), f_i = o_i ? a_ir : b_ir,
 * a_ir = z_i + (1 − z_i)·t_r and b_ir = z_i·(1 − t_r):
 *
 *   failed k (o_k = 0):   φ_k = Σ_r failed_r·P_r,      failed_r = −v·c_r/(1 − t_r)   (the same for every failed k; 0 when z_k = 0, as P_r = 0 then)
 *   followed k (o_k = 1): φ_k = Σ_r followed_kr·P_r,   followed_kr = v·(1 − z_k)·c_r/a_kr
 *
 * So a leaf costs d·R factors and (d + 1)·R coefficients, against d·2^d table entries.
 */
export interface LeafShapQuadrature {
  /** R, the number of quadrature points. */
  readonly points: number;
  /** a_ir (factor when feature i is followed), row-major `i * points + r`. */
  readonly followedFactor: Float64Array;
  /** b_ir (factor when feature i is failed), row-major `i * points + r`. */
  readonly failedFactor: Float64Array;
  /** Coefficient of P_r in every failed feature's value. */
  readonly failedCoefficient: Float64Array;
  /** Coefficient of P_r in followed feature k's value, row-major `k * points + r`. */
  readonly followedCoefficient: Float64Array;
}

/** The quadrature form of a leaf with zero fractions `zero` (path order) and value `value` (see `LeafShapQuadrature`). */
export function leafShapQuadrature(zero: ArrayLike<number>, value: number): LeafShapQuadrature {
  const d = zero.length;
  const points = Math.max(1, Math.ceil(d / 2));
  const { nodes, weights } = gaussLegendre(points);
  const followedFactor = new Float64Array(d * points);
  const failedFactor = new Float64Array(d * points);
  const failedCoefficient = new Float64Array(points);
  const followedCoefficient = new Float64Array(d * points);
  for (let r = 0; r < points; r++) {
    const t = nodes[r] as number;
    const c = weights[r] as number;
    failedCoefficient[r] = (-value * c) / (1 - t);
    for (let i = 0; i < d; i++) {
      const z = zero[i] as number;
      const a = z + (1 - z) * t;
      followedFactor[i * points + r] = a;
      failedFactor[i * points + r] = z * (1 - t);
      followedCoefficient[i * points + r] = (value * (1 - z) * c) / a;
    }
  }
  return { points, followedFactor, failedFactor, failedCoefficient, followedCoefficient };
}
