// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { amortisingLoanEcl } from '../../finance/index.js';
import { writeFrame } from '../../io/index.js';
import { generateWorld } from '../../synth/index.js';
import { runCliCaptured } from '../run-cli.js';
import { portfolioMetricsCommand } from './portfolio-metrics.js';
import { portfolioRollRatesCommand } from './portfolio-roll-rates.js';
import { portfolioVintageCommand } from './portfolio-vintage.js';

let dir = '';

async function run(argv: string[]) {
  return runCliCaptured([portfolioMetricsCommand, portfolioVintageCommand, portfolioRollRatesCommand], argv, dir);
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'credo-portfolio-'));
  const world = generateWorld({ rows: 3000, seed: 9, performance: true });
  await writeFrame(world.applications, join(dir, 'world.csv'));
  await writeFrame(world.performance as NonNullable<typeof world.performance>, join(dir, 'perf.parquet'));
  // A hand-sized book: 4 applications, 3 approved; loan L3 is an NPA, L2 charged off.
  await writeFile(
    join(dir, 'book.csv'),
    [
      'application_id,segment,purpose,requested_amount,interest_rate,true_pd,approved,bad',
      'L1,a,car,1000.10,0.12,0.02,1,0',
      'L2,a,home,2000.20,0.15,0.05,1,1',
      'L3,b,car,3000.30,0.15,0.05,1,',
      'L4,b,car,500,0.2,0.3,0,',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'book-perf.csv'),
    [
      'loan_id,vintage,month,mob,balance,dpd,charged_off',
      'L1,2024-01,2024-02,1,900.05,0,0',
      'L1,2024-01,2024-03,2,800.05,0,0',
      'L2,2024-01,2024-02,1,2000.20,60,0',
      'L2,2024-01,2024-03,2,2000.20,120,1',
      'L3,2024-02,2024-03,1,3000.30,95,0',
    ].join('\n'),
  );
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('portfolio metrics on a hand-sized book: exact exposure, default rates, NPA ratio and concentration', async () => {
  const r = await run(['portfolio', 'metrics', '--loans', 'book.csv', '--performance', 'book-perf.csv', '--by', 'segment', '--json']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const all = json.metrics.find((m: { group: string }) => m.group === 'all');
  assert.equal(all.applications, 4);
  assert.equal(all.loans, 3);
  assert.equal(all.exposure, 6000.6);
  assert.equal(all.observed, 2);
  assert.equal(all.default_rate_count, 0.5);
  assert.equal(all.default_rate_amount, 2000.2 / 3000.3);
  assert.equal(all.expected_loss, Math.round(0.45 * (0.02 * 100_010 + 0.05 * 200_020 + 0.05 * 300_030)) / 100);
  assert.equal(json.assumptions.pd_column, 'true_pd');
  const b = json.metrics.find((m: { group: string }) => m.group === 'b');
  assert.equal(b.approval_rate, 0.5);
  assert.equal(b.default_rate_count, null);
  // NPA: L1 standard 800.05, L3 sub-standard 3000.30, L2 written off 2000.20; groups joined through application_id.
  const npaAll = json.npa.find((n: { group: string }) => n.group === 'all');
  assert.equal(npaAll.gross_outstanding, 3800.35);
  assert.equal(npaAll.npa_outstanding, 3000.3);
  assert.equal(npaAll.written_off, 2000.2);
  assert.equal(json.npa.find((n: { group: string }) => n.group === 'b').npa_ratio, 1);
  // IFRS 9: L1 stage 1 (12 months left: no term column), L3 stage 3 at LGD × balance, L2 written off.
  const ifrs9 = json.ifrs9.find((e: { group: string }) => e.group === 'all');
  assert.deepEqual(ifrs9.loans_by_stage, [1, 0, 1]);
  assert.equal(ifrs9.ecl_by_stage[2], 1350.14);
  assert.equal(ifrs9.ecl_by_stage[0], Math.round(amortisingLoanEcl(0.02, 0.45, 80_005, 12, 0.12)[0]) / 100);
  // Concentration over approved loans, amount basis: car 4000.40, home 2000.20.
  assert.ok(Math.abs(json.concentration.purpose.hhi - ((4000.4 / 6000.6) ** 2 + (2000.2 / 6000.6) ** 2)) < 1e-12);
  assert.equal(json.concentration.region, undefined);
  const human = await run(['portfolio', 'metrics', '--loans', 'book.csv']);
  // exposure 6,000.60 to the unit with a thousands separator, like the counts
  assert.match(human.out, /all\s+4\s+3\s+75\.00%\s+6,001\s/);
  const npaHuman = await run(['portfolio', 'metrics', '--loans', 'book.csv', '--performance', 'book-perf.csv']);
  assert.match(npaHuman.out, /all\s+3\s+3,800\.35\s+3,000\.30\s/);
});

test('portfolio metrics: bad columns are refused naming the flag', async () => {
  const r = await run(['portfolio', 'metrics', '--loans', 'book.csv', '--ead-column', 'nope']);
  assert.equal(r.code, 2);
  assert.match(r.err, /column "nope" is not in .*--ead-column/);
  const missing = await run(['portfolio', 'metrics', '--loans', 'absent.csv']);
  assert.equal(missing.code, 2);
  // a named approved column must exist: never silently treat every row as a loan
  const approved = await run(['portfolio', 'metrics', '--loans', 'book.csv', '--approved-column', 'booked']);
  assert.equal(approved.code, 2);
  assert.match(approved.err, /column "booked" is not in .*--approved-column/);
});

test('on the synthetic world: vintage bads equal the metrics defaults; roll rates conserve transitions', async () => {
  const metrics = await run(['portfolio', 'metrics', '--loans', 'world.csv', '--performance', 'perf.parquet', '--by', 'segment', '--json']);
  assert.equal(metrics.code, 0, metrics.err);
  const m = JSON.parse(metrics.out);
  const all = m.metrics.find((x: { group: string }) => x.group === 'all');
  assert.ok(all.loans > 1000 && all.defaults > 0 && all.raroc !== null && all.rwa > 0);
  const segments = m.metrics.filter((x: { group: string }) => x.group !== 'all');
  assert.equal(
    segments.reduce((s: number, x: { loans: number }) => s + x.loans, 0),
    all.loans,
  );
  const vintage = await run(['portfolio', 'vintage', '--performance', 'perf.parquet', '--json']);
  assert.equal(vintage.code, 0, vintage.err);
  const v = JSON.parse(vintage.out);
  // Every vintage is observed for ≥ 12 months and bad = 90 dpd by MOB 12, so ever-90+ loans are the bads.
  assert.equal(
    v.vintages.reduce((s: number, x: { bads: number }) => s + x.bads, 0),
    all.defaults,
  );
  assert.equal(
    v.vintages.reduce((s: number, x: { loans: number }) => s + x.loans, 0),
    all.loans,
  );
  for (const x of v.vintages) {
    const rates = x.count_rate.filter((y: number | null) => y !== null);
    assert.ok(
      rates.every((y: number, i: number) => i === 0 || y >= rates[i - 1]),
      `${x.vintage} curve is cumulative`,
    );
  }
  const roll = await run(['portfolio', 'roll-rates', '--performance', 'perf.parquet', '--by', 'segment', '--json']);
  assert.equal(roll.code, 0, roll.err);
  const rr = JSON.parse(roll.out);
  assert.deepEqual(rr.buckets, ['Current', '1-30', '31-60', '61-90', '90+', 'Charged off']);
  const total = rr.counts.flat().reduce((s: number, x: number) => s + x, 0);
  assert.equal(total, rr.transitions);
  assert.equal(
    rr.groups.reduce((s: number, g: { transitions: number }) => s + g.transitions, 0),
    rr.transitions,
  );
  for (const row of rr.count_shares) if (row[0] !== null) assert.ok(Math.abs(row.reduce((s: number, x: number) => s + x, 0) - 1) < 1e-12);
  const human = await run(['portfolio', 'roll-rates', '--performance', 'perf.parquet', '--bounds', '0,29,59,89']);
  assert.match(human.out, /from \\ to\s+n\s+Current\s+1-29\s+30-59\s+60-89\s+90\+\s+Charged off/);
  const badBounds = await run(['portfolio', 'roll-rates', '--performance', 'perf.parquet', '--bounds', '5,3']);
  assert.equal(badBounds.code, 2);
  assert.match(badBounds.err, /--bounds/);
  const vh = await run(['portfolio', 'vintage', '--performance', 'perf.parquet', '--max-mob', '6']);
  assert.match(vh.out, /vintage\s+loans\s+M1\s+M2\s+M3\s+M4\s+M5\s+M6\n/);
});
