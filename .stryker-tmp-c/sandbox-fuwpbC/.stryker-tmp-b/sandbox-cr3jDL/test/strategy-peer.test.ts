// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { strategyFixtures } from './strategy-paths.js';

const fixtures = strategyFixtures;

/** The pandas peer (bench/peer-lift.py) on the same file, recorded by test/fixtures/strategy/record-peer.sh. */
test('rules lift equals the pandas peer on its own data (touched, due amount, both outcomes, remaining rates)', async () => {
  const peer = JSON.parse(readFileSync(`${fixtures}peer-lift-10000.json`, 'utf8')) as { result: Record<string, number | string>[] };
  const { code, out, err } = await runCliCaptured(
    commands,
    [
      'rules',
      'lift',
      '--data',
      'peer-lift-10000.csv.gz',
      '--rules',
      'peer-lift-rules.yaml',
      '--by',
      'segment',
      '--amount',
      'fpd_fm7_amt',
      '--outcome',
      'fpd7=fpd_fz7_amt/fpd_fm7_amt',
      '--outcome',
      'mob4m2=mob4m2fenzi_amt/mob4m2fenmu_amt',
      '--json',
    ],
    fixtures,
  );
  assert.equal(code, 0, err);
  const rows = JSON.parse(out).segments.ALL as {
    touched: number;
    touched_amount: number | null;
    hit_rates: Record<string, number | null>;
    remaining_rates: Record<string, number | null>;
  }[];
  assert.equal(rows.length, peer.result.length);
  peer.result.forEach((p, j) => {
    const row = rows[j];
    assert.ok(row !== undefined);
    assert.equal(row.touched, p.touched, `touched of ${p.rule}`);
    if (p.due_amt !== undefined) assert.ok(Math.abs((row.touched_amount ?? Number.NaN) - (p.due_amt as number)) < 0.006, `due_amt of ${p.rule}`);
    // The peer prints 0.0 where nothing is touched; Credo prints null (no denominator).
    for (const [ours, theirs] of [
      [row.hit_rates.fpd7, p.fpd7],
      [row.hit_rates.mob4m2, p.mob4m2],
      [row.remaining_rates.fpd7, p.after_fpd7],
      [row.remaining_rates.mob4m2, p.after_mob4m2],
    ] as [number | null, number][]) {
      assert.ok(Math.abs((ours ?? 0) - theirs) < 1e-12, `${p.rule}: ${ours} vs ${theirs}`);
    }
  });
});
