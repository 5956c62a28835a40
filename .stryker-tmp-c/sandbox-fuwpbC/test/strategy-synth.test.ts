// @ts-nocheck
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  activeRules,
  computeSwapset,
  DECISION,
  decide,
  type InferenceMethod,
  inferRejects,
  parseStrategy,
  ruleMasks,
  segmentRows,
  swapCells,
} from '../src/strategy/index.js';
import { generateWorld } from '../src/synth/index.js';
import { exampleStrategy } from './strategy-paths.js';

const world = generateWorld({ rows: 100_000, seed: 2024 }).applications;
const strategy = (name: string) => activeRules(parseStrategy(readFileSync(exampleStrategy(name), 'utf8'), name));

function approvals(name: string): Uint8Array {
  const rules = strategy(name);
  const { decision } = decide(rules, ruleMasks(world, rules), world.rowCount);
  return decision.map((d) => +(d === DECISION.approve));
}

test("examples/strategies/old-policy.yaml reproduces the synthetic world's old_decision exactly", () => {
  const approved = approvals('old-policy.yaml');
  const recorded = world.category('old_decision');
  const approve = recorded.dictionary.indexOf('approve');
  let mismatches = 0;
  for (let i = 0; i < world.rowCount; i++) if (approved[i] !== +(recorded.codes[i] === approve)) mismatches++;
  assert.equal(mismatches, 0);
});

test("reject inference on the synthetic world: each method's swap-in bad rate next to the true one", () => {
  const oldApproved = approvals('old-policy.yaml');
  const newApproved = approvals('new-policy.yaml');
  const cells = swapCells(oldApproved, newApproved);
  const strata = segmentRows(world, 'segment');
  const bad = world.numeric('bad').values;
  const score = world.numeric('old_score').values;
  const methods: [string, InferenceMethod, number][] = [
    // [name, method, tolerance on |inferred − true| of the swap-in bad rate] (measured: score-band −0.2 pp, parcel −0.3 pp, fuzzy +0.1 pp)
    ['random-test', { kind: 'random-test', randomTest: world.numeric('random_test').values }, Number.NaN],
    ['score-band', { kind: 'score-band', score, bands: 10 }, 0.01],
    ['parcel', { kind: 'parcel', score, bands: 10, seed: 1 }, 0.01],
    ['fuzzy', { kind: 'fuzzy', score }, 0.01],
  ];
  const errors: Record<string, { swapIn: number; allOut: number }> = {};
  for (const [name, method, tolerance] of methods) {
    const inference = inferRejects(bad, method, {
      groups: cells,
      groupCount: 4,
      strata: strata.codes,
      strataCount: strata.labels.length,
      scoreName: 'old_score',
    });
    const report = computeSwapset(world, oldApproved, newApproved, { target: 'bad', amount: 'requested_amount', trueTarget: 'true_bad', inference });
    const table = report.segments.ALL;
    assert.ok(table !== undefined);
    const swapIn = table.cells.swap_in;
    assert.ok(swapIn.inferred > 0 && swapIn.source.includes(name), `${name}: ${swapIn.source}`);
    assert.ok(typeof swapIn.error === 'number' && typeof swapIn.true_bad_rate === 'number');
    // The random test is unbiased but noisy: allow 3 standard errors of a rate from its `observed` random-test rows in the cell.
    const p = swapIn.true_bad_rate;
    const allowed = name === 'random-test' ? 3 * Math.sqrt((p * (1 - p)) / swapIn.observed) : tolerance;
    assert.ok(Math.abs(swapIn.error) < allowed, `${name}: swap-in inferred ${swapIn.bad_rate} vs true ${p} (allowed ±${allowed})`);
    // Approved cells are observed: their rate is the true one.
    assert.equal(table.cells.all_in.bad_rate, table.cells.all_in.true_bad_rate);
    errors[name] = { swapIn: swapIn.error, allOut: table.cells.all_out.error as number };
  }
  // Deep rejects: only the random test sees them; score-proxy methods extrapolate from approved rows and understate their risk.
  assert.ok(Math.abs(errors['random-test']?.allOut ?? 1) < 0.03, JSON.stringify(errors));
  assert.ok((errors['score-band']?.allOut ?? 0) < -0.05, JSON.stringify(errors));
});
