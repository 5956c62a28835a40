import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CREDIT_LINE_TERMS, classifyLoan } from '../../src/servicing/index.js';
import type { Database } from '../../src/store/index.js';
import { closeBook } from '../../src/store/repositories/close.js';
import { backends, configure, GOOD_APPLICATION, startTestService, type TestService } from '../server/harness.js';

/**
 * Credit lines in the daily close, worked by hand to the cent. Every line: limit 5,000.00, 12%,
 * origination PD 2%, opened 2025-01-01 with 1,000.00 drawn that day; statements on the 1st of
 * each month, due 20 days later; minimum = max(25.00, interest billed + 5% of the principal).
 *   A (actual/365): 31 days to 01-31 accrue 100000·0.12·31/365 = 1019.18¢ → 10.19; statement
 *     02-01 (32 days) bills 1052.05¢ → 10.52, minimum 10.52 + 50.00 = 60.52 due 02-21. 30.00
 *     repaid on 02-10 pays the interest accrued to 02-09 first, 40 days = 1315.07¢ → 13.15, then
 *     16.85 of principal; the minimum is not met, so dpd is 1 on 02-22.
 *   B (30/360): a whole month (01-01..01-31, 30E/360 days from 12-31) is exactly 10.00; 02-01 is
 *     31 days, 10.33, minimum 60.33.
 *   C (actual/365) pays nothing until 05-26: dpd counts from 02-21 — 30 on 03-23 (SMA-0, stage
 *     1), 31 on 03-24 (SMA-1, stage 2, PD doubled), 61 on 04-23 (SMA-2), 91 on 05-23: NPA,
 *     Sub-standard, stage 3, provision 15% of 1,000.00 = 150.00, ECL 1·0.45·EAD with EAD =
 *     1,000.00 + 0.5 × 4,000.00 undrawn = 3,000.00 → 1,350.00, and the 46.68 accrued to 05-22
 *     (142 days) reversed out of income. Minimums: 60.52 (02-01), 59.20 (03-01: 60 days 19.72 −
 *     10.52 = 9.20), 60.19 (04-01: 91 days 29.91), 59.87 (05-01: 121 days 39.78): 239.78 in all.
 *     60.52 paid on 05-26 (interest to 05-25, 145 days = 47.67, principal 12.85) clears the first
 *     minimum only: dpd 05-26 − 03-21 = 66, still Sub-standard; the other 179.26 on 05-27
 *     (interest 05-26: (100000·146 − 1285)·0.12/365 = 47.99 → 0.32 more, principal 178.94)
 *     clears every minimum: dpd 0, Standard, stage 1, principal 808.21, provision 0.4% = 3.23.
 */
const LINES = {
  A: {
    dayCount: 'actual/365',
    moves: [
      ['draws', '1000.00', '2025-01-01'],
      ['repayments', '30.00', '2025-02-10'],
    ],
  },
  B: { dayCount: '30/360', moves: [['draws', '1000.00', '2025-01-01']] },
  C: {
    dayCount: 'actual/365',
    moves: [
      ['draws', '1000.00', '2025-01-01'],
      ['repayments', '60.52', '2025-05-26'],
      ['repayments', '179.26', '2025-05-27'],
    ],
  },
} as const;

async function openLines(t: TestService): Promise<Record<keyof typeof LINES, string>> {
  const headers = { authorization: `Bearer ${t.keys.loan_officer}` };
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers, payload });
    assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
    return res.json();
  };
  const ids = {} as Record<keyof typeof LINES, string>;
  for (const [name, plan] of Object.entries(LINES) as [keyof typeof LINES, (typeof LINES)[keyof typeof LINES]][]) {
    const app = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, requested_amount: 4_000 } });
    const line = await post('/api/v1/credit-lines', { application_id: app.application_id, opened_on: '2025-01-01', day_count: plan.dayCount });
    ids[name] = line.id;
    // The worked example of the minimums and dpd has no late fee (close-line-fees.test.ts has one).
    await t.db.query('UPDATE credit_lines SET credit_limit = 500000, annual_rate = 0.12, pd = 0.02, late_fee = 0 WHERE id = $1', [line.id]);
    for (const [kind, amount, date] of plan.moves) await post(`/api/v1/credit-lines/${line.id}/${kind}`, { amount, value_date: date });
  }
  return ids;
}

type Row = Record<string, unknown>;

async function history(db: Database, lineId: string, asOf: string): Promise<Row> {
  const { rows } = await db.query<Row>(
    `SELECT dpd, irac_class, npa, to_char(npa_since, 'YYYY-MM-DD') AS npa_since, ifrs9_stage, pd, drawn::int, ead::int, ecl::int, provision::int,
            interest_accrued::int, interest_recognised::int, interest_paid::int, minimum_due::int
       FROM credit_line_classifications WHERE line_id = $1 AND as_of = $2::date`,
    [lineId, asOf],
  );
  assert.ok(rows[0], `no classification of ${lineId} on ${asOf}`);
  return rows[0];
}

/** The line's ledger balances (debit positive) by account, entries dated up to `asOf`. */
async function ledger(db: Database, lineId: string, asOf = '9999-12-31'): Promise<Record<string, number>> {
  const { rows } = await db.query<{ account: string; balance: string }>(
    'SELECT account, sum(debit) - sum(credit) AS balance FROM ledger_entries WHERE line_id = $1 AND value_date <= $2::date GROUP BY account ORDER BY account',
    [lineId, asOf],
  );
  return Object.fromEntries(rows.map((r) => [r.account, Number(r.balance)]));
}

/** Everything the close writes about lines, by line name (ids differ between books). */
async function snapshot(db: Database, ids: Record<string, string>): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, id] of Object.entries(ids)) {
    const q = async (sql: string) => (await db.query(sql, [id])).rows;
    out[name] = {
      history: await q(
        "SELECT to_char(as_of, 'YYYY-MM-DD') AS d, dpd, bucket, irac_class, npa_since::text, ifrs9_stage, pd, ecl, provision, interest_accrued, interest_recognised, interest_paid, minimum_due, oldest_due_date::text FROM credit_line_classifications WHERE line_id = $1 ORDER BY as_of",
      ),
      statements: await q(
        'SELECT statement_date::text, due_date::text, principal, interest_billed, interest_unpaid, minimum_due, past_due FROM credit_line_statements WHERE line_id = $1 ORDER BY 1',
      ),
      ledger: await q(
        'SELECT value_date::text, account, sum(debit) AS debit, sum(credit) AS credit FROM ledger_entries WHERE line_id = $1 GROUP BY 1, 2 ORDER BY 1, 2',
      ),
      alerts: await q('SELECT as_of::text, kind, dpd, pd FROM loan_alerts WHERE line_id = $1 ORDER BY 1, 2'),
      line: await q(
        'SELECT balance, last_close::text, dpd, irac_class, npa_since::text, ifrs9_stage, ecl, provision, interest_accrued, interest_recognised, interest_paid, interest_billed_unpaid, minimum_due, oldest_due_date::text, next_due_date::text, next_statement_date::text FROM credit_lines WHERE id = $1',
      ),
    };
  }
  return out;
}

const LAST = '2025-05-31';

for (const backend of backends()) {
  describe(`credit lines in the daily close on ${backend}`, () => {
    let t: TestService;
    let ids: Record<keyof typeof LINES, string>;
    before(async () => {
      t = await startTestService(backend, { clock: () => new Date('2025-07-01T09:00:00Z') });
      await configure(t);
      ids = await openLines(t);
      for (let d = Date.UTC(2025, 0, 1); d <= Date.UTC(2025, 4, 31); d += 86_400_000) await closeBook(t.db, new Date(d).toISOString().slice(0, 10));
    });
    after(() => t.close());

    test('interest accrues daily on the drawn principal with each day count, exact to the cent, in the ledger', async () => {
      assert.equal((await history(t.db, ids.A, '2025-01-31')).interest_accrued, 1019);
      assert.equal((await history(t.db, ids.A, '2025-02-01')).interest_accrued, 1052);
      assert.equal((await history(t.db, ids.B, '2025-01-31')).interest_accrued, 1000);
      assert.equal((await history(t.db, ids.B, '2025-02-01')).interest_accrued, 1033);
      // The daily postings add up to the accrual: receivable against income, nothing lost in rounding.
      assert.deepEqual(await ledger(t.db, ids.A, '2025-01-31'), {
        cash: -100000,
        interest_income: -1019,
        interest_receivable: 1019,
        loan_portfolio: 100000,
        provision_expense: 400,
        provisions: -400,
      });
      assert.deepEqual(await ledger(t.db, ids.B, '2025-01-31'), {
        cash: -100000,
        interest_income: -1000,
        interest_receivable: 1000,
        loan_portfolio: 100000,
        provision_expense: 400,
        provisions: -400,
      });
      const days = await t.db.query(
        "SELECT DISTINCT value_date FROM ledger_entries WHERE line_id = $1 AND account = 'interest_income' AND value_date <= '2025-01-31'",
        [ids.A],
      );
      assert.equal(days.rows.length, 31, 'one accrual a day');
    });

    test('a statement bills the month’s interest with its minimum payment; a partial payment pays interest first', async () => {
      const { rows } = await t.db.query<Row & { line_id: string }>(
        "SELECT line_id, to_char(due_date, 'YYYY-MM-DD') AS due, principal::int, interest_billed::int, minimum_due::int, past_due::int FROM credit_line_statements WHERE statement_date = '2025-02-01'",
      );
      const byName = Object.fromEntries(rows.map(({ line_id, ...r }) => [Object.entries(ids).find(([, id]) => id === line_id)?.[0], r]));
      assert.deepEqual(byName, {
        A: { due: '2025-02-21', principal: 100000, interest_billed: 1052, minimum_due: 6052, past_due: 0 },
        B: { due: '2025-02-21', principal: 100000, interest_billed: 1033, minimum_due: 6033, past_due: 0 },
        C: { due: '2025-02-21', principal: 100000, interest_billed: 1052, minimum_due: 6052, past_due: 0 },
      });
      const paid = await t.db.query("SELECT interest::int, principal::int FROM credit_line_transactions WHERE line_id = $1 AND kind = 'repayment'", [ids.A]);
      assert.deepEqual(paid.rows, [{ interest: 1315, principal: 1685 }]);
      assert.equal((await history(t.db, ids.A, '2025-02-21')).dpd, 0);
      assert.deepEqual(await history(t.db, ids.A, '2025-02-22').then((r) => [r.dpd, r.irac_class, r.minimum_due]), [1, 'SMA-0', 6052 - 3000]);
    });

    test('dpd crosses 30/60/90 from the oldest unpaid minimum, the loans’ classification rules apply, ECL uses the CCF', async () => {
      const at = async (d: string) => {
        const r = await history(t.db, ids.C, d);
        return [r.dpd, r.irac_class, r.npa, r.ifrs9_stage];
      };
      assert.deepEqual(await at('2025-03-23'), [30, 'SMA-0', false, 1]);
      assert.deepEqual(await at('2025-03-24'), [31, 'SMA-1', false, 2]);
      assert.deepEqual(await at('2025-04-22'), [60, 'SMA-1', false, 2]);
      assert.deepEqual(await at('2025-04-23'), [61, 'SMA-2', false, 2]);
      assert.deepEqual(await at('2025-05-22'), [90, 'SMA-2', false, 2]);
      const npa = await history(t.db, ids.C, '2025-05-23');
      assert.deepEqual(
        [npa.dpd, npa.irac_class, npa.npa, npa.npa_since, npa.ifrs9_stage, npa.drawn, npa.ead, npa.ecl, npa.provision],
        [91, 'Sub-standard', true, '2025-05-23', 3, 100000, 300000, 135000, 15000],
      );
      // Stage 1 at 30 dpd: behavioural PD 0.02/0.98·2 → 0.0392157; ECL 0.0392157·0.45·3,000.00 = 52.94.
      assert.equal((await history(t.db, ids.C, '2025-03-23')).ecl, 5294);
      // Every day's figures are classifyLoan's (the loans' rules) with the line's EAD as exposure.
      for (const d of ['2025-03-23', '2025-03-24', '2025-04-10', '2025-05-22', '2025-05-23', '2025-05-26', '2025-05-27']) {
        const r = await history(t.db, ids.C, d);
        const previous = await t.db.query<{ npa_since: string | null }>(
          "SELECT to_char(npa_since, 'YYYY-MM-DD') AS npa_since FROM credit_line_classifications WHERE line_id = $1 AND as_of = $2::date - 1",
          [ids.C, d],
        );
        const input = {
          asOf: d,
          dpd: r.dpd as number,
          remainingMonths: CREDIT_LINE_TERMS.lifetimeMonths,
          pd: 0.02,
          previousNpaSince: previous.rows[0]?.npa_since ?? null,
        };
        const byEad = classifyLoan(CREDIT_LINE_TERMS.product, { ...input, outstandingPrincipal: r.ead as number });
        const byDrawn = classifyLoan(CREDIT_LINE_TERMS.product, { ...input, outstandingPrincipal: r.drawn as number });
        assert.deepEqual(
          [r.irac_class, r.npa_since, r.ifrs9_stage, r.pd, r.ecl, r.provision],
          [byEad.iracClass, byEad.npaSince, byEad.ifrs9Stage, byEad.pd, byEad.ecl, byDrawn.provision],
          d,
        );
      }
      // The NPA's unpaid interest leaves income: 46.68 accrued to 05-22, reversed on 05-23.
      assert.deepEqual([(await ledger(t.db, ids.C, '2025-05-22')).interest_income, (await ledger(t.db, ids.C, '2025-05-23')).interest_income], [-4668, 0]);
      const alerts = await t.db.query(
        "SELECT to_char(as_of, 'YYYY-MM-DD') AS d, kind FROM loan_alerts WHERE line_id = $1 AND kind <> 'utilisation_jump' ORDER BY as_of, kind",
        [ids.C],
      );
      assert.deepEqual(alerts.rows, [
        { d: '2025-03-24', kind: 'pd_doubled' },
        { d: '2025-03-24', kind: 'stage_2' },
        // The third minimum in a row not covered by its due date (02-21, 03-21, 04-21): once for the run.
        { d: '2025-04-22', kind: 'late_payments_3' },
        { d: '2025-05-23', kind: 'npa' },
      ]);
    });

    test('an NPA line is upgraded only when every unpaid minimum is paid', async () => {
      const paid = await t.db.query(
        "SELECT interest::int, principal::int FROM credit_line_transactions WHERE line_id = $1 AND kind = 'repayment' ORDER BY value_date",
        [ids.C],
      );
      assert.deepEqual(paid.rows, [
        { interest: 4767, principal: 1285 },
        { interest: 32, principal: 17894 },
      ]);
      const partial = await history(t.db, ids.C, '2025-05-26');
      assert.deepEqual([partial.dpd, partial.irac_class, partial.npa, partial.minimum_due], [66, 'Sub-standard', true, 23978 - 6052]);
      const cleared = await history(t.db, ids.C, '2025-05-27');
      assert.deepEqual(
        [cleared.dpd, cleared.irac_class, cleared.npa, cleared.ifrs9_stage, cleared.drawn, cleared.provision, cleared.minimum_due],
        [0, 'Standard', false, 1, 80821, 323, 0],
      );
      // Income recognised again: the accrual to 05-27, (100000·147 − 1285·2 − 17894)·0.12/365 = 48.26.
      assert.deepEqual([cleared.interest_accrued, cleared.interest_recognised, cleared.interest_paid], [4826, 4826, 4799]);
      const l = await ledger(t.db, ids.C, '2025-05-27');
      assert.deepEqual([l.loan_portfolio, l.interest_receivable, l.interest_income], [80821, 4826 - 4799, -4826]);
    });

    test('the API shows the close’s figures; the ledger balances; re-running a date changes nothing', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/credit-lines/${ids.B}`, headers: { authorization: `Bearer ${t.keys.auditor}` } });
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      // B never paid: 05-31 is 99 dpd from 02-21, an NPA since 05-23.
      assert.deepEqual(
        [b.last_close, b.dpd, b.irac_class, b.npa, b.npa_since, b.ifrs9_stage, b.ecl, b.provision, b.interest_recognised, b.statements.length],
        [LAST, 99, 'Sub-standard', true, '2025-05-23', 3, '1350.00', '150.00', '0.00', 4],
      );
      assert.equal(b.day_count, '30/360');
      const trial = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: { authorization: `Bearer ${t.keys.auditor}` } });
      assert.equal(trial.json().balanced, true);
      const before = await snapshot(t.db, ids);
      const run = await closeBook(t.db, LAST);
      assert.deepEqual([run.lines, run.npaLines, run.datesClosed], [3, 2, 0]);
      assert.deepEqual(await snapshot(t.db, ids), before);
    });

    test('the portfolio summary, NPA classes and ECL by stage include the lines (no loans in this book)', async () => {
      const get = async (route: string) => {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/portfolio/${route}`, headers: { authorization: `Bearer ${t.keys.auditor}` } });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      // On 05-31: A drawn 1,000.00 − 16.85 = 983.15 and B 1,000.00 are NPAs (Sub-standard, 15%: 147.47 and
      // 150.00); C 808.21 is Standard (0.4%: 3.23).
      const summary = await get('summary');
      assert.deepEqual(
        [summary.outstanding, summary.lines_outstanding, summary.npa_loans, summary.npa_lines, summary.npa_amount, summary.npa_provisions, summary.provisions],
        ['2791.36', '2791.36', 0, 2, '1983.15', '297.47', '300.70'],
      );
      assert.equal(summary.gross_npa_ratio, 198_315 / 279_136);
      assert.equal(summary.net_npa_ratio, (198_315 - 29_747) / (279_136 - 29_747));
      const npa = await get('npa');
      assert.deepEqual(
        npa.classes.filter((c: { lines: number }) => c.lines > 0).map((c: Row) => [c.irac_class, c.loans, c.lines, c.outstanding, c.provision]),
        [
          ['Standard', 0, 1, '808.21', '3.23'],
          ['Sub-standard', 0, 2, '1983.15', '297.47'],
        ],
      );
      // EAD = drawn + 0.5 × undrawn: A 983.15 + 2,008.43 (4,016.85 / 2, rounded) = 2,991.58, ECL 0.45 × that = 1,346.21;
      // B 3,000.00, 1,350.00; C (stage 1) 808.21 + 2,095.90 = 2,904.11, ECL 0.02 × 0.45 × 2,904.11 = 26.14.
      const ecl = await get('ecl');
      assert.deepEqual(
        ecl.stages.map((x: Row) => [x.stage, x.loans, x.lines, x.exposure, x.ecl]),
        [
          [1, 0, 1, '2904.11', '26.14'],
          [2, 0, 0, '0.00', '0.00'],
          [3, 0, 2, '5991.58', '2696.21'],
        ],
      );
    });

    test('a catch-up over missed dates writes exactly what closing day by day wrote', async () => {
      const t2 = await startTestService(backend, { clock: () => new Date('2025-07-01T09:00:00Z') });
      try {
        await configure(t2);
        const ids2 = await openLines(t2);
        await closeBook(t2.db, '2025-01-01');
        const run = await closeBook(t2.db, LAST);
        assert.equal(run.datesClosed, 150);
        assert.deepEqual(await snapshot(t2.db, ids2), await snapshot(t.db, ids));
      } finally {
        await t2.close();
      }
    });
  });
}

// Row locks need two connections: PostgreSQL only (PGlite runs one statement at a time anyway).
if (backends().includes('postgres'))
  describe('a line’s close and its movements exclude each other (PostgreSQL)', () => {
    test('the close waits for a movement holding the line’s lock, then closes it with that movement', async () => {
      const t = await startTestService('postgres', { clock: () => new Date('2025-07-01T09:00:00Z') });
      try {
        await configure(t);
        const ids = await openLines(t);
        let closing: Promise<unknown> | undefined;
        let finished = false;
        await t.db.transaction(async (tx) => {
          // What a draw or repayment does first (moveCreditLine: the line's row, FOR UPDATE).
          await tx.query('SELECT 1 FROM credit_lines WHERE id = $1 FOR UPDATE', [ids.A]);
          closing = closeBook(t.db, '2025-01-05').then(() => {
            finished = true;
          });
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          assert.equal(finished, false, 'the close went ahead while a movement held the line');
          await tx.query("UPDATE credit_lines SET day_count = '30/360' WHERE id = $1", [ids.A]);
        });
        await closing;
        // Closed after the movement committed: 5 days of 1,000.00 at 12% on 30/360 = 16.66.
        assert.equal((await history(t.db, ids.A, '2025-01-05')).interest_accrued, Math.floor((100_000 * 0.12 * 5) / 360));
      } finally {
        await t.close();
      }
    });
  });
