import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, configure, GOOD_APPLICATION, POLICY_YAML, problemOf, startTestService, type TestService } from '../server/harness.js';

for (const backend of backends()) {
  describe(`dashboard read routes (me, loan history, book risk, losses, strategy lab) on ${backend}`, () => {
    let t: TestService;
    let loanId: string;
    let applicationId: string;
    const as = (role: 'admin' | 'auditor' | 'loan_officer' | 'risk_analyst') => ({ authorization: `Bearer ${t.keys[role]}` });
    const get = async (url: string, role: 'admin' | 'auditor' = 'auditor') => {
      const res = await t.app.inject({ method: 'GET', url, headers: as(role) });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return res.json();
    };
    before(async () => {
      t = await startTestService(backend);
      await configure(t);
      const app = (
        await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: as('loan_officer'), payload: { data: GOOD_APPLICATION } })
      ).json();
      applicationId = app.application_id;
      loanId = (
        await t.app.inject({ method: 'POST', url: '/api/v1/loans', headers: as('loan_officer'), payload: { application_id: app.application_id } })
      ).json().id;
    });
    after(() => t.close());

    test('GET /api/v1/me names the caller and its role', async () => {
      assert.equal((await get('/api/v1/me')).role, 'auditor');
      assert.equal((await get('/api/v1/me', 'admin')).role, 'admin');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode, 401);
    });

    test('an empty book (the loan approved, not disbursed): zero risk figures, RAROC null, no loss scenarios; the list shows the loan before any close', async () => {
      const risk = await get('/api/v1/book/risk');
      assert.deepEqual(
        { ...risk, assumptions: typeof risk.assumptions },
        { currency: 'USD', lgd: 0.45, loans: 0, exposure: 0, el: 0, el_rate: 0, rwa: 0, capital: 0, raroc: null, assumptions: 'string' },
      );
      const losses = await get('/api/v1/simulate/losses');
      assert.deepEqual(losses, {
        currency: 'USD',
        lgd: 0.45,
        loans: 0,
        exposure: 0,
        macro: [
          { name: 'baseline', shift: 0 },
          { name: 'downturn', shift: -1 },
          { name: 'severe', shift: -2 },
        ],
        scenarios: [],
      });
      const list = await get('/api/v1/loans');
      assert.equal(list.total, 1);
      assert.deepEqual(list.items[0], {
        id: loanId,
        application_id: applicationId,
        state: 'approved',
        currency: 'USD',
        principal: '15500.00',
        outstanding_principal: '0.00',
        annual_rate: '0.0650',
        term_months: 36,
        disbursed_on: null,
        dpd: 0,
        irac_class: 'Standard',
        ifrs9_stage: 1,
        last_close: null,
        restructured_on: null,
      });
    });

    test('loan history: state changes, then a disbursement and a repayment with its allocation and balanced ledger lines', async () => {
      const fresh = await get(`/api/v1/loans/${loanId}/history`);
      assert.deepEqual(
        fresh.states.map((s: { to: string }) => s.to),
        ['submitted', 'approved'],
      );
      assert.deepEqual([fresh.transactions, fresh.ledger, fresh.moves], [[], [], []]);
      const disburse = await t.app.inject({
        method: 'POST',
        url: `/api/v1/loans/${loanId}/disburse`,
        headers: as('loan_officer'),
        payload: { value_date: '2026-01-10' },
      });
      assert.equal(disburse.statusCode, 200, disburse.body);
      const repay = await t.app.inject({
        method: 'POST',
        url: `/api/v1/loans/${loanId}/repayments`,
        headers: as('loan_officer'),
        payload: { amount: '700.00', value_date: '2026-02-10' },
      });
      assert.equal(repay.statusCode, 201, repay.body);
      const h = await get(`/api/v1/loans/${loanId}/history`);
      assert.deepEqual(
        h.transactions.map((x: { kind: string; amount: string }) => [x.kind, x.amount]),
        [
          ['disbursement', '15500.00'],
          ['repayment', '700.00'],
        ],
      );
      const a = h.transactions[1].allocation;
      const allocated = ['penalty', 'fees', 'interest', 'principal'].reduce((s, k) => s + Math.round(Number(a[k]) * 100), 0);
      assert.equal(allocated, 70000, 'the allocation adds up to the repayment');
      const allocation = repay.json().allocation;
      assert.deepEqual(a, { penalty: allocation.penalty, fees: allocation.fees, interest: allocation.interest, principal: allocation.principal });
      const cents = (k: 'debit' | 'credit') => h.ledger.reduce((s: number, l: Record<string, string>) => s + Math.round(Number(l[k]) * 100), 0);
      assert.ok(h.ledger.length >= 4);
      assert.equal(cents('debit'), cents('credit'));
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/loans/00000000-0000-4000-8000-000000000000/history', headers: as('auditor') })).statusCode,
        404,
      );
    });

    test('book risk and the loss simulation: one stage-1 loan has EL = PD × LGD × outstanding', async () => {
      const loan = await get(`/api/v1/loans/${loanId}`);
      const ead = Number(loan.outstanding_principal);
      const el = (1 / 51) * 0.45 * ead;
      const risk = await get('/api/v1/book/risk');
      assert.equal(risk.loans, 1);
      assert.ok(Math.abs(risk.exposure - ead) < 1e-9);
      assert.ok(Math.abs(risk.el - el) < 1e-6, `${risk.el} vs ${el}`);
      assert.ok(risk.rwa > 0);
      const losses = await get('/api/v1/simulate/losses?scenarios=2000');
      assert.deepEqual(
        losses.scenarios.map((s: { scenario: string }) => s.scenario),
        ['baseline', 'downturn', 'severe'],
      );
      assert.ok(Math.abs(losses.scenarios[0].analytic_el - el) < 1e-6);
      assert.ok(losses.scenarios[2].analytic_el > losses.scenarios[0].analytic_el, 'a downturn raises EL');
      for (const s of losses.scenarios) assert.ok(Math.abs(s.histogram.reduce((a: number, h: { probability: number }) => a + h.probability, 0) - 1) < 1e-9);
    });

    test('strategy lab: check locates a problem by line and column; lift and swap set are for policy authors', async () => {
      const broken = POLICY_YAML.replace('dti > 0.6', 'dti >> 0.6');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/strategy/check', headers: as('risk_analyst'), payload: { yaml: broken } });
      assert.equal(res.statusCode, 200, res.body);
      const check = res.json();
      assert.equal(check.ok, false);
      const line = broken.split('\n').findIndex((l) => l.includes('dti >> 0.6')) + 1;
      assert.equal(check.issues[0].line, line);
      const ok = await t.app.inject({ method: 'POST', url: '/api/v1/strategy/check', headers: as('risk_analyst'), payload: { yaml: POLICY_YAML } });
      assert.deepEqual([ok.json().ok, ok.json().rules], [true, 2]);
      const lift = await t.app.inject({ method: 'POST', url: '/api/v1/strategy/lift', headers: as('risk_analyst'), payload: { yaml: POLICY_YAML } });
      assert.equal(lift.statusCode, 200, lift.body);
      assert.deepEqual(
        lift.json().lift.map((r: { rule: string }) => r.rule),
        ['baseline', 'r1_dti', 'r2_new', 'cutoff'],
      );
      assert.equal(lift.json().rows, 1);
      const invalid = await t.app.inject({ method: 'POST', url: '/api/v1/strategy/lift', headers: as('admin'), payload: { yaml: broken } });
      assert.equal(invalid.statusCode, 422);
      assert.equal(invalid.json().errors[0].line, line);
      const officer = await t.app.inject({ method: 'POST', url: '/api/v1/strategy/swapset', headers: as('loan_officer'), payload: { yaml: POLICY_YAML } });
      assert.equal(officer.statusCode, 403);
    });

    test('swap set of the active policy against a stricter one, under each reject-inference method', async () => {
      for (const data of [
        { ...GOOD_APPLICATION, dti: 0.7 },
        { ...GOOD_APPLICATION, segment: 'new' },
      ]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: as('loan_officer'), payload: { data } });
        assert.equal(res.statusCode, 201, res.body);
      }
      const stricter = POLICY_YAML.replace('dti > 0.6', 'dti > 0.2');
      const methods: (string | null)[] = [];
      for (const inference of ['none', 'score-band', 'parcel', 'fuzzy'] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/strategy/swapset', headers: as('admin'), payload: { yaml: stricter, inference } });
        assert.equal(res.statusCode, 200, res.body);
        const s = res.json();
        assert.deepEqual([s.current.name, s.edited, s.rows, s.with_outcome], ['server-test', 'server-test', 3, 1]);
        methods.push(s.inference);
        const { cells, old_approved, new_approved, change } = s.table;
        assert.deepEqual([cells.all_in.count, cells.swap_out.count, cells.swap_in.count, cells.all_out.count], [0, 1, 0, 2]);
        // The one approved application was disbursed and is neither written off nor an NPA: observed good.
        assert.deepEqual([old_approved.approval_rate, old_approved.bad_rate, old_approved.source], [1 / 3, 0, 'observed']);
        assert.deepEqual([new_approved.approval_rate, new_approved.bad_rate, new_approved.source], [0, null, 'none']);
        assert.deepEqual([change.approval_rate, change.bad_rate], [-1 / 3, null]);
        assert.equal(cells.all_out.inferred, inference === 'none' ? 0 : 2);
      }
      assert.deepEqual(methods, [null, 'score-band (pd(champion), 2 bands)', 'parcel (pd(champion), 2 bands, seed 1)', 'fuzzy (logistic on pd(champion))']);
    });

    test('optimised cutoffs: the chosen point, deltas against the active policy and the frontier; not for loan officers', async () => {
      const o = await get('/api/v1/simulate/optimise?rows=50&bad_rate_max=0.05');
      assert.deepEqual([o.rows, o.bad_rate_max, o.currency, o.problem], [3, 0.05, 'USD', 'cutoffs']);
      assert.deepEqual(o.actions, ['decline', 'approve', 'approve_80pct']);
      assert.equal(o.result.status, 'optimal');
      assert.equal(o.result.assignment.length, o.segments);
      assert.equal(o.result.current.approved, 1, 'the active policy approved one of the three applications');
      assert.deepEqual(
        o.frontier.points.map((p: { value: number; status: string }) => [p.value, p.status]),
        [0.02, 0.03, 0.04, 0.05, 0.06, 0.08].map((v) => [v, 'optimal']),
      );
      const officer = await t.app.inject({ method: 'GET', url: '/api/v1/simulate/optimise', headers: as('loan_officer') });
      assert.equal(officer.statusCode, 403);
    });

    test('loan history and the loan list after a reversal and daily closes: dpd history, classification moves, a reversed repayment', async () => {
      const before = await get(`/api/v1/loans/${loanId}/history`);
      const repayment = before.transactions[1];
      const reversal = await t.app.inject({
        method: 'POST',
        url: `/api/v1/loans/${loanId}/repayments/${repayment.id}/reversal`,
        headers: as('loan_officer'),
        payload: { reason: 'bounced' },
      });
      assert.equal(reversal.statusCode, 200, reversal.body);
      // a request catches up at most 31 dates: 2026-05-15 in two steps
      for (const as_of of ['2026-04-10', '2026-05-10', '2026-05-15']) {
        const close = await t.app.inject({ method: 'POST', url: '/api/v1/jobs/close', headers: as('admin'), payload: { as_of } });
        assert.equal(close.statusCode, 200, close.body);
      }
      const h = await get(`/api/v1/loans/${loanId}/history`);
      assert.deepEqual(
        h.transactions.map((x: { kind: string; reversed: boolean; reversal_reason: string | null }) => [x.kind, x.reversed, x.reversal_reason]),
        [
          ['disbursement', false, null],
          ['repayment', true, 'bounced'],
        ],
      );
      assert.equal(h.dpd.length, 36, 'the first close, then a catch-up over 35 dates in two requests');
      // 94 days past the first due date (2026-02-10): an NPA, sub-standard (15% provision), stage 3 (ECL = LGD × EAD).
      assert.deepEqual(h.dpd.at(-1), {
        as_of: '2026-05-15',
        dpd: 94,
        bucket: '90+',
        irac_class: 'Sub-standard',
        npa: true,
        stage: 3,
        outstanding: '15500.00',
        ecl: '6975.00',
        provision: '2325.00',
      });
      // SMA-1 at the first close (59 dpd); SMA-2 from 61 dpd, an NPA from 91.
      assert.deepEqual(h.moves, [
        { as_of: '2026-04-12', from: { irac_class: 'SMA-1', npa: false, stage: 2 }, to: { irac_class: 'SMA-2', npa: false, stage: 2 }, dpd: 61 },
        { as_of: '2026-05-12', from: { irac_class: 'SMA-2', npa: false, stage: 2 }, to: { irac_class: 'Sub-standard', npa: true, stage: 3 }, dpd: 91 },
      ]);
      const list = await get('/api/v1/loans?state=active');
      assert.deepEqual(list.items, [
        {
          id: loanId,
          application_id: applicationId,
          state: 'active',
          currency: 'USD',
          principal: '15500.00',
          outstanding_principal: '15500.00',
          annual_rate: '0.0650',
          term_months: 36,
          disbursed_on: '2026-01-10',
          dpd: 94,
          irac_class: 'Sub-standard',
          ifrs9_stage: 3,
          last_close: '2026-05-15',
          restructured_on: null,
        },
      ]);
      // A stage-3 loan defaults in every scenario: all the probability in the last bin, 100 × 0.01 = 1 + 7e-16
      // in floating point (the schema once capped it at 1: a 500 under the response check).
      const losses = await get('/api/v1/simulate/losses?scenarios=100');
      assert.equal(losses.loans, 1);
      for (const s of losses.scenarios) {
        assert.ok(Math.abs(s.el - 6975) < 1e-6 && Math.abs(s.tails[1].es - 6975) < 1e-6, JSON.stringify(s.tails));
        assert.ok(s.histogram.at(-1).probability > 1 && s.histogram.at(-1).probability - 1 < 1e-12);
      }
    });

    test('strategy lab bodies: a YAML at its maximum length is read with every character escaped (2.4 MB); one character more is a 400 naming the field', async () => {
      // JSON as an ASCII-only client writes it: an emoji is a surrogate pair, 12 bytes.
      const ascii = (yaml: string) => JSON.stringify({ yaml }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const send = (yaml: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/strategy/check',
          headers: { ...as('risk_analyst'), 'content-type': 'application/json' },
          payload: ascii(yaml),
        });
      const longest = await send('😀'.repeat(200_000));
      assert.equal(longest.statusCode, 200, longest.body.slice(0, 300));
      assert.equal(longest.json().ok, false);
      const over = await send('😀'.repeat(200_001));
      assert.equal(over.statusCode, 400, over.body.slice(0, 300));
      assert.equal(problemOf(over).errors[0]?.field, '/body/yaml');
    });
  });
}
