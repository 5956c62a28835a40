/**
 * A feed-forward network for binary PD: input → hidden layers (ReLU or tanh) → one logit.
 * Parameters live in one flat vector `theta`: for each layer l (sizes[l] → sizes[l+1]) the
 * weights row-major (out × in), then the biases. Forward and backward passes are hand-written
 * loops over Float64Arrays; the loss is the mean log loss plus (l2/2)·Σ weights² (biases are not
 * penalised). Source: Goodfellow, Bengio & Courville, "Deep Learning" (2016) §6.5 (back-propagation).
 */
// @ts-nocheck

export type Activation = 'relu' | 'tanh';

/** Network shape and parameters. */
export interface MlpNetwork {
  /** Layer sizes: input width, hidden sizes…, 1. */
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly theta: Float64Array;
}

/** Offsets of each layer's weights and biases in `theta`, and the total parameter count. */
export function parameterLayout(sizes: readonly number[]): { weights: number[]; biases: number[]; total: number } {
  const weights: number[] = [];
  const biases: number[] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    weights.push(at);
    at += sizes[l]! * sizes[l + 1]!;
    biases.push(at);
    at += sizes[l + 1]!;
  }
  return { weights, biases, total: at };
}

/** Reusable activation buffers for batches of up to `batch` rows. */
export interface MlpScratch {
  readonly batch: number;
  /** Post-activation values per layer (layer 0 = the inputs, last = logits), batch × size. */
  readonly acts: Float64Array[];
  /** Back-propagated errors per layer (same shapes as `acts`). */
  readonly deltas: Float64Array[];
}

/** Allocates scratch for a network shape. */
export function createScratch(sizes: readonly number[], batch: number): MlpScratch {
  return { batch, acts: sizes.map((s) => new Float64Array(batch * s)), deltas: sizes.map((s) => new Float64Array(batch * s)) };
}

/**
 * Forward pass of `count` rows (`rows[start..start+count)` of the row-major design `x`, or rows
 * start.. when `rows` is undefined); leaves the logits in the last `acts` buffer.
 */
export function forward(net: MlpNetwork, x: Float64Array, rows: Int32Array | undefined, start: number, count: number, s: MlpScratch): Float64Array {
  const sizes = net.sizes;
  const p = sizes[0]!;
  const input = s.acts[0]!;
  for (let k = 0; k < count; k++) {
    const base = (rows === undefined ? start + k : rows[start + k]!) * p;
    for (let j = 0; j < p; j++) input[k * p + j] = x[base + j]!;
  }
  const layout = parameterLayout(sizes);
  const last = sizes.length - 2;
  const mode = net.activation === 'relu' ? 1 : 2;
  for (let l = 0; l <= last; l++) {
    denseForward(net.theta, layout.weights[l]!, layout.biases[l]!, s.acts[l]!, s.acts[l + 1]!, count, sizes[l]!, sizes[l + 1]!, l === last ? 0 : mode);
  }
  return s.acts[last + 1]!;
}

/**
 * Loss and gradient over one batch: mean log loss of σ(logit) against `labels` (0/1) plus
 * (l2/2)·Σ weights². Writes ∂loss/∂theta into `grad` (overwritten) and returns the loss.
 */
export function lossAndGradient(
  net: MlpNetwork,
  x: Float64Array,
  labels: Float64Array,
  rows: Int32Array | undefined,
  start: number,
  count: number,
  l2: number,
  s: MlpScratch,
  grad: Float64Array,
): number {
  const sizes = net.sizes;
  const layout = parameterLayout(sizes);
  const theta = net.theta;
  const logits = forward(net, x, rows, start, count, s);
  const last = sizes.length - 2;
  grad.fill(0);
  let loss = 0;
  const top = s.deltas[last + 1]!;
  for (let k = 0; k < count; k++) {
    const z = logits[k]!;
    const y = labels[rows === undefined ? start + k : rows[start + k]!]!;
    const m = y === 1 ? -z : z;
    loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    top[k] = (1 / (1 + Math.exp(-z)) - y) / count;
  }
  loss /= count;
  const mode = net.activation === 'relu' ? 1 : 2;
  for (let l = last; l >= 0; l--) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    denseWeightGradient(grad, layout.weights[l]!, layout.biases[l]!, s.acts[l]!, s.deltas[l + 1]!, count, fanIn, fanOut);
    if (l > 0) denseBackward(theta, layout.weights[l]!, s.acts[l]!, s.deltas[l + 1]!, s.deltas[l]!, count, fanIn, fanOut, mode);
  }
  if (l2 > 0) {
    let penalty = 0;
    for (let l = 0; l <= last; l++) {
      const w0 = layout.weights[l]!;
      const end = layout.biases[l]!;
      for (let q = w0; q < end; q++) {
        const w = theta[q]!;
        penalty += w * w;
        grad[q]! += l2 * w;
      }
    }
    loss += 0.5 * l2 * penalty;
  }
  return loss;
}

/** Logits of every row of a row-major design (in batches of the scratch size). */
export function predictLogits(net: MlpNetwork, x: Float64Array, rowCount: number, s: MlpScratch): Float64Array {
  const out = new Float64Array(rowCount);
  for (let start = 0; start < rowCount; start += s.batch) {
    const count = Math.min(s.batch, rowCount - start);
    out.set(forward(net, x, undefined, start, count, s).subarray(0, count), start);
  }
  return out;
}

/** The hidden activation (mode 0 = identity, 1 = ReLU, 2 = tanh). */
function activate(z: number, mode: number): number {
  return mode === 0 ? z : mode === 1 ? Math.max(z, 0) : Math.tanh(z);
}

/**
 * out[k, o] = act(b[o] + Σ_j W[o, j]·a[k, j]) for a batch. Rows go four at a time so each weight
 * is loaded once per four rows (a register-blocked matrix product); the sums keep row order.
 */
function denseForward(
  theta: Float64Array,
  w0: number,
  b0: number,
  a: Float64Array,
  out: Float64Array,
  count: number,
  fanIn: number,
  fanOut: number,
  mode: number,
): void {
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const a0 = k * fanIn;
    const a1 = a0 + fanIn;
    const a2 = a1 + fanIn;
    const a3 = a2 + fanIn;
    const o0 = k * fanOut;
    for (let o = 0; o < fanOut; o++) {
      const b = theta[b0 + o]!;
      let z0 = b;
      let z1 = b;
      let z2 = b;
      let z3 = b;
      const wo = w0 + o * fanIn;
      for (let j = 0; j < fanIn; j++) {
        const w = theta[wo + j]!;
        z0 += w * a[a0 + j]!;
        z1 += w * a[a1 + j]!;
        z2 += w * a[a2 + j]!;
        z3 += w * a[a3 + j]!;
      }
      out[o0 + o] = activate(z0, mode);
      out[o0 + fanOut + o] = activate(z1, mode);
      out[o0 + 2 * fanOut + o] = activate(z2, mode);
      out[o0 + 3 * fanOut + o] = activate(z3, mode);
    }
  }
  for (; k < count; k++) {
    const ak = k * fanIn;
    const ok = k * fanOut;
    for (let o = 0; o < fanOut; o++) {
      let z = theta[b0 + o]!;
      const wo = w0 + o * fanIn;
      for (let j = 0; j < fanIn; j++) z += theta[wo + j]! * a[ak + j]!;
      out[ok + o] = activate(z, mode);
    }
  }
}

/** grad W[o, j] += Σ_k delta[k, o]·a[k, j]; grad b[o] += Σ_k delta[k, o] (four rows per pass over W). */
function denseWeightGradient(
  grad: Float64Array,
  w0: number,
  b0: number,
  a: Float64Array,
  delta: Float64Array,
  count: number,
  fanIn: number,
  fanOut: number,
): void {
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const a0 = k * fanIn;
    const a1 = a0 + fanIn;
    const a2 = a1 + fanIn;
    const a3 = a2 + fanIn;
    const dk = k * fanOut;
    for (let o = 0; o < fanOut; o++) {
      const d0 = delta[dk + o]!;
      const d1 = delta[dk + fanOut + o]!;
      const d2 = delta[dk + 2 * fanOut + o]!;
      const d3 = delta[dk + 3 * fanOut + o]!;
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
      grad[b0 + o]! += d0 + d1 + d2 + d3;
      const wo = w0 + o * fanIn;
      for (let j = 0; j < fanIn; j++) grad[wo + j]! += d0 * a[a0 + j]! + d1 * a[a1 + j]! + d2 * a[a2 + j]! + d3 * a[a3 + j]!;
    }
  }
  for (; k < count; k++) {
    const ak = k * fanIn;
    const dk = k * fanOut;
    for (let o = 0; o < fanOut; o++) {
      const d = delta[dk + o]!;
      if (d === 0) continue;
      grad[b0 + o]! += d;
      const wo = w0 + o * fanIn;
      for (let j = 0; j < fanIn; j++) grad[wo + j]! += d * a[ak + j]!;
    }
  }
}

/** below[k, j] = (Σ_o W[o, j]·delta[k, o])·act'(a[k, j]) (a = post-activation values of the layer below). */
function denseBackward(
  theta: Float64Array,
  w0: number,
  a: Float64Array,
  delta: Float64Array,
  below: Float64Array,
  count: number,
  fanIn: number,
  fanOut: number,
  mode: number,
): void {
  for (let k = 0; k < count; k++) {
    const ak = k * fanIn;
    const dk = k * fanOut;
    for (let j = 0; j < fanIn; j++) {
      const v = a[ak + j]!;
      const slope = mode === 1 ? (v > 0 ? 1 : 0) : 1 - v * v;
      if (slope === 0) {
        below[ak + j] = 0;
        continue;
      }
      let sum = 0;
      for (let o = 0; o < fanOut; o++) sum += theta[w0 + o * fanIn + j]! * delta[dk + o]!;
      below[ak + j] = sum * slope;
    }
  }
}
