// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { applicationInputs, type DecisionContext, type DecisionRecord, decideApplication, type InputValue, parsePolicy } from '../src/decision/index.js';
import { parseReasonCatalogue } from '../src/explain/index.js';
import { computeEmi, computeRaroc, irbCapital } from '../src/finance/index.js';
import { type Frame, valueAt } from '../src/frame/index.js';
import { closeDuckDb, readFrame, writeFrame } from '../src/io/index.js';
import { parseModel } from '../src/io/model-file.js';
import { generateWorld } from '../src/synth/index.js';
import { repoRoot } from './repo-root.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-decide-'));
after(() => closeDuckDb());
const policyPath = join(repoRoot, 'examples', 'policies', 'lending-policy.yaml');
const EXCLUDE =
  'application_id,application_date,vintage,true_pd,true_bad,old_score,old_decision,approved,random_test,fpd7_due_amount,fpd7_overdue_amount,mob4_balance,mob4_m2plus_balance,loss_amount,age';

async function credo(...argv: string[]) {
  const run = await runCliCaptured(commands, argv, dir);
  assert.equal(run.code, 0, run.err);
  return run;
}

function bound(file: string) {
  const text = readFileSync(join(dir, file), 'utf8');
  return { model: parseModel(text, file), hash: (JSON.parse(text) as { sha256: string }).sha256 };
}

/** The decisions file with every text column kept as text (limits and rates exactly as written). */
function readDecisions(file: string): Promise<Frame> {
  const text = ['application_id', 'action', 'arm', 'limit', 'rate', 'rules_fired', 'error'];
  for (let k = 1; k <= 5; k++) text.push(`reason_${k}`, `reason_text_${k}`);
  return readFrame(join(dir, file), { types: Object.fromEntries(text.map((c) => [c, 'category' as const])) });
}

function rowData(world: Frame, context: DecisionContext, i: number): Record<string, InputValue> {
  const data: Record<string, InputValue> = {};
  for (const input of applicationInputs(context)) data[input.name] = valueAt(world.column(input.name), i);
  return data;
}

/** The CLI row equals the direct decision: action, arm, PD to the last bit, score, reasons, limit, rate. */
function assertSameRow(out: Frame, i: number, direct: DecisionRecord): void {
  const at = (name: string) => valueAt(out.column(name), i);
  assert.equal(at('application_id'), direct.applicationId);
  assert.equal(at('action'), direct.action);
  assert.equal(at('arm'), direct.arm);
  assert.ok(Object.is(at('pd'), direct.pd), `row ${i}: pd ${at('pd')} vs ${direct.pd}`);
  assert.equal(at('score'), direct.score);
  for (let k = 0; k < 5; k++) {
    assert.equal(at(`reason_${k + 1}`), direct.reasons[k]?.code ?? null, `row ${i} reason ${k + 1}`);
    assert.equal(at(`reason_text_${k + 1}`), direct.reasons[k]?.text ?? null);
  }
  assert.equal(at('limit'), direct.limit);
  assert.equal(at('rate'), direct.rate);
  assert.equal(at('rules_fired'), direct.rulesFired.length === 0 ? null : direct.rulesFired.join('|'));
}

test('credo decide on a synthetic world = decideApplication row by row; limits and prices check by hand', async () => {
  await writeFrame(generateWorld({ rows: 4000, seed: 11 }).applications, join(dir, 'world.csv'));
  await credo('train', '--data', 'world.csv', '--target', 'bad', '--exclude', EXCLUDE, '--trees', '30', '--leaves', '15', '--out', 'pd.json');
  await credo('train', '--data', 'world.csv', '--target', 'bad', '--exclude', EXCLUDE, '--trees', '12', '--leaves', '7', '--out', 'challenger.json');

  const run = await credo('decide', '--policy', policyPath, '--model', 'pd.json', '--data', 'world.csv', '--out', 'decisions.csv', '--threads', '1', '--json');
  const summary = JSON.parse(run.out);
  assert.equal(summary.rows, 4000);
  assert.equal(summary.errors, 0);
  assert.equal(summary.approve + summary.decline + summary.refer, 4000);
  assert.ok(summary.approve > 2000 && summary.decline > 150 && summary.refer > 70, run.out);
  // worker threads decide the same rows with the same function: the same file, byte for byte
  const threaded = await credo(
    'decide',
    '--policy',
    policyPath,
    '--model',
    'pd.json',
    '--data',
    'world.csv',
    '--out',
    'threads.csv',
    '--threads',
    '2',
    '--json',
  );
  assert.equal(JSON.parse(threaded.out).threads, 2);
  assert.equal(summary.threads, 1);
  assert.equal(readFileSync(join(dir, 'threads.csv'), 'utf8'), readFileSync(join(dir, 'decisions.csv'), 'utf8'));

  const policy = parsePolicy(readFileSync(policyPath, 'utf8'), 'lending-policy.yaml');
  const catalogue = parseReasonCatalogue(JSON.parse(readFileSync(join(repoRoot, 'data', 'reasons.json'), 'utf8')));
  const context: DecisionContext = { policy, policyId: 'lending-policy', policyVersion: 1, champion: bound('pd.json'), catalogue };
  const world = await readFrame(join(dir, 'world.csv'), { types: { application_id: 'category' } });
  const out = await readDecisions('decisions.csv');
  assert.equal(out.rowCount, 4000);
  let checkedPrices = 0;
  let affordabilityBinds = 0;
  for (let i = 0; i < 4000; i++) {
    const direct = decideApplication(valueAt(world.column('application_id'), i) as string, rowData(world, context, i), context);
    assertSameRow(out, i, direct);
    if (direct.action !== 'approve') continue;
    // the limit by hand: score band of the example policy, the request, ten months of income, the
    // largest loan whose EMI fits 55% of income less existing debt (by bisection), whole thousands
    const tier = [620, 600, 580, 550, 300].findIndex((min) => direct.score >= min);
    const band = [1_000_000, 600_000, 350_000, 150_000, 50_000][tier] as number;
    const at = (name: string) => valueAt(world.column(name), i) as number;
    const income = at('monthly_income');
    const budget = Math.floor(0.55 * Math.round(income * 100) - Math.round(at('existing_monthly_debt') * 100));
    let low = 0;
    let high = 1e12;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (computeEmi(mid, at('interest_rate'), at('term_months')) <= budget) low = mid;
      else high = mid;
    }
    const affordable = budget > 0 ? low / 100 : 0;
    const expected = Math.floor(Math.min(band, at('requested_amount'), 10 * income, affordable) / 1000) * 1000;
    assert.equal(direct.limit, `${expected}.00`, `row ${i}`);
    if (affordable < Math.min(band, at('requested_amount'), 10 * income)) affordabilityBinds++;
    if (checkedPrices >= 25) continue;
    checkedPrices++;
    // the rate is the smallest quarter point (at least 10.5%) whose RAROC meets the 18% hurdle
    const rate = Number(direct.rate);
    const raroc = (r: number) =>
      computeRaroc({
        ead: expected,
        rate: r,
        fundingRate: 0.065,
        operatingCost: 1500 + 0.01 * expected,
        pd: direct.pd,
        lgd: 0.65,
        capital: irbCapital({ assetClass: 'other_retail', pd: direct.pd, lgd: 0.65 }).k * expected,
        capitalRate: 0.06,
      }).raroc;
    assert.ok(raroc(rate) >= 0.18 - 1e-12, `row ${i}: RAROC ${raroc(rate)} at ${rate}`);
    if (rate > 0.105) assert.ok(raroc(rate - 0.0025) < 0.18, `row ${i}: ${rate - 0.0025} would do`);
  }
  assert.equal(checkedPrices, 25);
  assert.ok(affordabilityBinds > 10, `affordability set ${affordabilityBinds} limits`);

  // the PD, score and reasons are those of `credo score --reasons 4` (same scaling, TreeSHAP and
  // catalogue), except where a knock-out puts its own reason first
  const ruleCodes = new Set(Object.values(policy.ruleReasons ?? {}).map((r) => r.code));
  assert.equal(ruleCodes.size, 4);
  let knockOutReasons = 0;
  await credo('score', '--model', 'pd.json', '--data', 'world.csv', '--out', 'scored.csv', '--reasons', '4');
  const reasonTypes = Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`reason_${k + 1}`, 'category' as const]));
  const scored = await readFrame(join(dir, 'scored.csv'), { types: reasonTypes });
  for (let i = 0; i < 4000; i++) {
    assert.ok(Object.is(valueAt(scored.column('pd'), i), valueAt(out.column('pd'), i)), `row ${i}`);
    assert.equal(valueAt(scored.column('score'), i), valueAt(out.column('score'), i));
    if (ruleCodes.has(valueAt(out.column('reason_1'), i) as string)) {
      knockOutReasons++;
      continue;
    }
    for (let k = 1; k <= 5; k++) assert.equal(valueAt(scored.column(`reason_${k}`), i), valueAt(out.column(`reason_${k}`), i), `row ${i} reason ${k}`);
  }
  assert.ok(knockOutReasons > 50, `${knockOutReasons} knock-out reasons`);
});

test('credo decide with a challenger: a stable share decided by the challenger, equal to decideApplication', async () => {
  const run = await credo(
    'decide',
    '--policy',
    policyPath,
    '--model',
    'pd.json',
    '--challenger',
    'challenger.json',
    '--share',
    '0.3',
    '--data',
    'world.csv',
    '--out',
    'ab.csv',
    '--json',
  );
  const summary = JSON.parse(run.out);
  // 3σ of a binomial share at n = 4,000, p = 0.3 is 0.022
  assert.ok(Math.abs(summary.challenger_rows / 4000 - 0.3) < 0.022, run.out);
  const policy = parsePolicy(readFileSync(policyPath, 'utf8'), 'lending-policy.yaml');
  const catalogue = parseReasonCatalogue(JSON.parse(readFileSync(join(repoRoot, 'data', 'reasons.json'), 'utf8')));
  const context: DecisionContext = {
    policy,
    policyId: 'lending-policy',
    policyVersion: 1,
    champion: bound('pd.json'),
    challenger: { ...bound('challenger.json'), share: 0.3 },
    catalogue,
  };
  const world = await readFrame(join(dir, 'world.csv'), { types: { application_id: 'category' } });
  const out = await readDecisions('ab.csv');
  let challengers = 0;
  for (let i = 0; i < 400; i++) {
    const direct = decideApplication(valueAt(world.column('application_id'), i) as string, rowData(world, context, i), context);
    assertSameRow(out, i, direct);
    if (direct.arm === 'challenger') {
      challengers++;
      assert.equal(direct.shadow?.arm, 'champion');
      assert.notEqual(direct.shadow?.pd, direct.pd);
    }
  }
  assert.ok(challengers > 80 && challengers < 160, `${challengers} of 400`);
});
