import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSchedule, DEFAULT_PRODUCT } from '../../src/servicing/index.js';
import { backends, configure, GOOD_APPLICATION, problemOf, startTestService, type TestService } from '../server/harness.js';

const cents = (minor: number) => (minor / 100).toFixed(2);

for (const backend of backends()) {
  describe(`loan servicing API on ${backend}`, () => {
    let t: TestService;
    before(async () => {
      t = await startTestService(backend);
      await configure(t);
    });
    after(() => t.close());
    const as = (role: 'admin' | 'risk_analyst' | 'loan_officer' | 'auditor') => ({ authorization: `Bearer ${t.keys[role]}` });
    const post = (url: string, payload: unknown, role: 'admin' | 'loan_officer' = 'loan_officer', headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...as(role), ...headers }, payload: payload as object });
    async function approvedApplication(data: Record<string, unknown> = GOOD_APPLICATION): Promise<{ id: string; rate: string; limit: string }> {
      const res = await post('/api/v1/applications', { data });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      return { id: body.application_id, rate: body.decision.rate, limit: body.decision.limit };
    }

    test('lifecycle: create (201), disburse (schedule to the cent), repay with allocation, get, trial balance, portfolio, close', async () => {
      const app = await approvedApplication();
      const created = await post('/api/v1/loans', { application_id: app.id });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(Object.keys(created.json()).sort(), ['id', 'state']);
      assert.equal(created.json().state, 'approved');
      const id = created.json().id as string;
      // A second loan on the same application is a conflict.
      assert.equal((await post('/api/v1/loans', { application_id: app.id })).statusCode, 409);

      const disbursed = await post(`/api/v1/loans/${id}/disburse`, { value_date: '2025-01-15' });
      assert.equal(disbursed.statusCode, 200, disbursed.body);
      const loan = disbursed.json();
      assert.equal(loan.state, 'active');
      assert.equal(loan.principal, app.limit);
      const expected = buildSchedule(DEFAULT_PRODUCT, Math.round(Number(app.limit) * 100), Number(app.rate), 36, '2025-01-15');
      assert.equal(loan.schedule.length, 36); // the default term: the application has no term_months
      assert.deepEqual(
        loan.schedule.map((i: Record<string, unknown>) => [i.n, i.due_date, i.principal, i.interest, i.emi]),
        expected.map((i) => [i.n, i.dueDate, cents(i.principal), cents(i.interest), cents(i.principal + i.interest)]),
      );
      assert.equal(
        loan.schedule.reduce((s: number, i: { principal: string }) => s + Math.round(Number(i.principal) * 100), 0),
        1_550_000,
      );
      // Disbursing twice: 409 naming the allowed commands.
      const again = await post(`/api/v1/loans/${id}/disburse`, { value_date: '2025-01-15' });
      assert.equal(again.statusCode, 409);
      assert.match(problemOf(again).detail, /allowed: close, write_off, restructure, undo_disbursement/);

      // Pay the first instalment in full on its due date: fee, interest, principal.
      const first = expected[0]!;
      const paid = await post(
        `/api/v1/loans/${id}/repayments`,
        { amount: cents(first.fees + first.interest + first.principal), value_date: '2025-02-15', external_id: 'PAY-1' },
        'loan_officer',
        { 'idempotency-key': 'k-pay-1' },
      );
      assert.equal(paid.statusCode, 201, paid.body);
      assert.deepEqual(paid.json().allocation, {
        penalty: '0.00',
        fees: cents(first.fees),
        interest: cents(first.interest),
        principal: cents(first.principal),
        excess: '0.00',
      });
      // Retried with the same key: the stored answer; with the same external id but no key: the same allocation, no second posting.
      const retried = await post(
        `/api/v1/loans/${id}/repayments`,
        { amount: cents(first.fees + first.interest + first.principal), value_date: '2025-02-15', external_id: 'PAY-1' },
        'loan_officer',
        { 'idempotency-key': 'k-pay-1' },
      );
      assert.equal(retried.headers['idempotent-replayed'], 'true');
      assert.equal(retried.json().id, paid.json().id);
      const byExternal = await post(`/api/v1/loans/${id}/repayments`, {
        amount: cents(first.fees + first.interest + first.principal),
        value_date: '2025-02-15',
        external_id: 'PAY-1',
      });
      assert.equal(byExternal.json().id, paid.json().id);
      assert.deepEqual(byExternal.json().allocation, paid.json().allocation);
      const { rows } = await t.db.query<{ n: string }>("SELECT count(*) AS n FROM loan_transactions WHERE kind = 'repayment'");
      assert.equal(Number(rows[0]?.n), 1);

      // Then nothing: as of today (long after 2025) the loan is an NPA.
      const got = await t.app.inject({ method: 'GET', url: `/api/v1/loans/${id}`, headers: as('auditor') });
      assert.equal(got.statusCode, 200, got.body);
      const g = got.json();
      assert.equal(g.outstanding_principal, cents(1_550_000 - first.principal));
      assert.ok(g.dpd > 90);
      assert.equal(g.npa, true);
      assert.equal(g.ifrs9_stage, 3);
      assert.ok(['Sub-standard', 'Doubtful D1', 'Doubtful D2'].includes(g.irac_class));

      const tb = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: as('risk_analyst') });
      assert.equal(tb.statusCode, 200, tb.body);
      assert.equal(tb.json().balanced, true);
      assert.equal(tb.json().debits, tb.json().credits);
      // Cash: 15,500.00 out, the first instalment in.
      const cash = tb.json().accounts.find((a: { account: string }) => a.account === 'cash');
      assert.equal(cash.credit, '15500.00');
      assert.equal(cash.debit, cents(first.fees + first.interest + first.principal));

      // Daily close on 2025-05-17: instalment 2 (due 2025-03-15) unpaid for 63 days → SMA-2, stage 2;
      // alerts: stage 1 → 2 and the behavioural PD doubled (odds · 2^(63/30) = 4.3×).
      const close = await post('/api/v1/jobs/close', { as_of: '2025-05-17' }, 'admin');
      assert.equal(close.statusCode, 200, close.body);
      assert.deepEqual(
        { ...(close.json() as object), seconds: 0 },
        { as_of: '2025-05-17', loans: 1, seconds: 0, npa_loans: 0, alerts: 2, lines: 0, npa_lines: 0, dates_closed: 1 },
      );
      const { rows: cls } = await t.db.query<{ dpd: number; irac_class: string; ifrs9_stage: number }>(
        'SELECT dpd, irac_class, ifrs9_stage FROM loan_classifications WHERE loan_id = $1',
        [id],
      );
      assert.deepEqual(cls, [{ dpd: 63, irac_class: 'SMA-2', ifrs9_stage: 2 }]);
      // Re-running the date returns the same figures and changes nothing.
      const before = await t.db.query('SELECT count(*) AS n FROM ledger_entries');
      const rerun = await post('/api/v1/jobs/close', { as_of: '2025-05-17' }, 'admin');
      assert.deepEqual({ ...(rerun.json() as object), dates_closed: 1 }, close.json());
      assert.deepEqual((await t.db.query('SELECT count(*) AS n FROM ledger_entries')).rows, before.rows);
      // Catch-up over three missed dates; on 2025-06-14 (dpd 91) the loan is an NPA.
      const later = await post('/api/v1/jobs/close', { as_of: '2025-06-14' }, 'admin');
      assert.equal(later.json().dates_closed, 28);
      assert.equal(later.json().npa_loans, 1);
      const { rows: last } = await t.db.query<{ npa_since: string }>("SELECT to_char(npa_since, 'YYYY-MM-DD') AS npa_since FROM loans WHERE id = $1", [id]);
      assert.equal(last[0]?.npa_since, '2025-06-14');

      const summary = await t.app.inject({ method: 'GET', url: '/api/v1/portfolio/summary', headers: as('auditor') });
      assert.equal(summary.statusCode, 200, summary.body);
      const s = summary.json();
      assert.equal(s.outstanding, cents(1_550_000 - first.principal));
      assert.equal(s.gross_npa_ratio, 1);
      // Net: (NPA − 15% provision) / (advances − provision) = 1 when the NPA is the whole book.
      assert.equal(s.net_npa_ratio, 1);
      assert.equal(s.counts_by_state.active, 1);
      const npa = await t.app.inject({ method: 'GET', url: '/api/v1/portfolio/npa', headers: as('risk_analyst') });
      assert.equal(npa.statusCode, 200, npa.body);
      const sub = npa.json().classes.find((c: { irac_class: string }) => c.irac_class === 'Sub-standard');
      // 15% of the outstanding principal, to the cent.
      assert.deepEqual(sub, {
        irac_class: 'Sub-standard',
        npa: true,
        loans: 1,
        lines: 0,
        outstanding: cents(1_550_000 - first.principal),
        provision: cents(Math.round(0.15 * (1_550_000 - first.principal))),
      });
      assert.equal(npa.json().classes.length, 9);
      const tb2 = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: as('auditor') });
      assert.equal(tb2.json().balanced, true);
    });

    test('the close refuses a date after today (422 naming as_of) and a catch-up of over 31 dates (409), writing nothing; 31 dates close', async () => {
      // the book was closed up to 2025-06-14 by the test above
      const runs = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM close_runs')).rows[0]?.n;
      const before = await runs();
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const future = await post('/api/v1/jobs/close', { as_of: tomorrow }, 'admin');
      assert.equal(future.statusCode, 422, future.body);
      assert.deepEqual(
        problemOf(future).errors.map((e) => e.field),
        ['/body/as_of'],
      );
      // 2025-06-15 … 2025-07-16 is 16 + 16 = 32 dates
      const long = await post('/api/v1/jobs/close', { as_of: '2025-07-16' }, 'admin');
      assert.equal(long.statusCode, 409, long.body);
      assert.match(problemOf(long).detail, /would close 32 dates from 2025-06-15, over the 31 .*allowed: dates up to 2025-07-15/);
      assert.equal(await runs(), before);
      const month = await post('/api/v1/jobs/close', { as_of: '2025-07-15' }, 'admin');
      assert.equal(month.statusCode, 200, month.body);
      assert.equal(month.json().dates_closed, 31);
      assert.equal(await runs(), (before ?? 0) + 31);
    });

    test('a loan from an application that is not approved is 409; an unknown one 404; readers cannot write', async () => {
      const declined = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, bureau_score: 300 } });
      const appId = declined.json().application_id;
      assert.notEqual(declined.json().decision.action, 'approve');
      const res = await post('/api/v1/loans', { application_id: appId });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(problemOf(res).code, 'E_SERVICING_CONFLICT');
      assert.equal((await post('/api/v1/loans', { application_id: '00000000-0000-4000-8000-000000000000' })).statusCode, 404);
      const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/loans', headers: as('auditor'), payload: { application_id: appId } });
      assert.equal(forbidden.statusCode, 403);
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/api/v1/jobs/close', headers: as('loan_officer'), payload: { as_of: '2025-01-01' } })).statusCode,
        403,
      );
    });
  });
}
