// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame, numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';
import { binomialUpperTail, borutaSelect } from './boruta.js';
import { pearson } from './filter-features.js';

test('binomial tails of Binomial(n, ½), hand-worked', () => {
  // P(X ≥ 17), n = 20: (C(20,17) + C(20,18) + C(20,19) + C(20,20)) / 2^20 = (1140 + 190 + 20 + 1) / 1048576.
  assert.ok(Math.abs(binomialUpperTail(20, 17) - 1351 / 1048576) < 1e-15);
  assert.ok(Math.abs(binomialUpperTail(4, 2) - 11 / 16) < 1e-15);
  assert.equal(binomialUpperTail(5, 0), 1);
  assert.equal(binomialUpperTail(5, 6), 0);
  // Complement by symmetry: P(X ≥ k) + P(X ≥ n − k + 1) = 1, also where 2^−n underflows.
  assert.ok(Math.abs(binomialUpperTail(3000, 1520) + binomialUpperTail(3000, 1481) - 1) < 1e-9);
});

function data(seed: number, n = 800) {
  const rng = new Rng(seed);
  const signal = Float64Array.from({ length: n }, () => rng.nextNormal());
  const weak = Float64Array.from({ length: n }, () => rng.nextNormal());
  const noise = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => rng.nextNormal()));
  const y = Float64Array.from(signal, (s, i) => (rng.nextDouble() < 1 / (1 + Math.exp(-(2 * s + 0.6 * (weak[i] as number)))) ? 1 : 0));
  const frame = new Frame([numericColumn('signal', signal), numericColumn('weak', weak), ...noise.map((v, k) => numericColumn(`noise${k}`, v))]);
  return { frame, y };
}

test('Boruta with |correlation| importance: signals confirmed, noise never confirmed; verdicts follow the stated binomial test; seeded', async () => {
  const { frame, y } = data(7);
  const features = frame.names;
  const importance = (f: Frame, names: readonly string[]) => Float64Array.from(names, (n) => Math.abs(pearson(f.numeric(n).values, y)));
  const r = await borutaSelect(frame, features, importance, { rounds: 20, seed: 3 });
  const by = new Map(r.features.map((x) => [x.feature, x]));
  assert.equal(by.get('signal')?.hits, 20);
  assert.equal(by.get('signal')?.decision, 'confirmed');
  assert.equal(by.get('weak')?.decision, 'confirmed');
  assert.equal(r.level, 0.05 / 6);
  for (const x of r.features) {
    assert.equal(x.pBetter, binomialUpperTail(20, x.hits));
    const expected = x.pBetter < 0.05 / 6 ? 'confirmed' : binomialUpperTail(20, 20 - x.hits) < 0.05 / 6 ? 'rejected' : 'tentative';
    assert.equal(x.decision, expected);
    if (x.feature.startsWith('noise')) assert.notEqual(x.decision, 'confirmed');
  }
  // A noise feature beats the best of six shadows about 1 time in 7: most noise features are rejected.
  assert.ok(r.features.filter((x) => x.decision === 'rejected').length >= 3);
  // Hits recounted by hand from the recorded best shadows: the importance of originals does not change between rounds.
  const signalImportance = importance(frame, ['signal'])[0] as number;
  assert.equal(r.shadowMax.filter((m) => signalImportance > m).length, 20);
  const again = await borutaSelect(frame, features, importance, { rounds: 20, seed: 3 });
  assert.deepEqual(again, r);
  const other = await borutaSelect(frame, features, importance, { rounds: 20, seed: 4 });
  assert.notDeepEqual(other.shadowMax, r.shadowMax);
});
