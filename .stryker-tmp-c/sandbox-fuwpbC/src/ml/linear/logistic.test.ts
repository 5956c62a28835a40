// @ts-nocheck
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { trainLogistic } from './logistic.js';
import { computeVif } from './vif.js';

function readFixture(path: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'test', 'fixtures'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`test/fixtures/${path} not found`);
    dir = up;
  }
  return readFileSync(join(dir, 'test', 'fixtures', path), 'utf8');
}

interface Fixture {
  X: number[][];
  y: number[];
  unpenalised: { intercept: number; coef: number[]; se: number[]; z: number[]; p: number[]; loglik: number; aic: number; bic: number };
  l2: { lambda: number; intercept: number; coef: number[] };
  l1: { lambda: number; intercept: number; coef: number[] };
  vif: number[];
}

const data = JSON.parse(readFixture('linear/sklearn-logistic.json')) as Fixture;
const columns = [0, 1, 2, 3].map((j) => Float64Array.from(data.X, (row) => row[j] as number));
const y = Float64Array.from(data.y);
const close = (a: number | null | undefined, b: number, tol: number, label: string) =>
  assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${label}: expected ${b}, got ${a}`);

test('unpenalised fit matches sklearn (penalty=None) coefficients, standard errors, z, p, AIC/BIC', () => {
  const fit = trainLogistic(columns, y);
  const u = data.unpenalised;
  assert.ok(fit.converged);
  close(fit.intercept, u.intercept, 1e-6, 'intercept');
  u.coef.forEach((c, j) => {
    close(fit.coefficients[j], c, 1e-6, `coef ${j}`);
  });
  u.se.forEach((s, j) => {
    close(fit.standardErrors[j], s, 1e-6, `se ${j}`);
  });
  u.z.forEach((z, j) => {
    close(fit.zValues[j], z, 1e-4, `z ${j}`);
  });
  u.p.forEach((p, j) => {
    close(fit.pValues[j], p, 1e-6 * Math.max(p, 1e-10) + 1e-15, `p ${j}`);
  });
  close(fit.logLikelihood, u.loglik, 1e-8, 'loglik');
  close(fit.aic, u.aic, 1e-7, 'aic');
  close(fit.bic, u.bic, 1e-7, 'bic');
});

test('L2 and L1 penalties match sklearn (C = 1/λ; intercept unpenalised)', () => {
  const l2 = trainLogistic(columns, y, { l2: data.l2.lambda });
  close(l2.intercept, data.l2.intercept, 1e-6, 'l2 intercept');
  data.l2.coef.forEach((c, j) => {
    close(l2.coefficients[j], c, 1e-6, `l2 coef ${j}`);
  });
  const l1 = trainLogistic(columns, y, { l1: data.l1.lambda });
  close(l1.intercept, data.l1.intercept, 1e-4, 'l1 intercept');
  data.l1.coef.forEach((c, j) => {
    close(l1.coefficients[j], c, 1e-4, `l1 coef ${j}`);
  });
  // Exact zeros where sklearn (saga) has them.
  assert.equal(l1.coefficients[1], 0);
  assert.equal(l1.coefficients[2], 0);
});

test('VIF equals the diagonal of the inverse correlation matrix (numpy)', () => {
  const vif = computeVif(columns);
  data.vif.forEach((v, j) => {
    close(vif[j], v, 1e-9, `vif ${j}`);
  });
  // An exact copy makes the VIF infinite, never NaN.
  const copy = computeVif([columns[0] as Float64Array, Float64Array.from(columns[0] as Float64Array, (v) => 2 * v)]);
  assert.equal(copy[0], Number.POSITIVE_INFINITY);
});

test('hand-worked: one binary feature reproduces the 2×2 table log-odds', () => {
  // x = 0: 2 bads of 8 → logit ln(2/6); x = 1: 6 bads of 8 → ln(6/2). β = ln 3 − ln(1/3) = 2 ln 3, SE² = 1/2 + 1/6 + 1/6 + 1/2.
  const x = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
  const labels = Float64Array.from([1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0]);
  const fit = trainLogistic([x], labels);
  close(fit.intercept, Math.log(1 / 3), 1e-12, 'intercept');
  close(fit.coefficients[0], 2 * Math.log(3), 1e-12, 'beta');
  close(fit.standardErrors[1], Math.sqrt(1 / 2 + 1 / 6 + 1 / 6 + 1 / 2), 1e-10, 'se');
  close(fit.standardErrors[0], Math.sqrt(1 / 2 + 1 / 6), 1e-10, 'se intercept');
});

test('perfect separation is reported as not converged; invalid input is refused', () => {
  const fit = trainLogistic([Float64Array.from([0, 1, 2, 3])], Float64Array.from([0, 0, 1, 1]), { maxIterations: 30 });
  assert.equal(fit.converged, false);
  assert.throws(() => trainLogistic([Float64Array.from([0, Number.NaN])], Float64Array.from([0, 1])), /row 1 is NaN/);
  assert.throws(() => trainLogistic([Float64Array.from([0, 1])], Float64Array.from([0, 2])), /label 2/);
});

test('sign constraints: a binding one leaves β = 0 and the other coefficients at the fit without that feature (KKT); a slack one changes nothing', () => {
  // Unconstrained, feature 1 has β ≈ −0.3256: requiring β₁ ≥ 0 binds.
  const bound = trainLogistic(columns, y, { signs: Int8Array.from([0, 1, 0, 0]) });
  assert.ok(bound.converged);
  assert.equal(bound.coefficients[1], 0);
  // With β₁ pinned at 0 the optimum is the unconstrained fit on features 0, 2, 3.
  const reduced = trainLogistic([columns[0]!, columns[2]!, columns[3]!], y);
  close(bound.intercept, reduced.intercept, 1e-7, 'intercept');
  for (const [k, j] of [0, 2, 3].entries()) close(bound.coefficients[j], reduced.coefficients[k]!, 1e-7, `coef ${j}`);
  // KKT: at the bound the log-likelihood still wants β₁ lower: ∂LL/∂β₁ = Σ (y − p)·x₁ < 0.
  let slope = 0;
  for (let i = 0; i < y.length; i++) {
    let eta = bound.intercept;
    for (let j = 0; j < 4; j++) eta += (bound.coefficients[j] as number) * (columns[j]![i] as number);
    slope += ((y[i] as number) - 1 / (1 + Math.exp(-eta))) * (columns[1]![i] as number);
  }
  assert.ok(slope < -1, `∂LL/∂β₁ = ${slope}`);
  // β₁ ≤ 0 and β₀ ≥ 0 hold already: the constrained fit is the unconstrained one (sklearn's).
  const slack = trainLogistic(columns, y, { signs: Int8Array.from([1, -1, 0, 0]) });
  for (const [j, c] of data.unpenalised.coef.entries()) close(slack.coefficients[j], c, 1e-6, `slack coef ${j}`);
  close(slack.intercept, data.unpenalised.intercept, 1e-6, 'slack intercept');
});

test('sign constraint against brute force: one feature, grid search of the log-likelihood over β₁ ≥ 0', () => {
  // 8 rows where the bad rate falls with x: the unconstrained slope is negative, so β₁ ≥ 0 gives β₁ = 0 and the intercept log(3/5).
  const x = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
  const labels = Float64Array.from([1, 1, 0, 1, 0, 0, 0, 0]);
  const free = trainLogistic([x], labels);
  assert.ok((free.coefficients[0] as number) < 0);
  const fit = trainLogistic([x], labels, { signs: Int8Array.from([1]) });
  let best = { ll: Number.NEGATIVE_INFINITY, b0: 0, b1: 0 };
  for (let b0 = -3; b0 <= 3; b0 += 0.005) {
    for (let b1 = 0; b1 <= 1; b1 += 0.05) {
      let ll = 0;
      for (let i = 0; i < 8; i++) {
        const p = 1 / (1 + Math.exp(-(b0 + b1 * (x[i] as number))));
        ll += labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
      }
      if (ll > best.ll) best = { ll, b0, b1 };
    }
  }
  assert.equal(best.b1, 0);
  assert.equal(fit.coefficients[0], 0);
  close(fit.intercept, Math.log(3 / 5), 1e-9, 'intercept = log-odds of 3 bad in 8');
  close(fit.intercept, best.b0, 0.005, 'grid intercept');
  close(fit.logLikelihood, best.ll, 1e-4, 'log-likelihood');
});
