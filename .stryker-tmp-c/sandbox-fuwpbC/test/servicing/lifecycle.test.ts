// @ts-nocheck
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { computeEmi } from '../../src/finance/index.js';
import { buildSchedule, DEFAULT_PRODUCT, type Instalment, loanPosition } from '../../src/servicing/index.js';
import { getLoan, listRepayments, loanLedgerPosition, loanPositionOf } from '../../src/store/index.js';
import { backends, configure, GOOD_APPLICATION, problemOf, startTestService, type TestService } from '../server/harness.js';

const cents = (minor: number) => (minor / 100).toFixed(2);
const minor = (s: string) => Math.round(Number(s) * 100);
const due = (i: Instalment) => i.fees + i.interest + i.principal;

for (const backend of backends()) {
  describe(`loan lifecycle and money movements on ${backend}`, () => {
    let t: TestService;
    let now = new Date('2025-03-01T12:00:00Z');
    before(async () => {
      t = await startTestService(backend, { clock: () => now });
      await configure(t);
    });
    after(() => t.close());
    const as = (role: 'admin' | 'loan_officer' | 'auditor') => ({ authorization: `Bearer ${t.keys[role]}` });
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...as('loan_officer'), ...headers }, payload: payload as object });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: as('auditor') });
    const count = async (table: string) => Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(['loan_transactions', 'ledger_entries', 'loan_reschedules', 'loan_instalments', 'audit_log'].map(async (x) => [x, await count(x)])),
      );

    /** A loan of `amount` USD disbursed on 2025-01-10 (36 months at the decision's rate) and its schedule. */
    async function activeLoan(amount: number, data: Record<string, unknown> = {}): Promise<{ id: string; rate: number; schedule: Instalment[] }> {
      const app = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, requested_amount: amount, ...data } });
      const id = (await post('/api/v1/loans', { application_id: app.json().application_id })).json().id;
      const d = await post(`/api/v1/loans/${id}/disburse`, { value_date: '2025-01-10' });
      assert.equal(d.statusCode, 200, d.body);
      const rate = Number(app.json().decision.rate);
      return { id, rate, schedule: buildSchedule(DEFAULT_PRODUCT, amount * 100, rate, 36, '2025-01-10') };
    }
    /** The loan's ledger position equals the one its money facts imply (replayed from the stored event log). */
    async function ledgerMatchesFacts(id: string): Promise<void> {
      const loan = (await getLoan(t.db, id))!;
      const { position } = await loanPositionOf(t.db, loan, now.toISOString().slice(0, 10));
      const a = position.allocated;
      const expected = loanPosition({
        disbursed: loan.principal,
        principalPaid: a.principal,
        interestPaid: a.interest,
        feesPaid: a.fees + a.penalty,
        excess: a.excess,
        writtenOff: loan.writtenOff,
        recovered: loan.recovered,
        provision: loan.provision,
        interestAccrued: loan.writtenOff > 0 ? 0 : loan.interestAccrued,
      });
      assert.deepEqual(await loanLedgerPosition(t.db, id), expected);
      const tb = (await get('/api/v1/ledger/trial-balance')).json();
      assert.equal(tb.balanced, true);
    }

    test('partial prepayment (reduce EMI) mid-period, to the cent; retried by key or external id it is posted once; earlier dates are then closed', async () => {
      const { id, rate, schedule } = await activeLoan(5_000);
      const s1 = schedule[0]!;
      assert.equal((await post(`/api/v1/loans/${id}/repayments`, { amount: cents(due(s1)), value_date: '2025-02-10' })).statusCode, 201);
      // 02-10 → 02-25 is 15 days (30/360) on the balance after instalment 1.
      const balance = 500_000 - s1.principal;
      const accrued = Math.round((balance * rate * 15) / 360);
      const body = { amount: '1000.00', value_date: '2025-02-25', mode: 'reduce_emi', external_id: 'PRE-1' };
      const res = await post(`/api/v1/loans/${id}/prepayments`, body, { 'idempotency-key': 'k-pre-1' });
      assert.equal(res.statusCode, 201, res.body);
      const p = res.json();
      assert.deepEqual(p.allocation, { penalty: '0.00', fees: '0.00', interest: cents(accrued), principal: cents(100_000 - accrued), excess: '0.00' });
      assert.equal(p.principal_prepaid, cents(100_000 - accrued));
      assert.equal(p.accrued_interest, cents(accrued));
      assert.equal(p.state, 'active');
      // Instalment 1, the settling instalment, then 35 new ones on the old due dates; principals sum to the loan.
      assert.equal(p.schedule.length, 37);
      assert.deepEqual(p.schedule[1], {
        n: 2,
        due_date: '2025-02-25',
        principal: cents(100_000 - accrued),
        interest: cents(accrued),
        fees: '0.00',
        emi: '1000.00',
      });
      assert.equal(p.schedule[2].due_date, '2025-03-10');
      assert.equal(p.schedule[36].due_date, schedule[35]?.dueDate);
      assert.equal(
        p.schedule.reduce((s: number, i: { principal: string }) => s + minor(i.principal), 0),
        500_000,
      );
      // The new EMI is computeEmi(rest, r, 35): every instalment but the first (a 15-day period) and the last pays it.
      const rest = balance - (100_000 - accrued);
      const emi = computeEmi(rest, rate, 35);
      assert.ok(p.schedule.slice(3, 36).every((i: { emi: string }) => minor(i.emi) === emi));
      assert.equal(minor(p.schedule[2].interest), Math.round((rest * rate * 15) / 360));

      const retried = await post(`/api/v1/loans/${id}/prepayments`, body, { 'idempotency-key': 'k-pre-1' });
      assert.equal(retried.headers['idempotent-replayed'], 'true');
      const byExternal = await post(`/api/v1/loans/${id}/prepayments`, body);
      assert.equal(byExternal.json().id, p.id);
      assert.equal(byExternal.json().replayed, true);
      assert.deepEqual(byExternal.json().allocation, p.allocation);
      assert.equal(byExternal.json().principal_prepaid, p.principal_prepaid);
      const { rows } = await t.db.query<{ n: string }>("SELECT count(*) AS n FROM loan_transactions WHERE kind = 'prepayment'");
      assert.equal(Number(rows[0]?.n), 1);

      const got = (await get(`/api/v1/loans/${id}`)).json();
      assert.equal(got.outstanding_principal, cents(rest));
      assert.equal(got.dpd, 0);
      assert.equal(got.schedule.length, 37);
      await ledgerMatchesFacts(id);

      // The schedule was rebuilt from the payments up to 02-25: nothing may be added or reversed before it.
      const backdated = await post(`/api/v1/loans/${id}/repayments`, { amount: '10.00', value_date: '2025-02-20' });
      assert.equal(backdated.statusCode, 409, backdated.body);
      assert.match(problemOf(backdated).detail, /allowed: transactions dated 2025-02-25 or later/);
      const first = (await listRepayments(t.db, id)).find((r) => r.valueDate === '2025-02-10')!;
      const reversal = await post(`/api/v1/loans/${id}/repayments/${first.id}/reversal`, { reason: 'bounced' });
      assert.equal(reversal.statusCode, 409, reversal.body);
      const prepaymentReversal = await post(`/api/v1/loans/${id}/repayments/${p.id}/reversal`, { reason: 'bounced' });
      assert.equal(prepaymentReversal.statusCode, 409);
      // The replaced schedule is kept.
      const history = await t.db.query<{ kind: string; n: number }>(
        'SELECT kind, jsonb_array_length(previous_schedule) AS n FROM loan_reschedules WHERE loan_id = $1',
        [id],
      );
      assert.deepEqual(history.rows, [{ kind: 'prepayment', n: 36 }]);
    });

    test('prepayment reduce term keeps the EMI; an amount that does not reach principal is 422 and writes nothing', async () => {
      const { id, schedule } = await activeLoan(5_000);
      const s1 = schedule[0]!;
      await post(`/api/v1/loans/${id}/repayments`, { amount: cents(due(s1)), value_date: '2025-02-10' });
      const before = await counts();
      const tooLittle = await post(`/api/v1/loans/${id}/prepayments`, { amount: '0.01', value_date: '2025-02-25', mode: 'reduce_term' });
      assert.equal(tooLittle.statusCode, 422, tooLittle.body);
      assert.equal(problemOf(tooLittle).code, 'E_SERVICING_INPUT_INVALID');
      assert.deepEqual(await counts(), before);
      // On a due date: no broken-period interest; the old EMI continues and the loan ends early.
      const res = await post(`/api/v1/loans/${id}/prepayments`, { amount: '2000.00', value_date: '2025-02-10', mode: 'reduce_term' });
      assert.equal(res.statusCode, 201, res.body);
      const p = res.json();
      assert.equal(p.accrued_interest, '0.00');
      const emi = s1.principal + s1.interest;
      const fresh = p.schedule.slice(2);
      assert.ok(fresh.length < 35);
      assert.ok(fresh.slice(0, -1).every((i: { emi: string }) => minor(i.emi) === emi));
      assert.equal(
        fresh.reduce((s: number, i: { principal: string }) => s + minor(i.principal), 0),
        500_000 - s1.principal - 200_000,
      );
      await ledgerMatchesFacts(id);
    });

    test('foreclosure: the balance with interest to date closes the loan; the portfolio account is cleared', async () => {
      const { id, rate, schedule } = await activeLoan(2_000);
      const s1 = schedule[0]!;
      await post(`/api/v1/loans/${id}/repayments`, { amount: cents(due(s1)), value_date: '2025-02-10' });
      const balance = 200_000 - s1.principal;
      const payoff = balance + Math.round((balance * rate * 10) / 360); // 02-10 → 02-20
      const res = await post(`/api/v1/loans/${id}/prepayments`, { amount: cents(payoff), value_date: '2025-02-20', mode: 'reduce_term' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().state, 'closed');
      assert.equal(res.json().schedule.length, 2);
      const position = await loanLedgerPosition(t.db, id);
      assert.equal(position.loan_portfolio, 0);
      assert.equal(position.customer_credit, 0);
      await ledgerMatchesFacts(id);
      const again = await post(`/api/v1/loans/${id}/prepayments`, { amount: '10.00', value_date: '2025-02-20', mode: 'reduce_term' });
      assert.equal(again.statusCode, 409);
    });

    test('restructure: arrears carried, new rate and term after a moratorium, flagged, NPA while monitored, audited, no money posted', async () => {
      const { id, schedule } = await activeLoan(5_000);
      now = new Date('2025-04-10T12:00:00Z');
      const ledgerBefore = await count('ledger_entries');
      const res = await post(`/api/v1/loans/${id}/restructure`, {
        value_date: '2025-04-10',
        annual_rate: '0.1',
        term_months: 24,
        moratorium_months: 2,
        reason: 'job loss',
      });
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.deepEqual([r.state, r.restructured_on, r.monitored_until], ['active', '2025-04-10', '2026-07-10']);
      // Three instalments were due, none paid: frozen at zero; 24 new ones from 2025-07-10.
      assert.equal(r.schedule.length, 27);
      assert.ok(r.schedule.slice(0, 3).every((i: { emi: string; fees: string }) => i.emi === '0.00' && i.fees === '0.00'));
      assert.equal(r.schedule[3].due_date, '2025-07-10');
      // First new instalment: a month at 10% on 5,000.00 (41.67), the unpaid interest of instalments 1–3, two months of moratorium
      // (60 days 30/360: 83.33); fees: the 50.00 processing fee and the late fees of instalments 1 and 2 (3's grace runs to 04-15).
      const unpaidInterest = schedule[0]!.interest + schedule[1]!.interest + schedule[2]!.interest;
      assert.equal(r.schedule[3].interest, cents(4_167 + unpaidInterest + 8_333));
      assert.equal(r.schedule[3].fees, cents(5_000 + 2 * 2_500));
      assert.equal(minor(r.schedule[3].principal), computeEmi(500_000, 0.1, 24) - 4_167);
      assert.equal(
        r.schedule.reduce((s: number, i: { principal: string }) => s + minor(i.principal), 0),
        500_000,
      );
      assert.equal(await count('ledger_entries'), ledgerBefore); // totals unchanged: the journal is empty

      const got = (await get(`/api/v1/loans/${id}`)).json();
      assert.deepEqual(
        [got.state, got.restructured_on, got.monitored_until, got.annual_rate, got.term_months],
        ['active', '2025-04-10', '2026-07-10', '0.1', 24],
      );
      // Current (dpd 0) but an NPA from the restructure date while monitored.
      assert.deepEqual([got.dpd, got.npa, got.npa_since, got.irac_class, got.ifrs9_stage], [0, true, '2025-04-10', 'Sub-standard', 3]);
      const changes = await t.db.query<{ command: string; from_state: string; to_state: string; reason: string }>(
        "SELECT command, from_state, to_state, reason FROM loan_state_changes WHERE loan_id = $1 AND command = 'restructure'",
        [id],
      );
      assert.deepEqual(changes.rows, [{ command: 'restructure', from_state: 'active', to_state: 'active', reason: 'job loss' }]);
      const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'loan.restructure'", [id]);
      assert.equal(audit.rows.length, 1);
      await ledgerMatchesFacts(id);
      // Before the first new instalment (which carries the arrears) no prepayment is taken.
      const early = await post(`/api/v1/loans/${id}/prepayments`, { amount: '1000.00', value_date: '2025-04-10', mode: 'reduce_emi' });
      assert.equal(early.statusCode, 409, early.body);
      assert.match(problemOf(early).detail, /allowed: prepayments dated 2025-07-10 or later/);
      // Paying the first new instalment on time: dpd 0, still an NPA until 2026-07-10.
      now = new Date('2025-07-10T12:00:00Z');
      const pay = await post(`/api/v1/loans/${id}/repayments`, {
        amount: cents(minor(r.schedule[3].emi) + minor(r.schedule[3].fees)),
        value_date: '2025-07-10',
      });
      assert.equal(pay.statusCode, 201, pay.body);
      assert.deepEqual(pay.json().allocation.excess, '0.00');
      const paid = (await get(`/api/v1/loans/${id}`)).json();
      assert.deepEqual([paid.dpd, paid.npa], [0, true]);
      await ledgerMatchesFacts(id);
      // A restructured loan cannot have its disbursement undone.
      const undo = await post(`/api/v1/loans/${id}/transitions`, { command: 'undo_disbursement', reason: 'test' });
      assert.equal(undo.statusCode, 409);
      assert.match(problemOf(undo).detail, /restructured on 2025-04-10/);
      now = new Date('2025-03-01T12:00:00Z');
    });

    test('write-off and recovery: cash against the write-off expense, capped, retried once, closing when fully recovered', async () => {
      const { id, schedule } = await activeLoan(2_000);
      const s1 = schedule[0]!;
      await post(`/api/v1/loans/${id}/repayments`, { amount: cents(due(s1)), value_date: '2025-02-10' });
      const early = await post(`/api/v1/loans/${id}/recoveries`, { amount: '10.00', value_date: '2025-02-20' });
      assert.equal(early.statusCode, 409, 'no recovery on an active loan');
      const w = await post(`/api/v1/loans/${id}/write-off`, { reason: 'uncollectable' });
      assert.equal(w.statusCode, 200, w.body);
      const writtenOff = 200_000 - s1.principal;
      assert.equal(w.json().written_off, cents(writtenOff));
      const body = { amount: '500.00', value_date: '2025-02-25', external_id: 'REC-1' };
      const rec = await post(`/api/v1/loans/${id}/recoveries`, body, { 'idempotency-key': 'k-rec-1' });
      assert.equal(rec.statusCode, 201, rec.body);
      assert.deepEqual([rec.json().state, rec.json().recovered, rec.json().remaining], ['written_off', '500.00', cents(writtenOff - 50_000)]);
      const again = await post(`/api/v1/loans/${id}/recoveries`, body);
      assert.deepEqual([again.json().id, again.json().replayed], [rec.json().id, true]);
      const position = await loanLedgerPosition(t.db, id);
      assert.equal(position.write_off_expense, writtenOff - 50_000);
      assert.equal(position.loan_portfolio, 0);
      await ledgerMatchesFacts(id);
      const before = await counts();
      const tooMuch = await post(`/api/v1/loans/${id}/recoveries`, { amount: cents(writtenOff), value_date: '2025-02-26' });
      assert.equal(tooMuch.statusCode, 422, tooMuch.body);
      assert.deepEqual(await counts(), before);
      const rest = await post(`/api/v1/loans/${id}/recoveries`, { amount: cents(writtenOff - 50_000), value_date: '2025-02-26' });
      assert.deepEqual([rest.json().state, rest.json().remaining], ['closed', '0.00']);
      assert.equal((await loanLedgerPosition(t.db, id)).write_off_expense, 0);
      await ledgerMatchesFacts(id);
    });

    test('collateral and guarantors: add, list, release once; LTV from unreleased collateral on GET loan', async () => {
      const { id } = await activeLoan(5_000);
      const house = await post(`/api/v1/loans/${id}/collateral`, { type: 'property', description: 'flat, 2 rooms', value: '8000.00', valued_on: '2025-01-05' });
      assert.equal(house.statusCode, 201, house.body);
      const car = await post(`/api/v1/loans/${id}/collateral`, { type: 'vehicle', description: 'car', value: 2000, valued_on: '2025-01-06' });
      assert.equal(car.json().value, '2000.00');
      const future = await post(`/api/v1/loans/${id}/collateral`, { type: 'gold', description: 'ring', value: '10.00', valued_on: '2025-03-02' });
      assert.equal(future.statusCode, 422);
      let got = (await get(`/api/v1/loans/${id}`)).json();
      assert.equal(got.collateral_value, '10000.00');
      assert.equal(got.ltv, 0.5); // 5,000.00 outstanding / 10,000.00
      const released = await post(`/api/v1/loans/${id}/collateral/${car.json().id}/release`, { reason: 'sold with consent' });
      assert.equal(released.statusCode, 200, released.body);
      assert.equal(released.json().released, true);
      assert.equal((await post(`/api/v1/loans/${id}/collateral/${car.json().id}/release`, { reason: 'again' })).statusCode, 409);
      got = (await get(`/api/v1/loans/${id}`)).json();
      assert.deepEqual([got.collateral_value, got.ltv], ['8000.00', 0.625]);
      const list = (await get(`/api/v1/loans/${id}/collateral`)).json();
      assert.deepEqual(
        list.map((c: { type: string; released: boolean }) => [c.type, c.released]),
        [
          ['property', false],
          ['vehicle', true],
        ],
      );
      const g = await post(`/api/v1/loans/${id}/guarantors`, { name: 'A. Guarantor', relationship: 'parent', guaranteed_amount: '2500.00' });
      assert.equal(g.statusCode, 201, g.body);
      assert.equal(g.json().guaranteed_amount, '2500.00');
      const unknown = await post(`/api/v1/loans/${id}/guarantors`, {
        name: 'B',
        customer_id: '00000000-0000-4000-8000-000000000000',
        guaranteed_amount: '1.00',
      });
      assert.equal(unknown.statusCode, 404);
      assert.equal((await post(`/api/v1/loans/${id}/guarantors/${g.json().id}/release`, { reason: 'repaid' })).statusCode, 200);
      assert.equal((await get(`/api/v1/loans/${id}/guarantors`)).json()[0].released, true);
      const auditor = await t.app.inject({
        method: 'POST',
        url: `/api/v1/loans/${id}/collateral`,
        headers: as('auditor'),
        payload: { type: 'gold', description: 'x', value: '1.00', valued_on: '2025-01-01' },
      });
      assert.equal(auditor.statusCode, 403);
    });

    test('state machine: referred → submitted → approve / undo approval / reject; illegal commands are 409 naming the allowed ones; undo disbursement', async () => {
      const referred = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, segment: 'new' } });
      assert.equal(referred.json().decision.action, 'refer');
      // A referral carries no price: the reviewer gives the rate (and may not override a priced decision).
      const unpriced = await post('/api/v1/loans', { application_id: referred.json().application_id });
      assert.equal(unpriced.statusCode, 422);
      const created = await post('/api/v1/loans', { application_id: referred.json().application_id, annual_rate: '0.18' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().state, 'submitted');
      const id = created.json().id;
      const command = (c: string) => post(`/api/v1/loans/${id}/transitions`, { command: c, reason: `test ${c}` });
      const illegal = await post(`/api/v1/loans/${id}/disburse`, { value_date: '2025-01-10' });
      assert.equal(illegal.statusCode, 409);
      assert.match(problemOf(illegal).detail, /allowed: approve, reject, withdraw$/);
      assert.equal((await command('approve')).json().state, 'approved');
      assert.equal((await command('undo_approval')).json().state, 'submitted');
      assert.equal((await command('reject')).json().state, 'rejected');
      const final = await command('approve');
      assert.equal(final.statusCode, 409);
      assert.match(problemOf(final).detail, /none \(final state\)/);
      const history = await t.db.query<{ command: string; to_state: string; actor: boolean }>(
        'SELECT command, to_state, actor_id IS NOT NULL AS actor FROM loan_state_changes WHERE loan_id = $1 ORDER BY seq',
        [id],
      );
      assert.deepEqual(
        history.rows.map((r) => [r.command, r.to_state, r.actor]),
        [
          ['create', 'submitted', true],
          ['approve', 'approved', true],
          ['undo_approval', 'submitted', true],
          ['reject', 'rejected', true],
        ],
      );
      // Undo of a disbursement: refused while a repayment lives, then back to approved with the ledger at zero.
      const priced = await post('/api/v1/applications', { data: GOOD_APPLICATION });
      assert.equal((await post('/api/v1/loans', { application_id: priced.json().application_id, annual_rate: '0.01' })).statusCode, 422);
      const { id: loanId } = await activeLoan(1_000);
      const pay = await post(`/api/v1/loans/${loanId}/repayments`, { amount: '20.00', value_date: '2025-01-20' });
      const undo = () => post(`/api/v1/loans/${loanId}/transitions`, { command: 'undo_disbursement', reason: 'wrong account' });
      assert.equal((await undo()).statusCode, 409);
      await post(`/api/v1/loans/${loanId}/repayments/${pay.json().id}/reversal`, { reason: 'returned' });
      const undone = await undo();
      assert.equal(undone.json().state, 'approved');
      const position = await loanLedgerPosition(t.db, loanId);
      assert.ok(Object.values(position).every((v) => v === 0));
      const withdrawn = await post(`/api/v1/loans/${loanId}/transitions`, { command: 'withdraw', reason: 'customer' });
      assert.equal(withdrawn.json().state, 'withdrawn');
    });
  });
}
