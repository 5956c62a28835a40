import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_PRODUCT } from '../../src/servicing/index.js';
import type { Database } from '../../src/store/index.js';
import { closeBook } from '../../src/store/repositories/close.js';
import { loanLedgerPosition, trialBalance } from '../../src/store/repositories/ledger.js';
import { ensureDefaultProduct } from '../../src/store/repositories/loans.js';
import { disburseLoan, type LoanActor, recordRepayment } from '../../src/store/repositories/loans-commands.js';
import { backends, openTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * The close's accrual, late fees and alerts on hand-worked loans (the worked loan of
 * docs/servicing.md: 1,200.00 at 12% for 12 months, default product, 30/360, disbursed
 * 2025-01-15, origination PD 3%). Schedule interest: 12.00, 11.05, 10.10, 9.13, 8.16 … cents
 * 1200, 1105, 1010, 913, 816 (balance·1%, rounded).
 */
const A = '00000000-0000-4000-8000-00000000000a'; // pays nothing
const B = '00000000-0000-4000-8000-00000000000b'; // pays 50.00 in advance on 2025-02-10

async function approvedLoan(db: Database, id: string): Promise<void> {
  await db.query("INSERT INTO applications (id, input) VALUES ($1, '{}'::jsonb)", [id]);
  await db.query(
    `INSERT INTO loans (id, application_id, product_id, product_version, state, currency, principal, annual_rate, term_months, pd)
     VALUES ($1, $1, $2, $3, 'approved', 'USD', 120000, 0.12, 12, 0.03)`,
    [id, DEFAULT_PRODUCT.id, DEFAULT_PRODUCT.version],
  );
  await db.query('INSERT INTO loan_product_snapshots (loan_id, product) VALUES ($1, $2::jsonb)', [id, JSON.stringify(DEFAULT_PRODUCT)]);
}

const actor = (today: string): LoanActor => ({ userId: null, role: 'system', today });

for (const backend of backends()) {
  describe(`close rules to the cent on ${backend}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(backend);
      await ensureDefaultProduct(t.db);
      for (const id of [A, B]) {
        await approvedLoan(t.db, id);
        await t.db.transaction((tx) => disburseLoan(tx, id, '2025-01-15', actor('2025-01-15')));
      }
    });
    after(() => t.dispose());

    const row = async (id: string, asOf: string) =>
      (
        await t.db.query<{ accrued: string; late_fees: string; dpd: number; ifrs9_stage: number; irac_class: string; pd: number; provision: string }>(
          'SELECT accrued, late_fees, dpd, ifrs9_stage, irac_class, pd, provision FROM loan_classifications WHERE loan_id = $1 AND as_of = $2::date',
          [id, asOf],
        )
      ).rows[0];
    const alerts = async (id: string) =>
      (
        await t.db.query<{ as_of: string; kind: string }>(
          "SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, kind FROM loan_alerts WHERE loan_id = $1 ORDER BY as_of, kind",
          [id],
        )
      ).rows.map((r) => `${r.as_of} ${r.kind}`);
    const ledger = async (id: string) => {
      const p = await loanLedgerPosition(t.db, id);
      return { receivable: p.interest_receivable, income: p.interest_income, provisions: p.provisions };
    };

    test('interest accrues day by day to the cent, income recognised once, and stops (reversed) at NPA', async () => {
      // First close 5 days in: 1200 · 5/30 = 200; provision 0.4% of 1,200.00 = 4.80.
      await closeBook(t.db, '2025-01-20');
      assert.equal(Number((await row(A, '2025-01-20'))?.accrued), 200);
      assert.deepEqual(await ledger(A), { receivable: 200, income: -200, provisions: -480 });
      // 30E/360: 31 January counts as the 30th, so 15 days: 600.
      await closeBook(t.db, '2025-01-31');
      assert.equal(Number((await row(A, '2025-01-31'))?.accrued), 600);
      // B pays 50.00 on 2025-02-10 (before instalment 1 is due): fee 12.00, interest 12.00, principal 26.00.
      // Its paid interest (1,200) exceeds the accrual (1,000): income 12.00, nothing receivable.
      await closeBook(t.db, '2025-02-09');
      const paid = await t.db.transaction((tx) => recordRepayment(tx, B, { amount: 5000, valueDate: '2025-02-10' }, actor('2025-02-10')));
      assert.deepEqual({ ...paid.allocation }, { penalty: 0, fees: 1200, interest: 1200, principal: 2600, excess: 0 });
      assert.deepEqual(await ledger(B), { receivable: 0, income: -1200, provisions: -480 });
      await closeBook(t.db, '2025-02-11');
      assert.equal(Number((await row(B, '2025-02-11'))?.accrued), 1200);
      // No accrual posted (1,040 accrued < 1,200 paid); provision 0.4% of 1,174.00 = 4.696 → 4.70.
      assert.deepEqual(await ledger(B), { receivable: 0, income: -1200, provisions: -470 });
      // A on its first due date: all of instalment 1's interest; on 1 March 1200 + floor(1105·16/30) = 1789.
      await closeBook(t.db, '2025-02-15');
      assert.equal(Number((await row(A, '2025-02-15'))?.accrued), 1200);
      await closeBook(t.db, '2025-03-01');
      assert.equal(Number((await row(A, '2025-03-01'))?.accrued), 1789);
      assert.deepEqual(await ledger(A), { receivable: 1789, income: -1789, provisions: -480 });
      // The day before NPA: 1200 + 1105 + 1010 + 913 + floor(816·1/30) = 4255 accrued, none paid.
      await closeBook(t.db, '2025-05-16');
      assert.equal(Number((await row(A, '2025-05-16'))?.accrued), 4255);
      assert.deepEqual(await ledger(A), { receivable: 4255, income: -4255, provisions: -480 });
      // NPA on 2025-05-17 (dpd 91): the unpaid accrual is reversed; provision 15% = 180.00.
      await closeBook(t.db, '2025-05-17');
      const npa = await row(A, '2025-05-17');
      assert.deepEqual(
        { accrued: Number(npa?.accrued), dpd: npa?.dpd, irac: npa?.irac_class, stage: npa?.ifrs9_stage, pd: npa?.pd },
        {
          accrued: 0,
          dpd: 91,
          irac: 'Sub-standard',
          stage: 3,
          pd: 1,
        },
      );
      assert.deepEqual(await ledger(A), { receivable: 0, income: 0, provisions: -18000 });
      // The daily accrual journals of A sum to what was recognised and reversed.
      const { rows } = await t.db.query<{ dr: string; cr: string }>(
        "SELECT sum(debit) AS dr, sum(credit) AS cr FROM ledger_entries WHERE loan_id = $1 AND account = 'interest_receivable'",
        [A],
      );
      assert.deepEqual([Number(rows[0]?.dr), Number(rows[0]?.cr)], [4255, 4255]);
      const tb = await trialBalance(t.db);
      assert.equal(tb.debits, tb.credits);
    });

    test('late fee on the 6th day after the due date; stage 2 at 31 dpd, PD doubled at 32, three late instalments, NPA at 91', async () => {
      // Closed through 2025-05-17 by the previous test (catch-up over every date in between).
      assert.equal(Number((await row(A, '2025-02-20'))?.late_fees), 0);
      assert.equal(Number((await row(A, '2025-02-21'))?.late_fees), 2500);
      assert.equal(Number((await row(A, '2025-03-21'))?.late_fees), 5000); // instalment 2 (due 03-15) too
      // dpd 31 on 03-18: behavioural PD = odds 0.03/0.97 · 2^(31/30) = 0.063301 → PD 0.059533 < 6%: stage 2 by dpd alone.
      const s2 = await row(A, '2025-03-18');
      assert.equal(s2?.ifrs9_stage, 2);
      assert.ok(Math.abs((s2?.pd as number) - 0.059533) < 1e-6, String(s2?.pd));
      // dpd 32: 0.03/0.97 · 2^(32/30) = 0.064781 → PD 0.060840 ≥ 2 · 3%.
      assert.ok(Math.abs(((await row(A, '2025-03-19'))?.pd as number) - 0.06084) < 1e-6);
      assert.equal((await row(A, '2025-03-17'))?.ifrs9_stage, 1);
      // Instalments 1–3 (due 02-15, 03-15, 04-15) all unpaid on their due dates: alert the day after the third,
      // once for the run (instalment 4, late on 05-16, extends it).
      assert.deepEqual(await alerts(A), ['2025-03-18 stage_2', '2025-03-19 pd_doubled', '2025-04-16 late_payments_3', '2025-05-17 npa']);
      // B paid part of instalment 1 early, not all of it: its instalments 1–3 are late too.
      assert.ok((await alerts(B)).includes('2025-04-16 late_payments_3'));
      const { rows } = await t.db.query<{ alerts: number }>("SELECT alerts FROM close_runs WHERE as_of = '2025-04-16'");
      assert.equal(rows[0]?.alerts, 2);
    });
  });
}
