// @ts-nocheck
import type { Rng } from '../../random/index.js';
import { fromInternal, internalBounds, type SearchSpace, toInternal } from './search-space.js';

/** A finished trial as samplers see it: parameters and the loss to minimise (−mean CV AUC). */
export interface Observation {
  readonly params: Readonly<Record<string, unknown>>;
  readonly loss: number;
}

/** Draws every range independently and uniformly on its internal scale (random search, Bergstra & Bengio 2012). */
export function sampleRandom(space: SearchSpace, rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, range] of Object.entries(space.ranges)) {
    if (range.type === 'choice') out[name] = range.choices[rng.nextInt(range.choices.length)];
    else {
      const [lo, hi] = internalBounds(range);
      out[name] = fromInternal(range, lo + (hi - lo) * rng.nextDouble());
    }
  }
  return out;
}

/** Options of the TPE sampler. */
export interface TpeOptions {
  /** Share of observations forming the "good" group [0.25]. */
  readonly gamma: number;
  /** Candidates drawn from the good density per proposal [24]. */
  readonly candidates: number;
}

/**
 * Tree-structured Parzen estimator (Bergstra, Bardenet, Bengio & Kégl 2011, "Algorithms for
 * hyper-parameter optimization", §4): split observations at the γ-quantile of the loss into good
 * and bad; per parameter (independently, as hyperopt), model each group with a Parzen density
 * (Gaussian kernels on the internal scale mixed with a uniform prior; smoothed counts for
 * choices), draw candidates from the good density and keep the one maximising l(x)/g(x).
 */
export function sampleTpe(
  space: SearchSpace,
  history: readonly Observation[],
  rng: Rng,
  options: TpeOptions = { gamma: 0.25, candidates: 24 },
): Record<string, unknown> {
  const sorted = [...history].sort((a, b) => a.loss - b.loss);
  const goodCount = Math.max(1, Math.ceil(options.gamma * sorted.length));
  const good = sorted.slice(0, goodCount);
  const bad = sorted.slice(goodCount);
  const out: Record<string, unknown> = {};
  for (const [name, range] of Object.entries(space.ranges)) {
    if (range.type === 'choice') {
      const index = (v: unknown) => range.choices.findIndex((c) => JSON.stringify(c) === JSON.stringify(v));
      const weights = (group: readonly Observation[]) => {
        const w = new Float64Array(range.choices.length).fill(1);
        for (const o of group) {
          const k = index(o.params[name]);
          if (k >= 0) w[k]!++;
        }
        const s = w.reduce((a, b) => a + b, 0);
        return w.map((x) => x / s);
      };
      const l = weights(good);
      const g = weights(bad);
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < options.candidates; c++) {
        const k = drawIndex(l, rng);
        const score = l[k]! / g[k]!;
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      }
      out[name] = range.choices[best];
      continue;
    }
    const [lo, hi] = internalBounds(range);
    const goodPoints = good.map((o) => toInternal(range, o.params[name] as number));
    const badPoints = bad.map((o) => toInternal(range, o.params[name] as number));
    let best = lo;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < options.candidates; c++) {
      const x = drawParzen(goodPoints, lo, hi, rng);
      const score = Math.log(parzenDensity(goodPoints, lo, hi, x)) - Math.log(parzenDensity(badPoints, lo, hi, x));
      if (score > bestScore) {
        bestScore = score;
        best = x;
      }
    }
    out[name] = fromInternal(range, best);
  }
  return out;
}

/** Kernel width for n points on [lo, hi]: shrinks with n, never below 1% of the range. */
function bandwidth(n: number, lo: number, hi: number): number {
  return Math.max(0.01, 1 / Math.sqrt(n + 1)) * (hi - lo);
}

/** Density of the mixture: uniform prior (weight 1) + one Gaussian kernel per point (kernels not renormalised to [lo, hi]). */
function parzenDensity(points: readonly number[], lo: number, hi: number, x: number): number {
  const width = hi - lo || 1;
  const sigma = bandwidth(points.length, lo, hi) || 1;
  let d = 1 / width;
  for (const p of points) d += Math.exp(-0.5 * ((x - p) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));
  return d / (points.length + 1);
}

function drawParzen(points: readonly number[], lo: number, hi: number, rng: Rng): number {
  const k = rng.nextInt(points.length + 1);
  if (k === points.length) return lo + (hi - lo) * rng.nextDouble();
  // Truncated kernel: redraw outside [lo, hi] (clamping would pile mass on the bounds).
  const sigma = bandwidth(points.length, lo, hi);
  for (let attempt = 0; attempt < 16; attempt++) {
    const x = points[k]! + sigma * rng.nextNormal();
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(hi, Math.max(lo, points[k]!));
}

function drawIndex(weights: Float64Array, rng: Rng): number {
  let u = rng.nextDouble();
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k]!;
    if (u < 0) return k;
  }
  return weights.length - 1;
}
