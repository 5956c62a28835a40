// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closeDuckDb } from '../../io/index.js';
import { Rng } from '../../random/index.js';
import { runCliCaptured } from '../run-cli.js';
import { featuresSelectCommand } from './features-select.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-select-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDuckDb();
});

test('credo features select: reasons for every drop, the stepwise stage', async () => {
  const rng = new Rng(9);
  const lines = ['strong,strong_copy,medium,noise,mostly_missing,bad'];
  for (let i = 0; i < 2000; i++) {
    const s = rng.nextNormal();
    const m = rng.nextNormal();
    const bad = rng.nextDouble() < 1 / (1 + Math.exp(-(-1 + 1.3 * s + 0.6 * m))) ? 1 : 0;
    lines.push([s.toFixed(3), (s + 0.01 * rng.nextNormal()).toFixed(3), m.toFixed(3), rng.nextNormal().toFixed(3), i % 50 === 0 ? '1' : '', bad].join(','));
  }
  writeFileSync(join(dir, 'd.csv'), `${lines.join('\n')}\n`);
  const { code, out, err } = await runCliCaptured(
    [featuresSelectCommand],
    ['features', 'select', '--data', 'd.csv', '--target', 'bad', '--stepwise', 'forward', '--criterion', 'bic', '--json'],
    dir,
  );
  assert.equal(code, 0, err);
  const r = JSON.parse(out);
  const kept = r.kept.map((k: { feature: string }) => k.feature);
  // strong and its near copy: whichever has the higher IV stays, the other goes for correlation.
  assert.equal(kept.length, 2);
  assert.ok(kept.includes('medium'));
  const twin = kept.includes('strong') ? 'strong_copy' : 'strong';
  const rule = (f: string) => r.dropped.find((d: { feature: string }) => d.feature === f)?.rule;
  assert.equal(rule(twin), 'correlation');
  assert.equal(rule('mostly_missing'), 'missing');
  assert.ok(['iv', 'stepwise'].includes(rule('noise')));
});

const tuning = ['--repeats', '3', '--rounds', '6', '--trees', '10', '--max-rows', '1200'];
const methodArgs = ['--method', 'iv,ig,rfe,stepwise,permutation,boruta', ...tuning];

test('credo features select --method …: one side-by-side table, final choice with reasons, fold stability, recovery; seeded', async () => {
  const args = ['features', 'select', '--data', 'd.csv', '--target', 'bad', ...methodArgs, '--folds', '3', '--causal', 'strong,medium', '--json'];
  const { code, out, err } = await runCliCaptured([featuresSelectCommand], args, dir);
  assert.equal(code, 0, err);
  assert.match(err, /features select: fold 3\/3: boruta/);
  const r = JSON.parse(out);
  // The plain command's keys still describe the final choice.
  for (const key of ['data', 'target', 'rows', 'excluded_rows', 'transform', 'kept', 'dropped', 'stepwise_steps', 'rfe_eliminated']) assert.ok(key in r, key);
  assert.equal(r.table.length, 5);
  const row = (f: string) => r.table.find((t: { feature: string }) => t.feature === f);
  for (const t of r.table) {
    assert.deepEqual(Object.keys(t.methods), ['iv', 'ig', 'rfe', 'stepwise', 'permutation', 'boruta']);
    assert.equal(typeof t.reason, 'string');
    // The vote: kept ⇔ no filter dropped it, at least 3 of 6 methods chose it, and it was chosen in ≥ 50% of folds.
    const votes = Object.values(t.methods).filter((m) => (m as { chosen: boolean }).chosen).length;
    if (t.kept) assert.ok(votes >= 3 && t.fold_frequency >= 0.5, t.feature);
    if (t.rule === 'methods') assert.ok(votes < 3);
  }
  assert.equal(row('medium').kept, true);
  assert.equal(row('noise').kept, false);
  assert.equal(row('mostly_missing').rule, 'missing');
  // IV in the table is the IV of the plain command; IG ranks the strong pair first.
  assert.ok(row('strong').methods.ig.rank <= 2 && row('strong_copy').methods.ig.rank <= 2);
  assert.equal(row('strong').methods.permutation.chosen || row('strong_copy').methods.permutation.chosen, true);
  // Stability recomputed by hand from the recorded fold sets.
  for (const [method, s] of Object.entries(r.stability) as [string, { jaccard: number; frequency: Record<string, number>; fold_sets: string[][] }][]) {
    assert.equal(s.fold_sets.length, 3, method);
    const sets = s.fold_sets.map((x) => new Set(x));
    let total = 0;
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const a = sets[i] as Set<string>;
      const b = sets[j] as Set<string>;
      const both = [...a].filter((x) => b.has(x)).length;
      const union = a.size + b.size - both;
      total += union === 0 ? 1 : both / union;
    }
    assert.ok(Math.abs(s.jaccard - total / 3) < 1e-6, method);
    for (const f of ['strong', 'medium', 'noise']) assert.ok(Math.abs((s.frequency[f] as number) - sets.filter((x) => x.has(f)).length / 3) < 1e-6);
  }
  // Boruta's non-survivors are exactly the features it did not confirm.
  assert.deepEqual(
    r.boruta_not_surviving.map((x: { feature: string }) => x.feature),
    r.table.filter((t: { boruta_decision: string }) => t.boruta_decision !== 'confirmed').map((t: { feature: string }) => t.feature),
  );
  assert.ok(r.boruta_not_surviving.some((x: { feature: string }) => x.feature === 'noise'));
  // Recovery counts the causal features each method chose.
  for (const [method, x] of Object.entries(r.recovery.methods) as [string, { found: number; missed: string[] }][]) {
    const chosen =
      method === 'final'
        ? r.kept.map((k: { feature: string }) => k.feature)
        : r.table.filter((t: { methods: Record<string, { chosen: boolean }> }) => t.methods[method]?.chosen).map((t: { feature: string }) => t.feature);
    assert.equal(x.found, ['strong', 'medium'].filter((f) => chosen.includes(f)).length, method);
    assert.equal(x.found + x.missed.length, 2);
  }
});

test('credo features select --min-frequency 1 keeps only features chosen in every fold; seeded; bad --method or --folds exit 2', async () => {
  const base = ['features', 'select', '--data', 'd.csv', '--target', 'bad', '--method', 'iv,ig,stepwise', '--folds', '4', '--json'];
  const loose = JSON.parse((await runCliCaptured([featuresSelectCommand], [...base, '--min-frequency', '0'], dir)).out);
  const strict = JSON.parse((await runCliCaptured([featuresSelectCommand], [...base, '--min-frequency', '1'], dir)).out);
  for (const t of strict.table) if (t.kept) assert.equal(t.fold_frequency, 1);
  for (const t of loose.table) {
    const s = strict.table.find((x: { feature: string }) => x.feature === t.feature);
    assert.equal(s.kept, t.kept && t.fold_frequency === 1, t.feature);
    if (t.kept && t.fold_frequency < 1) assert.equal(s.rule, 'stability');
  }
  // The random methods repeat exactly for a seed, and a different seed draws other permutations and shadows.
  const seeded = ['features', 'select', '--data', 'd.csv', '--target', 'bad', ...tuning, '--method', 'permutation,boruta', '--json'];
  const first = await runCliCaptured([featuresSelectCommand], seeded, dir);
  assert.equal((await runCliCaptured([featuresSelectCommand], seeded, dir)).out, first.out);
  assert.notEqual((await runCliCaptured([featuresSelectCommand], [...seeded, '--seed', '1'], dir)).out, first.out);
  const bad = await runCliCaptured([featuresSelectCommand], ['features', 'select', '--data', 'd.csv', '--target', 'bad', '--method', 'iv,lasso'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /method/);
  const oneFold = await runCliCaptured(
    [featuresSelectCommand],
    ['features', 'select', '--data', 'd.csv', '--target', 'bad', '--method', 'iv', '--folds', '1'],
    dir,
  );
  assert.equal(oneFold.code, 2);
  assert.match(oneFold.err, /--folds/);
  assert.doesNotMatch(oneFold.err, /features select: all rows/);
  const noMethod = await runCliCaptured([featuresSelectCommand], ['features', 'select', '--data', 'd.csv', '--target', 'bad', '--folds', '5'], dir);
  assert.equal(noMethod.code, 2);
  assert.match(noMethod.err, /needs --method/);
});
