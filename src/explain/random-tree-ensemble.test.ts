import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tree } from '../ml/tree/index.js';
import { randomRows, randomTreeEnsemble } from './random-tree-ensemble.js';

/** Depth of every leaf under node n (root depth 0). */
function leafDepths(tree: Tree, n = 0, depth = 0, out: number[] = []): number[] {
  if ((tree.feature[n] as number) < 0) out.push(depth);
  else {
    leafDepths(tree, tree.left[n] as number, depth + 1, out);
    leafDepths(tree, tree.right[n] as number, depth + 1, out);
  }
  return out;
}

test('random ensembles keep their documented shape: features, grid thresholds, covers, values, categories', () => {
  const e = randomTreeEnsemble({ seed: 5, features: 6, categorical: 2, categoryCount: 3, trees: 12, maxDepth: 5, averaging: true });
  assert.deepEqual(
    e.features.map((f) => [f.name, f.type, f.categories ?? null]),
    [
      ['f0', 'number', null],
      ['f1', 'number', null],
      ['f2', 'number', null],
      ['f3', 'number', null],
      ['f4', 'category', ['c0', 'c1', 'c2']],
      ['f5', 'category', ['c0', 'c1', 'c2']],
    ],
  );
  assert.deepEqual([e.trees.length, e.objective, e.averaging, e.inputPrecision], [12, 'binary', true, 'float64']);
  assert.ok(Math.abs(e.baseScore) < 0.5 && e.baseScore !== 0);
  let leaves = 0;
  let shallow = 0;
  let categorySplits = 0;
  for (const tree of e.trees) {
    const depths = leafDepths(tree);
    assert.ok(Math.max(...depths) <= 5 && Math.min(...depths) >= 1, 'the root is never a leaf, no leaf below maxDepth');
    shallow += depths.filter((d) => d < 5).length;
    const n = tree.feature.length;
    assert.equal(depths.length * 2 - 1, n, 'a full binary tree: every node is reached');
    for (const a of [tree.threshold, tree.left, tree.right, tree.defaultLeft, tree.categoryStart, tree.categoryCount, tree.value, tree.cover, tree.gain])
      assert.equal(a.length, n);
    for (let k = 0; k < n; k++) {
      const f = tree.feature[k] as number;
      if (f < 0) {
        leaves++;
        const cover = tree.cover[k] as number;
        assert.ok(Number.isInteger(cover) && cover >= 1 && cover <= 20, `leaf cover ${cover}`);
        assert.deepEqual([tree.left[k], tree.right[k], tree.gain[k], tree.categoryStart[k], tree.categoryCount[k], tree.threshold[k]], [-1, -1, 0, -1, 0, 0]);
        continue;
      }
      assert.ok(f < 6);
      const l = tree.left[k] as number;
      const r = tree.right[k] as number;
      assert.ok(l > k && r > l, 'children after their parent, left first');
      const cover = (tree.cover[l] as number) + (tree.cover[r] as number);
      assert.equal(tree.cover[k], cover);
      const mean = ((tree.cover[l] as number) * (tree.value[l] as number) + (tree.cover[r] as number) * (tree.value[r] as number)) / cover;
      assert.ok(Math.abs((tree.value[k] as number) - mean) < 1e-12);
      assert.ok(tree.defaultLeft[k] === 0 || tree.defaultLeft[k] === 1);
      const gain = tree.gain[k] as number;
      assert.ok(gain >= 0 && gain < 1);
      if (f >= 4) {
        categorySplits++;
        const start = tree.categoryStart[k] as number;
        const count = tree.categoryCount[k] as number;
        assert.ok(start >= 0 && count >= 0 && start + count <= tree.categories.length);
        const list = Array.from(tree.categories.subarray(start, start + count));
        assert.ok(
          list.every((c, i) => c >= 0 && c < 3 && (i === 0 || c > (list[i - 1] as number))),
          `categories ${list}`,
        );
        assert.equal(tree.threshold[k], 0);
      } else {
        const t = tree.threshold[k] as number;
        assert.ok(Number.isInteger(Math.round(t * 10)) && Math.abs(t * 10 - Math.round(t * 10)) < 1e-9 && t >= -1 && t <= 1, `threshold ${t}`);
        assert.deepEqual([tree.categoryStart[k], tree.categoryCount[k]], [-1, 0]);
      }
    }
  }
  assert.ok(leaves > 12 * 4 && shallow > 0 && categorySplits > 0);
  // random, not constant: both missing directions, partial category lists of several sizes, thresholds off 0
  const internal = e.trees.flatMap((t) => Array.from(t.feature, (f, k) => ({ t, f, k })).filter(({ f }) => f >= 0));
  assert.deepEqual(new Set(internal.map(({ t, k }) => t.defaultLeft[k])), new Set([0, 1]));
  const sizes = new Set(internal.filter(({ f }) => f >= 4).map(({ t, k }) => t.categoryCount[k]));
  assert.ok([...sizes].some((c) => (c as number) > 0 && (c as number) < 3) && sizes.size >= 2, `category list sizes ${[...sizes]}`);
  assert.ok(internal.filter(({ f }) => f < 4).some(({ t, k }) => t.threshold[k] !== 0));
  // category lists are laid out one after another, node by node
  const t0 = e.trees.find((t) => Array.from(t.categoryStart).some((s) => s >= 0)) as Tree;
  let next = 0;
  for (let k = 0; k < t0.feature.length; k++) {
    if ((t0.categoryStart[k] as number) < 0) continue;
    assert.equal(t0.categoryStart[k], next);
    next += t0.categoryCount[k] as number;
  }
  assert.equal(next, t0.categories.length);
});

test('random ensembles: defaults, leaf probability 0 gives full trees, 1 gives stumps, the seed decides', () => {
  const full = randomTreeEnsemble({ seed: 1, features: 3, trees: 3, maxDepth: 4, leafProbability: 0 });
  for (const tree of full.trees) assert.deepEqual(leafDepths(tree), Array(16).fill(4));
  assert.ok(full.features.every((f) => f.type === 'number'));
  assert.equal(full.averaging, false);
  const stumps = randomTreeEnsemble({ seed: 1, features: 3, trees: 3, maxDepth: 4, leafProbability: 1 });
  for (const tree of stumps.trees) assert.equal(tree.feature.length, 3);
  // default leaf probability 0.2: between the two (some leaves above maxDepth, over many trees)
  const usual = randomTreeEnsemble({ seed: 1, features: 3, categorical: 3, trees: 20, maxDepth: 4 });
  const depths = usual.trees.flatMap((t) => leafDepths(t));
  assert.ok(depths.some((d) => d < 4) && depths.some((d) => d === 4));
  // default categoryCount 4
  assert.deepEqual(usual.features[0]?.categories, ['c0', 'c1', 'c2', 'c3']);
  const again = randomTreeEnsemble({ seed: 1, features: 3, categorical: 3, trees: 20, maxDepth: 4 });
  assert.deepEqual(again, usual);
  assert.notDeepEqual(randomTreeEnsemble({ seed: 2, features: 3, categorical: 3, trees: 20, maxDepth: 4 }), usual);
});

test('random rows: twentieths in [−1.2, 1.2], category codes 0..levels, the missing share, seeded', () => {
  const e = randomTreeEnsemble({ seed: 3, features: 4, categorical: 1, categoryCount: 2, trees: 1, maxDepth: 2 });
  const x = randomRows(e, 2000, 7);
  assert.equal(x.length, 8000);
  let missing = 0;
  const codes = new Set<number>();
  const grid = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    for (let j = 0; j < 4; j++) {
      const v = x[i * 4 + j] as number;
      if (Number.isNaN(v)) {
        missing++;
        continue;
      }
      if (j === 3) codes.add(v);
      else {
        assert.ok(Math.abs(v * 20 - Math.round(v * 20)) < 1e-9 && v >= -1.2 && v <= 1.2, `value ${v}`);
        grid.add(Math.round(v * 20));
      }
    }
  }
  assert.deepEqual([...codes].sort(), [0, 1, 2], 'levels 0 and 1, and 2 = unseen');
  assert.equal(grid.size, 49, 'every twentieth from −24/20 to 24/20');
  // default share 0.15 of 8000 values: 1200 ± 4 standard deviations (√(8000·0.15·0.85) ≈ 32)
  assert.ok(Math.abs(missing - 1200) < 130, `missing ${missing}`);
  assert.ok(!randomRows(e, 100, 7, 0).some(Number.isNaN));
  assert.ok(randomRows(e, 100, 7, 1).every(Number.isNaN));
  assert.deepEqual(randomRows(e, 50, 7), x.subarray(0, 200));
  assert.notDeepEqual(randomRows(e, 50, 8), x.subarray(0, 200));
});
