// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { trainLogistic } from '../linear/index.js';
import { filterFeatures } from './filter-features.js';
import { bestRfeSize, recursiveElimination } from './rfe.js';
import { stepwiseSelect } from './stepwise.js';

function data(seed: number, n = 3000) {
  const rng = new Rng(seed);
  const cols = new Map<string, Float64Array>();
  for (const name of ['strong', 'medium', 'noise1', 'noise2']) cols.set(name, new Float64Array(n));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const c of cols.values()) c[i] = rng.nextNormal();
    const logit = -1 + 1.2 * (cols.get('strong')?.[i] as number) + 0.5 * (cols.get('medium')?.[i] as number);
    y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { cols, y };
}

test('filters drop by missing share, IV, correlation (keeping the higher IV) and VIF, each with its reason', () => {
  const rng = new Rng(1);
  const n = 500;
  const a = Float64Array.from({ length: n }, () => rng.nextNormal());
  const b = Float64Array.from({ length: n }, () => rng.nextNormal());
  const c = Float64Array.from({ length: n }, () => rng.nextNormal());
  const aCopy = Float64Array.from(a, (v) => v + 0.01 * rng.nextNormal());
  const sum = Float64Array.from(a, (v, i) => v + (b[i] as number) + (c[i] as number) + 0.05 * rng.nextNormal());
  const facts = [
    { name: 'a', missingShare: 0, iv: 0.3, values: a },
    { name: 'a_copy', missingShare: 0, iv: 0.25, values: aCopy },
    { name: 'b', missingShare: 0, iv: 0.2, values: b },
    { name: 'c', missingShare: 0, iv: 0.1, values: c },
    { name: 'sum', missingShare: 0, iv: 0.05, values: sum },
    { name: 'sparse', missingShare: 0.95, iv: 0.4, values: b.map((v) => v * 2 + 1) },
    { name: 'weak', missingShare: 0, iv: 0.01, ivNote: 'one bin: no split keeps every bin ≥ 5.0% of rows (minimum bin share)', values: c.map((v) => -v) },
    { name: 'flat', missingShare: 0, iv: 0, values: new Float64Array(n).fill(3) },
  ];
  const r = filterFeatures(facts, { maxMissingShare: 0.9, minIv: 0.02, maxCorrelation: 0.9, maxVif: 10 });
  assert.deepEqual(r.kept, ['a', 'b', 'c']);
  assert.deepEqual(
    r.dropped.map((d) => [d.feature, d.rule]),
    [
      ['flat', 'constant'],
      ['sparse', 'missing'],
      ['weak', 'iv'],
      ['a_copy', 'correlation'],
      ['sum', 'vif'],
    ],
  );
  assert.match(r.dropped[3]?.reason as string, /with "a"/);
  assert.equal(r.dropped[2]?.reason, 'IV 0.0100 below 0.02 (one bin: no split keeps every bin ≥ 5.0% of rows (minimum bin share))');
});

test('stepwise AIC (both directions) finds the best subset of an exhaustive search; forward order follows strength', () => {
  const { cols, y } = data(2);
  const names = [...cols.keys()];
  let best = { aic: Number.POSITIVE_INFINITY, set: [] as string[] };
  for (let mask = 0; mask < 1 << names.length; mask++) {
    const set = names.filter((_, j) => mask & (1 << j));
    const aic = trainLogistic(
      set.map((s) => cols.get(s) as Float64Array),
      y,
    ).aic;
    if (aic < best.aic) best = { aic, set };
  }
  const both = stepwiseSelect(cols, y, { direction: 'both', criterion: 'aic' });
  assert.deepEqual([...both.selected].sort(), [...best.set].sort());
  assert.ok(Math.abs(both.value - best.aic) < 1e-9);
  const forward = stepwiseSelect(cols, y, { direction: 'forward', criterion: 'bic' });
  assert.deepEqual(
    forward.steps.slice(0, 2).map((s) => s.feature),
    ['strong', 'medium'],
  );
  for (let k = 1; k < forward.steps.length; k++) assert.ok((forward.steps[k]?.value as number) < (forward.steps[k - 1]?.value as number));
  const backward = stepwiseSelect(cols, y, { direction: 'backward', criterion: 'bic' });
  assert.deepEqual([...backward.selected].sort(), ['medium', 'strong']);
  const auc = stepwiseSelect(cols, y, { direction: 'forward', criterion: 'auc', minImprovement: 0.002 });
  assert.equal(auc.steps[0]?.feature, 'strong');
  assert.ok(auc.value > 0.7);
});

test('recursive elimination drops noise first, the strongest survives', () => {
  const { cols, y } = data(3);
  const r = recursiveElimination(cols, y, 1);
  assert.deepEqual(r.selected, ['strong']);
  assert.deepEqual(
    r.eliminated.slice(2).map((e) => e.feature),
    ['medium'],
  );
  assert.deepEqual(
    r.eliminated
      .slice(0, 2)
      .map((e) => e.feature)
      .sort(),
    ['noise1', 'noise2'],
  );
});

test('the RFE path records each model’s AIC/BIC (equal to refitting that subset); bestRfeSize takes the smallest', () => {
  const { cols, y } = data(4, 1500);
  const r = recursiveElimination(cols, y, 1);
  assert.deepEqual(
    r.path.map((s) => s.features),
    [4, 3, 2, 1],
  );
  let remaining = [...cols.keys()];
  for (const [k, step] of r.path.entries()) {
    const fit = trainLogistic(
      remaining.map((n) => cols.get(n) as Float64Array),
      y,
      { l2: 0, maxIterations: 50 },
    );
    assert.ok(Math.abs(fit.aic - step.aic) < 1e-9 && Math.abs(fit.bic - step.bic) < 1e-9);
    remaining = remaining.filter((n) => n !== r.eliminated[k]?.feature);
  }
  const best = r.path.reduce((a, b) => (b.aic < a.aic ? b : a));
  assert.equal(bestRfeSize(r.path, 'aic'), best.features);
  // The two real effects survive to the BIC-best size; noise does not pay its ln(n) penalty.
  assert.equal(bestRfeSize(r.path, 'bic'), 2);
  assert.equal(bestRfeSize([], 'aic'), 0);
});
