import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../src/store/index.js';
import { closeBook } from '../../src/store/repositories/close.js';
import { backends, configure, GOOD_APPLICATION, startTestService, type TestService } from '../server/harness.js';

/**
 * A credit line's late fees in the daily close, worked by hand to the cent (the rule:
 * `lineLateFees`, `src/servicing/credit-line.test.ts`). Line D: limit 5,000.00 at 12% actual/365,
 * the default late fee 25.00, opened 2025-01-01 with 1,000.00 drawn that day. Statement 02-01:
 * minimum 60.52 due 02-21, not paid: 25.00 charged on 02-22 (Dr fee receivable, Cr fee income).
 * 100.00 on 02-25 pays the fee, the interest to 02-24 (18.08), then 56.92 of principal, and covers
 * the first minimum (dpd 0). Statement 03-01 (shows the 25.00 fee, paid): minimum 56.26 due 03-21,
 * 16.78 short: 25.00 on 03-22 (dpd 1), and on 04-22 and 05-22 for the next statements: 100.00
 * charged by 05-31, 25.00 paid, 75.00 receivable. Then 16.78 value-dated 03-20 (entered after the
 * closes) covers the second minimum in time: the next close reverses the 03-22 fee.
 */
const D_MOVES = [
  ['draws', '1000.00', '2025-01-01'],
  ['repayments', '100.00', '2025-02-25'],
] as const;

async function ledger(db: Database, lineId: string, asOf = '9999-12-31'): Promise<Record<string, number>> {
  const { rows } = await db.query<{ account: string; balance: string }>(
    "SELECT account, sum(debit) - sum(credit) AS balance FROM ledger_entries WHERE line_id = $1 AND value_date <= $2::date AND account LIKE 'fee%' GROUP BY account ORDER BY account",
    [lineId, asOf],
  );
  return Object.fromEntries(rows.map((r) => [r.account, Number(r.balance)]));
}

async function lateFees(db: Database, lineId: string, asOf: string): Promise<[number, number]> {
  const { rows } = await db.query<{ late_fees: string; dpd: number }>(
    'SELECT late_fees, dpd FROM credit_line_classifications WHERE line_id = $1 AND as_of = $2::date',
    [lineId, asOf],
  );
  assert.ok(rows[0], `no classification on ${asOf}`);
  return [Number(rows[0].late_fees), rows[0].dpd];
}

for (const backend of backends()) {
  describe(`a credit line's late fees in the daily close on ${backend}`, () => {
    let t: TestService;
    let id: string;
    const headers = () => ({ authorization: `Bearer ${t.keys.loan_officer}` });
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: headers(), payload });
      assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
      return res.json();
    };
    before(async () => {
      t = await startTestService(backend, { clock: () => new Date('2025-07-01T09:00:00Z') });
      await configure(t);
      const app = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, requested_amount: 4_000 } });
      const line = await post('/api/v1/credit-lines', { application_id: app.application_id, opened_on: '2025-01-01' });
      assert.equal(line.late_fee, '25.00');
      id = line.id;
      await t.db.query('UPDATE credit_lines SET credit_limit = 500000, annual_rate = 0.12, pd = 0.02 WHERE id = $1', [id]);
      for (const [kind, amount, date] of D_MOVES) await post(`/api/v1/credit-lines/${id}/${kind}`, { amount, value_date: date });
      for (let d = Date.UTC(2025, 0, 1); d <= Date.UTC(2025, 4, 31); d += 86_400_000) await closeBook(t.db, new Date(d).toISOString().slice(0, 10));
    });
    after(() => t.close());

    test('a missed minimum charges 25.00 the day after its due date, once per statement, in the ledger', async () => {
      assert.deepEqual(await lateFees(t.db, id, '2025-02-21'), [0, 0]);
      assert.deepEqual(await lateFees(t.db, id, '2025-02-22'), [2_500, 1]);
      assert.deepEqual(await lateFees(t.db, id, '2025-02-25'), [2_500, 0]);
      assert.deepEqual(await lateFees(t.db, id, '2025-03-21'), [2_500, 0]);
      assert.deepEqual(await lateFees(t.db, id, '2025-03-22'), [5_000, 1]);
      assert.deepEqual(await lateFees(t.db, id, '2025-05-31'), [10_000, 71]);
      assert.deepEqual(await ledger(t.db, id, '2025-02-22'), { fee_income: -2_500, fee_receivable: 2_500 });
      assert.deepEqual(await ledger(t.db, id, '2025-02-25'), { fee_income: -2_500, fee_receivable: 0 });
      assert.deepEqual(await ledger(t.db, id, '2025-05-31'), { fee_income: -10_000, fee_receivable: 7_500 });
    });

    test('the repayment pays the fee first, then interest, then principal; statements and the API show the fees', async () => {
      const paid = await t.db.query("SELECT fee::int, interest::int, principal::int FROM credit_line_transactions WHERE line_id = $1 AND kind = 'repayment'", [
        id,
      ]);
      assert.deepEqual(paid.rows, [{ fee: 2_500, interest: 1_808, principal: 5_692 }]);
      const statements = await t.db.query(
        'SELECT statement_date::text AS d, minimum_due::int, late_fees::int, fees_unpaid::int FROM credit_line_statements WHERE line_id = $1 ORDER BY statement_date',
        [id],
      );
      assert.deepEqual(statements.rows, [
        { d: '2025-02-01', minimum_due: 6_052, late_fees: 0, fees_unpaid: 0 },
        { d: '2025-03-01', minimum_due: 5_626, late_fees: 2_500, fees_unpaid: 0 },
        // 04-01: 16.78 past due + 9.61 billed (91 days: 29.24) + 47.15; 05-01: 73.54 + 9.30 (121 days: 38.54) + 47.15.
        { d: '2025-04-01', minimum_due: 7_354, late_fees: 2_500, fees_unpaid: 2_500 },
        { d: '2025-05-01', minimum_due: 12_999, late_fees: 2_500, fees_unpaid: 5_000 },
      ]);
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/credit-lines/${id}`, headers: { authorization: `Bearer ${t.keys.auditor}` } });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(
        [body.late_fee, body.late_fees_charged, body.late_fees_paid, body.late_fees_unpaid, body.statements[0].late_fees, body.statements[0].fees_unpaid],
        ['25.00', '100.00', '25.00', '75.00', '25.00', '50.00'],
      );
    });

    test('late_payments_3 fires once, the day after the third minimum in a row missed its due date', async () => {
      // 02-21 (paid late on 02-25), 03-21 and 04-21 missed: the alert on 04-22; 05-21 continues the run: none.
      const alerts = await t.db.query("SELECT as_of::text AS d, dpd FROM loan_alerts WHERE line_id = $1 AND kind = 'late_payments_3'", [id]);
      assert.deepEqual(alerts.rows, [{ d: '2025-04-22', dpd: 32 }]);
    });

    test('re-running a date posts nothing; a backdated repayment covering a minimum in time reverses its fee', async () => {
      const count = async () => (await t.db.query<{ n: string }>('SELECT count(*) AS n FROM ledger_entries WHERE line_id = $1', [id])).rows[0]?.n;
      const before = await count();
      await closeBook(t.db, '2025-05-31');
      assert.equal(await count(), before);
      await post(`/api/v1/credit-lines/${id}/repayments`, { amount: '16.78', value_date: '2025-03-20' });
      const paid = await t.db.query(
        "SELECT fee::int, interest::int, principal::int FROM credit_line_transactions WHERE line_id = $1 AND kind = 'repayment' ORDER BY value_date",
        [id],
      );
      // Interest to 03-19: (100000·78 − 5692·23)·0.12/365 = 25.21, 18.08 paid: 7.13, principal 9.65.
      assert.deepEqual(paid.rows, [
        { fee: 2_500, interest: 1_808, principal: 5_692 },
        { fee: 0, interest: 713, principal: 965 },
      ]);
      await closeBook(t.db, '2025-06-01');
      assert.equal((await lateFees(t.db, id, '2025-06-01'))[0], 7_500);
      const reversal = await t.db.query(
        "SELECT account, debit::int, credit::int FROM ledger_entries WHERE line_id = $1 AND value_date = '2025-06-01' AND account LIKE 'fee%' ORDER BY account",
        [id],
      );
      assert.deepEqual(reversal.rows, [
        { account: 'fee_income', debit: 2_500, credit: 0 },
        { account: 'fee_receivable', debit: 0, credit: 2_500 },
      ]);
      assert.deepEqual(await ledger(t.db, id), { fee_income: -7_500, fee_receivable: 5_000 });
      const trial = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: { authorization: `Bearer ${t.keys.auditor}` } });
      assert.equal(trial.json().balanced, true);
    });
  });
}
