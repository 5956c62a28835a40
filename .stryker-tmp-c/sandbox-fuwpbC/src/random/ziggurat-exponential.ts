// @ts-nocheck
import type { Rng } from './rng.js';

/**
 * Exponential(1) deviates by the ziggurat method (Marsaglia & Tsang, J. Stat. Softw. 5(8), 2000),
 * 256 layers. One 32-bit word per draw: 8 bits choose the layer, 24 bits the position, so about
 * 99% of draws cost a table look-up and a multiply — cheaper than −log(U). Beyond the base layer the
 * tail is R + Exp(1) (memorylessness), drawn as R − log(U).
 */

const LAYERS = 256;
const R = 7.69711747013105; // right edge of the base layer's rectangle
const V = 3.949659822581572e-3; // area of every layer
const SCALE = 16777216; // 2^24

const edges = new Float64Array(LAYERS + 1);
const heights = new Float64Array(LAYERS + 1);
const acceptBelow = new Uint32Array(LAYERS);
const widths = new Float64Array(LAYERS);

// The layer tables are built once, when the module loads.
buildTables();

function buildTables(): void {
  edges[0] = V / Math.exp(-R);
  edges[1] = R;
  for (let i = 1; i < LAYERS - 1; i++) {
    const x = edges[i] as number;
    edges[i + 1] = -Math.log(V / x + Math.exp(-x));
  }
  edges[LAYERS] = 0;
  for (let i = 0; i <= LAYERS; i++) heights[i] = Math.exp(-(edges[i] as number));
  for (let i = 0; i < LAYERS; i++) {
    acceptBelow[i] = Math.floor((SCALE * (edges[i + 1] as number)) / (edges[i] as number));
    widths[i] = (edges[i] as number) / SCALE;
  }
}

/** One Exponential(1) deviate from `rng` by the ziggurat method. */
export function nextZigguratExponential(rng: Rng): number {
  for (;;) {
    const bits = rng.nextUint32();
    const layer = bits & 255;
    const position = bits >>> 8;
    if (position < (acceptBelow[layer] as number)) return position * (widths[layer] as number);
    if (layer === 0) return R - Math.log(1 - rng.nextDouble());
    const x = position * (widths[layer] as number);
    const low = heights[layer] as number;
    if (low + rng.nextDouble() * ((heights[layer + 1] as number) - low) < Math.exp(-x)) return x;
  }
}
