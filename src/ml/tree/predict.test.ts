import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';
import { featureMatrix } from './feature-matrix.js';
import { predictEnsembleRange, predictEnsembleRaw } from './predict.js';
import { leafFor, type Tree, type TreeEnsemble } from './tree.js';

/** A random complete tree of the given depth over `features` (categorical ones get category lists). */
function randomTree(rng: Rng, depth: number, categorical: boolean[], zero: boolean): Tree {
  const size = 2 ** (depth + 1) - 1;
  const t = {
    feature: new Int32Array(size).fill(-1),
    threshold: new Float64Array(size),
    left: new Int32Array(size).fill(-1),
    right: new Int32Array(size).fill(-1),
    defaultLeft: new Uint8Array(size),
    categoryStart: new Int32Array(size).fill(-1),
    categoryCount: new Int32Array(size),
    value: new Float64Array(size),
    cover: new Float64Array(size).fill(1),
    gain: new Float64Array(size),
    missingZero: new Uint8Array(size),
  };
  const cats: number[] = [];
  for (let n = 0; n < size; n++) {
    if (2 * n + 2 >= size) {
      t.value[n] = rng.nextNormal();
      continue;
    }
    const f = rng.nextInt(categorical.length);
    t.feature[n] = f;
    t.left[n] = 2 * n + 1;
    t.right[n] = 2 * n + 2;
    t.defaultLeft[n] = rng.nextInt(2);
    if (categorical[f]) {
      t.categoryStart[n] = cats.length;
      for (let c = 0; c < 5; c++) if (rng.nextDouble() < 0.4) cats.push(c);
      t.categoryCount[n] = cats.length - t.categoryStart[n]!;
    } else {
      t.threshold[n] = rng.nextNormal();
      if (zero) t.missingZero[n] = rng.nextInt(2);
    }
  }
  const { missingZero, ...rest } = t;
  return { ...rest, categories: Int32Array.from(cats), ...(zero ? { missingZero } : {}) };
}

for (const [label, categorical, zero] of [
  ['numeric (row-major fast path)', [false, false, false], false],
  ['with categorical splits', [false, true, false], false],
  ['with zero-as-missing', [false, false, false], true],
] as const) {
  test(`predictEnsembleRaw agrees with the reference routing (goesLeft): ${label}`, () => {
    const rng = new Rng(42);
    const n = 3000;
    const columns = categorical.map((isCat, f) => {
      if (isCat)
        return categoryFromLabels(
          `f${f}`,
          Array.from({ length: n }, () => (rng.nextDouble() < 0.1 ? '' : `c${rng.nextInt(6)}`)),
        );
      return numericColumn(
        `f${f}`,
        Float64Array.from({ length: n }, () => {
          const u = rng.nextDouble();
          return u < 0.1 ? Number.NaN : u < 0.2 ? 0 : rng.nextNormal();
        }),
      );
    });
    const frame = new Frame(columns);
    const features = categorical.map((isCat, f) =>
      isCat ? { name: `f${f}`, type: 'category' as const, categories: ['c0', 'c1', 'c2', 'c3', 'c4'] } : { name: `f${f}`, type: 'number' as const },
    );
    const ensemble: TreeEnsemble = {
      trees: Array.from({ length: 7 }, () => randomTree(rng, 4, [...categorical], zero)),
      features,
      baseScore: 0.25,
      objective: 'binary',
      averaging: false,
      inputPrecision: 'float64',
    };
    const fast = predictEnsembleRaw(ensemble, frame);
    for (let i = 0; i < n; i++) {
      let expected = 0.25;
      for (const tree of ensemble.trees) {
        const leaf = leafFor(tree, (f) => {
          const c = columns[f]!;
          if (c.type === 'number') return c.values[i]!;
          const code = c.codes[i]!;
          // Training dictionary c0..c4; "c5" was never seen: code 5 lists nowhere, so it goes right.
          return code < 0 ? Number.NaN : Number(c.dictionary[code]!.slice(1));
        });
        expected += tree.value[leaf]!;
      }
      assert.ok(Math.abs(fast[i]! - expected) < 1e-12, `row ${i}: ${fast[i]} vs ${expected}`);
    }
    // one row at a time (the flat layout a decision walks) and in pairs: bit for bit the batch's margins
    for (const averaging of [false, true]) {
      const e = { ...ensemble, averaging };
      const batch = predictEnsembleRaw(e, frame);
      const m = featureMatrix(e.features, frame, e.inputPrecision);
      const single = new Float64Array(n);
      const pairs = new Float64Array(n);
      for (let i = 0; i < n; i++) predictEnsembleRange(e, m, i, i + 1, single);
      for (let i = 0; i < n; i += 2) predictEnsembleRange(e, m, i, i + 2, pairs);
      for (let i = 0; i < n; i++) {
        assert.ok(Object.is(single[i], batch[i]), `row ${i} alone, averaging ${averaging}: ${single[i]} vs ${batch[i]}`);
        assert.ok(Object.is(pairs[i], batch[i]), `row ${i} in a pair, averaging ${averaging}: ${pairs[i]} vs ${batch[i]}`);
      }
    }
  });
}

test('averaging ensembles return the mean tree output plus the base score', () => {
  const leaf = (v: number): Tree => ({
    feature: Int32Array.of(-1),
    threshold: new Float64Array(1),
    left: Int32Array.of(-1),
    right: Int32Array.of(-1),
    defaultLeft: new Uint8Array(1),
    categoryStart: Int32Array.of(-1),
    categoryCount: new Int32Array(1),
    categories: new Int32Array(0),
    value: Float64Array.of(v),
    cover: Float64Array.of(1),
    gain: new Float64Array(1),
  });
  const ensemble: TreeEnsemble = {
    trees: [leaf(1), leaf(3)],
    features: [],
    baseScore: 0.5,
    objective: 'regression',
    averaging: true,
    inputPrecision: 'float64',
  };
  assert.deepEqual(Array.from(predictEnsembleRaw(ensemble, { rowCount: 2, columns: [] })), [2.5, 2.5]);
});
