import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_PRODUCT, replayLoan } from '../../src/servicing/index.js';
import { ROLES } from '../../src/store/index.js';
import { closeBook } from '../../src/store/repositories/close.js';
import { listInstalments, listRepayments } from '../../src/store/repositories/loans.js';
import { writeOffLoan } from '../../src/store/repositories/loans-commands.js';
import { backends, configure, GOOD_APPLICATION, POLICY_YAML, problemOf, rowCounts, startTestService, type TestService } from '../server/harness.js';
import { credoJson, writeBookFiles } from './book-files.js';

const ROUTES = ['summary', 'npa', 'repayments', 'collateral', 'distribution?by=purpose', 'concentration', 'vintages', 'roll-rates', 'ecl', 'alerts', 'trends'];
const cents = (minor: number) => (minor / 100).toFixed(2);
const minor = (text: string) => Math.round(Number(text) * 100);

/**
 * The portfolio API on a hand-worked book of five loans disbursed on 2025-01-02 (instalments due
 * on the 2nd), closed daily to 2025-05-31:
 *   A car/north 5,000: pays instalments 1–3 on their due dates, misses the 4th (dpd 29 on 05-31);
 *   B home/south 15,500: 1 on time, 2 ten days late with the late fee, then nothing (dpd 59);
 *   C car/north 8,000: never pays (dpd 118, NPA);
 *   D education/east 6,000: 1 and 2 on time, pays the rest on 03-10 (closed);
 *   E home/north 20,000: never pays, written off on 04-15.
 * Month-end rows (MOB 1 = February … 4 = May) and every figure below are worked out by hand from
 * these facts; the store's figures must also equal `credo portfolio …` run on the book's files.
 */
for (const backend of backends()) {
  describe(`portfolio API on ${backend}`, () => {
    let t: TestService;
    const loans: Record<string, { id: string; schedule: { principal: number; interest: number; fees: number }[] }> = {};
    const get = async (path: string, role: (typeof ROLES)[number] = 'auditor') => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/portfolio/${path}`, headers: { authorization: `Bearer ${t.keys[role]}` } });
      assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
      return res.json();
    };
    before(async () => {
      t = await startTestService(backend);
      // The test policy with the book's dimensions and the term declared as inputs (stored with the application).
      await configure(t, POLICY_YAML.replace('rules:', 'inputs:\n  purpose: category\n  region: category\n  term_months: number\nrules:'));
      const headers = { authorization: `Bearer ${t.keys.loan_officer}` };
      const post = async (url: string, payload: object) => {
        const res = await t.app.inject({ method: 'POST', url, headers, payload });
        assert.ok(res.statusCode < 300, `${url}: ${res.body}`);
        return res.json();
      };
      const plan = {
        A: { requested_amount: 5_000, purpose: 'car', region: 'north' },
        B: { requested_amount: 15_500, purpose: 'home', region: 'south' },
        C: { requested_amount: 8_000, purpose: 'car', region: 'north' },
        D: { requested_amount: 6_000, purpose: 'education', region: 'east' },
        E: { requested_amount: 20_000, purpose: 'home', region: 'north' },
      };
      for (const [name, data] of Object.entries(plan)) {
        const app = await post('/api/v1/applications', { data: { ...GOOD_APPLICATION, ...data, term_months: 12 } });
        const { id } = await post('/api/v1/loans', { application_id: app.application_id });
        const loan = await post(`/api/v1/loans/${id}/disburse`, { value_date: '2025-01-02' });
        loans[name] = {
          id,
          schedule: loan.schedule.map((i: { principal: string; interest: string; fees: string }) => ({
            principal: minor(i.principal),
            interest: minor(i.interest),
            fees: minor(i.fees),
          })),
        };
      }
      const due = (name: string, n: number) => {
        const i = loans[name]!.schedule[n - 1]!;
        return i.principal + i.interest + i.fees;
      };
      const pay = (name: string, amount: number, date: string) =>
        post(`/api/v1/loans/${loans[name]!.id}/repayments`, { amount: cents(amount), value_date: date });
      for (const [n, date] of [
        [1, '2025-02-02'],
        [2, '2025-03-02'],
        [3, '2025-04-02'],
      ] as const)
        await pay('A', due('A', n), date);
      // A payment posted by mistake and reversed: counted as reversed, paying nothing.
      const wrong = await pay('A', 10_000, '2025-04-20');
      await post(`/api/v1/loans/${loans.A!.id}/repayments/${wrong.id}/reversal`, { reason: 'bounced' });
      await pay('B', due('B', 1), '2025-02-02');
      await pay('B', due('B', 2) + DEFAULT_PRODUCT.lateFee, '2025-03-12');
      await pay('D', due('D', 1), '2025-02-02');
      await pay('D', due('D', 2), '2025-03-02');
      // The closes run as the days pass: D's pay-off and E's write-off happen between them.
      await closeBook(t.db, '2025-01-02');
      await closeBook(t.db, '2025-03-09');
      const rest = loans.D!.schedule.slice(2).reduce((s, i) => s + i.principal + i.interest + i.fees, 0);
      assert.equal((await pay('D', rest, '2025-03-10')).state, 'closed');
      await closeBook(t.db, '2025-04-14');
      await t.db.transaction((tx) => writeOffLoan(tx, loans.E!.id, 'uncollectable', { userId: t.userIds.admin, role: 'admin', today: '2025-04-15' }));
      await closeBook(t.db, '2025-05-31');
    });
    after(() => t.close());

    test('every portfolio route: 401 without a key, 200 for each reading role, the schema in the OpenAPI document', async () => {
      for (const path of ROUTES) {
        const none = await t.app.inject({ method: 'GET', url: `/api/v1/portfolio/${path}` });
        assert.equal(none.statusCode, 401, path);
        assert.equal(problemOf(none).code, 'E_AUTH_KEY_MISSING');
        for (const role of ROLES) await get(path, role);
      }
      const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
      for (const path of ROUTES) assert.ok(doc.paths[`/api/v1/portfolio/${path.split('?')[0]}`]?.get?.responses?.['200'], path);
    });

    test('bad queries are 400 problems and write nothing', async () => {
      const before = await rowCounts(t.db);
      for (const q of [
        'distribution',
        'distribution?by=colour',
        'distribution?by=purpose&edges=5000,1000',
        'roll-rates?bounds=10,20',
        'vintages?bad_dpd=0',
        'alerts?npa_ratio_max=2',
        'trends?months=0',
        'ecl?x=1',
        'collateral?edges=80,50',
        'collateral?edges=0',
      ]) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/portfolio/${q}`, headers: { authorization: `Bearer ${t.keys.admin}` } });
        assert.ok(res.statusCode === 400 || res.statusCode === 422, `${q}: ${res.statusCode}`);
        problemOf(res);
      }
      assert.deepEqual(await rowCounts(t.db), before);
    });

    test('vintages and roll rates from the month-end history, by hand', async () => {
      const v = await get('vintages');
      assert.equal(v.max_mob, 4);
      assert.equal(v.vintages.length, 1);
      const [jan] = v.vintages;
      assert.equal(jan.vintage, '2025-01');
      assert.equal(jan.loans, 5);
      assert.equal(jan.observed_mob, 4);
      assert.equal(jan.bads, 2);
      // E charged off in April (MOB 3), C over 90 dpd at the end of May (MOB 4).
      assert.deepEqual(jan.count_rate, [0, 0, 1 / 5, 2 / 5]);
      const r = await get('roll-rates');
      assert.deepEqual(r.buckets, ['Current', '1-30', '31-60', '61-90', '90+', 'Charged off']);
      assert.equal(r.transitions, 12);
      assert.deepEqual(r.counts, [
        [4, 2, 0, 0, 0, 0],
        [0, 0, 3, 0, 0, 0],
        [0, 0, 0, 1, 0, 1],
        [0, 0, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
      ]);
      assert.deepEqual(r.count_shares[0], [4 / 6, 2 / 6, 0, 0, 0, 0]);
      assert.deepEqual(r.count_shares[5], [null, null, null, null, null, null]);
    });

    test('repayments: on time, late, overdue, late fees — by hand and by replaying every loan', async () => {
      const r = await get('repayments');
      assert.equal(r.as_of, '2025-05-31');
      // Four instalments fell due before 05-31 on each loan.
      assert.equal(r.instalments_due, 20);
      assert.equal(r.paid_on_time, 8); // A1–3, B1, D1–4 (D's 3 and 4 paid in advance)
      assert.equal(r.paid_late, 1); // B2
      assert.equal(r.overdue, 11); // A4, B3–4, C1–4, E1–4
      assert.equal(r.on_time_rate, 8 / 20);
      assert.equal(r.late_fees_charged, 12);
      assert.equal(r.late_fees_charged_amount, cents(12 * DEFAULT_PRODUCT.lateFee));
      assert.equal(r.late_fees_collected, cents(DEFAULT_PRODUCT.lateFee));
      assert.equal(r.repayments, 8);
      assert.equal(r.reversed_repayments, 1);
      // The pure rules agree: replay every loan to 05-31 and count the late fees it charged.
      let charged = 0;
      let paid = 0;
      for (const { id } of Object.values(loans)) {
        const position = replayLoan(DEFAULT_PRODUCT, await listInstalments(t.db, id), await listRepayments(t.db, id), '2025-05-31');
        charged += position.instalments.filter((i) => i.penalty > 0).length;
        paid += position.paidTotal;
      }
      assert.equal(charged, 12);
      assert.equal(minor(r.repaid_amount), paid);
      // An earlier date: on 03-05 the second instalments are overdue but inside their grace days (fees only on C1 and E1).
      const early = await get('repayments?as_of=2025-03-05');
      assert.deepEqual([early.instalments_due, early.paid_on_time, early.paid_late, early.overdue, early.late_fees_charged], [10, 5, 0, 5, 2]);
    });

    test('distribution, concentration, ECL, trends and alerts, by hand', async () => {
      const byPurpose = await get('distribution?by=purpose');
      assert.deepEqual(
        byPurpose.groups.map((g: Record<string, unknown>) => [g.label, g.loans, g.disbursed, g.active_loans, g.npa_loans]),
        [
          ['home', 2, '35500.00', 1, 0],
          ['car', 2, '13000.00', 2, 1],
          ['education', 1, '6000.00', 0, 0],
        ],
      );
      assert.equal(byPurpose.groups[0].loan_share, 2 / 5);
      const buckets = await get('distribution?by=amount_bucket');
      assert.deepEqual(
        buckets.groups.map((g: Record<string, unknown>) => [g.label, g.loans]),
        [
          ['5000-10000', 3],
          ['10000-25000', 2],
        ],
      );
      const fine = await get('distribution?by=amount_bucket&edges=6000,100000');
      assert.deepEqual(
        fine.groups.map((g: Record<string, unknown>) => [g.label, g.loans]),
        [
          ['0-6000', 1],
          ['6000-100000', 4],
        ],
      );
      const byRegion = await get('distribution?by=region');
      assert.deepEqual(byRegion.groups.map((g: Record<string, unknown>) => [g.label, g.loans]).sort(), [
        ['east', 1],
        ['north', 3],
        ['south', 1],
      ]);

      const outstanding: Record<string, number> = {};
      for (const name of ['A', 'B', 'C']) {
        const { rows } = await t.db.query<{ o: string }>('SELECT outstanding_principal AS o FROM loans WHERE id = $1', [loans[name]!.id]);
        outstanding[name] = Number(rows[0]!.o);
      }
      const { A, B, C } = outstanding as { A: number; B: number; C: number };
      const c = await get('concentration');
      const car = (A + C) / (A + B + C);
      assert.ok(Math.abs(c.purpose.hhi - (car ** 2 + (1 - car) ** 2)) < 1e-12);
      assert.deepEqual(c.segment.shares, [{ label: 'repeat', count: 3, amount: cents(A + B + C), count_share: 1, amount_share: 1 }]);

      const ecl = await get('ecl');
      assert.deepEqual(
        ecl.stages.map((s: Record<string, unknown>) => [s.stage, s.loans, s.exposure]),
        [
          [1, 1, cents(A)],
          [2, 1, cents(B)],
          [3, 1, cents(C)],
        ],
      );
      // Stage 3: PD 1, LGD 0.45.
      assert.equal(ecl.stages[2].ecl, cents(Math.round(0.45 * C)));
      assert.equal(ecl.total.exposure, cents(A + B + C));

      const trends = await get('trends?months=6');
      assert.deepEqual(
        trends.months.map((m: Record<string, unknown>) => m.month),
        ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'],
      );
      const [dec, jan, , , , may] = trends.months;
      assert.deepEqual([dec.as_of, dec.outstanding, dec.npa_ratio, dec.disbursements], [null, null, null, 0]);
      assert.deepEqual([jan.disbursements, jan.disbursed, jan.as_of], [5, '54500.00', '2025-01-31']);
      assert.equal(may.as_of, '2025-05-31');
      assert.equal(may.outstanding, cents(A + B + C));
      assert.equal(may.npa_ratio, C / (A + B + C));

      const alerts = await get('alerts');
      assert.deepEqual(
        alerts.alerts.map((a: { metric: string }) => a.metric),
        ['npa_ratio', 'net_npa_ratio', 'default_rate', 'hhi_purpose', 'hhi_region', 'hhi_segment', 'stage2_share'],
      );
      assert.equal(alerts.checks.find((x: { metric: string }) => x.metric === 'default_rate').value, 2 / 5);
      const relaxed = await get('alerts?npa_ratio_max=1&net_npa_ratio_max=1&default_rate_max=0.5&hhi_max=1&stage2_share_max=1');
      assert.deepEqual(relaxed.alerts, []);
      assert.equal(relaxed.thresholds.default_rate_max, 0.5);
    });

    test('every figure equals `credo portfolio …` run on the book’s files', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'credo-book-'));
      try {
        await writeBookFiles(t.db, dir);
        const vintage = await credoJson(dir, ['portfolio', 'vintage', '--performance', 'perf.csv']);
        const v = await get('vintages');
        assert.equal(v.max_mob, vintage.max_mob);
        assert.deepEqual(
          v.vintages.map((x: Record<string, unknown>) => ({ ...x, balance: Number(x.balance) })),
          vintage.vintages,
        );
        const rolls = await credoJson(dir, ['portfolio', 'roll-rates', '--performance', 'perf.csv']);
        const r = await get('roll-rates');
        assert.deepEqual(
          { ...r, balances: r.balances.map((row: string[]) => row.map(Number)) },
          {
            buckets: rolls.buckets,
            transitions: rolls.transitions,
            counts: rolls.counts,
            balances: rolls.balances,
            count_shares: rolls.count_shares,
            balance_shares: rolls.balance_shares,
          },
        );
        const metrics = await credoJson(dir, [
          'portfolio',
          'metrics',
          '--loans',
          'loans.csv',
          '--performance',
          'perf.csv',
          '--approved-column',
          'active',
          '--ead-column',
          'outstanding',
        ]);
        const c = await get('concentration');
        for (const by of ['purpose', 'region', 'segment']) {
          const cli = (metrics.concentration as Record<string, Record<string, unknown>>)[by]!;
          assert.ok(Math.abs(c[by].hhi - (cli.hhi as number)) < 1e-12, by);
          assert.ok(Math.abs(c[by].hhi_count - (cli.hhi_count as number)) < 1e-12, by);
          assert.deepEqual(
            c[by].shares.map((s: Record<string, unknown>) => ({ ...s, amount: Number(s.amount) })),
            cli.shares,
            by,
          );
        }
        const [npa] = metrics.npa as Record<string, number>[];
        // The summary's gross advances, NPA amount and provisions include active credit lines, which the
        // book's files (loans only) do not carry: this book has none, so both count the same exposures
        // (the lines' part is checked by hand in close-lines.test.ts).
        assert.equal((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM credit_lines')).rows[0]?.n, 0);
        const summary = await get('summary');
        assert.equal(summary.gross_npa_ratio, npa!.npa_ratio);
        assert.equal(summary.npa_loans, npa!.npa_loans);
        assert.equal(Number(summary.outstanding), npa!.gross_outstanding);
        assert.equal(Number(summary.npa_amount), npa!.npa_outstanding);
        assert.equal(npa!.written_off_loans, 1);
        // Stage exposures agree (the CLI's ECL amounts use its own discounted lifetime model, the close's do not).
        const [ifrs9] = metrics.ifrs9 as { exposure_by_stage: number[] }[];
        const ecl = await get('ecl');
        assert.deepEqual(
          ecl.stages.map((s: { exposure: string }) => Number(s.exposure)),
          ifrs9!.exposure_by_stage,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('collateral: value by type, the secured book’s LTV and the LTV buckets, by hand', async () => {
      const admin = { authorization: `Bearer ${t.keys.admin}` };
      const pledge = async (name: string, type: string, value: string) => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/loans/${loans[name]!.id}/collateral`,
          headers: admin,
          payload: { type, description: `${type} of ${name}`, value, valued_on: '2025-01-02' },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const empty = await get('collateral');
      assert.deepEqual([empty.secured_loans, empty.collateral_value, empty.ltv], [0, '0.00', null]);
      // B: a house and a deposit (a released gold pledge counts for nothing); C: a car worth exactly
      // its outstanding 8,000.00 (LTV 100%, the top of the 80–100% bucket); E (written off) and D
      // (closed) are not in the active book; A is unsecured.
      await pledge('B', 'property', '20000.00');
      await pledge('B', 'deposit', '1000.00');
      const gold = await pledge('B', 'gold', '5000.00');
      const released = await t.app.inject({
        method: 'POST',
        url: `/api/v1/loans/${loans.B!.id}/collateral/${gold}/release`,
        headers: admin,
        payload: { reason: 'sold' },
      });
      assert.equal(released.statusCode, 200, released.body);
      await pledge('C', 'vehicle', '8000.00');
      await pledge('E', 'vehicle', '10000.00');
      // Outstanding principal from the schedules: A paid instalments 1–3, B 1–2, C nothing.
      const principalPaid = (name: string, n: number) => loans[name]!.schedule.slice(0, n).reduce((sum, i) => sum + i.principal, 0);
      const A = 500_000 - principalPaid('A', 3);
      const B = 1_550_000 - principalPaid('B', 2);
      const C = 800_000;
      // B's LTV is in (50%, 80%]: 1,350,000-ish over 2,100,000.
      assert.ok(B * 100 > 50 * 2_100_000 && B * 100 <= 80 * 2_100_000, String(B));
      const c = await get('collateral');
      assert.deepEqual(
        [c.loans, c.secured_loans, c.unsecured_loans, c.outstanding, c.secured_outstanding, c.unsecured_outstanding, c.collateral_value],
        [3, 2, 1, cents(A + B + C), cents(B + C), cents(A), '29000.00'],
      );
      assert.equal(c.ltv, (B + C) / 2_900_000);
      assert.deepEqual(
        c.by_type.filter((x: { items: number }) => x.items > 0),
        [
          { type: 'property', items: 1, loans: 1, value: '20000.00', share: 20 / 29 },
          { type: 'vehicle', items: 1, loans: 1, value: '8000.00', share: 8 / 29 },
          { type: 'deposit', items: 1, loans: 1, value: '1000.00', share: 1 / 29 },
        ],
      );
      assert.equal(c.by_type.length, 7);
      assert.deepEqual(c.ltv_buckets, [
        { label: '0-50%', above: null, up_to: 50, loans: 0, outstanding: '0.00', collateral_value: '0.00', ltv: null },
        { label: '50-80%', above: 50, up_to: 80, loans: 1, outstanding: cents(B), collateral_value: '21000.00', ltv: B / 2_100_000 },
        { label: '80-100%', above: 80, up_to: 100, loans: 1, outstanding: cents(C), collateral_value: '8000.00', ltv: 1 },
        { label: '100%+', above: 100, up_to: null, loans: 0, outstanding: '0.00', collateral_value: '0.00', ltv: null },
      ]);
      // Other edges: C's 100% is above 99.
      const fine = await get('collateral?edges=99');
      assert.deepEqual(
        fine.ltv_buckets.map((b: { label: string; loans: number }) => [b.label, b.loans]),
        [
          ['0-99%', 1],
          ['99%+', 1],
        ],
      );
    });
  });
}
