// @ts-nocheck
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCliCaptured } from '../run-cli.js';
import { demoCommand } from './demo.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-demo-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  return runCliCaptured([demoCommand], argv, dir);
}

test('the demo generates, reloads and profiles the world, and prints the downturn by vintage', async () => {
  // A private temporary folder (os.tmpdir() reads TMPDIR), so demos run by other test files cannot interfere.
  const privateTmp = mkdtempSync(join(dir, 'tmp-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  const r = await run(['demo', '--rows', '20000', '--steps', 'profile']).finally(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\[1\/\d+\] Generate the synthetic lending world/);
  assert.match(r.out, /read 20000 rows, 39 columns/);
  assert.match(r.out, /approval rate \d+\.\d\d%, bad rate of approved \d+\.\d\d%/);
  assert.match(r.out, /^ {2}segment\s+applications\s+approval rate/m);
  assert.match(r.out, /^ {2}new\s+\d+/m);
  assert.match(r.out, /^ {2}2023-10\s+\d+/m);
  // The temporary folder is gone afterwards.
  assert.deepEqual(readdirSync(privateTmp), []);
});

test('--json prints one object with the rates by vintage; --out-dir keeps the files', async () => {
  const r = await run(['demo', '--rows', '20000', '--json', '--out-dir', 'kept', '--steps', 'profile']);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.equal(result.steps.profile.rows, 20000);
  const byVintage: { group: string; true_bad_rate: number }[] = result.steps.profile.by_vintage;
  assert.equal(byVintage.length, 24);
  const mean = (rows: { true_bad_rate: number }[]) => rows.reduce((a, g) => a + g.true_bad_rate, 0) / rows.length;
  const down = byVintage.filter((g) => g.group >= '2023-10' && g.group <= '2024-03');
  const normal = byVintage.filter((g) => g.group < '2023-10' || g.group > '2024-03');
  assert.ok(mean(down) > mean(normal) + 0.02, `downturn ${mean(down)} vs ${mean(normal)}`);
  assert.ok(existsSync(join(dir, 'kept', 'applications.csv')));
  assert.equal(result.files.applications, join(dir, 'kept', 'applications.csv'));
});

test('the whole demo runs end to end and prints every step', async () => {
  const r = await run(['demo', '--rows', '5000']);
  assert.equal(r.code, 0, r.err);
  for (const [k, title] of [
    'Generate the synthetic lending world',
    'Load it back',
    'Profile',
    'Train the PD model',
    'Score every applicant',
    'Explain',
    'Money',
    'Strategy',
    'Simulate',
    'Optimise',
  ].entries()) {
    assert.match(r.out, new RegExp(`\\[${k + 1}/10\\] ${title}`));
  }
  assert.match(r.out, /^ {2}GBDT\s+0\.\d{4}/m);
  assert.match(r.out, /EMI 8,884\.88/);
  assert.match(r.out, /^ {2}swap_in\s+\d+/m);
  assert.match(r.out, /^ {2}VaR 99\.9%\s+[\d,]+/m);
  assert.match(r.out, /Efficient frontier/);
});

test('--steps strategy,optimise,explain --json: swap-set cells add up, the frontier respects its caps, reasons are ranked', async () => {
  const r = await run(['demo', '--rows', '10000', '--steps', 'strategy,optimise,explain', '--json']);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.deepEqual(Object.keys(result.steps), ['generate', 'load', 'train', 'score', 'explain', 'strategy', 'optimise']);

  const s = result.steps.strategy;
  const cells = ['all_in', 'swap_out', 'swap_in', 'all_out'].map((c) => s.cells[c]);
  assert.equal(
    cells.reduce((a: number, c: { count: number }) => a + c.count, 0),
    10000,
  );
  assert.ok(Math.abs(cells.reduce((a: number, c: { share: number }) => a + c.share, 0) - 1) < 1e-12);
  assert.equal(s.old_approved.count, s.cells.all_in.count + s.cells.swap_out.count);
  assert.equal(s.new_approved.count, s.cells.all_in.count + s.cells.swap_in.count);
  assert.match(s.inference, /random-test/);
  assert.ok(s.swap_in_random_test_loans > 0);
  // Every approved-by-old row has an outcome: all-in and swap-out rates are observed and equal the truth.
  assert.equal(s.cells.all_in.source, 'observed');
  assert.equal(s.cells.all_in.bad_rate, s.cells.all_in.true_bad_rate);
  assert.ok(s.cells.swap_in.inferred > 0 && s.cells.swap_in.bad_rate > 0);

  const o = result.steps.optimise;
  assert.equal(o.status, 'optimal');
  assert.ok(o.kpis.bad_rate <= o.bad_rate_cap + 1e-9);
  assert.equal(o.frontier.length, 4);
  let previous = Number.NEGATIVE_INFINITY;
  for (const p of o.frontier) {
    assert.equal(p.status, 'optimal');
    assert.ok(p.kpis.bad_rate <= p.bad_rate_cap + 1e-9, `bad rate ${p.kpis.bad_rate} over cap ${p.bad_rate_cap}`);
    assert.ok(p.profit >= previous - 1e-6, 'a looser cap never lowers the optimal profit');
    previous = p.profit;
  }
  assert.equal(o.frontier[1].profit, o.profit);
  // Against the world's true outcomes the model's cutoffs approve more applicants than the old
  // scorecard and still book fewer bads.
  assert.ok(o.kpis.approval_rate > o.current.approval_rate, `approval ${o.kpis.approval_rate} vs ${o.current.approval_rate}`);
  assert.ok(o.true_bad_rate.optimised < o.true_bad_rate.old_policy, `true bad rate ${o.true_bad_rate.optimised} vs ${o.true_bad_rate.old_policy}`);

  const e = result.steps.explain;
  assert.equal(e.applicants.length, 3);
  for (const a of e.applicants) {
    assert.ok(a.pd >= 0.1 && a.score >= 300 && a.score <= 850);
    assert.ok(a.reasons.length >= 1 && a.reasons.length <= 5);
    for (let k = 1; k < Math.min(4, a.reasons.length); k++) assert.ok(a.reasons[k].contribution <= a.reasons[k - 1].contribution);
    for (const reason of a.reasons) assert.ok(reason.contribution > 0 && reason.text.length > 0);
  }
  assert.equal(e.importance.length, 5);
  for (let k = 1; k < 5; k++) assert.ok(e.importance[k].mean_abs_shap <= e.importance[k - 1].mean_abs_shap);
});

test('--steps with an unknown step is an input error naming the steps', async () => {
  const r = await run(['demo', '--steps', 'train,nope']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--steps: unknown step \(steps: generate, load, profile, train, score, explain, money, strategy, simulate, optimise\)/);
});

test('a world too small to train on is an input error unless only the data steps run', async () => {
  const r = await run(['demo', '--rows', '500']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--rows: the train step needs at least 2000 applications/);
  const small = await run(['demo', '--rows', '500', '--steps', 'profile']);
  assert.equal(small.code, 0, small.err);
});
