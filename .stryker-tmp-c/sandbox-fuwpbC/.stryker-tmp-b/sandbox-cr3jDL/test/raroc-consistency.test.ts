// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { DEMO_RAROC_ASSUMPTIONS } from '../src/cli/demo/money-step.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { describeRarocAssumptions, portfolioMetrics } from '../src/finance/index.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-raroc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The defaults by hand (raroc.test.ts): EAD 10,000, rate 14%, funding 4%, opex 2% of EAD + 100 per loan = 300,
// PD 5%, LGD 85%, capital 10.5% of RWA = 1.3125 × K·EAD (other retail, K·EAD 1,003.61) = 1,317.23, 4% earned on
// capital → (1,400 − 400 − 300 − 425 + 52.69) / 1,317.23 = 0.248771. With the REFERENCE §5 assumptions (opex 200,
// capital = K·EAD, i.e. 8% of RWA) all three give its 0.413652.
const DEFAULT_LINE =
  'RAROC = (interest − funding 4% − opex 2% of EAD − 100 per loan − EL + 4% on capital) / capital; capital = 10.5% of RWA (12.5·K·EAD), IRB other_retail';

test('finance raroc, portfolio metrics and the demo give the same RAROC and print the same assumptions with their defaults (0.248771)', async () => {
  const finance = await runCliCaptured(commands, ['finance', 'raroc', '--ead', '10000', '--rate', '0.14', '--pd', '0.05', '--lgd', '0.85', '--json'], dir);
  assert.equal(finance.code, 0, finance.err);
  const f = JSON.parse(finance.out);
  assert.equal(f.raroc.toFixed(6), '0.248771');
  assert.equal(f.operating_cost, 300);
  assert.equal(f.capital.toFixed(2), '1317.23');
  assert.equal(f.raroc_assumptions, DEFAULT_LINE);
  assert.equal(f.assumptions.capital_ratio, 0.105);
  assert.equal(f.assumptions.opex_per_loan, 100);

  writeFileSync(join(dir, 'book.csv'), 'application_id,approved,pd,requested_amount,interest_rate,bad\nA1,1,0.05,10000,0.14,0\nA2,0,0.3,5000,0.2,\n');
  const metrics = await runCliCaptured(commands, ['portfolio', 'metrics', '--loans', 'book.csv', '--lgd', '0.85', '--json'], dir);
  assert.equal(metrics.code, 0, metrics.err);
  const m = JSON.parse(metrics.out);
  const all = m.metrics.find((r: { group: string }) => r.group === 'all');
  assert.equal(all.raroc.toFixed(6), '0.248771');
  assert.equal(all.capital, 1317.23);
  assert.equal(m.raroc_assumptions, DEFAULT_LINE);
  assert.equal(m.assumptions.capital_ratio, 0.105);
  assert.equal(m.assumptions.opex_per_loan, 100);
  const human = await runCliCaptured(commands, ['finance', 'raroc', '--ead', '10000', '--rate', '0.14', '--pd', '0.05', '--lgd', '0.85'], dir);
  assert.ok(human.out.includes(`RAROC                 0.248771\n${DEFAULT_LINE}\n`), human.out);
  const metricsHuman = await runCliCaptured(commands, ['portfolio', 'metrics', '--loans', 'book.csv', '--lgd', '0.85'], dir);
  assert.ok(metricsHuman.out.includes(DEFAULT_LINE), metricsHuman.out);

  // the demo's money step prices its book with the same assumptions
  assert.equal(describeRarocAssumptions(DEMO_RAROC_ASSUMPTIONS), DEFAULT_LINE);
  const demo = portfolioMetrics({ approved: [1], pd: [0.05], lgd: 0.85, ead: [10_000], rate: [0.14] }, DEMO_RAROC_ASSUMPTIONS);
  assert.equal(demo[demo.length - 1]?.raroc?.toFixed(6), '0.248771');
});

test('with the REFERENCE §5 assumptions (opex 200, capital K·EAD = 8% of RWA) both commands give 0.413652', async () => {
  const finance = await runCliCaptured(
    commands,
    ['finance', 'raroc', '--ead', '10000', '--rate', '0.14', '--pd', '0.05', '--lgd', '0.85', '--opex-per-loan', '0', '--capital-ratio', '0.08', '--json'],
    dir,
  );
  assert.equal(JSON.parse(finance.out).raroc.toFixed(6), '0.413652');
  const metrics = await runCliCaptured(
    commands,
    ['portfolio', 'metrics', '--loans', 'book.csv', '--lgd', '0.85', '--opex-per-loan', '0', '--capital-ratio', '0.08', '--json'],
    dir,
  );
  const all = JSON.parse(metrics.out).metrics.find((r: { group: string }) => r.group === 'all');
  assert.equal(all.raroc.toFixed(6), '0.413652');
});
