import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Frame, numericColumn } from '../../src/frame/index.js';
import { parseYaml } from '../../src/io/index.js';
import { studyLimits } from '../../src/portfolio/index.js';
import { loanLedgerPosition } from '../../src/store/index.js';
import { repoRoot } from '../repo-root.js';
import { backends, configure, GOOD_APPLICATION, problemOf, startTestService, type TestService } from '../server/harness.js';

const minor = (s: string) => Math.round(Number(s) * 100);

for (const backend of backends()) {
  describe(`credit lines and the periodic limit review on ${backend}`, () => {
    let t: TestService;
    let config: Record<string, unknown>;
    before(async () => {
      t = await startTestService(backend, { clock: () => new Date('2025-07-01T09:00:00Z') });
      await configure(t);
      config = parseYaml(await readFile(join(repoRoot, 'examples/optimise/limit-review.yaml'), 'utf8'), 'limit-review.yaml') as Record<string, unknown>;
    });
    after(() => t.close());
    const as = (role: 'admin' | 'loan_officer' | 'auditor') => ({ authorization: `Bearer ${t.keys[role]}` });
    const post = (url: string, payload: unknown, role: 'admin' | 'loan_officer' = 'loan_officer') =>
      t.app.inject({ method: 'POST', url, headers: as(role), payload: payload as object });
    async function openLine(data: Record<string, unknown>, openedOn: string): Promise<string> {
      const app = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, ...data } });
      assert.equal(app.json().decision.action, 'approve', app.body);
      const res = await post('/api/v1/credit-lines', { application_id: app.json().application_id, opened_on: openedOn });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id;
    }

    test('lines are drawn and repaid within their limit, posted to the ledger once per external id', async () => {
      const id = await openLine({ requested_amount: 3_000 }, '2025-01-02');
      const line = (await t.app.inject({ method: 'GET', url: `/api/v1/credit-lines/${id}`, headers: as('auditor') })).json();
      assert.deepEqual([line.credit_limit, line.balance, line.available], ['3000.00', '0.00', '3000.00']);
      const draw = await post(`/api/v1/credit-lines/${id}/draws`, { amount: '1200.50', value_date: '2025-02-01', external_id: 'D-1' });
      assert.equal(draw.statusCode, 201, draw.body);
      assert.deepEqual([draw.json().line.balance, draw.json().line.available], ['1200.50', '1799.50']);
      const again = await post(`/api/v1/credit-lines/${id}/draws`, { amount: '1200.50', value_date: '2025-02-01', external_id: 'D-1' });
      assert.deepEqual([again.json().id, again.json().replayed, again.json().line.balance], [draw.json().id, true, '1200.50']);
      const over = await post(`/api/v1/credit-lines/${id}/draws`, { amount: '1800.00', value_date: '2025-02-02' });
      assert.equal(over.statusCode, 422);
      assert.equal(problemOf(over).code, 'E_SERVICING_INPUT_INVALID');
      // A repayment pays the late fees first: the statement of 02-02 asked a minimum due 02-22, unpaid, so
      // 25.00 was charged on 02-23. Then the interest accrued to the day before: 1,200.50 for 28 days
      // (02-01..02-28, actual/365) at the line's rate, floored to the cent; the rest repays principal.
      const interest = Math.floor((120_050 * Number(line.annual_rate) * 28) / 365);
      assert.ok(interest > 0);
      const repay = await post(`/api/v1/credit-lines/${id}/repayments`, { amount: '200.50', value_date: '2025-03-01' });
      assert.equal(repay.json().line.balance, ((100_000 + interest + 2_500) / 100).toFixed(2));
      const tb = (await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: as('auditor') })).json();
      assert.equal(tb.balanced, true);
      const portfolio = tb.accounts.find((a: { account: string }) => a.account === 'loan_portfolio');
      assert.deepEqual([portfolio.debit, portfolio.credit], ['1200.50', ((20_050 - interest - 2_500) / 100).toFixed(2)]);
      assert.equal((await loanLedgerPosition(t.db, id)).cash, 0); // not a loan: posted to the book, not to a loan
      // Posted with the line's id: its loan_portfolio entries hold its principal, 1,200.50 − (200.50 − 25.00 − interest);
      // the fee and the interest paid before any close recognised them are income at once.
      const { rows } = await t.db.query<{ account: string; balance: string }>(
        'SELECT account, sum(debit) - sum(credit) AS balance FROM ledger_entries WHERE line_id = $1 AND loan_id IS NULL GROUP BY account ORDER BY account',
        [id],
      );
      assert.deepEqual(
        rows.map((r) => [r.account, Number(r.balance)]),
        [
          ['cash', -100_000],
          ['fee_income', -2_500],
          ['interest_income', -interest],
          ['loan_portfolio', 100_000 + interest + 2_500],
        ],
      );
    });

    test('the review applies the optimised policy of optimise limits to seasoned lines, audited; the reversal restores every limit once', async () => {
      for (const [score, amount] of [
        [600, 2_000],
        [640, 4_000],
        [680, 6_000],
        [720, 8_000],
        [760, 10_000],
        [800, 12_000],
      ] as const) {
        const id = await openLine({ bureau_score: score, requested_amount: amount }, '2025-01-15');
        await post(`/api/v1/credit-lines/${id}/draws`, { amount: String(amount / 2), value_date: '2025-02-01' });
      }
      const young = await openLine({ bureau_score: 700, requested_amount: 5_000 }, '2025-06-01'); // under 90 days on 06-30
      const { rows } = await t.db.query<{ id: string; credit_limit: string; balance: string; annual_rate: string; pd: number; score: number }>(
        "SELECT id, credit_limit, balance, annual_rate::text AS annual_rate, pd, score FROM credit_lines WHERE opened_on <= '2025-04-01' ORDER BY id",
      );
      const before = new Map(rows.map((r) => [r.id, Number(r.credit_limit)]));
      // The peer: credo optimise limits' study over the same accounts (major units).
      const frame = new Frame([
        numericColumn(
          'pd',
          Float64Array.from(rows, (r) => r.pd),
        ),
        numericColumn(
          'limit',
          Float64Array.from(rows, (r) => Number(r.credit_limit) / 100),
        ),
        numericColumn(
          'balance',
          Float64Array.from(rows, (r) => Number(r.balance) / 100),
        ),
        numericColumn(
          'rate',
          Float64Array.from(rows, (r) => Number(r.annual_rate)),
        ),
        numericColumn(
          'score',
          Float64Array.from(rows, (r) => r.score),
        ),
      ]);
      const study = await studyLimits(frame, config, 'limit-review.yaml', { frontier: false });
      assert.ok('assignment' in study.result, JSON.stringify(study.result));

      assert.equal((await post('/api/v1/jobs/limit-review', { as_of: '2025-06-30', config })).statusCode, 403);
      // Seven seasoned lines: these six and the one of the test above (the one opened on 06-01 is too young).
      assert.equal(rows.length, 7);
      const res = await post('/api/v1/jobs/limit-review', { as_of: '2025-06-30', config }, 'admin');
      assert.equal(res.statusCode, 200, res.body);
      const review = res.json();
      assert.equal(review.accounts, rows.length);
      assert.deepEqual(review.result.assignment, study.result.assignment);
      const changeOf = new Map(
        (study.result.assignment as readonly { segment: string; action: string }[]).map((a) => [
          a.segment,
          a.action === 'keep' ? 0 : Number(a.action.replace('%', '')) / 100,
        ]),
      );
      let changed = 0;
      for (const id of before.keys()) {
        const line = (await t.app.inject({ method: 'GET', url: `/api/v1/credit-lines/${id}`, headers: as('auditor') })).json();
        const old = before.get(id) as number;
        if (line.limit_changes.length === 0) {
          assert.equal(minor(line.credit_limit), old);
          continue;
        }
        changed += 1;
        const [c] = line.limit_changes;
        assert.equal(c.change, changeOf.get(c.segment));
        assert.equal(minor(c.old_limit), old);
        assert.equal(minor(line.credit_limit), Math.max(minor(line.balance), Math.round(old * (1 + c.change))));
      }
      assert.ok(changed > 0, 'the optimum changes some limits');
      assert.equal(review.changed, changed);
      const young_ = (await t.app.inject({ method: 'GET', url: `/api/v1/credit-lines/${young}`, headers: as('auditor') })).json();
      assert.deepEqual([young_.credit_limit, young_.limit_changes], ['5000.00', []]);
      const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'credit_line.limit_change'");
      assert.equal(audit.rows.length, changed);

      const reversal = await post(`/api/v1/jobs/limit-review/${review.id}/reversal`, { reason: 'board decision' }, 'admin');
      assert.equal(reversal.statusCode, 200, reversal.body);
      assert.deepEqual(reversal.json(), { id: review.id, status: 'reversed', restored: changed });
      for (const id of before.keys()) {
        const line = (await t.app.inject({ method: 'GET', url: `/api/v1/credit-lines/${id}`, headers: as('auditor') })).json();
        assert.equal(minor(line.credit_limit), before.get(id));
        assert.ok(line.limit_changes.every((c: { reversed: boolean }) => c.reversed));
      }
      assert.equal((await post(`/api/v1/jobs/limit-review/${review.id}/reversal`, { reason: 'again' }, 'admin')).statusCode, 409);
    });
  });
}
