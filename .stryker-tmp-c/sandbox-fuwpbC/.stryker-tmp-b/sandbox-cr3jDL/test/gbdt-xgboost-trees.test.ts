// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Frame, numericColumn } from '../src/frame/index.js';
import { trainGbdt } from '../src/ml/gbdt/index.js';
import { predictEnsembleRaw, type Tree } from '../src/ml/tree/index.js';
import { repoPath } from './repo-root.js';

/**
 * Credo's first trees against XGBoost `hist` trees recorded by test/fixtures/xgboost/record_trees.py
 * (fixture trees.json): split by split — feature, threshold bin, gain (loss change), cover (hessian
 * sum) and leaf values (times eta) — for a plain, a regularised (L1, L2, min child weight, row
 * weights) and a monotone-constrained configuration. Exact gradients, no sampling, every integer
 * feature value its own bin on both sides. Tolerances cover XGBoost's float32 gradients and weights.
 */

interface XgbNode {
  readonly feature?: number;
  readonly bin?: number;
  readonly condition?: number;
  readonly gain?: number;
  readonly cover: number;
  readonly leaf?: number;
  readonly left?: XgbNode;
  readonly right?: XgbNode;
}
interface XgbConfig {
  readonly name: string;
  readonly weighted: boolean;
  readonly eta: number;
  readonly lambda: number;
  readonly alpha: number;
  readonly min_child_weight: number;
  readonly max_leaves: number;
  readonly max_depth?: number;
  readonly monotone: readonly number[];
  readonly base_score: number;
  readonly trees: readonly XgbNode[];
  readonly margin_first_rows: readonly number[];
}
interface Fixture {
  readonly features: readonly string[];
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly weight: readonly number[];
  readonly configs: readonly XgbConfig[];
}

const fixture = JSON.parse(readFileSync(repoPath('test', 'fixtures', 'xgboost', 'trees.json'), 'utf8')) as Fixture;

function frameOf(weighted: boolean): Frame {
  const n = fixture.y.length;
  return new Frame([
    ...fixture.features.map((name, k) =>
      numericColumn(
        name,
        Float64Array.from({ length: n }, (_, i) => fixture.x[i]![k]!),
      ),
    ),
    numericColumn('bad', Float64Array.from(fixture.y)),
    numericColumn('w', weighted ? Float64Array.from(fixture.weight) : new Float64Array(n).fill(1)),
  ]);
}

/** Trains Credo with the configuration's XGBoost parameters mapped one to one. */
function trainLike(c: XgbConfig, trees: number) {
  return trainGbdt(
    { frame: frameOf(c.weighted), target: 'bad', weight: 'w', features: fixture.features },
    {
      trees,
      leaves: c.max_leaves,
      maxDepth: c.max_depth ?? 0,
      learningRate: c.eta,
      lambdaL2: c.lambda,
      lambdaL1: c.alpha,
      minChildWeight: c.min_child_weight,
      minDataInLeaf: 1,
      minSplitGain: 0,
      quantizedGradients: false,
      monotone: Object.fromEntries(fixture.features.map((f, k) => [f, c.monotone[k]!])),
      seed: 0,
    },
  );
}

function close(actual: number, expected: number, rel: number, abs: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= abs + rel * Math.abs(expected), `${what}: Credo ${actual}, XGBoost ${expected}`);
}

/**
 * Walks Credo's tree and XGBoost's dump together, asserting every split and leaf. Gains are compared
 * only without L1 (`gains`), where both libraries use the same formula (see the L1 test below).
 */
function compareNode(tree: Tree, n: number, x: XgbNode, path: string, gains: boolean): void {
  close(tree.cover[n]!, x.cover, 2e-6, 1e-6, `${path} cover`);
  if (x.leaf !== undefined) {
    assert.equal(tree.feature[n], -1, `${path}: XGBoost has a leaf, Credo splits on feature ${tree.feature[n]}`);
    close(tree.value[n]!, x.leaf, 1e-5, 1e-7, `${path} leaf value`);
    return;
  }
  assert.equal(tree.feature[n], x.feature, `${path} feature`);
  // Credo's numeric threshold sits midway between integer values: bin b (value b) goes left iff b < threshold.
  assert.equal(Math.ceil(tree.threshold[n]!) - 1, x.bin, `${path} threshold bin (Credo threshold ${tree.threshold[n]})`);
  if (gains) close(tree.gain[n]!, x.gain!, 2e-5, 1e-5, `${path} gain`);
  compareNode(tree, tree.left[n]!, x.left!, `${path}L`, gains);
  compareNode(tree, tree.right[n]!, x.right!, `${path}R`, gains);
}

for (const config of fixture.configs) {
  test(`XGBoost hist reference, ${config.name}: the first three trees agree split by split`, () => {
    const r = trainLike(config, 3);
    close(1 / (1 + Math.exp(-r.ensemble.baseScore)), config.base_score, 1e-7, 1e-9, 'base score');
    assert.equal(r.ensemble.trees.length, 3);
    r.ensemble.trees.forEach((tree, t) => {
      compareNode(tree, 0, config.trees[t]!, `${config.name} tree ${t} root`, config.alpha === 0);
    });
    // The margins after three trees, through Credo's own prediction path.
    const raw = predictEnsembleRaw(r.ensemble, frameOf(config.weighted).slice(0, config.margin_first_rows.length));
    config.margin_first_rows.forEach((m, i) => {
      close(raw[i]!, m, 1e-5, 1e-5, `${config.name} margin of row ${i}`);
    });
  });
}

test('L1 gains: XGBoost reports −(2Gw + (H+λ)w²) with the raw G, Credo (as LightGBM) T(G)²/(H+λ); both checked on the first tree', () => {
  const c = fixture.configs.find((k) => k.name === 'l1')!;
  const tree = trainLike(c, 1).ensemble.trees[0]!;
  // First tree: every margin is the base score, so g = (p − y)·w and h = p(1 − p)·w by hand.
  const p = c.base_score;
  const n = fixture.y.length;
  const g = fixture.y.map((y, i) => (p - y) * fixture.weight[i]!);
  const h = fixture.y.map((_, i) => p * (1 - p) * fixture.weight[i]!);
  const soft = (s: number) => Math.sign(s) * Math.max(Math.abs(s) - c.alpha, 0);
  const xgbTerm = (s: number, hs: number) => {
    const w = -soft(s) / (hs + c.lambda);
    return -(2 * s * w + (hs + c.lambda) * w * w);
  };
  const credoTerm = (s: number, hs: number) => soft(s) ** 2 / (hs + c.lambda);
  let checked = 0;
  const walk = (x: XgbNode, node: number, rows: number[]) => {
    if (x.leaf !== undefined) return;
    const sum = (r: number[], v: number[]) => r.reduce((a, i) => a + v[i]!, 0);
    const left = rows.filter((i) => fixture.x[i]![x.feature!]! <= x.bin!);
    const right = rows.filter((i) => fixture.x[i]![x.feature!]! > x.bin!);
    const gainBy = (term: (s: number, hs: number) => number) =>
      term(sum(left, g), sum(left, h)) + term(sum(right, g), sum(right, h)) - term(sum(rows, g), sum(rows, h));
    close(x.gain!, gainBy(xgbTerm), 2e-5, 1e-5, `XGBoost gain at node ${node}`);
    close(tree.gain[node]!, gainBy(credoTerm), 1e-9, 1e-9, `Credo gain at node ${node}`);
    assert.ok(tree.gain[node]! < x.gain! - 1e-3, 'the L1 penalty lowers the gain');
    checked++;
    walk(x.left!, tree.left[node]!, left);
    walk(x.right!, tree.right[node]!, right);
  };
  walk(
    c.trees[0]!,
    0,
    Array.from({ length: n }, (_, i) => i),
  );
  assert.equal(checked, c.max_leaves - 1);
});

test('XGBoost reference fixture: the regularisation terms are active (the comparisons above can fail)', () => {
  const [plain, regularised, , monotone] = fixture.configs;
  // Min child weight binds: a regularised leaf's cover never falls below it, and the plain trees have smaller leaves.
  const covers = (x: XgbNode): number[] => (x.leaf !== undefined ? [x.cover] : [...covers(x.left!), ...covers(x.right!)]);
  assert.ok(Math.min(...regularised!.trees.flatMap(covers)) >= regularised!.min_child_weight);
  assert.ok(Math.min(...plain!.trees.flatMap(covers)) < regularised!.min_child_weight);
  // The monotone trees differ from what unconstrained training grows on the same weighted data.
  const free = trainLike({ ...monotone!, monotone: [0, 0, 0] }, 1).ensemble.trees[0]!;
  const constrained = trainLike(monotone!, 1).ensemble.trees[0]!;
  assert.notDeepEqual(Array.from(free.value), Array.from(constrained.value));
});
