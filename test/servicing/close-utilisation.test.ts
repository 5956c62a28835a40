import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeBook } from '../../src/store/repositories/close.js';
import { backends, configure, GOOD_APPLICATION, startTestService, type TestService } from '../server/harness.js';

/**
 * The daily close's utilisation-jump alert on revolving credit lines (a balance 30% of the limit
 * above its lowest of the last 30 days), by hand. With L each line's limit:
 *   X opened 01-02: draws 10% of L on 01-10, 30% more on 03-01 → 40% on 03-01 against a lowest
 *     10% since 01-30: exactly 30 points, alerted on 03-01 only (03-02 is the same jump);
 *   Y opened 01-02: draws 10% on 01-10, 29% more on 03-01 → 29 points, never alerted;
 *   Z opened 02-15: draws 50% on 02-20 → 50 points over 0% (a young line counts from 0), alerted
 *     on 02-20; repays all on 02-25 and draws 50% again on 03-20 → alerted again on 03-20, and not
 *     on 03-27 when the window leaves the 02-20 draw (the lowest is still the 0% of 02-25);
 *   W opened 01-02: draws 20% of L on 01-10 and 35% on 02-10 → alerted on 02-10 against L, its
 *     limit then; a review as of 03-01 doubles the limit, and 50% of L drawn on 03-20 is 25% of
 *     the new limit above the 30-day low → not alerted (it would be against the old limit).
 */
for (const backend of backends()) {
  describe(`utilisation-jump alerts of the daily close on ${backend}`, () => {
    let t: TestService;
    const lines: Record<string, string> = {};
    before(async () => {
      t = await startTestService(backend, { clock: () => new Date('2025-07-01T09:00:00Z') });
      await configure(t);
      const headers = { authorization: `Bearer ${t.keys.loan_officer}` };
      const post = async (url: string, payload: object) => {
        const res = await t.app.inject({ method: 'POST', url, headers, payload });
        assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
        return res.json();
      };
      const plan: Record<string, { opened: string; moves: [string, number, string][] }> = {
        X: {
          opened: '2025-01-02',
          moves: [
            ['draws', 10, '2025-01-10'],
            ['draws', 30, '2025-03-01'],
          ],
        },
        Y: {
          opened: '2025-01-02',
          moves: [
            ['draws', 10, '2025-01-10'],
            ['draws', 29, '2025-03-01'],
          ],
        },
        W: {
          opened: '2025-01-02',
          moves: [
            ['draws', 20, '2025-01-10'],
            ['draws', 35, '2025-02-10'],
            ['review', 200, '2025-03-01'],
            ['draws', 50, '2025-03-20'],
          ],
        },
        Z: {
          opened: '2025-02-15',
          moves: [
            ['draws', 50, '2025-02-20'],
            ['repayments', 50, '2025-02-25'],
            ['draws', 50, '2025-03-20'],
          ],
        },
      };
      for (const [name, { opened, moves }] of Object.entries(plan)) {
        const app = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, requested_amount: 4_000 } });
        const line = await post('/api/v1/credit-lines', { application_id: app.application_id, opened_on: opened });
        lines[name] = line.id;
        const limit = Math.round(Number(line.credit_limit) * 100);
        assert.equal(limit % 100, 0, 'whole percentages of the limit are whole cents');
        for (const [kind, percent, date] of moves) {
          if (kind === 'review') {
            // A limit review as `credo limits review` stores it (the review itself is tested in limit-review.test.ts).
            const review = '00000000-0000-4000-8000-000000000001';
            await t.db.query("INSERT INTO limit_reviews (id, as_of, config, status, accounts, changed, result) VALUES ($1, $2, '{}', 'applied', 1, 1, '{}')", [
              review,
              date,
            ]);
            await t.db.query("INSERT INTO credit_limit_changes (review_id, line_id, segment, change, old_limit, new_limit) VALUES ($1, $2, 'all', 1, $3, $4)", [
              review,
              line.id,
              limit,
              (limit * percent) / 100,
            ]);
            await t.db.query('UPDATE credit_lines SET credit_limit = $2 WHERE id = $1', [line.id, (limit * percent) / 100]);
            continue;
          }
          await post(`/api/v1/credit-lines/${line.id}/${kind}`, { amount: ((limit * percent) / 100 / 100).toFixed(2), value_date: date });
        }
      }
    });
    after(() => t.close());

    test('alerted on the first day of a 30-point rise in 30 days, once, counted in the close', async () => {
      await closeBook(t.db, '2025-01-02');
      const run = await closeBook(t.db, '2025-03-31');
      assert.equal(run.datesClosed, 88);
      const { rows } = await t.db.query<{ line_id: string; as_of: string; kind: string; utilisation: number; utilisation_before: number }>(
        "SELECT line_id, to_char(as_of, 'YYYY-MM-DD') AS as_of, kind, utilisation, utilisation_before FROM loan_alerts WHERE kind = 'utilisation_jump' ORDER BY as_of",
      );
      assert.deepEqual(rows, [
        { line_id: lines.W, as_of: '2025-02-10', kind: 'utilisation_jump', utilisation: 0.55, utilisation_before: 0.2 },
        { line_id: lines.Z, as_of: '2025-02-20', kind: 'utilisation_jump', utilisation: 0.5, utilisation_before: 0 },
        { line_id: lines.X, as_of: '2025-03-01', kind: 'utilisation_jump', utilisation: 0.4, utilisation_before: 0.1 },
        { line_id: lines.Z, as_of: '2025-03-20', kind: 'utilisation_jump', utilisation: 0.5, utilisation_before: 0 },
      ]);
      // Each date's count includes its jumps (the lines' other alerts, from their classification, are
      // counted too: close-lines.test.ts).
      const { rows: runs } = await t.db.query<{ as_of: string; alerts: number; stored: string }>(
        `SELECT to_char(r.as_of, 'YYYY-MM-DD') AS as_of, r.alerts, (SELECT count(*) FROM loan_alerts a WHERE a.as_of = r.as_of) AS stored
           FROM close_runs r WHERE r.as_of IN ('2025-02-10', '2025-02-20', '2025-03-01', '2025-03-20') OR r.alerts > 0 ORDER BY r.as_of`,
      );
      for (const r of runs) assert.equal(r.alerts, Number(r.stored), r.as_of);
      assert.deepEqual(
        runs.filter((r) => ['2025-02-10', '2025-02-20', '2025-03-01', '2025-03-20'].includes(r.as_of)).map((r) => r.alerts >= 1),
        [true, true, true, true],
      );
      // Idempotent: the closed date again raises nothing.
      const stored = (await t.db.query('SELECT 1 FROM loan_alerts')).rows.length;
      await closeBook(t.db, '2025-03-31');
      assert.equal((await t.db.query('SELECT 1 FROM loan_alerts')).rows.length, stored);
    });
  });
}
