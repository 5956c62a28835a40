// @ts-nocheck
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, configure, GOOD_APPLICATION, POLICY_YAML, startTestService, type TestService } from '../server/harness.js';

for (const backend of backends()) {
  describe(`dashboard read routes (me, loan history, book risk, losses, strategy lab) on ${backend}`, () => {
    let t: TestService;
    let loanId: string;
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
  });
}
