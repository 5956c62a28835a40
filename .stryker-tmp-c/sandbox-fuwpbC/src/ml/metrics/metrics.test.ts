// @ts-nocheck
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CredoError } from '../../errors/index.js';
import { computeAuc } from './auc.js';
import { chiSquareSurvival, lnGamma, regularizedGammaP, regularizedGammaQ } from './chi-square.js';
import { evaluateBinary } from './evaluate-binary.js';
import { computeKs } from './ks.js';
import { stratifiedKFold } from './stratified-k-fold.js';

/** Reads test/fixtures/<path> from the repository root (found upwards from this file, whatever the build dir). */
function readFixture(path: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'test', 'fixtures'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`test/fixtures/${path} not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return readFileSync(join(dir, 'test', 'fixtures', path), 'utf8');
}

const f = (values: number[]) => Float64Array.from(values);
const close = (actual: number, expected: number, tol = 1e-9, label = '') =>
  assert.ok(Math.abs(actual - expected) <= tol, `${label} expected ${expected}, got ${actual}`);

test('four-row hand-worked case: AUC, Gini, KS, log loss, Brier, threshold metrics', () => {
  // bads score {0.35, 0.8}, goods {0.1, 0.4}. Pairs: 0.35>0.1 ✓, 0.35>0.4 ✗, 0.8>0.1 ✓, 0.8>0.4 ✓ → AUC 3/4.
  const r = evaluateBinary(f([0.1, 0.4, 0.35, 0.8]), f([0, 0, 1, 1]));
  close(r.auc, 0.75);
  close(r.gini, 0.5);
  // Ascending: 0.1 (good) F_bad 0, F_good .5 → .5 (first max); 0.35 → 0; 0.4 → .5; 0.8 → 0.
  close(r.ks, 0.5);
  assert.equal(r.ks_threshold, 0.1);
  // −(ln .9 + ln .6 + ln .35 + ln .8)/4 = (0.1053605157 + 0.5108256238 + 1.0498221245 + 0.2231435513)/4 = 1.8891518153/4.
  close(r.logloss, 0.4722879538, 1e-9);
  // ((.1)² + (.4)² + (.65)² + (.2)²)/4 = 0.6325/4.
  close(r.brier, 0.158125);
  // pd ≥ 0.5 only for 0.8: tp 1, fp 0, tn 2, fn 1; F1 = 2·1/(2·1 + 0 + 1).
  assert.deepEqual(r.confusion, { tp: 1, fp: 0, tn: 2, fn: 1 });
  close(r.precision, 1);
  close(r.recall, 0.5);
  close(r.f1, 2 / 3);
  close(r.accuracy, 0.75);
});

test('ties count one half in AUC and form one group in KS', () => {
  // bads {0.2, 0.6}, good {0.2}: tie ½ + win 1 → 1.5/2.
  close(computeAuc(f([0.2, 0.2, 0.6]), f([1, 0, 1])), 0.75);
  // After the 0.2 group: F_bad ½, F_good 1 → KS ½ at 0.2 (never the split-tie value 1).
  assert.deepEqual(computeKs(f([0.2, 0.2, 0.6]), f([1, 0, 1])), { ks: 0.5, threshold: 0.2 });
  close(computeAuc(f([0.5, 0.5, 0.5, 0.5]), f([1, 0, 1, 0])), 0.5);
  assert.equal(computeKs(f([0.5, 0.5, 0.5, 0.5]), f([1, 0, 1, 0])).ks, 0);
});

test('weighted AUC counts each pair w_bad·w_good', () => {
  // weights good .1→1, good .4→2, bad .35→3, bad .8→1. Wins: 3·1 + 1·1 + 1·2 = 6 of 4·3 = 12.
  close(computeAuc(f([0.1, 0.4, 0.35, 0.8]), f([0, 0, 1, 1]), f([1, 2, 3, 1])), 0.5);
});

test('gains, calibration and Hosmer–Lemeshow on ten rows in five bands (hand-worked)', () => {
  const pd = f([0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9]);
  const y = f([0, 0, 0, 1, 0, 0, 1, 0, 1, 1]);
  const r = evaluateBinary(pd, y, { bands: 5 });
  // Riskiest first: {.9,.7} 2 bads, {.6,.5} 1, {.4,.3} 0, {.2,.15} 1, {.1,.05} 0. B = 4, G = 6, overall rate .4.
  const expected = [
    // band, bads, rate, cum capture, cum approval, lift, cum lift, ks = |cum bad share − cum good share|
    [1, 2, 1, 0.5, 0.8, 2.5, 2.5, 0.5],
    [2, 1, 0.5, 0.75, 0.6, 1.25, 0.75 / 0.4, 0.75 - 1 / 6],
    [3, 0, 0, 0.75, 0.4, 0, 0.5 / 0.4, 0.75 - 3 / 6],
    [4, 1, 0.5, 1, 0.2, 1.25, 0.5 / 0.4, 1 - 4 / 6],
    [5, 0, 0, 1, 0, 0, 1, 0],
  ];
  assert.equal(r.gains.length, 5);
  r.gains.forEach((g, i) => {
    const e = expected[i] as number[];
    assert.equal(g.band, e[0]);
    assert.equal(g.count, 2);
    close(g.bads, e[1] as number);
    close(g.bad_rate, e[2] as number);
    close(g.cum_bad_capture, e[3] as number);
    close(g.cum_approval_rate, e[4] as number);
    close(g.lift, e[5] as number);
    close(g.cum_lift, e[6] as number);
    close(g.ks, e[7] as number, 1e-12, `ks band ${i + 1}`);
  });
  assert.deepEqual([r.gains[0]?.min_pd, r.gains[0]?.max_pd], [0.7, 0.9]);
  // Calibration: expected bads 1.6, 1.1, 0.7, 0.35, 0.15 vs observed 2, 1, 0, 1, 0.
  const cal = r.calibration;
  close(cal[0]?.mean_pd as number, 0.8);
  close(cal[0]?.expected_observed_ratio as number, 0.8);
  assert.equal(cal[2]?.expected_observed_ratio, null);
  close(cal[3]?.expected_bads as number, 0.35);
  // HL terms (O−E)²/(E(1−E/n)): .16/.32 + .01/.495 + .49/.455 + .4225/.28875 + .0225/.13875
  //   = 0.5 + 0.0202020202 + 1.0769230769 + 1.4632034632 + 0.1621621622 = 3.2224907225.
  close(r.hosmer_lemeshow.statistic, 3.2224907225, 1e-9);
  assert.equal(r.hosmer_lemeshow.df, 3);
  // scipy.stats.chi2.sf(3.22249072, 3) = 0.3585769961702801
  close(r.hosmer_lemeshow.p_value, 0.3585769961702801, 1e-9);
});

test('tied PDs never straddle two bands', () => {
  const pd = f([0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.1, 0.1, 0.1, 0.1]);
  const y = f([1, 0, 1, 0, 0, 0, 0, 1, 0, 0]);
  const r = evaluateBinary(pd, y, { bands: 4 });
  assert.deepEqual(
    r.gains.map((g) => [g.band, g.count, g.bads]),
    [
      [1, 6, 2],
      [3, 4, 1],
    ],
  );
});

test('given band edges keep empty bands', () => {
  const r = evaluateBinary(f([0.01, 0.02, 0.5]), f([0, 0, 1]), { bandEdges: [0.015, 0.1, 0.2] });
  // Bands riskiest first: (0.2, ∞) {0.5}, (0.1, 0.2] {}, (0.015, 0.1] {0.02}, (−∞, 0.015] {0.01}.
  assert.deepEqual(
    r.gains.map((g) => [g.band, g.count, g.min_pd]),
    [
      [1, 1, 0.5],
      [2, 0, null],
      [3, 1, 0.02],
      [4, 1, 0.01],
    ],
  );
  assert.equal(r.calibration.length, 3);
});

test('inputs are validated with input-kind errors', () => {
  const cases: [() => unknown, RegExp][] = [
    [() => evaluateBinary(f([0.1, 0.2]), f([1, 1])), /only bads/],
    [() => evaluateBinary(f([0.1, 0.2]), f([1, 2])), /row 1 has label 2/],
    [() => evaluateBinary(f([0.1, Number.NaN]), f([1, 0])), /pd: row 1 has NaN/],
    [() => evaluateBinary(f([0.1, 1.2]), f([1, 0])), /values must be in \[0, 1\]/],
    [() => evaluateBinary(f([0.1]), f([1, 0])), /expected length 1, got 2/],
    [() => evaluateBinary(f([0.1, 0.2]), f([1, 0]), { weights: f([1, -1]) }), /weights/],
    [() => evaluateBinary(f([0.1, 0.2]), f([1, 0]), { threshold: 2 }), /--threshold/],
  ];
  for (const [fn, pattern] of cases) {
    assert.throws(fn, (e: unknown) => e instanceof CredoError && e.isUserError && pattern.test(e.message));
  }
});

interface RecordedCase {
  name: string;
  pd: number[];
  labels: number[];
  weights: number[] | null;
  auc: number;
  logloss: number;
  brier: number;
  ks?: number;
  [key: `at_${string}`]: { precision: number; recall: number; f1: number; accuracy: number };
}

test('agrees with sklearn and scipy on recorded cases (test/fixtures/metrics/make-metrics-fixture.py)', async () => {
  const data = JSON.parse(readFixture('metrics/sklearn-metrics.json')) as {
    cases: RecordedCase[];
    chi2_sf: { x: number; df: number; sf: number }[];
  };
  for (const c of data.cases) {
    const weights = c.weights === null ? undefined : f(c.weights);
    for (const t of [0.5, 0.3]) {
      const r = evaluateBinary(f(c.pd), f(c.labels), { threshold: t, ...(weights ? { weights } : {}) });
      close(r.auc, c.auc, 1e-12, `${c.name} auc`);
      close(r.gini, 2 * c.auc - 1, 1e-12, `${c.name} gini`);
      close(r.logloss, c.logloss, 1e-12, `${c.name} logloss`);
      close(r.brier, c.brier, 1e-12, `${c.name} brier`);
      if (c.ks !== undefined) close(r.ks, c.ks, 1e-12, `${c.name} ks`);
      const at = c[`at_${t}`] as { precision: number; recall: number; f1: number; accuracy: number };
      for (const key of ['precision', 'recall', 'f1', 'accuracy'] as const) close(r[key], at[key], 1e-12, `${c.name} ${key}@${t}`);
    }
  }
  for (const { x, df, sf } of data.chi2_sf) close(chiSquareSurvival(x, df), sf, 1e-12 + 1e-10 * sf, `chi2.sf(${x}, ${df})`);
});

test('incomplete gamma identities', () => {
  close(lnGamma(5), Math.log(24), 1e-12);
  close(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-12);
  for (const x of [0.1, 1, 3, 10, 40]) {
    // χ²(2) survival is exp(−x/2); P + Q = 1.
    close(chiSquareSurvival(x, 2), Math.exp(-x / 2), 1e-14);
    close(regularizedGammaP(2.5, x) + regularizedGammaQ(2.5, x), 1, 1e-14);
  }
});

test('stratifiedKFold balances folds and bads, and is deterministic', () => {
  const n = 103;
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) labels[i] = i % 7 === 0 ? 1 : 0;
  const folds = stratifiedKFold(labels, 5, 42);
  assert.deepEqual(folds, stratifiedKFold(labels, 5, 42));
  assert.notDeepEqual(folds, stratifiedKFold(labels, 5, 43));
  const size = new Array(5).fill(0);
  const bads = new Array(5).fill(0);
  for (let i = 0; i < n; i++) {
    size[folds[i] as number]++;
    if (labels[i] === 1) bads[folds[i] as number]++;
  }
  assert.ok(Math.max(...size) - Math.min(...size) <= 1, String(size));
  assert.ok(Math.max(...bads) - Math.min(...bads) <= 1, String(bads));
  assert.equal(
    bads.reduce((a, b) => a + b, 0),
    15,
  );
  assert.throws(() => stratifiedKFold(labels, 1, 1), /--folds/);
});
