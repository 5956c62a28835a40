import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { DEMO_RAROC_ASSUMPTIONS } from '../src/cli/demo/money-step.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { portfolioMetrics } from '../src/finance/index.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-raroc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// REFERENCE §5: EAD 10,000, rate 14%, funding 4%, opex 200 (2% of EAD), PD 5%, LGD 85%, capital K·EAD
// (other retail, 1,003.61), 4% earned on capital → RAROC 0.413652. These are also the shared defaults.
test('finance raroc, portfolio metrics and the demo give the same RAROC with their defaults (REFERENCE §5: 0.413652)', async () => {
  const finance = await runCliCaptured(commands, ['finance', 'raroc', '--ead', '10000', '--rate', '0.14', '--pd', '0.05', '--lgd', '0.85', '--json'], dir);
  assert.equal(finance.code, 0, finance.err);
  const f = JSON.parse(finance.out);
  assert.equal(f.raroc.toFixed(6), '0.413652');
  assert.equal(f.operating_cost, 200);

  writeFileSync(join(dir, 'book.csv'), 'application_id,approved,pd,requested_amount,interest_rate,bad\nA1,1,0.05,10000,0.14,0\nA2,0,0.3,5000,0.2,\n');
  const metrics = await runCliCaptured(commands, ['portfolio', 'metrics', '--loans', 'book.csv', '--lgd', '0.85', '--json'], dir);
  assert.equal(metrics.code, 0, metrics.err);
  const m = JSON.parse(metrics.out);
  const all = m.metrics.find((r: { group: string }) => r.group === 'all');
  assert.equal(all.raroc.toFixed(6), '0.413652');
  assert.match(m.raroc_assumptions, /funding 4% − opex 2% of EAD − EL \+ 4% on capital/);
  const human = await runCliCaptured(commands, ['finance', 'raroc', '--ead', '10000', '--rate', '0.14', '--pd', '0.05', '--lgd', '0.85'], dir);
  assert.match(human.out, /RAROC = \(interest − funding 4% − opex 2% of EAD − EL \+ 4% on capital\) \/ capital; capital = K·EAD, IRB other_retail/);

  // the demo's money step prices its book with the same assumptions
  const demo = portfolioMetrics({ approved: [1], pd: [0.05], lgd: 0.85, ead: [10_000], rate: [0.14] }, DEMO_RAROC_ASSUMPTIONS);
  assert.equal(demo[demo.length - 1]?.raroc?.toFixed(6), '0.413652');
});
