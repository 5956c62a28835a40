// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DecisionRecord } from '../../src/decision/index.js';
import type { CategoryColumn } from '../../src/frame/index.js';
import { writeFrame } from '../../src/io/index.js';
import { addMonths, DEFAULT_PRODUCT, dayNumber, type Instalment, isoDay, type LoanProduct, type Repayment, replayLoan } from '../../src/servicing/index.js';
import type { Database } from '../../src/store/index.js';
import { closeBook } from '../../src/store/repositories/close.js';
import { createLoan, disburseLoan, type LoanActor, recordRepayment, writeOffLoan } from '../../src/store/repositories/loans-commands.js';
import { portfolioSummary } from '../../src/store/repositories/loans-portfolio.js';
import { bookRollRates, bookVintages } from '../../src/store/repositories/portfolio-history.js';
import { recordDecidedApplication } from '../../src/store/repositories/record-decided-application.js';
import { generateWorld } from '../../src/synth/index.js';
import { backends, configure, startTestService, type TestService } from '../server/harness.js';
import { credoJson } from './book-files.js';

/** The world's loans: amounts above the default product's range, terms 12–60 months. */
const WORLD_PRODUCT: LoanProduct = { ...DEFAULT_PRODUCT, id: 'world-loan', minAmount: 100, maxAmount: 100_000_000_00, minTermMonths: 1 };
const START = '2024-01';
const VINTAGES = 12;
const END = '2025-12-31'; // the world's observation date: 12 vintages observed for 12 more months

/** One booked loan of the world and what it does month by month. */
interface WorldLoan {
  readonly id: string;
  readonly input: Record<string, unknown>;
  readonly pd: number;
  readonly score: number;
  /** Disbursement date: the application's day in the vintage month, kept within the 2nd–27th. */
  readonly disbursedOn: string;
  /** Missed instalments (dpd / 30) and charge-off at MOB 1, 2, … as the world's performance table has them. */
  readonly months: { missed: number; chargedOff: boolean }[];
}

/** Days from the 2nd to the 27th make the book's month-end dpd fall in the world's bucket: c missed instalments → 30(c−1) < dpd ≤ 30c. */
const dueDay = (applicationDate: string) => Math.min(27, Math.max(2, Number(applicationDate.slice(8, 10))));

function worldLoans(rows: number, seed: number) {
  const world = generateWorld({ rows, seed, startMonth: START, months: VINTAGES, performance: true, performanceMonths: 24 });
  const a = world.applications;
  const perf = world.performance!;
  const label = (name: string, i: number) => {
    const c = a.column(name) as CategoryColumn;
    return c.dictionary[c.codes[i] as number] as string;
  };
  const num = (name: string) => a.numeric(name).values;
  const ids = perf.column('loan_id') as CategoryColumn;
  const byId = new Map<string, { missed: number; chargedOff: boolean }[]>();
  const dpd = perf.numeric('dpd').values;
  const charged = perf.numeric('charged_off').values;
  for (let r = 0; r < perf.rowCount; r++) {
    const id = ids.dictionary[ids.codes[r] as number] as string;
    byId.set(id, [...(byId.get(id) ?? []), { missed: (dpd[r] as number) / 30, chargedOff: charged[r] === 1 }]);
  }
  const loans: WorldLoan[] = [];
  for (let i = 0; i < a.rowCount; i++) {
    if (num('approved')[i] !== 1) continue;
    const id = label('application_id', i);
    const date = label('application_date', i);
    loans.push({
      id,
      input: {
        purpose: label('purpose', i),
        region: label('region', i),
        segment: label('segment', i),
        requested_amount: num('requested_amount')[i],
        term_months: num('term_months')[i],
        interest_rate: num('interest_rate')[i],
      },
      pd: num('true_pd')[i] as number,
      score: Math.min(850, Math.max(300, num('old_score')[i] as number)),
      disbursedOn: `${label('vintage', i)}-${String(dueDay(date)).padStart(2, '0')}`,
      months: byId.get(id) ?? [],
    });
  }
  return { world, loans };
}

type Event = { kind: 'disburse' | 'pay' | 'write_off'; loan: WorldLoan; n?: number };

/**
 * Books the world's approvals through the store's commands and lives through 24 months, day by
 * day: disbursements on their dates, each instalment paid on its due date when the world says the
 * loan is current that month (with every arrear and late fee then owed: a cure), nothing while it
 * is in arrears, the write-off on the month-end the world charges it off — and the daily close
 * after each day's events.
 */
async function simulate(db: Database, actorId: string, loans: readonly WorldLoan[], policy: { policyId: string; hash: string; modelId: string }) {
  await db.query('INSERT INTO loan_products (id, version, definition) VALUES ($1, $2, $3::jsonb)', [
    WORLD_PRODUCT.id,
    WORLD_PRODUCT.version,
    JSON.stringify(WORLD_PRODUCT),
  ]);
  const actor = (today: string): LoanActor => ({ userId: actorId, role: 'admin', today });
  const loanIds = new Map<WorldLoan, string>();
  for (const w of loans) {
    const applicationId = randomUUID();
    const record: DecisionRecord = {
      applicationId,
      action: 'approve',
      pd: w.pd,
      score: w.score,
      reasons: [],
      limit: String(w.input.requested_amount),
      rate: String(w.input.interest_rate),
      currency: 'USD',
      policyId: policy.policyId,
      policyVersion: 1,
      modelHash: policy.hash,
      modelId: policy.modelId,
      arm: 'champion',
      rulesFired: [],
      inputSnapshot: {},
    };
    await recordDecidedApplication(db, {
      application: { id: applicationId, externalId: w.id, input: w.input, submittedBy: actorId },
      decision: { id: randomUUID(), record },
      audit: { actorId, actorRole: 'admin', action: 'application.submit', entity: 'application', entityId: applicationId },
    });
    loanIds.set(w, (await db.transaction((tx) => createLoan(tx, { applicationId, productId: WORLD_PRODUCT.id }, actor(w.disbursedOn)))).id);
  }
  const events = new Map<number, Event[]>();
  const at = (date: string, e: Event) => events.set(dayNumber(date), [...(events.get(dayNumber(date)) ?? []), e]);
  for (const w of loans) {
    at(w.disbursedOn, { kind: 'disburse', loan: w });
    w.months.forEach((m, k) => {
      const due = addMonths(w.disbursedOn, k + 1);
      if (m.chargedOff) at(isoDay(dayNumber(`${addMonths(`${due.slice(0, 7)}-01`, 1)}`) - 1), { kind: 'write_off', loan: w });
      else if (m.missed === 0) at(due, { kind: 'pay', loan: w, n: k + 1 });
    });
  }
  const schedules = new Map<WorldLoan, Instalment[]>();
  const payments = new Map<WorldLoan, Repayment[]>();
  for (let day = Math.min(...events.keys()); day <= dayNumber(END); day++) {
    const today = isoDay(day);
    for (const e of events.get(day) ?? []) {
      const id = loanIds.get(e.loan) as string;
      if (e.kind === 'disburse') {
        schedules.set(e.loan, (await db.transaction((tx) => disburseLoan(tx, id, today, actor(today)))).schedule);
        payments.set(e.loan, []);
      } else if (e.kind === 'write_off') {
        await db.transaction((tx) => writeOffLoan(tx, id, 'charged off', actor(today)));
      } else {
        // Everything owed today: this instalment, any arrears and their late fees.
        const paid = payments.get(e.loan) as Repayment[];
        const amount = replayLoan(WORLD_PRODUCT, schedules.get(e.loan) as Instalment[], paid, today).arrears;
        if (amount === 0) continue;
        const r = await db.transaction((tx) => recordRepayment(tx, id, { amount, valueDate: today }, actor(today)));
        paid.push({ id: r.transactionId, amount, valueDate: today, seq: paid.length });
      }
    }
    await closeBook(db, today);
  }
}

for (const backend of backends()) {
  describe(`24-month simulation of the synthetic world's book on ${backend}`, () => {
    let t: TestService;
    let dir: string;
    let loans: WorldLoan[];
    before(async () => {
      t = await startTestService(backend);
      const setup = await configure(t);
      // ~50 loans (3 charged off, 7 cures, 7 repaid): the 730 daily closes, not the loans, dominate the run (each close is several statements).
      const made = worldLoans(80, 25);
      loans = made.loans;
      dir = mkdtempSync(join(tmpdir(), 'credo-sim-'));
      await writeFrame(made.world.performance!, join(dir, 'world-perf.csv'));
      const started = performance.now();
      await simulate(t.db, t.userIds.admin, loans, { policyId: setup.policyId, hash: setup.hash, modelId: setup.modelId });
      console.log(`simulated ${loans.length} loans over 24 months on ${backend} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await t.close();
    });

    test('the world books ~50 loans in 12 vintages; the book ends with the world: charged off, repaid, still active', async () => {
      assert.ok(loans.length >= 40 && loans.length <= 300, `${loans.length} loans`);
      const chargedOff = loans.filter((l) => l.months.some((m) => m.chargedOff)).length;
      const cured = loans.filter((l) => l.months.some((m, k) => k > 0 && m.missed === 0 && (l.months[k - 1]?.missed ?? 0) > 0)).length;
      assert.ok(chargedOff >= 2 && cured >= 2, `${chargedOff} charged off, ${cured} cured`);
      const { rows } = await t.db.query<{ state: string; n: string }>('SELECT state, count(*) AS n FROM loans GROUP BY state');
      const states = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
      assert.equal(states.written_off, chargedOff);
      assert.equal(
        states.closed,
        loans.filter((l) => l.months.length > 0 && !l.months.some((m) => m.chargedOff) && l.months.length >= (l.input.term_months as number)).length,
      );
      assert.equal((states.active ?? 0) + (states.closed ?? 0) + chargedOff, loans.length);
    });

    test('vintage curves and bad rates of the stored book equal `credo portfolio vintage` on the world', async () => {
      // The world counts 30 days per missed instalment; the book counts calendar days, so three
      // missed instalments (the world's 90) are 61–90 days at a month-end: the same bad loans.
      const world = await credoJson(dir, ['portfolio', 'vintage', '--performance', 'world-perf.csv']);
      const world61 = await credoJson(dir, ['portfolio', 'vintage', '--performance', 'world-perf.csv', '--bad-dpd', '61']);
      assert.deepEqual(world61.vintages, world.vintages);
      const book = await bookVintages(t.db, 61);
      assert.equal(book.maxMob, world.max_mob);
      const worldVintages = world.vintages as Record<string, unknown>[];
      assert.equal(book.vintages.length, VINTAGES);
      assert.deepEqual(
        book.vintages.map((v) => ({
          vintage: v.vintage,
          loans: v.loans,
          balance: v.balance / 100,
          observed_mob: v.observedMob,
          bads: v.bads,
          count_rate: v.countRate,
          balance_rate: v.balanceRate,
        })),
        worldVintages,
      );
      const bads = worldVintages.reduce((s, v) => s + (v.bads as number), 0);
      assert.ok(bads > 0);
      // The book's default rate (ever NPA, > 90 days, or written off) is the world's ever 120+ (four missed instalments) or charged off.
      const world91 = await credoJson(dir, ['portfolio', 'vintage', '--performance', 'world-perf.csv', '--bad-dpd', '91']);
      const defaults = (world91.vintages as { bads: number }[]).reduce((s, v) => s + v.bads, 0);
      assert.equal((await portfolioSummary(t.db)).defaultRate, defaults / loans.length);
    });

    test('roll-rate matrices of the stored book equal `credo portfolio roll-rates` on the world', async () => {
      const world = await credoJson(dir, ['portfolio', 'roll-rates', '--performance', 'world-perf.csv']);
      const book = await bookRollRates(t.db);
      assert.deepEqual(
        {
          buckets: book.buckets,
          transitions: book.transitions,
          counts: book.counts,
          balances: book.balances.map((row) => row.map((x) => x / 100)),
          count_shares: book.countShares,
          balance_shares: book.balanceShares,
        },
        {
          buckets: world.buckets,
          transitions: world.transitions,
          counts: world.counts,
          balances: world.balances,
          count_shares: world.count_shares,
          balance_shares: world.balance_shares,
        },
      );
    });
  });
}
