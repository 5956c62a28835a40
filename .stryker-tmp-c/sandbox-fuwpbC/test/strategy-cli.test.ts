// @ts-nocheck
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { exampleStrategy, strategyFixtures } from './strategy-paths.js';

const fixtures = strategyFixtures;

async function credo(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCliCaptured(commands, argv, fixtures);
}

const near = (x: unknown, y: number, what: string) => assert.ok(typeof x === 'number' && Math.abs(x - y) < 1e-12, `${what}: ${String(x)} vs ${y}`);

test('credo rules lift --json prints the hand-computed table', async () => {
  const r = await credo([
    'rules',
    'lift',
    '--data',
    'lift-small.csv',
    '--rules',
    'lift-small.yaml',
    '--by',
    'seg',
    '--amount',
    'amt',
    '--outcome',
    'fpd=over/due',
    '--order',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.deepEqual(Object.keys(json.segments), ['ALL', 'a', 'b']);
  const [baseline, r1, r2] = json.segments.ALL;
  assert.deepEqual([baseline.rule, baseline.touched, r1.rule, r1.touched, r2.rule, r2.touched], ['baseline', 10, 'r1', 4, 'r2', 3]);
  near(r1.touched_share, 0.4, 'share');
  near(r1.touched_amount, 800, 'amount');
  near(r1.hit_rates.bad, 2 / 3, 'r1 bad');
  near(r1.hit_rates.fpd, 55 / 80, 'r1 fpd');
  near(r1.remaining_rates.fpd, 45 / 220, 'r1 remaining fpd');
  near(r1.lift, 4 / 3, 'r1 lift');
  // r1 touches 4 rows, one of them (x 2, declined) without an outcome: its bad rate rests on 3 rows.
  assert.deepEqual(r1.hit_denominators, { bad: 3, bad_amount: 500, fpd: 80 });
  assert.deepEqual(baseline.hit_denominators, { bad: 8, bad_amount: 2200, fpd: 300 });
  near(json.segments.b[2].hit_rates.fpd, 45 / 70, 'b r2 fpd');
  assert.deepEqual(
    json.ordering.map((s: { rule: string }) => s.rule),
    ['r2', 'r1'],
  );
  assert.equal(json.primary, 'bad');
  const human = await credo(['rules', 'lift', '--data', 'lift-small.csv', '--rules', 'lift-small.yaml']);
  assert.equal(human.code, 0, human.err);
  assert.match(human.out, /Sequential lift — ALL \(strategy lift-small\)/);
  assert.match(human.out, /r1\s+4\s+40\.00%\s+3\s+66\.67%\*/);
  assert.match(human.out, /\* from fewer than 30 rows with an outcome: too few to rely on/);
});

test('rule errors exit 2 with the rule id, line and position', async () => {
  const syntax = await credo(['rules', 'lift', '--data', 'lift-small.csv', '--rules', 'bad-rule.yaml']);
  assert.equal(syntax.code, 2);
  assert.match(syntax.err, /strategy "bad-rule\.yaml": rules\[1\]\.when: rule "r2_typo" \(line 7\), position 4: expected a value, found ">"/);
  assert.match(syntax.err, /\n {2}y >> 1\n {5}\^/);
  const unknown = await credo(['rules', 'lift', '--data', 'lift-small.csv', '--rules', 'unknown-column.yaml']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /rule "r1" at position 11: unknown column "dtii"/);
  const outcome = await credo(['rules', 'lift', '--data', 'lift-small.csv', '--rules', 'lift-small.yaml', '--outcome', 'fpd']);
  assert.equal(outcome.code, 2);
  assert.match(outcome.err, /--outcome: expected name=numerator\/denominator/);
  const missing = await credo(['rules', 'lift', '--data', 'lift-small.csv', '--rules', 'nope.yaml']);
  assert.equal(missing.code, 2);
});

test('credo swapset reproduces the REFERENCE §7 worked example with random-test inference', async () => {
  const r = await credo([
    'swapset',
    '--data',
    'swapset-worked-example.csv',
    '--old',
    'swapset-old.yaml',
    '--new',
    'swapset-new.yaml',
    '--amount',
    'amount',
    '--infer',
    'random-test',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const t = json.segments.ALL;
  assert.deepEqual(
    ['all_in', 'swap_out', 'swap_in', 'all_out'].map((c) => t.cells[c].count),
    [340, 40, 60, 560],
  );
  near(t.old_approved.approval_rate, 0.38, 'old approval');
  near(t.old_approved.bad_rate, 31 / 380, 'old bad rate');
  near(t.new_approved.approval_rate, 0.4, 'new approval');
  near(t.new_approved.bad_rate, 29 / 400, 'new bad rate');
  near(t.cells.swap_in.bad_rate, 4 / 60, 'swap-in');
  near(t.cells.swap_out.bad_rate, 0.15, 'swap-out');
  assert.equal(t.cells.swap_in.source, 'observed+random-test (inverse-probability weighted)');
  assert.equal(json.inference, 'random-test (inverse-probability weighted)');
  const recorded = await credo(['swapset', '--data', 'swapset-worked-example.csv', '--old', 'column:old_ok', '--new', 'swapset-new.yaml', '--json']);
  assert.equal(JSON.parse(recorded.out).segments.ALL.cells.swap_out.count, 40);
  const human = await credo([
    'swapset',
    '--data',
    'swapset-worked-example.csv',
    '--old',
    'swapset-old.yaml',
    '--new',
    'swapset-new.yaml',
    '--infer',
    'random-test',
  ]);
  assert.match(human.out, /old worked-old approves 38\.00%, new worked-new approves 40\.00%/);
  assert.match(human.out, /swap_in\s+60\s+6\.00%\s+6\.67%/);
  const bad = await credo(['swapset', '--data', 'swapset-worked-example.csv', '--old', 'swapset-old.yaml', '--new', 'swapset-new.yaml', '--infer', 'magic']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--infer: must be random-test/);
  const noScore = await credo([
    'swapset',
    '--data',
    'swapset-worked-example.csv',
    '--old',
    'swapset-old.yaml',
    '--new',
    'swapset-new.yaml',
    '--infer',
    'parcel',
  ]);
  assert.equal(noScore.code, 2);
  assert.match(noScore.err, /parcel needs a score/);
});

test('the shipped example strategies parse', async () => {
  for (const name of ['old-policy.yaml', 'new-policy.yaml']) {
    const text = readFileSync(exampleStrategy(name), 'utf8');
    assert.match(text, /^name: /m);
  }
});

test('credo rules check validates a file and counts standalone hits', async () => {
  const r = await credo(['rules', 'check', '--rules', 'lift-small.yaml', '--data', 'lift-small.csv', '--json']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.deepEqual(
    json.rules.map((x: { id: string; hits: number }) => [x.id, x.hits]),
    [
      ['r1', 4],
      ['r2', 5],
    ],
  );
  const bad = await credo(['rules', 'check', '--rules', 'bad-rule.yaml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /r2_typo/);
});
