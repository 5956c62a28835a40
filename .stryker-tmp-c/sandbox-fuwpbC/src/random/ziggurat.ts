// @ts-nocheck
import type { Rng } from './rng.js';

/**
 * Standard normal deviates by the ziggurat method (Marsaglia & Tsang, "The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8), 2000), 128 layers over the half-normal with a
 * random sign. Each draw takes one 32-bit word from `Rng` and uses disjoint bits for the layer (7),
 * the sign (1) and the position (24), which avoids the layer/value correlation Doornik (2005) found
 * in the original; about 99% of draws finish after one table look-up and one multiply.
 */

const LAYERS = 128;
const R = 3.442619855899; // right edge of the base layer's rectangle
const V = 9.91256303526217e-3; // area of every layer
const SCALE = 16777216; // 2^24

/** x[i]: right edge of layer i (x[0] = V/f(R) is the base strip's virtual width); x[128] = 0. */
const edges = new Float64Array(LAYERS + 1);
/** f(x[i]) = e^(−x[i]²/2). */
const heights = new Float64Array(LAYERS + 1);
/** floor(2^24·x[i+1]/x[i]): a 24-bit position below it is inside the layer beneath, accept at once. */
const acceptBelow = new Uint32Array(LAYERS);
/** x[i]/2^24: turns a 24-bit position into x. */
const widths = new Float64Array(LAYERS);

{
  const f = (x: number) => Math.exp(-0.5 * x * x);
  edges[0] = V / f(R);
  edges[1] = R;
  for (let i = 1; i < LAYERS - 1; i++) {
    const x = edges[i] as number;
    edges[i + 1] = Math.sqrt(-2 * Math.log(V / x + f(x)));
  }
  edges[LAYERS] = 0;
  for (let i = 0; i <= LAYERS; i++) heights[i] = f(edges[i] as number);
  for (let i = 0; i < LAYERS; i++) {
    acceptBelow[i] = Math.floor((SCALE * (edges[i + 1] as number)) / (edges[i] as number));
    widths[i] = (edges[i] as number) / SCALE;
  }
}

/** One standard normal deviate from `rng` by the ziggurat method. */
export function nextZigguratNormal(rng: Rng): number {
  for (;;) {
    const bits = rng.nextUint32();
    const layer = bits & 127;
    const position = bits >>> 8;
    const sign = bits & 128 ? -1 : 1;
    if (position < (acceptBelow[layer] as number)) return sign * position * (widths[layer] as number);
    const value = rareCase(rng, layer, position);
    if (value >= 0) return sign * value;
  }
}

/** The slow path: the base layer's tail, or a wedge test; returns −1 to reject and redraw. */
function rareCase(rng: Rng, layer: number, position: number): number {
  if (layer === 0) {
    // Marsaglia (1964) tail method beyond R
    let x: number;
    let y: number;
    do {
      x = -Math.log(1 - rng.nextDouble()) / R;
      y = -Math.log(1 - rng.nextDouble());
    } while (2 * y < x * x);
    return R + x;
  }
  const x = position * (widths[layer] as number);
  const low = heights[layer] as number;
  const high = heights[layer + 1] as number;
  return low + rng.nextDouble() * (high - low) < Math.exp(-0.5 * x * x) ? x : -1;
}

/** Fills `out` with standard normal deviates drawn by the ziggurat method, in order. */
export function fillZigguratNormal(rng: Rng, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = nextZigguratNormal(rng);
  return out;
}

/** Fills `out` with uniform doubles in (0, 1) at 32-bit resolution (one word each, never 0 or 1): cheap uniforms for block kernels. */
export function fillUniform32(rng: Rng, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = (rng.nextUint32() + 0.5) / 4294967296;
  return out;
}
