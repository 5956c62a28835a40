// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { writeFrame } from '../src/io/index.js';
import { generateWorld } from '../src/synth/index.js';
import { repoRoot } from './repo-root.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-optimise-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const examples = join(repoRoot, 'examples', 'optimise');

async function run(argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

const worldFile = join(dir, 'world.csv');
const ready = writeFrame(generateWorld({ rows: 3000, seed: 11 }).applications, worldFile);

test('credo optimise cutoffs|limits|mix run the shipped example configs', async () => {
  await ready;
  const cutoffs = await run(['optimise', 'cutoffs', '--data', worldFile, '--config', join(examples, 'cutoffs.yaml'), '--json']);
  assert.equal(cutoffs.code, 0, cutoffs.err);
  const c = JSON.parse(cutoffs.out);
  assert.equal(c.problem, 'cutoffs');
  assert.ok(c.result.kpis.bad_rate <= 0.05 + 1e-9);
  assert.ok(c.result.swap_set.cells.swap_in.count >= 0 && c.result.delta.profit !== undefined);
  // the current policy's KPIs are those of the rows with approved = 1
  const world = generateWorld({ rows: 3000, seed: 11 }).applications;
  const approved = world.numeric('approved').values;
  const pd = world.numeric('true_pd').values;
  const amount = world.numeric('requested_amount').values;
  let n = 0;
  let bads = 0;
  let exposure = 0;
  for (let i = 0; i < world.rowCount; i++) {
    if (approved[i] !== 1) continue;
    n += 1;
    bads += pd[i] as number;
    exposure += amount[i] as number;
  }
  assert.equal(c.result.current.approved, n);
  assert.ok(Math.abs(c.result.current.bad_rate - bads / n) < 1e-12);
  assert.equal(c.result.current.amount, exposure);
  const limits = await run(['optimise', 'limits', '--data', worldFile, '--config', join(examples, 'limits.yaml'), '--frontier', '--json']);
  assert.equal(limits.code, 0, limits.err);
  const l = JSON.parse(limits.out);
  assert.equal(l.frontier.points.length, 6);
  const mix = await run(['optimise', 'mix', '--data', worldFile, '--config', join(examples, 'mix.yaml')]);
  assert.equal(mix.code, 0, mix.err);
  assert.match(mix.out, /Stressed losses and CVaR/);
  // volume multiples are not approval rates: named and formatted as multiples of the current book
  assert.doesNotMatch(mix.out, /approval rate/);
  const volume = /accounts \(volume-weighted\)\s+([\d,]+)\s+([\d,]+)[^\n]*\nvolume vs current book\s+×1\.0000\s+×(\d\.\d{4})\s+([+-]\d\.\d{4})/.exec(mix.out);
  assert.ok(volume !== null, mix.out);
  const [, today, optimised, multiple, change] = volume;
  const count = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
  assert.equal((count(optimised) / count(today)).toFixed(2), Number(multiple).toFixed(2));
  assert.equal((Number(multiple) - 1).toFixed(4), Number(change).toFixed(4));
  assert.match(mix.out, /volume ≥ ×1\.0000 the current book/);
});

test('an infeasible config exits 2 naming the conflicting constraints', async () => {
  await ready;
  const config = join(dir, 'infeasible.yaml');
  writeFileSync(
    config,
    [
      'segmentation: {score: bureau_score, bands: 5}',
      'columns: {pd: true_pd, amount: requested_amount, rate: interest_rate}',
      'economics: {lgd: 0.6, funding_rate: 0.06, opex: 2500, hurdle_rate: 0.12}',
      'actions: [{name: decline}, {name: approve}]',
      'limits: {bad_rate_max: 0.001, approval_min: 0.5, el_budget: 1.0e12}',
    ].join('\n'),
  );
  const r = await run(['optimise', 'cutoffs', '--data', worldFile, '--config', config]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no policy satisfies the constraints; conflicting: bad rate \(count\) ≤ 0\.10%; approval rate ≥ 50\.00%/);
  assert.doesNotMatch(r.err, /EL ≤/);
});

test('credo backtest compares champion and challenger: approvals match the swap set, losses side by side', async () => {
  await ready;
  const strategies = join(repoRoot, 'examples', 'strategies');
  const r = await run([
    'backtest',
    '--data',
    worldFile,
    '--champion',
    join(strategies, 'old-policy.yaml'),
    '--challenger',
    join(strategies, 'new-policy.yaml'),
    '--infer',
    'random-test',
    '--scenarios',
    '2000',
    '--threads',
    '1',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const b = JSON.parse(r.out);
  const cells = b.swap_set.segments.ALL.cells;
  assert.equal(b.champion.approved, cells.all_in.count + cells.swap_out.count);
  assert.equal(b.challenger.approved, cells.all_in.count + cells.swap_in.count);
  assert.match(b.inference, /random-test/);
  for (const side of [b.champion, b.challenger]) {
    assert.ok(side.losses.el.value > 0 && side.losses.var99.value >= side.losses.el.value && side.losses.es99.value >= side.losses.var99.value);
    assert.ok(side.observed + side.inferred <= side.approved);
  }
});
