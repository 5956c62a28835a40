import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  backends,
  configure,
  GOOD_APPLICATION,
  logisticModel,
  modelFile,
  problemOf,
  rowCounts,
  startTestService,
  type TestService,
} from '../server/harness.js';

// The harness's logistic model: logit = 5.9 − ln 50 − 0.01·bureau_score + 2·dti (+0.5 new); fills bureau 650, dti 0.3.
const C0 = 5.9 - Math.log(50);

for (const backend of backends()) {
  describe(`decision insight routes (waterfall, counterfactual, path) on ${backend}`, () => {
    let t: TestService;
    const as = (role: 'admin' | 'auditor' | 'loan_officer' | 'risk_analyst') => ({ authorization: `Bearer ${t.keys[role]}` });
    before(async () => {
      t = await startTestService(backend);
      await configure(t);
      // recent applications give the counterfactual its ranges: dti from 0.05 to 0.55
      for (const dti of [0.05, 0.3, 0.55])
        await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: as('loan_officer'), payload: { data: { ...GOOD_APPLICATION, dti } } });
    });
    after(() => t.close());

    test('explain: contributions relative to the training means add up to the margin', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/explain',
        headers: as('loan_officer'),
        payload: { data: { ...GOOD_APPLICATION, bureau_score: 600, segment: 'new' } },
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const by = Object.fromEntries(body.contributions.map((c: { feature: string; contribution: number }) => [c.feature, c.contribution]));
      // −0.01·(600 − 650) = +0.5; dti at its fill: 0; segment new: +0.5
      assert.ok(Math.abs(by.bureau_score - 0.5) < 1e-12);
      assert.ok(Math.abs(by.dti) < 1e-12);
      assert.ok(Math.abs(by.segment - 0.5) < 1e-12);
      // expected value: c0 − 0.01·650 + 2·0.3 = −ln 50
      assert.ok(Math.abs(body.expected_value - (C0 - 6.5 + 0.6)) < 1e-12);
      assert.ok(Math.abs(body.margin - (-Math.log(50) + 1)) < 1e-12);
      assert.ok(Math.abs(body.pd - 1 / (1 + Math.exp(Math.log(50) - 1))) < 1e-12);
      const auditor = await t.app.inject({ method: 'POST', url: '/api/v1/decisions/explain', headers: as('auditor'), payload: { data: GOOD_APPLICATION } });
      assert.equal(auditor.statusCode, 403);
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/explain',
        headers: as('admin'),
        payload: { data: { ...GOOD_APPLICATION, dti: 'x' } },
      });
      assert.equal(bad.statusCode, 422);
      assert.ok(problemOf(bad).errors.some((e) => e.field === '/body/data/dti'));
    });

    test('counterfactual: the closed-form dti that brings the PD to the policy cutoff, and the decision on it', async () => {
      const before = await rowCounts(t.db);
      const data = { ...GOOD_APPLICATION, bureau_score: 450 };
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/decisions/counterfactual', headers: as('loan_officer'), payload: { data } });
      assert.equal(res.statusCode, 200, res.body);
      const cf = res.json();
      assert.equal(cf.cutoff, 0.1);
      assert.equal(cf.found, true);
      // margin −ln 50 + 2; only dti is actionable (the catalogue: decrease; bureau score: none)
      const margin = -Math.log(50) + 2;
      assert.ok(Math.abs(cf.pd_before - 1 / (1 + Math.exp(-margin))) < 1e-12);
      assert.deepEqual(
        cf.changes.map((c: { feature: string }) => c.feature),
        ['dti'],
      );
      const target = 0.3 - (margin - Math.log(0.1 / 0.9)) / 2;
      assert.ok(Math.abs(cf.changes[0].to - target) < 1e-6, `${cf.changes[0].to} vs ${target}`);
      assert.ok(cf.pd_after <= 0.1 + 1e-9);
      // sd of dti over 0.05, 0.3, 0.55 (and the good application's 0.3): the cost is |Δ|/sd
      const xs = [0.05, 0.3, 0.55];
      const mean = xs.reduce((a, b) => a + b) / 3;
      const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
      assert.ok(Math.abs(cf.cost - (0.3 - target) / sd) < 1e-6);
      assert.deepEqual(cf.constraints[0], { feature: 'dti', direction: 'decrease', lower: 0.05, upper: 0.55, source: 'catalogue' });
      assert.equal(cf.decision.action, 'approve');
      assert.deepEqual(await rowCounts(t.db), before, 'the counterfactual writes nothing');
      const protectedFeature = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/counterfactual',
        headers: as('admin'),
        payload: { data, actionable: ['segment'] },
      });
      assert.equal(protectedFeature.statusCode, 422, protectedFeature.body);
    });

    test('path: the rules in policy order, which held and which decided', async () => {
      const submitted = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: as('loan_officer'),
          payload: { data: { ...GOOD_APPLICATION, dti: 0.7, segment: 'new' } },
        })
      ).json();
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${submitted.decision.id}/path`, headers: as('auditor') });
      assert.equal(res.statusCode, 200, res.body);
      const path = res.json();
      assert.equal(path.action, 'decline');
      assert.deepEqual(
        path.steps.map((s: { id: string; held: boolean; decided: boolean }) => [s.id, s.held, s.decided]),
        [
          ['r1_dti', true, true],
          ['r2_new', true, false],
          // logit 1.3 − ln 50: PD 6.9%, under the 10% cutoff
          ['cutoff', false, false],
        ],
      );
      assert.equal(path.shadow, null);
      const missing = await t.app.inject({ method: 'GET', url: '/api/v1/decisions/00000000-0000-4000-8000-000000000000/path', headers: as('auditor') });
      assert.equal(missing.statusCode, 404);
    });

    test('counterfactual: nothing found below a cutoff no allowed change reaches', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/counterfactual',
        headers: as('loan_officer'),
        payload: { data: { ...GOOD_APPLICATION, bureau_score: 450 }, cutoff: 0.001 },
      });
      assert.equal(res.statusCode, 200, res.body);
      const cf = res.json();
      assert.deepEqual(
        { found: cf.found, cutoff: cf.cutoff, pd_after: cf.pd_after, cost: cf.cost, changes: cf.changes, decision: cf.decision },
        { found: false, cutoff: 0.001, pd_after: null, cost: null, changes: [], decision: null },
      );
      assert.ok(Math.abs(cf.pd_before - 1 / (1 + Math.exp(Math.log(50) - 2))) < 1e-12);
    });

    test('path: a decision below the minimum limit ends at limits.min; an override has no policy and no steps', async () => {
      const small = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: as('loan_officer'),
          payload: { data: { ...GOOD_APPLICATION, requested_amount: 500 } },
        })
      ).json();
      assert.equal(small.decision.action, 'refer');
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${small.decision.id}/path`, headers: as('auditor') });
      assert.equal(res.statusCode, 200, res.body);
      const path = res.json();
      assert.deepEqual(path.policy.version, 1);
      assert.deepEqual(path.steps.at(-1), { id: 'limits.min', when: 'limits.min', action: 'refer', held: true, decided: true });
      assert.deepEqual(
        path.steps.map((s: { held: boolean }) => s.held),
        [false, false, false, true],
      );
      const override = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${small.application_id}/override`,
        headers: as('admin'),
        payload: { action: 'approve', reason: 'verified income' },
      });
      assert.equal(override.statusCode, 201, override.body);
      const overridePath = await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${override.json().id}/path`, headers: as('auditor') });
      assert.equal(overridePath.statusCode, 200, overridePath.body);
      assert.deepEqual(overridePath.json(), { id: override.json().id, kind: 'override', arm: null, action: 'approve', policy: null, steps: [], shadow: null });
    });

    test("with a challenger: preview and explain on its arm; a challenger decision's path carries the champion's shadow", async () => {
      // the challenger: the champion's logit + 1
      const registered = await t.app.inject({
        method: 'POST',
        url: '/api/v1/models',
        headers: { ...as('admin'), 'content-type': 'application/json' },
        payload: modelFile(logisticModel(C0 + 1, '2026-02-01T00:00:00Z')),
      });
      assert.equal(registered.statusCode, 201, registered.body);
      const challengerId = registered.json().id;
      const promoted = await t.app.inject({
        method: 'POST',
        url: `/api/v1/models/${challengerId}/promote`,
        headers: as('admin'),
        payload: { role: 'challenger', share: 0.99 },
      });
      assert.equal(promoted.statusCode, 200, promoted.body);
      const preview = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/preview',
        headers: as('risk_analyst'),
        payload: { data: GOOD_APPLICATION, arm: 'challenger' },
      });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().arm, 'challenger');
      assert.equal(preview.json().model_hash, registered.json().hash);
      assert.ok(Math.abs(preview.json().pd - 1 / (1 + 50 / Math.E)) < 1e-12);
      const explained = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/explain',
        headers: as('loan_officer'),
        payload: { data: { ...GOOD_APPLICATION, bureau_score: null }, arm: 'challenger' },
      });
      assert.equal(explained.statusCode, 200, explained.body);
      const e = explained.json();
      assert.equal(e.arm, 'challenger');
      assert.equal(e.method, 'linear');
      // a missing bureau score takes its fill: no contribution
      assert.deepEqual(e.contributions[0], { feature: 'bureau_score', value: null, contribution: 0 });
      assert.ok(Math.abs(e.margin - (1 - Math.log(50))) < 1e-12);
      // a share of 0.99 sends nearly every application to the challenger: the first that goes there
      let decision: { id: string; arm: string; action: string } | undefined;
      for (let i = 0; i < 50 && decision?.arm !== 'challenger'; i++)
        decision = (
          await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: as('loan_officer'), payload: { data: GOOD_APPLICATION } })
        ).json().decision;
      assert.equal(decision?.arm, 'challenger');
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${decision?.id}/path`, headers: as('auditor') });
      assert.equal(res.statusCode, 200, res.body);
      const path = res.json();
      assert.equal(path.arm, 'challenger');
      assert.equal(path.shadow.action, 'approve');
      assert.ok(Math.abs(path.shadow.pd - 1 / 51) < 1e-12);
      assert.equal(path.shadow.score, 600);
      assert.notEqual(path.shadow.model_hash, registered.json().hash);
      assert.equal(typeof path.shadow.limit, 'string');
    });
  });

  describe(`counterfactual without recent applications on ${backend}`, () => {
    let t: TestService;
    before(async () => {
      t = await startTestService(backend);
      await configure(t);
    });
    after(() => t.close());

    test('no data range: the bounds are open (null), the change is the closed-form dti', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/counterfactual',
        headers: { authorization: `Bearer ${t.keys.risk_analyst}` },
        payload: { data: { ...GOOD_APPLICATION, bureau_score: 450 }, actionable: ['dti'] },
      });
      assert.equal(res.statusCode, 200, res.body);
      const cf = res.json();
      assert.deepEqual(cf.constraints, [{ feature: 'dti', direction: 'decrease', lower: null, upper: null, source: 'catalogue' }]);
      assert.equal(cf.found, true);
      const target = 0.3 - (-Math.log(50) + 2 - Math.log(0.1 / 0.9)) / 2;
      assert.ok(Math.abs(cf.changes[0].to - target) < 1e-6, `${cf.changes[0].to} vs ${target}`);
      assert.deepEqual(cf.decision.rules_fired, []);
    });
  });
}
