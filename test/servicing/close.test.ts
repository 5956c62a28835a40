import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Rng } from '../../src/random/index.js';
import { type Classification, classifyLoan, dayNumber, isoDay, replayLoan } from '../../src/servicing/index.js';
import { closeBook } from '../../src/store/repositories/close.js';
import { trialBalance } from '../../src/store/repositories/ledger.js';
import { getLoan, listInstalments, listRepayments } from '../../src/store/repositories/loans.js';
import { backends, configure, GOOD_APPLICATION, startTestService, type TestService } from '../server/harness.js';

/**
 * The set-based close against the pure rules: a seeded random book (disbursements on different
 * dates, partial, late, backdated and reversed payments) is closed in SQL, and every loan's stored
 * classification must equal `classifyLoan` on `replayLoan` of the same loan, date after date.
 */
for (const backend of backends()) {
  describe(`daily close on ${backend}`, () => {
    let t: TestService;
    const ids: string[] = [];
    const restructuredIds: string[] = [];
    before(async () => {
      t = await startTestService(backend);
      await configure(t);
      const rng = new Rng(15);
      const headers = { authorization: `Bearer ${t.keys.loan_officer}` };
      for (let k = 0; k < 24; k++) {
        const app = await t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers,
          payload: { data: { ...GOOD_APPLICATION, requested_amount: 2_000 + 500 * k } },
        });
        const loan = await t.app.inject({ method: 'POST', url: '/api/v1/loans', headers, payload: { application_id: app.json().application_id } });
        const id = loan.json().id as string;
        ids.push(id);
        const start = dayNumber('2025-01-01') + rng.nextInt(60);
        await t.app.inject({ method: 'POST', url: `/api/v1/loans/${id}/disburse`, headers, payload: { value_date: isoDay(start) } });
        const payments: string[] = [];
        for (let p = 0; p < rng.nextInt(8); p++) {
          const res = await t.app.inject({
            method: 'POST',
            url: `/api/v1/loans/${id}/repayments`,
            headers,
            // Random amounts and dates in any order (later ones backdated before earlier ones).
            payload: { amount: (20 + rng.nextInt(200_00) / 100).toFixed(2), value_date: isoDay(start + 1 + rng.nextInt(200)) },
          });
          assert.equal(res.statusCode, 201, res.body);
          payments.push(res.json().id);
        }
        if (payments.length > 1 && rng.nextDouble() < 0.5) {
          const rev = await t.app.inject({
            method: 'POST',
            url: `/api/v1/loans/${id}/repayments/${payments[0]}/reversal`,
            headers,
            payload: { reason: 'bounced' },
          });
          assert.equal(rev.statusCode, 200, rev.body);
        }
      }
      // Two loans never paid, to be restructured with a two-month moratorium (arrears carried into the
      // first new instalment): A (disbursed 03-01, 24 dpd) on 04-25, before the first close; B
      // (disbursed 2024-12-01, an NPA from 04-02) on 05-02, after the first close stored its NPA date.
      for (const disbursed of ['2025-03-01', '2024-12-01']) {
        const app = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers, payload: { data: GOOD_APPLICATION } });
        const id = (await t.app.inject({ method: 'POST', url: '/api/v1/loans', headers, payload: { application_id: app.json().application_id } })).json().id;
        await t.app.inject({ method: 'POST', url: `/api/v1/loans/${id}/disburse`, headers, payload: { value_date: disbursed } });
        restructuredIds.push(id);
      }
      ids.push(...restructuredIds);
      await restructure(restructuredIds[0], '2025-04-25');
      // A's monitoring period is cut short to 06-01 (a year in the real rule) so the catch-up reaches its end.
      await t.db.query("UPDATE loans SET monitored_until = '2025-06-01' WHERE id = $1", [restructuredIds[0]]);
    });
    after(() => t.close());
    const restructure = async (id: string | undefined, valueDate: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/loans/${id}/restructure`,
        headers: { authorization: `Bearer ${t.keys.loan_officer}` },
        payload: { value_date: valueDate, annual_rate: '0.1', term_months: 24, moratorium_months: 2, reason: 'job loss' },
      });
      assert.equal(res.statusCode, 200, res.body);
    };

    test("each instalment's stored paid totals equal its allocations' sums (after backdated payments, reversals, restructures)", async () => {
      type Inst = { loan_id: string; n: number; due: string; grace: number; pp: string; pi: string; on_time: string; by_check: string; last: string | null };
      const { rows: insts } = await t.db.query<Inst>(
        `SELECT i.loan_id, i.n, to_char(i.due_date, 'YYYY-MM-DD') AS due, (p.product->>'lateFeeGraceDays')::int AS grace, i.paid_principal AS pp,
                i.paid_interest AS pi, i.paid_on_time AS on_time, i.paid_by_check AS by_check, to_char(i.last_paid_on, 'YYYY-MM-DD') AS last
           FROM loan_instalments i JOIN loan_product_snapshots p ON p.loan_id = i.loan_id`,
      );
      const { rows: allocations } = await t.db.query<{ loan_id: string; n: number; d: string; principal: string; interest: string }>(
        "SELECT loan_id, n, to_char(value_date, 'YYYY-MM-DD') AS d, principal, interest FROM loan_allocations",
      );
      const expected = new Map<string, { pp: number; pi: number; onTime: number; byCheck: number; last: string | null }>();
      const dueOf = new Map(insts.map((i) => [`${i.loan_id} ${i.n}`, i]));
      for (const a of allocations) {
        const key = `${a.loan_id} ${a.n}`;
        const inst = dueOf.get(key);
        assert.ok(inst !== undefined, `allocation to a missing instalment ${key}`);
        const e = expected.get(key) ?? { pp: 0, pi: 0, onTime: 0, byCheck: 0, last: null };
        const paid = Number(a.principal) + Number(a.interest);
        e.pp += Number(a.principal);
        e.pi += Number(a.interest);
        if (a.d <= inst.due) e.onTime += paid;
        if (dayNumber(a.d) <= dayNumber(inst.due) + inst.grace) e.byCheck += paid;
        if (e.last === null || a.d > e.last) e.last = a.d;
        expected.set(key, e);
      }
      for (const i of insts) {
        const e = expected.get(`${i.loan_id} ${i.n}`) ?? { pp: 0, pi: 0, onTime: 0, byCheck: 0, last: null };
        assert.deepEqual(
          { pp: Number(i.pp), pi: Number(i.pi), onTime: Number(i.on_time), byCheck: Number(i.by_check), last: i.last },
          e,
          `instalment ${i.n} of ${i.loan_id}`,
        );
      }
      // Both of the close's paths run below: instalments paid by the first close date (the stored
      // totals) and instalments with payments dated after it (the allocations summed).
      assert.ok(insts.some((i) => i.last !== null && i.last <= '2025-05-01'));
      assert.ok(insts.some((i) => i.last !== null && i.last > '2025-06-10'));
      assert.ok(allocations.length > 50, String(allocations.length));
    });

    test('stored classifications equal the pure rules on every loan, on the first date and over a 40-day catch-up', async () => {
      const previous = new Map<string, string | null>();
      const check = async (asOf: string) => {
        const { rows } = await t.db.query<Record<string, unknown>>(
          "SELECT loan_id, dpd, bucket, irac_class, npa, to_char(npa_since, 'YYYY-MM-DD') AS npa_since, ifrs9_stage, ecl, provision, outstanding FROM loan_classifications WHERE as_of = $1::date",
          [asOf],
        );
        const stored = new Map(rows.map((r) => [r.loan_id as string, r]));
        let compared = 0;
        for (const id of ids) {
          const loan = (await getLoan(t.db, id))!;
          if (loan.disbursedOn === null || loan.disbursedOn > asOf || loan.state !== 'active') continue;
          const schedule = await listInstalments(t.db, id);
          const position = replayLoan(loan.product, schedule, await listRepayments(t.db, id), asOf);
          const c: Classification = classifyLoan(loan.product, {
            asOf,
            dpd: position.dpd,
            outstandingPrincipal: position.outstandingPrincipal,
            remainingMonths: schedule.filter((i) => i.dueDate > asOf).length,
            pd: loan.pd,
            previousNpaSince: previous.get(id) ?? null,
            restructured:
              loan.restructuredOn === null || loan.monitoredUntil === null ? null : { on: loan.restructuredOn, monitoredUntil: loan.monitoredUntil },
          });
          previous.set(id, c.npaSince);
          const s = stored.get(id);
          assert.ok(s !== undefined, `loan ${id} not closed on ${asOf}`);
          assert.deepEqual(
            { ...s, ecl: Number(s.ecl), provision: Number(s.provision), outstanding: Number(s.outstanding) },
            {
              loan_id: id,
              dpd: c.dpd,
              bucket: c.bucket,
              irac_class: c.iracClass,
              npa: c.npa,
              npa_since: c.npaSince,
              ifrs9_stage: c.ifrs9Stage,
              ecl: c.ecl,
              provision: c.provision,
              outstanding: position.outstandingPrincipal,
            },
            `loan ${id} on ${asOf}`,
          );
          compared += 1;
        }
        assert.equal(compared, rows.length);
        return compared;
      };
      const first = await closeBook(t.db, '2025-05-01');
      assert.equal(first.datesClosed, 1);
      assert.equal(await check('2025-05-01'), first.loans);
      await restructure(restructuredIds[1], '2025-05-02');
      const caught = await closeBook(t.db, '2025-06-10');
      assert.equal(caught.datesClosed, 40);
      const classes = new Set<string>();
      for (let d = dayNumber('2025-05-02'); d <= dayNumber('2025-06-10'); d++) {
        await check(isoDay(d));
        const { rows } = await t.db.query<{ irac_class: string }>('SELECT DISTINCT irac_class FROM loan_classifications WHERE as_of = $1::date', [isoDay(d)]);
        for (const r of rows) classes.add(r.irac_class);
      }
      // The random book reaches both sides of the NPA line.
      assert.ok(classes.has('Standard') || classes.has('SMA-0'), [...classes].join());
      assert.ok(classes.has('Sub-standard'), [...classes].join());
      // The restructured loans by hand. A: an NPA from its restructure date 04-25 (at 24 dpd) while
      // monitored, Standard once the monitoring ends (0 dpd: its first new instalment is due 07-25).
      // B: an NPA from 04-02 (the 91st day past its 01-01 instalment), a date its restructure keeps.
      const classOf = async (id: string | undefined, asOf: string) =>
        (
          await t.db.query<{ npa_since: string | null; irac_class: string }>(
            "SELECT to_char(npa_since, 'YYYY-MM-DD') AS npa_since, irac_class FROM loan_classifications WHERE loan_id = $1 AND as_of = $2::date",
            [id, asOf],
          )
        ).rows[0];
      const [a, b] = restructuredIds;
      assert.deepEqual(await classOf(a, '2025-05-01'), { npa_since: '2025-04-25', irac_class: 'Sub-standard' });
      assert.deepEqual(await classOf(a, '2025-05-31'), { npa_since: '2025-04-25', irac_class: 'Sub-standard' });
      assert.deepEqual(await classOf(a, '2025-06-01'), { npa_since: null, irac_class: 'Standard' });
      assert.deepEqual(await classOf(b, '2025-05-01'), { npa_since: '2025-04-02', irac_class: 'Sub-standard' });
      assert.deepEqual(await classOf(b, '2025-06-10'), { npa_since: '2025-04-02', irac_class: 'Sub-standard' });
      // Idempotent: a closed date returns its figures and writes nothing; an older unclosed one is refused.
      const counts = async () => (await t.db.query('SELECT (SELECT count(*) FROM loan_classifications) AS c, (SELECT count(*) FROM ledger_entries) AS l')).rows;
      const before = await counts();
      const again = await closeBook(t.db, '2025-06-10');
      assert.deepEqual({ ...again, datesClosed: 40 }, caught);
      assert.deepEqual(await counts(), before);
      await assert.rejects(closeBook(t.db, '2025-04-01'), /closed up to 2025-06-10/);
      const tb = await trialBalance(t.db);
      assert.equal(tb.debits, tb.credits);
      // The provisions account holds exactly the provisions of the last close.
      const { rows: p } = await t.db.query<{ total: string }>(
        "SELECT coalesce(sum(provision), 0) AS total FROM loan_classifications WHERE as_of = '2025-06-10'",
      );
      const provisions = tb.accounts.find((a) => a.account === 'provisions');
      assert.equal((provisions?.credit ?? 0) - (provisions?.debit ?? 0), Number(p[0]?.total));
    });
  });
}
