// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { deriveSeed, Rng } from '../../random/index.js';
import { type DesignEncoder, encodeDesign, fitDesignEncoder } from './design-encoder.js';
import {
  type Activation,
  createScratch,
  forward as forwardRows,
  lossAndGradient,
  type MlpNetwork,
  type MlpScratch,
  parameterLayout,
  predictLogits,
} from './network.js';

/** Training parameters of the MLP. */
export interface MlpOptions {
  /** Hidden layer sizes [32, 16]. */
  readonly hidden: readonly number[];
  readonly activation: Activation;
  /** Adam step size [3e-3]. */
  readonly learningRate: number;
  readonly batchSize: number;
  /** Passes over the training rows at most [100]. */
  readonly epochs: number;
  /** L2 penalty on the weights [1e-4]. */
  readonly l2: number;
  /** Seeded hold-out fraction for early stopping [0.1]. */
  readonly validFraction: number;
  /** Stop after this many epochs without a better validation loss [8]. */
  readonly patience: number;
  readonly seed: number;
}

/** Defaults. */
export const defaultMlpOptions: MlpOptions = {
  hidden: [32, 16],
  activation: 'relu',
  learningRate: 3e-3,
  batchSize: 256,
  epochs: 100,
  l2: 1e-4,
  validFraction: 0.1,
  patience: 8,
  seed: 0,
};

/**
 * The saved body of an `mlp` model (version 1): the input encoding (standardised numerics with
 * missing indicators, one-hot categories), the layer sizes and the flat parameter vector (see
 * `MlpNetwork`); logit(PD) is the network output.
 */
export interface MlpModelBody {
  readonly version: 1;
  readonly encoder: DesignEncoder;
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly theta: readonly number[];
  /** Epoch whose parameters were kept (best validation loss), and epochs run. */
  readonly bestEpoch: number;
  readonly epochs: number;
  readonly validLoss: readonly number[];
}

/** Fills defaults and validates; throws `E_LEARNER_OPTION`. */
export function resolveMlpOptions(options: Partial<MlpOptions>): MlpOptions {
  const o = { ...defaultMlpOptions, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as MlpOptions;
  const check = (option: keyof MlpOptions, ok: boolean, problem: string) => {
    if (!ok) throw new CredoError('E_LEARNER_OPTION', { model: 'mlp', option, problem, value: String(o[option]) });
  };
  check('hidden', o.hidden.length >= 1 && o.hidden.every((h) => Number.isInteger(h) && h >= 1 && h <= 4096), 'must be 1+ layer sizes in 1..4096');
  check('activation', o.activation === 'relu' || o.activation === 'tanh', 'must be relu or tanh');
  check('learningRate', o.learningRate > 0 && o.learningRate < 1, 'must be in (0, 1)');
  check('batchSize', Number.isInteger(o.batchSize) && o.batchSize >= 1, 'must be an integer ≥ 1');
  check('epochs', Number.isInteger(o.epochs) && o.epochs >= 1, 'must be an integer ≥ 1');
  check('l2', o.l2 >= 0, 'must be ≥ 0');
  check('validFraction', o.validFraction >= 0 && o.validFraction < 1, 'must be in [0, 1)');
  check('patience', Number.isInteger(o.patience) && o.patience >= 1, 'must be an integer ≥ 1');
  check('seed', Number.isInteger(o.seed), 'must be an integer');
  return o;
}

/** Seeded initial parameters: He-normal weights for ReLU, Glorot-normal for tanh, zero biases. */
export function initialNetwork(sizes: readonly number[], activation: Activation, seed: number): MlpNetwork {
  const layout = parameterLayout(sizes);
  const theta = new Float64Array(layout.total);
  const rng = new Rng(deriveSeed(seed, 31));
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const sd = activation === 'relu' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
    for (let q = layout.weights[l]!; q < layout.biases[l]!; q++) theta[q] = rng.nextNormal() * sd;
  }
  return { sizes, activation, theta };
}

/**
 * Trains the MLP PD model: encodes the features, holds out a seeded validation fraction, then
 * runs mini-batch Adam (Kingma & Ba 2015, "Adam", Alg. 1; β₁ 0.9, β₂ 0.999, ε 1e-8) over seeded
 * shuffles, keeping the parameters of the epoch with the lowest validation log loss and stopping
 * after `patience` epochs without improvement. `labels` are 0/1 (validated by the caller).
 */
export function trainMlp(frame: Frame, labels: Float64Array, features: readonly string[], options: Partial<MlpOptions> = {}): MlpModelBody {
  const o = resolveMlpOptions(options);
  const encoder = fitDesignEncoder(frame, features);
  const design = encodeDesign(encoder, frame);
  const n = design.rows;
  const sizes = [encoder.width, ...o.hidden, 1];
  const net = initialNetwork(sizes, o.activation, o.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(deriveSeed(o.seed, 32));
  shuffle(order, n, rng);
  const validCount = o.validFraction > 0 && n >= 10 ? Math.max(1, Math.round(n * o.validFraction)) : 0;
  const valid = order.slice(0, validCount);
  const train = order.slice(validCount);
  const batch = Math.min(o.batchSize, Math.max(1, train.length));
  const scratch = createScratch(sizes, Math.max(batch, 1024));
  const total = net.theta.length;
  const grad = new Float64Array(total);
  const m1 = new Float64Array(total);
  const m2 = new Float64Array(total);
  const best = Float64Array.from(net.theta);
  const validLoss: number[] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  let step = 0;
  let epoch = 0;
  const beta1 = 0.9;
  const beta2 = 0.999;
  while (epoch < o.epochs) {
    epoch++;
    shuffle(train, train.length, rng);
    for (let start = 0; start < train.length; start += batch) {
      const count = Math.min(batch, train.length - start);
      lossAndGradient(net, design.x, labels, train, start, count, o.l2, scratch, grad);
      step++;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      const theta = net.theta;
      for (let q = 0; q < total; q++) {
        const g = grad[q]!;
        const a = beta1 * m1[q]! + (1 - beta1) * g;
        const b = beta2 * m2[q]! + (1 - beta2) * g * g;
        m1[q] = a;
        m2[q] = b;
        theta[q]! -= (o.learningRate * (a / c1)) / (Math.sqrt(b / c2) + 1e-8);
      }
    }
    if (validCount === 0) {
      bestEpoch = epoch;
      best.set(net.theta);
      continue;
    }
    const loss = meanLogLoss(net, design.x, labels, valid, scratch);
    validLoss.push(loss);
    if (loss < bestLoss) {
      bestLoss = loss;
      bestEpoch = epoch;
      best.set(net.theta);
    } else if (epoch - bestEpoch >= o.patience) break;
  }
  return { version: 1, encoder, sizes, activation: o.activation, theta: Array.from(best), bestEpoch, epochs: epoch, validLoss };
}

/** logit(PD) per row of `frame` under an MLP body. */
export function predictMlpLogit(body: MlpModelBody, frame: Frame): Float64Array {
  const design = encodeDesign(body.encoder, frame);
  const net: MlpNetwork = { sizes: body.sizes, activation: body.activation, theta: Float64Array.from(body.theta) };
  return predictLogits(net, design.x, design.rows, createScratch(body.sizes, 1024));
}

function meanLogLoss(net: MlpNetwork, x: Float64Array, labels: Float64Array, rows: Int32Array, scratch: MlpScratch): number {
  let sum = 0;
  for (let start = 0; start < rows.length; start += scratch.batch) {
    const count = Math.min(scratch.batch, rows.length - start);
    const logits = forwardRows(net, x, rows, start, count, scratch);
    for (let k = 0; k < count; k++) {
      const z = logits[k]!;
      const m = labels[rows[start + k]!] === 1 ? -z : z;
      sum += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    }
  }
  return sum / rows.length;
}

function shuffle(a: Int32Array, n: number, rng: Rng): void {
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
