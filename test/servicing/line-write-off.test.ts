import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../src/store/index.js';
import { closeBook } from '../../src/store/repositories/close.js';
import { backends, configure, GOOD_APPLICATION, problemOf, startTestService, type TestService } from '../server/harness.js';

/**
 * Write-off and recovery of a credit line, to the cent. Line E: limit 5,000.00 at 12% actual/365,
 * late fee 25.00, 1,000.00 drawn on 2025-01-01 and never repaid; closed daily to 03-31: interest
 * receivable 100000·0.12·90/365 = 29.58, fees of 02-22 and 03-22 = 50.00 receivable, dpd 38
 * (SMA-1), provision 0.4% = 4.00. Written off on 07-01 (the clock): 1,000.00 + 29.58 + 50.00 =
 * 1,079.58 of expense against the portfolio and receivables, the 4.00 allowance released.
 */
async function ledger(db: Database, lineId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ account: string; balance: string }>(
    'SELECT account, sum(debit) - sum(credit) AS balance FROM ledger_entries WHERE line_id = $1 GROUP BY account ORDER BY account',
    [lineId],
  );
  return Object.fromEntries(rows.map((r) => [r.account, Number(r.balance)]));
}

for (const backend of backends()) {
  describe(`a credit line's write-off and recoveries on ${backend}`, () => {
    let t: TestService;
    let id: string;
    const post = (url: string, payload: object, extra: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${t.keys.loan_officer}`, ...extra }, payload });
    const entries = async () => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM ledger_entries WHERE line_id = $1', [id])).rows[0]?.n);
    before(async () => {
      t = await startTestService(backend, { clock: () => new Date('2025-07-01T09:00:00Z') });
      await configure(t);
      const app = (await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, requested_amount: 4_000 } })).json();
      id = (await post('/api/v1/credit-lines', { application_id: app.application_id, opened_on: '2025-01-01' })).json().id;
      await t.db.query('UPDATE credit_lines SET credit_limit = 500000, annual_rate = 0.12, pd = 0.02 WHERE id = $1', [id]);
      assert.equal((await post(`/api/v1/credit-lines/${id}/draws`, { amount: '1000.00', value_date: '2025-01-01' })).statusCode, 201);
      for (let d = Date.UTC(2025, 0, 1); d <= Date.UTC(2025, 2, 31); d += 86_400_000) await closeBook(t.db, new Date(d).toISOString().slice(0, 10));
    });
    after(() => t.close());

    test('a recovery before the write-off is 409 naming the allowed commands, and writes nothing', async () => {
      const before = await entries();
      const res = await post(`/api/v1/credit-lines/${id}/recoveries`, { amount: '10.00', value_date: '2025-07-01' });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(problemOf(res).code, 'E_SERVICING_CONFLICT');
      assert.match(res.body, /draw, repayment, write_off/);
      assert.equal(await entries(), before);
    });

    test('the write-off needs a reason, expenses principal and receivables, releases the provision, and is audited', async () => {
      assert.deepEqual(await ledger(t.db, id), {
        cash: -100_000,
        fee_income: -5_000,
        fee_receivable: 5_000,
        interest_income: -2_958,
        interest_receivable: 2_958,
        loan_portfolio: 100_000,
        provision_expense: 400,
        provisions: -400,
      });
      assert.equal((await post(`/api/v1/credit-lines/${id}/write-off`, {})).statusCode, 400);
      const res = await post(`/api/v1/credit-lines/${id}/write-off`, { reason: 'uncollectable' }, { 'idempotency-key': 'k-wo-1' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { state: 'written_off', written_off: '1079.58' });
      const retried = await post(`/api/v1/credit-lines/${id}/write-off`, { reason: 'uncollectable' }, { 'idempotency-key': 'k-wo-1' });
      assert.deepEqual([retried.statusCode, retried.json()], [200, res.json()]);
      assert.deepEqual(await ledger(t.db, id), {
        cash: -100_000,
        fee_income: -5_000,
        fee_receivable: 0,
        interest_income: -2_958,
        interest_receivable: 0,
        loan_portfolio: 0,
        provision_expense: 0,
        provisions: 0,
        write_off_expense: 107_958,
      });
      const audit = await t.db.query<{ details: Record<string, unknown> }>(
        "SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'credit_line.write_off'",
        [id],
      );
      assert.deepEqual(
        audit.rows.map((r) => [r.details.amount, r.details.provision_released, r.details.reason]),
        [[107_958, 400, 'uncollectable']],
      );
    });

    test('a written-off line takes no draw, no second write-off, and leaves the close', async () => {
      const before = await entries();
      const draw = await post(`/api/v1/credit-lines/${id}/draws`, { amount: '1.00', value_date: '2025-07-01' });
      assert.equal(draw.statusCode, 409);
      const again = await post(`/api/v1/credit-lines/${id}/write-off`, { reason: 'twice' });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /recovery/);
      assert.equal(await entries(), before);
      const run = await closeBook(t.db, '2025-04-01');
      assert.equal(run.lines, 0);
      const rows = await t.db.query("SELECT 1 FROM credit_line_classifications WHERE line_id = $1 AND as_of = '2025-04-01'", [id]);
      assert.equal(rows.rows.length, 0);
      assert.equal(await entries(), before);
    });

    test('recoveries reverse the write-off expense, once per external id, up to the amount written off; then the line closes', async () => {
      // Value-dated before the write-off: 422.
      assert.equal((await post(`/api/v1/credit-lines/${id}/recoveries`, { amount: '500.00', value_date: '2025-06-30' })).statusCode, 422);
      const first = await post(`/api/v1/credit-lines/${id}/recoveries`, { amount: '500.00', value_date: '2025-07-01', external_id: 'R-1' });
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual([first.json().state, first.json().recovered, first.json().remaining, first.json().replayed], ['written_off', '500.00', '579.58', false]);
      const replay = await post(`/api/v1/credit-lines/${id}/recoveries`, { amount: '500.00', value_date: '2025-07-01', external_id: 'R-1' });
      assert.deepEqual([replay.json().id, replay.json().replayed], [first.json().id, true]);
      const before = await entries();
      const over = await post(`/api/v1/credit-lines/${id}/recoveries`, { amount: '579.59', value_date: '2025-07-01' });
      assert.equal(over.statusCode, 422);
      assert.equal(await entries(), before);
      const last = await post(`/api/v1/credit-lines/${id}/recoveries`, { amount: '579.58', value_date: '2025-07-01' });
      assert.deepEqual([last.json().state, last.json().remaining], ['closed', '0.00']);
      const l = await ledger(t.db, id);
      assert.deepEqual([l.cash, l.write_off_expense], [-100_000 + 107_958, 0]);
      assert.equal((await post(`/api/v1/credit-lines/${id}/recoveries`, { amount: '1.00', value_date: '2025-07-01' })).statusCode, 409);
      const line = (await t.app.inject({ method: 'GET', url: `/api/v1/credit-lines/${id}`, headers: { authorization: `Bearer ${t.keys.auditor}` } })).json();
      assert.deepEqual([line.state, line.written_off, line.recovered], ['closed', '1079.58', '1079.58']);
      const trial = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: { authorization: `Bearer ${t.keys.auditor}` } });
      assert.equal(trial.json().balanced, true);
    });
  });
}
