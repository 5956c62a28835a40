import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../frame/index.js';
import type { LogisticModelBody } from '../ml/linear/index.js';
import type { CredoModel } from '../ml/model.js';
import { predictRaw } from '../ml/predict-model.js';
import { Rng } from '../random/index.js';
import { backgroundSample, defaultShapleyPermutationOptions, shapleyPermutation } from './shapley-permutation.js';

function randomFrame(rows: number, seed: number): Frame {
  const rng = new Rng(seed);
  const a = new Float64Array(rows);
  const b = new Float64Array(rows);
  const c = new Float64Array(rows);
  const d = new Float64Array(rows);
  const region: string[] = [];
  for (let i = 0; i < rows; i++) {
    a[i] = rng.nextNormal();
    b[i] = 2 * rng.nextDouble();
    c[i] = rng.nextNormal() * 0.5 + 1;
    d[i] = rng.nextDouble() < 0.1 ? Number.NaN : rng.nextNormal();
    region.push(['n', 's', 'e'][rng.nextInt(3)] as string);
  }
  return new Frame([numericColumn('a', a), numericColumn('b', b), numericColumn('c', c), numericColumn('d', d), categoryFromLabels('region', region)]);
}

function logistic(frame: Frame, intercept: number, coefficients: Record<string, number>, levels?: Record<string, number>): CredoModel {
  const terms: LogisticModelBody['terms'] = [
    ...Object.entries(coefficients).map(([feature, coefficient]) => ({ feature, type: 'number' as const, coefficient, fill: 0.25 })),
    ...(levels === undefined ? [] : [{ feature: 'region', type: 'category' as const, reference: 'n', levels }]),
  ];
  const names = terms.map((t) => t.feature);
  const body: LogisticModelBody = {
    version: 1,
    intercept,
    terms,
    l1: 0,
    l2: 0,
    design: [],
    standard_errors: [],
    p_values: [],
    vif: [],
    converged: true,
  };
  return { kind: 'logistic', schema: frame.select(names).schema(), target: 'bad', params: {}, metrics: {}, createdAt: '', body };
}

/** An averaged two-member ensemble: logit(mean of two logistic PDs), which has interactions. */
function interactingEnsemble(frame: Frame): CredoModel {
  const m1 = logistic(frame, -0.5, { a: 1.5, b: -1 }, { s: 0.8, e: -0.4 });
  const m2 = logistic(frame, 0.3, { c: 2, d: -1.2, a: -0.7 });
  return {
    kind: 'ensemble',
    schema: frame.select(['a', 'b', 'c', 'd', 'region']).schema(),
    target: 'bad',
    params: {},
    metrics: {},
    createdAt: '',
    body: { version: 1, method: 'average', members: [m1, m2], weights: [0.35, 0.65], intercept: 0, folds: 0 },
  } as CredoModel;
}

/** Exact interventional Shapley values by enumerating all 2^p coalitions (p ≤ 5 here). */
function bruteForceInterventional(model: CredoModel, row: Frame, background: Frame): Float64Array {
  const features = model.schema.columns.map((c) => c.name);
  const p = features.length;
  const b = background.rowCount;
  const v = new Float64Array(1 << p);
  for (let mask = 0; mask < 1 << p; mask++) {
    const columns = features.map((name, j) => {
      const x = row.column(name);
      const z = background.column(name);
      if (x.type === 'number' && z.type === 'number') return numericColumn(name, (mask >> j) & 1 ? new Float64Array(b).fill(x.values[0] as number) : z.values);
      if (x.type === 'category' && z.type === 'category') {
        assert.deepEqual(x.dictionary, z.dictionary);
        return { type: 'category' as const, name, codes: (mask >> j) & 1 ? new Int32Array(b).fill(x.codes[0] as number) : z.codes, dictionary: z.dictionary };
      }
      throw new Error('type mismatch');
    });
    const out = predictRaw(model, new Frame(columns, b));
    v[mask] = out.reduce((s, y) => s + y, 0) / b;
  }
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let mask = 0; mask < 1 << p; mask++) {
      if ((mask >> j) & 1) continue;
      let size = 0;
      for (let k = 0; k < p; k++) size += (mask >> k) & 1;
      const weight = (factorial(size) * factorial(p - size - 1)) / factorial(p);
      phi[j] = (phi[j] as number) + weight * ((v[mask | (1 << j)] as number) - (v[mask] as number));
    }
  }
  return phi;
}

test('additive model: every permutation gives the exact interventional value β_j·(x_j − mean_background x_j)', () => {
  const data = randomFrame(300, 1);
  const model = logistic(data, 0.2, { a: 0.9, b: -1.3, c: 0.4, d: 2.1 }, { s: 0.5, e: -1.25 });
  const rows = data.slice(0, 25);
  const e = shapleyPermutation(model, rows, data, { samples: 6, background: 40, seed: 7 });
  assert.equal(e.method, 'shapley-permutation-interventional');
  const background = backgroundSample(data, 40, 7);
  assert.equal(background.rowCount, 40);
  const p = e.features.length;
  assert.deepEqual(e.features, ['a', 'b', 'c', 'd', 'region']);
  const beta: Record<string, number> = { a: 0.9, b: -1.3, c: 0.4, d: 2.1 };
  const levelOf = (label: string) => ({ n: 0, s: 0.5, e: -1.25 })[label] ?? 0;
  const termMean = (name: string) => {
    let s = 0;
    for (let r = 0; r < 40; r++) {
      if (name === 'region') {
        const col = background.category('region');
        s += levelOf(col.dictionary[col.codes[r] as number] as string);
      } else {
        const v = background.numeric(name).values[r] as number;
        s += (beta[name] as number) * (Number.isNaN(v) ? 0.25 : v);
      }
    }
    return s / 40;
  };
  for (let i = 0; i < rows.rowCount; i++) {
    e.features.forEach((name, j) => {
      let term: number;
      if (name === 'region') {
        const col = rows.category('region');
        term = levelOf(col.dictionary[col.codes[i] as number] as string);
      } else {
        const v = rows.numeric(name).values[i] as number;
        term = (beta[name] as number) * (Number.isNaN(v) ? 0.25 : v);
      }
      const exact = term - termMean(name);
      assert.ok(Math.abs((e.values[i * p + j] as number) - exact) < 1e-9, `row ${i} ${name}: ${e.values[i * p + j]} vs ${exact}`);
      assert.ok((e.standardErrors?.[i * p + j] as number) < 1e-9);
    });
  }
});

test('interacting model: estimate converges to brute-force exact interventional Shapley values (2^5 coalitions)', () => {
  const data = randomFrame(200, 2);
  const model = interactingEnsemble(data);
  const background = backgroundSample(data, 30, 11);
  let maxZ = 0;
  let interaction = 0;
  for (const r of [0, 5, 17]) {
    const row = data.slice(r, r + 1);
    const exact = bruteForceInterventional(model, row, background);
    const e = shapleyPermutation(model, row, data, { samples: 600, background: 30, seed: 11, rowOffset: r });
    for (let j = 0; j < exact.length; j++) {
      const se = e.standardErrors?.[j] as number;
      assert.ok(se > 0 && se < 0.02, `standard error ${se}`);
      const z = Math.abs((e.values[j] as number) - (exact[j] as number)) / se;
      maxZ = Math.max(maxZ, z);
      // a loose absolute bound too, so a broken standard error cannot hide a wrong estimate
      assert.ok(Math.abs((e.values[j] as number) - (exact[j] as number)) < 0.01, `row ${r} feature ${j}: ${e.values[j]} vs ${exact[j]}`);
    }
    interaction = Math.max(interaction, ...Array.from(e.standardErrors ?? [], (s) => s));
  }
  // 15 estimates: all within 4.5 standard errors (fixed seed, so this is deterministic)
  assert.ok(maxZ < 4.5, `max |z| = ${maxZ}`);
  // the model is not additive: the permutations disagree, so the standard errors are positive
  assert.ok(interaction > 1e-4);
});

test('efficiency holds exactly for every row: φ₀ + Σφ = f(x), φ₀ = mean background output', () => {
  const data = randomFrame(150, 3);
  const model = interactingEnsemble(data);
  const e = shapleyPermutation(model, data.slice(0, 60), data, { samples: 8, background: 50, seed: 3, maxBatchRows: 500 });
  const fx = predictRaw(model, data.slice(0, 60));
  const bg = predictRaw(model, backgroundSample(data, 50, 3));
  assert.ok(Math.abs(e.expectedValue - bg.reduce((s, y) => s + y, 0) / 50) < 1e-12);
  const p = e.features.length;
  for (let i = 0; i < 60; i++) {
    let sum = e.expectedValue;
    for (let j = 0; j < p; j++) sum += e.values[i * p + j] as number;
    assert.ok(Math.abs(sum - (fx[i] as number)) < 1e-9, `row ${i}: ${sum} vs ${fx[i]}`);
  }
});

test('same seed → identical values; batching and the row offset do not change them; another seed does', () => {
  const data = randomFrame(120, 4);
  const model = interactingEnsemble(data);
  const a = shapleyPermutation(model, data, data, { samples: 10, background: 20, seed: 9 });
  const b = shapleyPermutation(model, data, data, { samples: 10, background: 20, seed: 9, maxBatchRows: 100 });
  assert.deepEqual(b.values, a.values);
  assert.deepEqual(b.standardErrors, a.standardErrors);
  // two pairs per batch (400 rows / (2 · 4 · 20)) over 5 pairs: the last batch holds one pair
  const two = shapleyPermutation(model, data, data, { samples: 10, background: 20, seed: 9, maxBatchRows: 400 });
  assert.deepEqual(two.values, a.values);
  assert.deepEqual(two.standardErrors, a.standardErrors);
  const one = shapleyPermutation(model, data.slice(7, 8), data, { samples: 10, background: 20, seed: 9, rowOffset: 7 });
  assert.deepEqual(one.values, a.values.slice(7 * 5, 8 * 5));
  assert.deepEqual(one.standardErrors, a.standardErrors?.slice(7 * 5, 8 * 5));
  const c = shapleyPermutation(model, data, data, { samples: 10, background: 20, seed: 10 });
  assert.notDeepEqual(c.values, a.values);
});

test('background: the whole reference when smaller; categories unseen by the explained rows are remapped', () => {
  const data = randomFrame(30, 5);
  assert.equal(backgroundSample(data, 100, 1), data);
  const model = logistic(data, 0, { a: 1 }, { s: 2, e: -1 });
  // explained rows whose region dictionary lacks some labels of the background
  const rows = new Frame([numericColumn('a', Float64Array.of(1, 2)), categoryFromLabels('region', ['e', 'e'])]);
  const e = shapleyPermutation(model, rows, data, { samples: 4, seed: 1 });
  const levels = data.category('region');
  let mean = 0;
  for (const code of levels.codes) mean += ({ n: 0, s: 2, e: -1 } as Record<string, number>)[levels.dictionary[code] as string] as number;
  mean /= 30;
  assert.ok(Math.abs((e.values[1] as number) - (-1 - mean)) < 1e-12);
});

test('bad options and an empty background are refused naming the flag; so is a background of the wrong column types', () => {
  const data = randomFrame(20, 6);
  const model = logistic(data, 0, { a: 1, b: 1 });
  const flagError = (flag: string, problem: string, value: unknown) => (e: unknown) =>
    e instanceof CredoError &&
    e.code === 'E_INPUT_FLAG_INVALID' &&
    JSON.stringify(e.details) === JSON.stringify({ flag, problem, value }) &&
    e.message === `flag --${flag}: ${problem} (got "${value}")`;
  assert.throws(() => shapleyPermutation(model, data, data, { samples: 0 }), flagError('samples', 'must be a positive integer', 0));
  assert.throws(() => shapleyPermutation(model, data, data, { samples: 2.5 }), flagError('samples', 'must be a positive integer', 2.5));
  assert.throws(() => shapleyPermutation(model, data, data, { background: 0 }), flagError('background', 'must be a positive integer', 0));
  assert.throws(() => shapleyPermutation(model, data, data, { background: 1.5 }), flagError('background', 'must be a positive integer', 1.5));
  assert.throws(() => shapleyPermutation(model, data, data.slice(0, 0)), flagError('background', 'the background data has no rows', 0));
  // the smallest valid values are accepted
  assert.equal(shapleyPermutation(model, data.slice(0, 1), data, { samples: 1, background: 1 }).values.length, 2);
  // a background whose column types differ from the model's is refused by the model's schema check
  const asCategory = new Frame([categoryFromLabels('a', ['x']), numericColumn('b', Float64Array.of(1))]);
  assert.throws(() => shapleyPermutation(model, data.slice(0, 1), asCategory), /column "a" must be numeric, found categorical/);
});

test('one feature: φ = f(x) − mean background output exactly; no rows: empty values', () => {
  const data = randomFrame(40, 7);
  const model = logistic(data, 0.3, { b: -2 });
  const e = shapleyPermutation(model, data.slice(0, 5), data, { background: 10, seed: 2 });
  const background = backgroundSample(data, 10, 2);
  let mean = 0;
  for (let r = 0; r < 10; r++) mean += 0.3 - 2 * (background.numeric('b').values[r] as number);
  mean /= 10;
  assert.ok(Math.abs(e.expectedValue - mean) < 1e-12);
  for (let i = 0; i < 5; i++) {
    const exact = 0.3 - 2 * (data.numeric('b').values[i] as number) - mean;
    assert.ok(Math.abs((e.values[i] as number) - exact) < 1e-12, `row ${i}`);
  }
  assert.deepEqual(Array.from(e.standardErrors ?? []), [0, 0, 0, 0, 0]);
  const none = shapleyPermutation(logistic(data, 0.3, { a: 1, b: -2 }), data.slice(0, 0), data, { background: 10 });
  assert.deepEqual([none.rowCount, none.values.length, none.standardErrors?.length, none.features], [0, 0, 0, ['a', 'b']]);
});

function meanOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

test('the background draw: `size` distinct rows of the reference, seeded', () => {
  const data = randomFrame(50, 8);
  const a = data.numeric('a').values;
  const sample = backgroundSample(data, 12, 4);
  assert.equal(sample.rowCount, 12);
  const picked = Array.from(sample.numeric('a').values, (v) => Array.prototype.indexOf.call(a, v) as number);
  assert.ok(picked.every((k) => k >= 0));
  assert.equal(new Set(picked).size, 12, 'without replacement');
  assert.deepEqual(Array.from(backgroundSample(data, 12, 4).numeric('a').values), Array.from(sample.numeric('a').values));
  assert.notDeepEqual(Array.from(backgroundSample(data, 12, 5).numeric('a').values), Array.from(sample.numeric('a').values));
  // the whole reference of 50 rows when asked for 50, a proper subset when asked for 49
  assert.equal(backgroundSample(data, 50, 4), data);
  const most = backgroundSample(data, 49, 4);
  assert.equal(new Set(Array.from(most.numeric('a').values)).size, 49);
  assert.deepEqual(defaultShapleyPermutationOptions, { samples: 32, background: 100, seed: 0, rowOffset: 0, maxBatchRows: 131072 });
});

test('missing categories of the background stay missing (they add the missing coefficient, here 0)', () => {
  const model = logistic(randomFrame(10, 9), 0, { a: 1 }, { s: 2, e: -1 });
  const background = new Frame([numericColumn('a', Float64Array.of(0, 0, 0, 0)), categoryFromLabels('region', ['e', '', '', 's'])]);
  const rows = new Frame([numericColumn('a', Float64Array.of(1)), categoryFromLabels('region', ['s'])]);
  const e = shapleyPermutation(model, rows, background, { samples: 4, seed: 1 });
  // additive: φ_region = 2 − mean(−1, 0, 0, 2) = 1.75, φ_a = 1 − 0
  assert.ok(Math.abs((e.values[1] as number) - 1.75) < 1e-12, `region ${e.values[1]}`);
  assert.ok(Math.abs((e.values[0] as number) - 1) < 1e-12);
});

test('standard errors match the spread of the estimates over seeds (interacting model)', () => {
  const data = randomFrame(80, 10);
  const model = interactingEnsemble(data);
  const row = data.slice(3, 4);
  const seeds = 60;
  const p = 5;
  const estimates: number[][] = Array.from({ length: p }, () => []);
  const meanSe = new Float64Array(p);
  for (let seed = 0; seed < seeds; seed++) {
    // same background for every seed (the whole 80 rows), only the permutations change
    const e = shapleyPermutation(model, row, data, { samples: 6, background: 80, seed });
    for (let j = 0; j < p; j++) {
      estimates[j]?.push(e.values[j] as number);
      meanSe[j] = (meanSe[j] as number) + (e.standardErrors?.[j] as number) / seeds;
    }
  }
  for (let j = 0; j < p; j++) {
    const xs = estimates[j] as number[];
    const m = meanOf(xs);
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (seeds - 1));
    // 6 samples = 3 antithetic pairs: the per-run standard error estimates sd, its mean a little below it
    // (E[s] = c4·σ ≈ 0.89σ for 3 pairs); with n + 1 for n − 1 in the variance it would be ≈ 0.63σ
    assert.ok((meanSe[j] as number) > 0.8 * sd && (meanSe[j] as number) < 1.2 * sd, `feature ${j}: mean SE ${meanSe[j]} vs spread ${sd}`);
  }
});

test('samples round up to whole antithetic pairs, at least two pairs', () => {
  const data = randomFrame(40, 11);
  const model = interactingEnsemble(data);
  const run = (samples: number) => shapleyPermutation(model, data.slice(0, 3), data, { samples, background: 10, seed: 5 }).values;
  // 1–4 samples: 2 pairs; 5 and 6: 3 pairs; 7: 4 pairs
  assert.deepEqual(run(1), run(4));
  assert.deepEqual(run(3), run(4));
  assert.deepEqual(run(5), run(6));
  assert.notDeepEqual(run(6), run(4));
  assert.notDeepEqual(run(7), run(6));
});
