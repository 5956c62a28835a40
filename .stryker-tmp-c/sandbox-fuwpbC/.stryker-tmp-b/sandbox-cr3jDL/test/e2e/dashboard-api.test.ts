// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultWebRoot, WEB_PAGES } from '../../src/server/plugins/web.js';
import { backends, configure, GOOD_APPLICATION, problemOf, rowCounts, startTestService, type TestService } from '../server/harness.js';

for (const backend of backends()) {
  describe(`dashboard routes and static serving on ${backend}`, () => {
    let t: TestService;
    const as = (role: 'admin' | 'auditor' | 'loan_officer') => ({ authorization: `Bearer ${t.keys[role]}` });
    before(async () => {
      t = await startTestService(backend);
    });
    after(() => t.close());

    test('setup and preview answer 409 before a champion and a policy exist', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/setup', headers: as('auditor') });
      assert.equal(res.statusCode, 409);
      assert.equal(problemOf(res).code, 'E_HTTP_NOT_CONFIGURED');
    });

    test('GET /api/v1/setup lists the inputs of the policy and the champion', async () => {
      await configure(t);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/setup', headers: as('auditor') });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.policy.name, 'server-test');
      assert.equal(body.champion.kind, 'logistic');
      assert.equal(body.challenger, null);
      assert.deepEqual(body.inputs.map((i: { name: string }) => i.name).sort(), ['bureau_score', 'dti', 'requested_amount', 'segment']);
      assert.deepEqual(body.inputs.find((i: { name: string }) => i.name === 'segment').categories, ['repeat', 'new']);
    });

    test('preview decides like a submission (PD 1/51, score 600) and writes nothing', async () => {
      const before = await rowCounts(t.db);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/decisions/preview', headers: as('admin'), payload: { data: GOOD_APPLICATION } });
      assert.equal(res.statusCode, 200, res.body);
      const preview = res.json();
      assert.equal(preview.action, 'approve');
      assert.ok(Math.abs(preview.pd - 1 / 51) < 1e-12);
      assert.equal(preview.score, 600);
      assert.deepEqual(await rowCounts(t.db), before);
      const submitted = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: as('loan_officer'), payload: { data: GOOD_APPLICATION } });
      const decision = submitted.json().decision;
      for (const field of ['action', 'pd', 'score', 'limit', 'rate', 'reasons', 'model_hash', 'policy_version'] as const)
        assert.deepEqual(preview[field], decision[field], field);
    });

    test('preview takes the arm of the decision it replays: champion decides as the default, challenger needs one', async () => {
      const champion = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/preview',
        headers: as('admin'),
        payload: { data: GOOD_APPLICATION, arm: 'champion' },
      });
      assert.equal(champion.statusCode, 200, champion.body);
      assert.equal(champion.json().arm, 'champion');
      assert.ok(Math.abs(champion.json().pd - 1 / 51) < 1e-12);
      const challenger = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/preview',
        headers: as('admin'),
        payload: { data: GOOD_APPLICATION, arm: 'challenger' },
      });
      assert.equal(challenger.statusCode, 422, challenger.body);
      assert.ok(problemOf(challenger).errors.some((e) => e.field === '/body/arm'));
    });

    test('preview validates the data as a submission does', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/decisions/preview',
        headers: as('admin'),
        payload: { data: { ...GOOD_APPLICATION, dti: 'high' } },
      });
      assert.equal(res.statusCode, 422);
      assert.ok(problemOf(res).errors.some((e) => e.field === '/body/data/dti'));
      const none = await t.app.inject({ method: 'POST', url: '/api/v1/decisions/preview', payload: { data: GOOD_APPLICATION } });
      assert.equal(none.statusCode, 401);
    });

    test('GET /api/v1/loans pages the loan book', async () => {
      const empty = await t.app.inject({ method: 'GET', url: '/api/v1/loans', headers: as('auditor') });
      assert.deepEqual(empty.json(), { total: 0, items: [] });
      const app = (
        await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: as('loan_officer'), payload: { data: GOOD_APPLICATION } })
      ).json();
      const loan = await t.app.inject({ method: 'POST', url: '/api/v1/loans', headers: as('loan_officer'), payload: { application_id: app.application_id } });
      assert.equal(loan.statusCode, 201, loan.body);
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/loans?limit=10', headers: as('auditor') })).json();
      assert.equal(list.total, 1);
      assert.equal(list.items[0].id, loan.json().id);
      assert.equal(list.items[0].principal, '15500.00');
      assert.equal(list.items[0].state, 'approved');
      const other = (await t.app.inject({ method: 'GET', url: '/api/v1/loans?state=active', headers: as('auditor') })).json();
      assert.equal(other.total, 0);
      // a state that does not exist is a validation error naming the field, not an empty list
      const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/loans?state=restructured', headers: as('auditor') });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.match(unknown.headers['content-type'] as string, /application\/problem\+json/);
      assert.match(unknown.body, /state/);
    });

    test('pages answer index.html uncached; hashed assets are immutable; /docs stays', async () => {
      for (const url of WEB_PAGES) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 200, url);
        assert.match(res.headers['content-type'] as string, /text\/html/);
        assert.equal(res.headers['cache-control'], 'no-cache');
        assert.match(res.headers['content-security-policy'] as string, /script-src 'self'/);
        assert.match(res.body, /<div id="app">/);
      }
      const [asset] = (await readdir(join(defaultWebRoot(), 'assets'))).filter((f) => f.endsWith('.js'));
      assert.ok(asset !== undefined);
      const js = await t.app.inject({ method: 'GET', url: `/assets/${asset}` });
      assert.equal(js.statusCode, 200);
      assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal((await t.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/docs/json' })).statusCode, 200);
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/models', headers: as('admin') });
      assert.equal(api.headers['cache-control'], 'no-store');
    });
  });
}
