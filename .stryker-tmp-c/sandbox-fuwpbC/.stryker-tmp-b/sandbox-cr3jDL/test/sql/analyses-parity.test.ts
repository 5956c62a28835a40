// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { readPerformanceTable, rollRates, vintageCurves } from '../../src/finance/index.js';
import type { Frame } from '../../src/frame/index.js';
import { compileLiftSql, compileRollRatesSql, compileSwapsetSql, compileVintageSql } from '../../src/sql/index.js';
import { activeRules, computeLift, computeSwapset, DECISION, decide, parseStrategy, ruleMasks } from '../../src/strategy/index.js';
import { generateWorld } from '../../src/synth/index.js';
import { repoPath } from '../repo-root.js';
import { type TestEngine, testEngines } from './engines.js';

let engines: TestEngine[] = [];
let world: { applications: Frame; performance: Frame };
before(async () => {
  engines = await testEngines();
  const w = generateWorld({ rows: 600, seed: 11, performance: true });
  world = { applications: w.applications, performance: w.performance as Frame };
  for (const e of engines) {
    await e.load('apps', world.applications);
    await e.load('perf', world.performance);
  }
});
after(async () => {
  for (const e of engines) await e.close();
});

const strategy = (name: string) => activeRules(parseStrategy(readFileSync(repoPath('examples', 'strategies', `${name}.yaml`), 'utf8')));

/** Asserts two numbers (or nulls) agree: exactly for counts, to 1e-12 relative for rates and sums. */
function near(actual: unknown, expected: number | null | undefined, label: string): void {
  if (expected === null || expected === undefined || Number.isNaN(expected)) {
    assert.equal(actual, null, `${label}: expected null, got ${actual}`);
    return;
  }
  const a = Number(actual);
  assert.ok(Math.abs(a - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${label}: ${a} vs in-process ${expected}`);
}

test('lift: the sequential table per segment equals computeLift (counts, amounts, hit/remaining rates, lifts, capture)', async () => {
  const rules = strategy('new-policy');
  const frame = world.applications;
  const outcomes = [{ name: 'fpd7', numerator: 'fpd7_overdue_amount', denominator: 'fpd7_due_amount' }];
  const options = { target: 'bad', amount: 'requested_amount', outcomes, by: 'segment' };
  const expected = computeLift(frame, rules, ruleMasks(frame, rules), { ...options, standalone: false });
  for (const engine of engines) {
    const rows = await engine.query([compileLiftSql(rules, { ...options, dialect: engine.dialect, table: 'apps' })]);
    const segments = Object.keys(expected.segments);
    assert.deepEqual([...new Set(rows.map((r) => r.segment))].sort(), [...segments].sort());
    assert.equal(rows.length, segments.length * (rules.length + 1));
    for (const r of rows) {
      const e = expected.segments[r.segment as string]?.[Number(r.position)];
      assert.ok(e !== undefined);
      const label = `${engine.name} ${r.segment} ${e.rule}`;
      assert.equal(r.rule, e.rule, label);
      assert.equal(Number(r.touched), e.touched, label);
      assert.equal(Number(r.cumulative_touched), e.cumulative_touched, label);
      near(r.touched_share, e.touched_share, `${label} share`);
      near(r.touched_amount, e.touched_amount, `${label} amount`);
      for (const name of expected.rates) {
        near(r[`hit_rate_${name}`], e.hit_rates[name], `${label} hit ${name}`);
        near(r[`remaining_rate_${name}`], e.remaining_rates[name], `${label} remaining ${name}`);
        near(r[`lift_${name}`], e.lifts[name], `${label} lift ${name}`);
      }
      near(r.lift, e.lift, `${label} lift`);
      near(r.capture, e.capture, `${label} capture`);
    }
  }
});

test('swap set: every cell and approved population per segment equals computeSwapset', async () => {
  const frame = world.applications;
  const oldRules = strategy('old-policy');
  const newRules = strategy('new-policy');
  const approved = (rules: typeof oldRules) => {
    const { decision } = decide(rules, ruleMasks(frame, rules), frame.rowCount);
    return Uint8Array.from(decision, (x) => (x === DECISION.approve ? 1 : 0));
  };
  const options = { target: 'bad', amount: 'requested_amount', trueTarget: 'true_bad', by: 'segment' };
  const expected = computeSwapset(frame, approved(oldRules), approved(newRules), options);
  for (const engine of engines) {
    const rows = await engine.query([compileSwapsetSql(oldRules, newRules, { ...options, dialect: engine.dialect, table: 'apps' })]);
    assert.equal(rows.length, Object.keys(expected.segments).length * 6);
    for (const r of rows) {
      const table = expected.segments[r.segment as string];
      assert.ok(table !== undefined, String(r.segment));
      const name = r.cell as string;
      const e = name === 'old_approved' ? table.old_approved : name === 'new_approved' ? table.new_approved : table.cells[name as 'all_in'];
      const label = `${engine.name} ${r.segment} ${name}`;
      assert.equal(Number(r.count), e.count, label);
      assert.equal(Number(r.observed), e.observed, label);
      near(r.share, e.share, `${label} share`);
      near(r.amount, e.amount, `${label} amount`);
      near(r.bads, e.bads, `${label} bads`);
      near(r.bad_rate, e.bad_rate, `${label} bad rate`);
      near(r.bad_rate_amount, e.bad_rate_amount, `${label} bad rate amount`);
      near(r.true_bad_rate, e.true_bad_rate, `${label} true bad rate`);
      if (name.endsWith('_approved')) near(r.approval_rate, (e as { approval_rate?: number }).approval_rate, `${label} approval`);
      else assert.equal(r.approval_rate, null);
    }
    assert.ok(expected.segments.ALL!.cells.swap_in.count > 0 && expected.segments.ALL!.cells.swap_out.count > 0);
  }
});

test('vintage curves and roll rates equal vintageCurves and rollRates on the performance table', async () => {
  const table = readPerformanceTable(world.performance);
  const curves = vintageCurves(table);
  const roll = rollRates(table);
  for (const engine of engines) {
    const rows = await engine.query([compileVintageSql(engine.dialect, 'perf')]);
    let cells = 0;
    curves.vintages.forEach((v, g) => {
      for (let m = 0; m < curves.maxMob; m++) {
        const rate = curves.countRate[g * curves.maxMob + m]!;
        const r = rows.find((x) => x.vintage === v && Number(x.mob) === m + 1);
        if (Number.isNaN(rate)) {
          assert.equal(r, undefined, `${v} mob ${m + 1} beyond the horizon`);
          continue;
        }
        assert.ok(r !== undefined, `${engine.name} ${v} mob ${m + 1}`);
        cells++;
        assert.equal(Number(r.loans), curves.loans[g]);
        near(r.balance, curves.balance[g]!, `${engine.name} ${v} balance`);
        near(r.count_rate, rate, `${engine.name} ${v} mob ${m + 1} count rate`);
        near(r.balance_rate, curves.balanceRate[g * curves.maxMob + m]!, `${engine.name} ${v} mob ${m + 1} balance rate`);
      }
    });
    assert.equal(rows.length, cells);
    assert.ok(curves.bads.some((b) => b > 0));
    const matrix = await engine.query([compileRollRatesSql(engine.dialect, 'perf')]);
    const k = roll.buckets.length;
    assert.equal(matrix.length, k * k);
    matrix.forEach((r, c) => {
      assert.equal(r.from_bucket, roll.buckets[Math.floor(c / k)]);
      assert.equal(r.to_bucket, roll.buckets[c % k]);
      assert.equal(Number(r.transitions), roll.counts[c]);
      near(r.balance, roll.balances[c]!, `${engine.name} roll balance ${c}`);
      near(r.count_share, roll.countShares[c]!, `${engine.name} roll share ${c}`);
      near(r.balance_share, roll.balanceShares[c]!, `${engine.name} roll balance share ${c}`);
    });
    assert.equal(
      matrix.reduce((s, r) => s + Number(r.transitions), 0),
      roll.transitions,
    );
  }
});
