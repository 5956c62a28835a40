/** Gauss–Legendre nodes and weights on [0, 1]. */
export interface Quadrature {
  readonly nodes: Float64Array;
  /** Weights summing to 1. */
  readonly weights: Float64Array;
}

/**
 * The n-point Gauss–Legendre rule on [0, 1] (exact for polynomials of degree ≤ 2n − 1): roots of
 * the Legendre polynomial P_n by Newton's method from the asymptotic guess cos(π(i − ¼)/(n + ½)),
 * weights 2/((1 − x²)·P_n′(x)²), both mapped from [−1, 1] (Numerical Recipes §4.6, `gauleg`).
 * Nodes ascend.
 */
export function gaussLegendre(n: number): Quadrature {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Gauss–Legendre needs n ≥ 1 points, got ${n}`);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // P_n(x) and P_n′(x) by the three-term recurrence
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const previous = n === 1 ? 1 : p0;
      derivative = (n * (x * pn - previous)) / (x * x - 1);
      const step = pn / derivative;
      x -= step;
      if (Math.abs(step) <= 1e-17) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    // x is the i-th largest root: t = (1 − x)/2 ascends; its mirror is 1 − t
    nodes[i] = (1 - x) / 2;
    nodes[n - 1 - i] = (1 + x) / 2;
    weights[i] = w / 2;
    weights[n - 1 - i] = w / 2;
  }
  return { nodes, weights };
}
