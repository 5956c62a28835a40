// @ts-nocheck
import type { Rng } from './rng.js';
import { nextZigguratNormal } from './ziggurat.js';

/**
 * Gamma(shape, 1) deviate by Marsaglia & Tsang, "A simple method for generating gamma variables",
 * ACM TOMS 26(3), 2000; shape < 1 uses the boost Gamma(shape+1)·U^(1/shape).
 */
export function nextGamma(rng: Rng, shape: number): number {
  if (shape < 1) return nextGamma(rng, shape + 1) * (1 - rng.nextDouble()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = nextZigguratNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextDouble();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) deviate as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b); a, b > 0. */
export function nextBeta(rng: Rng, a: number, b: number): number {
  const x = nextGamma(rng, a);
  const y = nextGamma(rng, b);
  return x / (x + y);
}
