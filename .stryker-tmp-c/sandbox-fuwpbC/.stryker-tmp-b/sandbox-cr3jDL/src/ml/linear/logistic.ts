// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { chiSquareSurvival } from '../metrics/index.js';
import { cholesky, choleskySolve, inverseSpd } from './dense.js';

/** Options of `trainLogistic`; the intercept is never penalised. */
export interface LogisticOptions {
  /** L2 penalty λ₂ in −LL + λ₂/2·‖β‖² (default 0; sklearn's C = 1/λ₂). */
  readonly l2?: number;
  /** L1 penalty λ₁ in −LL + λ₁·‖β‖₁ (default 0; sklearn's C = 1/λ₁). */
  readonly l1?: number;
  /** Non-negative row weights (default 1). */
  readonly weights?: Float64Array;
  /** Newton iterations at most (default 100). */
  readonly maxIterations?: number;
  /** Convergence: largest coefficient change below this (default 1e-10). */
  readonly tolerance?: number;
  /** Starting coefficients, intercept first (a warm start, e.g. when refitting after dropping a feature). */
  readonly start?: Float64Array;
  /**
   * Sign constraint per feature column (not the intercept): +1 keeps β_j ≥ 0 (PD non-decreasing in
   * the feature), −1 keeps β_j ≤ 0, 0 leaves it free [all free]. The fit is the constrained optimum.
   */
  readonly signs?: Int8Array;
}

/** A fitted logistic regression logit(PD) = intercept + Σ β_j·x_j (label 1 = bad). */
export interface LogisticFit {
  readonly intercept: number;
  readonly coefficients: Float64Array;
  /** Standard errors, intercept first: √diag((XᵀWX + λ₂·D)⁻¹). Exact for unpenalised fits, approximate otherwise; null entries when the information matrix is singular. */
  readonly standardErrors: (number | null)[];
  /** Wald z = estimate / SE, intercept first. */
  readonly zValues: (number | null)[];
  /** Two-sided p-values P(|Z| > |z|) = P(χ²₁ > z²), intercept first. */
  readonly pValues: (number | null)[];
  readonly logLikelihood: number;
  /** −2·LL + 2·k and −2·LL + ln(n)·k, k = non-zero coefficients + intercept. */
  readonly aic: number;
  readonly bic: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly rows: number;
}

/**
 * Logistic regression by Newton–Raphson / IRLS (McCullagh & Nelder 1989) with step halving;
 * with an L1 penalty, proximal Newton steps solved by cyclic coordinate descent on the quadratic
 * model (glmnet: Friedman, Hastie & Tibshirani 2010). Sign constraints (`signs`) make every step a
 * projected one: the coordinate descent clamps each constrained coefficient to its half-line, which
 * solves the box-constrained quadratic model exactly, so the iterates are feasible and converge to
 * the constrained optimum (proximal Newton with the half-lines' indicator; Lee, Sun & Saunders 2014).
 * A binding constraint leaves its coefficient at exactly 0. `columns` are the features (n each), no
 * missing values (validated). Perfect separation without a penalty leaves `converged` false.
 */
export function trainLogistic(columns: readonly Float64Array[], labels: Float64Array, options: LogisticOptions = {}): LogisticFit {
  const p = columns.length + 1;
  const n = labels.length;
  const l2 = options.l2 ?? 0;
  const l1 = options.l1 ?? 0;
  const weights = options.weights;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  // Row-major design matrix with the intercept column first.
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const y = labels[i] as number;
    if (y !== 0 && y !== 1) throw new CredoError('E_METRICS_LABEL_INVALID', { what: 'logistic regression', row: i, value: y });
    x[i * p] = 1;
  }
  columns.forEach((column, j) => {
    if (column.length !== n) throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: `feature ${j}`, expected: n, actual: column.length });
    for (let i = 0; i < n; i++) {
      const v = column[i] as number;
      if (!Number.isFinite(v))
        throw new CredoError('E_LINEAR_FIT_FAILED', {
          model: 'logistic regression',
          problem: `feature ${j} row ${i} is ${v}; fill or bin missing values first`,
        });
      x[i * p + j + 1] = v;
    }
  });
  const beta = new Float64Array(p);
  // Start the intercept at the log-odds of the (weighted) bad rate.
  let wb = 0;
  let wt = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    wb += w * (labels[i] as number);
    wt += w;
  }
  const rate = Math.min(1 - 1e-9, Math.max(1e-9, wb / wt));
  beta[0] = Math.log(rate / (1 - rate));
  if (options.start !== undefined && options.start.length === p) beta.set(options.start);
  // Bound per coefficient, intercept first: +1 → β ≥ 0, −1 → β ≤ 0, 0 free; a warm start is projected.
  const signs = new Int8Array(p);
  if (options.signs !== undefined) {
    if (options.signs.length !== columns.length)
      throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: 'sign constraints', expected: columns.length, actual: options.signs.length });
    signs.set(options.signs, 1);
  }
  const constrained = signs.some((s) => s !== 0);
  for (let j = 1; j < p; j++) beta[j] = project(beta[j] as number, signs[j] as number);
  let grad = new Float64Array(p);
  let hess = new Float64Array(p * p);
  let trialGrad = new Float64Array(p);
  let trialHess = new Float64Array(p * p);
  // One pass over the data gives the loss, gradient and Hessian at a point; the line search
  // evaluates trial points with that same pass, so an accepted step needs no second pass.
  let objective = gradientAndHessian(x, labels, weights, beta, p, l2, grad, hess) + penalty(beta, p, l2, l1);
  let iterations = 0;
  let converged = false;
  const next = new Float64Array(p);
  for (; iterations < maxIterations && !converged; iterations++) {
    let step: Float64Array;
    if (l1 > 0 || constrained) step = proximalNewtonStep(beta, grad, hess, p, l1, signs);
    else {
      const l = cholesky(hess, p);
      if (l === null)
        throw new CredoError('E_LINEAR_FIT_FAILED', {
          model: 'logistic regression',
          problem: 'the information matrix is singular (a constant or exactly collinear feature?)',
        });
      step = choleskySolve(l, p, grad);
    }
    let t = 1;
    let value = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let halving = 0; halving < 40 && !accepted; halving++) {
      for (let j = 0; j < p; j++) next[j] = (beta[j] as number) + t * (step[j] as number);
      value = gradientAndHessian(x, labels, weights, next, p, l2, trialGrad, trialHess) + penalty(next, p, l2, l1);
      accepted = value <= objective + 1e-12 * Math.abs(objective);
      t /= 2;
    }
    if (!accepted) break;
    let change = 0;
    for (let j = 0; j < p; j++) change = Math.max(change, Math.abs((next[j] as number) - (beta[j] as number)));
    beta.set(next);
    [grad, trialGrad] = [trialGrad, grad];
    [hess, trialHess] = [trialHess, hess];
    converged = change < tolerance * (1 + maxAbs(beta)) || Math.abs(objective - value) < 1e-15 * Math.max(1, Math.abs(objective));
    objective = value;
  }
  const covariance = inverseSpd(hess, p);
  const standardErrors: (number | null)[] = [];
  const zValues: (number | null)[] = [];
  const pValues: (number | null)[] = [];
  for (let j = 0; j < p; j++) {
    const v = covariance === null ? Number.NaN : (covariance[j * p + j] as number);
    const se = v > 0 && Number.isFinite(v) ? Math.sqrt(v) : null;
    const z = se === null ? null : (beta[j] as number) / se;
    standardErrors.push(se);
    zValues.push(z);
    pValues.push(z === null ? null : chiSquareSurvival(z * z, 1));
  }
  const logLikelihood = -(objective - penalty(beta, p, l2, l1));
  let k = 1;
  for (let j = 1; j < p; j++) if (beta[j] !== 0) k++;
  return {
    intercept: beta[0] as number,
    coefficients: beta.slice(1),
    standardErrors,
    zValues,
    pValues,
    logLikelihood,
    aic: -2 * logLikelihood + 2 * k,
    bic: -2 * logLikelihood + Math.log(wt) * k,
    iterations,
    converged,
    rows: n,
  };
}

/** λ₂/2·‖β₁..‖² + λ₁·‖β₁..‖₁ (the intercept β₀ is not penalised). */
function penalty(beta: Float64Array, p: number, l2: number, l1: number): number {
  let out = 0;
  for (let j = 1; j < p; j++) {
    const b = beta[j] as number;
    out += 0.5 * l2 * b * b + l1 * Math.abs(b);
  }
  return out;
}

/**
 * One pass: returns −LL(β) (numerically safe log(1 + e^η)) and fills the gradient of LL minus the
 * L2 term and the Hessian XᵀWX + λ₂·D (D excludes the intercept).
 */
function gradientAndHessian(
  x: Float64Array,
  y: Float64Array,
  weights: Float64Array | undefined,
  beta: Float64Array,
  p: number,
  l2: number,
  grad: Float64Array,
  hess: Float64Array,
): number {
  grad.fill(0);
  const n = y.length;
  // The lower triangle packed row by row: one running index instead of j·p + k in the hot loop.
  const tri = new Float64Array((p * (p + 1)) / 2);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let eta = 0;
    for (let j = 0; j < p; j++) eta += (x[row + j] as number) * (beta[j] as number);
    const e = Math.exp(-Math.abs(eta));
    const prob = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const w = weights === undefined ? 1 : (weights[i] as number);
    loss += w * (Math.max(eta, 0) + Math.log1p(e) - (y[i] as number) * eta);
    const r = w * ((y[i] as number) - prob);
    const h = w * prob * (1 - prob);
    let t = 0;
    for (let j = 0; j < p; j++) {
      const xj = x[row + j] as number;
      grad[j] = (grad[j] as number) + r * xj;
      const hx = h * xj;
      for (let k = 0; k <= j; k++) tri[t] = (tri[t++] as number) + hx * (x[row + k] as number);
    }
  }
  let t = 0;
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      const v = tri[t++] as number;
      hess[j * p + k] = v;
      hess[k * p + j] = v;
    }
    if (j > 0) {
      grad[j] = (grad[j] as number) - l2 * (beta[j] as number);
      hess[j * p + j] = (hess[j * p + j] as number) + l2;
    }
  }
  return loss;
}

/** β clamped to its half-line: sign +1 → max(0, β), −1 → min(0, β), 0 → β. */
function project(b: number, sign: number): number {
  return sign > 0 ? Math.max(0, b) : sign < 0 ? Math.min(0, b) : b;
}

/**
 * Minimises −gᵀd + ½dᵀHd + λ₁‖β + d‖₁ (intercept unpenalised) subject to the sign of each
 * constrained β + d, by coordinate descent: each 1-D subproblem is convex, so its constrained
 * minimiser is the soft-thresholded value clamped to the half-line. Returns d.
 */
function proximalNewtonStep(beta: Float64Array, grad: Float64Array, hess: Float64Array, p: number, l1: number, signs: Int8Array): Float64Array {
  const d = new Float64Array(p);
  const hd = new Float64Array(p);
  for (let sweep = 0; sweep < 1000; sweep++) {
    let change = 0;
    for (let j = 0; j < p; j++) {
      const hjj = hess[j * p + j] as number;
      if (!(hjj > 0)) continue;
      const others = (hd[j] as number) - hjj * (d[j] as number);
      const target = (beta[j] as number) + ((grad[j] as number) - others) / hjj;
      const coefficient = j === 0 ? target : project(Math.sign(target) * Math.max(0, Math.abs(target) - l1 / hjj), signs[j] as number);
      const delta = coefficient - (beta[j] as number) - (d[j] as number);
      if (delta === 0) continue;
      d[j] = (d[j] as number) + delta;
      for (let k = 0; k < p; k++) hd[k] = (hd[k] as number) + (hess[k * p + j] as number) * delta;
      change = Math.max(change, Math.abs(delta));
    }
    if (change < 1e-13) break;
  }
  return d;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

/** logit(PD) of every row: intercept + Σ β_j·x_j. */
export function logisticLogits(fit: Pick<LogisticFit, 'intercept' | 'coefficients'>, columns: readonly Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n).fill(fit.intercept);
  columns.forEach((column, j) => {
    const b = fit.coefficients[j] as number;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + b * (column[i] as number);
  });
  return out;
}
