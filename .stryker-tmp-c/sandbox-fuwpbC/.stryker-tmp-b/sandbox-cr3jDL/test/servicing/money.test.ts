// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSchedule, DEFAULT_PRODUCT, loanPosition, replayLoan } from '../../src/servicing/index.js';
import { loanLedgerPosition, trialBalance } from '../../src/store/repositories/ledger.js';
import { getLoan, listRepayments } from '../../src/store/repositories/loans.js';
import { backends, configure, GOOD_APPLICATION, problemOf, startTestService, type TestService } from '../server/harness.js';

const cents = (minor: number) => (minor / 100).toFixed(2);

for (const backend of backends()) {
  describe(`loan money movements on ${backend}`, () => {
    let t: TestService;
    before(async () => {
      t = await startTestService(backend);
      await configure(t);
    });
    after(() => t.close());
    const post = (url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${t.keys.loan_officer}` }, payload: payload as object });
    async function activeLoan(amount: number): Promise<{ id: string; rate: number }> {
      const app = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, requested_amount: amount } });
      const id = (await post('/api/v1/loans', { application_id: app.json().application_id })).json().id;
      assert.equal((await post(`/api/v1/loans/${id}/disburse`, { value_date: '2025-01-10' })).statusCode, 200);
      return { id, rate: Number(app.json().decision.rate) };
    }
    async function ledgerMatchesFacts(id: string): Promise<void> {
      const loan = (await getLoan(t.db, id))!;
      const schedule = buildSchedule(DEFAULT_PRODUCT, loan.principal, Number(loan.annualRate), loan.termMonths, '2025-01-10');
      const p = replayLoan(DEFAULT_PRODUCT, schedule, await listRepayments(t.db, id), new Date().toISOString().slice(0, 10));
      const a = p.allocated;
      const expected = loanPosition({
        disbursed: loan.principal,
        principalPaid: a.principal,
        interestPaid: a.interest,
        feesPaid: a.fees + a.penalty,
        excess: a.excess,
        writtenOff: loan.writtenOff,
        recovered: 0,
        provision: loan.provision,
        interestAccrued: loan.interestAccrued,
      });
      assert.deepEqual(await loanLedgerPosition(t.db, id), expected);
    }

    test('a backdated payment re-allocates the later one; the ledger posts only the difference and matches the replay', async () => {
      const { id } = await activeLoan(5_000);
      // March first, then a February payment recorded afterwards (backdated).
      const march = await post(`/api/v1/loans/${id}/repayments`, { amount: '300.00', value_date: '2025-03-10' });
      assert.equal(march.statusCode, 201, march.body);
      const feb = await post(`/api/v1/loans/${id}/repayments`, { amount: '300.00', value_date: '2025-02-10' });
      assert.equal(feb.statusCode, 201, feb.body);
      // Paid on its due date, February pays the 50.00 fee first (no late fee); the earlier March answer had paid a late fee.
      assert.equal(march.json().allocation.penalty, '25.00');
      assert.equal(feb.json().allocation.penalty, '0.00');
      assert.equal(feb.json().allocation.fees, '50.00');
      await ledgerMatchesFacts(id);
      const { rows } = await t.db.query<{ penalty: string }>('SELECT coalesce(sum(penalty), 0) AS penalty FROM loan_allocations WHERE loan_id = $1', [id]);
      assert.equal(Number(rows[0]?.penalty), 0); // after replay no instalment was late
    });

    test('reversal: the loan replays without the payment, the ledger corrects by the difference, the payment stays on record', async () => {
      const { id } = await activeLoan(4_000);
      const paid = await post(`/api/v1/loans/${id}/repayments`, { amount: '500.00', value_date: '2025-02-10', external_id: 'REV-1' });
      const rev = await post(`/api/v1/loans/${id}/repayments/${paid.json().id}/reversal`, { reason: 'cheque bounced' });
      assert.equal(rev.statusCode, 200, rev.body);
      const again = await post(`/api/v1/loans/${id}/repayments/${paid.json().id}/reversal`, { reason: 'twice' });
      assert.equal(again.statusCode, 404);
      const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM loan_transactions WHERE loan_id = $1 AND reversed_at IS NOT NULL', [id]);
      assert.equal(Number(rows[0]?.n), 1);
      await ledgerMatchesFacts(id);
      const cash = await loanLedgerPosition(t.db, id);
      assert.equal(cash.cash, -400_000); // only the disbursement remains
      // The same external id with another amount is a conflict.
      const dup = await post(`/api/v1/loans/${id}/repayments`, { amount: '501.00', value_date: '2025-02-10', external_id: 'REV-1' });
      assert.equal(dup.statusCode, 409);
      assert.equal(problemOf(dup).code, 'E_STORE_DUPLICATE');
    });

    test('undo of disbursement: refused while a payment is live; then back to approved with a zero ledger, and disbursable again', async () => {
      const { id } = await activeLoan(2_000);
      const paid = await post(`/api/v1/loans/${id}/repayments`, { amount: '100.00', value_date: '2025-02-10' });
      const refused = await post(`/api/v1/loans/${id}/transitions`, { command: 'undo_disbursement', reason: 'wrong account' });
      assert.equal(refused.statusCode, 409);
      assert.match(problemOf(refused).detail, /live repayments/);
      await post(`/api/v1/loans/${id}/repayments/${paid.json().id}/reversal`, { reason: 'wrong account' });
      const undone = await post(`/api/v1/loans/${id}/transitions`, { command: 'undo_disbursement', reason: 'wrong account' });
      assert.equal(undone.statusCode, 200, undone.body);
      assert.equal(undone.json().state, 'approved');
      const position = await loanLedgerPosition(t.db, id);
      assert.ok(
        Object.values(position).every((v) => v === 0),
        JSON.stringify(position),
      );
      const again = await post(`/api/v1/loans/${id}/disburse`, { value_date: '2025-01-12' });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().schedule[0].due_date, '2025-02-12');
      const { rows } = await t.db.query<{ n: string }>("SELECT count(*) AS n FROM loan_transactions WHERE loan_id = $1 AND kind = 'disbursement'", [id]);
      assert.equal(Number(rows[0]?.n), 2); // the undone one is kept, marked reversed
    });

    test('overpayment closes the loan and holds the excess; write-off expenses the outstanding principal; the trial balance balances', async () => {
      const { id } = await activeLoan(1_000);
      const got = (await t.app.inject({ method: 'GET', url: `/api/v1/loans/${id}`, headers: { authorization: `Bearer ${t.keys.auditor}` } })).json();
      const owed = got.schedule.reduce(
        (s: number, i: { principal: string; interest: string; fees: string }) =>
          s + Math.round((Number(i.principal) + Number(i.interest) + Number(i.fees)) * 100),
        0,
      );
      const res = await post(`/api/v1/loans/${id}/repayments`, { amount: cents(owed + 1_000), value_date: '2025-01-20' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().state, 'closed');
      assert.equal(res.json().allocation.excess, '10.00');
      assert.equal((await loanLedgerPosition(t.db, id)).customer_credit, -1_000);
      await ledgerMatchesFacts(id);
      const bad = await activeLoan(3_000);
      const wo = await post(`/api/v1/loans/${bad.id}/write-off`, { reason: 'uncollectible' });
      assert.equal(wo.statusCode, 200, wo.body);
      assert.deepEqual(wo.json(), { state: 'written_off', written_off: '3000.00' });
      const position = await loanLedgerPosition(t.db, bad.id);
      assert.equal(position.loan_portfolio, 0);
      assert.equal(position.write_off_expense, 300_000);
      const late = await post(`/api/v1/loans/${bad.id}/repayments`, { amount: '10.00', value_date: '2025-02-01' });
      assert.equal(late.statusCode, 409);
      const tb = await trialBalance(t.db);
      assert.equal(tb.debits, tb.credits);
    });
  });
}
