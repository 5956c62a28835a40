import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { canonicalJson } from '../../src/io/model-file.js';
import { claimIdempotencyKey, hashRequest, releaseIdempotencyKey } from '../../src/store/index.js';
import { backends, configure, GOOD_APPLICATION, problemOf, rowCounts, startTestService, type TestService } from './harness.js';

for (const backend of backends()) {
  describe(`decision API on ${backend}`, () => {
    let t: TestService;
    let ids: { modelId: string; policyId: string; hash: string };
    before(async () => {
      t = await startTestService(backend);
      ids = await configure(t);
    });
    after(() => t.close());
    const as = (role: 'admin' | 'risk_analyst' | 'loan_officer' | 'auditor') => ({ authorization: `Bearer ${t.keys[role]}` });

    test('submit: 201 with the contract shape; PD 1/51 and score 600 at the means; limit and rate', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: as('loan_officer'),
        payload: { external_id: 'A-1', data: GOOD_APPLICATION },
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['application_id', 'decision']);
      assert.deepEqual(
        Object.keys(body.decision).sort(),
        ['action', 'arm', 'id', 'limit', 'model_hash', 'pd', 'policy_version', 'rate', 'reasons', 'score'].sort(),
      );
      assert.equal(body.decision.action, 'approve');
      assert.ok(Math.abs(body.decision.pd - 1 / 51) < 1e-15);
      assert.equal(body.decision.score, 600);
      assert.equal(body.decision.limit, '15500.00');
      assert.equal(typeof body.decision.rate, 'string');
      assert.equal(body.decision.policy_version, 1);
      assert.equal(body.decision.model_hash, ids.hash);
      assert.equal(body.decision.arm, 'champion');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const got = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${body.application_id}`, headers: as('auditor') });
      assert.equal(got.statusCode, 200, got.body);
      const app = got.json();
      assert.equal(app.decision.id, body.decision.id);
      assert.deepEqual(app.data, GOOD_APPLICATION);
      assert.equal(app.decisions.length, 1);
      const decision = await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${body.decision.id}`, headers: as('risk_analyst') });
      assert.equal(decision.statusCode, 200, decision.body);
      assert.equal(decision.json().pd, body.decision.pd);
      assert.ok(decision.json().latency_us >= 0);
    });

    test('a declined application carries its principal reasons', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: as('loan_officer'),
        payload: { data: { ...GOOD_APPLICATION, dti: 0.9, bureau_score: 500 } },
      });
      assert.equal(res.statusCode, 201, res.body);
      const d = res.json().decision;
      assert.equal(d.action, 'decline');
      assert.equal(d.limit, null);
      assert.ok(d.reasons.length > 0);
      for (const r of d.reasons) assert.deepEqual(Object.keys(r).sort(), ['code', 'feature', 'text']);
    });

    test('422 names every bad field and writes nothing', async () => {
      const before = await rowCounts(t.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: as('loan_officer'),
        payload: { data: { bureau_score: 'high', segment: 'repeat', dti: 0.3 } },
      });
      assert.equal(res.statusCode, 422);
      const p = problemOf(res);
      assert.equal(p.code, 'E_INPUT_VALIDATION');
      assert.deepEqual(p.errors.map((e) => e.field).sort(), ['/body/data/bureau_score', '/body/data/requested_amount']);
      assert.deepEqual(await rowCounts(t.db), before);
    });

    test('no mass assignment: decision fields in the body are refused (400) and nothing is written', async () => {
      const before = await rowCounts(t.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: as('loan_officer'),
        payload: { data: GOOD_APPLICATION, pd: 0.001, status: 'approve' },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(problemOf(res).code, 'E_HTTP_VALIDATION');
      assert.deepEqual(await rowCounts(t.db), before);
    });

    test('a write that fails in the database (repeated external id, unknown customer) leaves no row, and releases its idempotency key', async () => {
      const before = await rowCounts(t.db);
      const dup = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...as('loan_officer'), 'idempotency-key': 'k-dup' },
        payload: { external_id: 'A-1', data: GOOD_APPLICATION },
      });
      assert.equal(dup.statusCode, 409, dup.body);
      assert.equal(problemOf(dup).code, 'E_STORE_DUPLICATE');
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: as('loan_officer'),
        payload: { customer_id: '00000000-0000-4000-8000-000000000000', data: GOOD_APPLICATION },
      });
      assert.equal(unknown.statusCode, 422, unknown.body);
      assert.equal(problemOf(unknown).code, 'E_STORE_REFERENCE');
      assert.deepEqual(await rowCounts(t.db), before);
    });

    test('list with limit, offset and action filter', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/applications?limit=1&offset=0&action=decline', headers: as('auditor') });
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json();
      assert.equal(page.items.length, 1);
      assert.equal(page.total, 1);
      assert.equal(page.items[0].action, 'decline');
      const bad = await t.app.inject({ method: 'GET', url: '/api/v1/applications?limit=500', headers: as('auditor') });
      assert.equal(bad.statusCode, 400);
      assert.equal(problemOf(bad).errors[0]?.field, '/querystring/limit');
      // A union of literals fails as one line naming the allowed values, not one "equal to constant" per literal.
      const choice = await t.app.inject({ method: 'GET', url: '/api/v1/applications?action=maybe', headers: as('auditor') });
      assert.equal(choice.statusCode, 400);
      assert.deepEqual(problemOf(choice).errors, [{ field: '/querystring/action', message: 'must be one of "approve", "decline", "refer"' }]);
    });

    test('idempotency: a repeat returns the stored response; another body with the same key is 422; concurrent duplicates get one 201 and 409s', async () => {
      const headers = { ...as('loan_officer'), 'idempotency-key': 'k-1' };
      const first = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers, payload: { data: GOOD_APPLICATION } });
      assert.equal(first.statusCode, 201);
      const before = await rowCounts(t.db);
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers, payload: { data: GOOD_APPLICATION } });
      assert.equal(again.statusCode, 201);
      assert.deepEqual(again.json(), first.json());
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(await rowCounts(t.db), before);
      const other = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers, payload: { data: { ...GOOD_APPLICATION, dti: 0.31 } } });
      assert.equal(other.statusCode, 422);
      assert.equal(problemOf(other).code, 'E_HTTP_IDEMPOTENCY_MISMATCH');

      // A duplicate that arrives while the first is in flight (its claim held) gets 409 and writes nothing.
      const requestHash = hashRequest('POST', '/api/v1/applications', canonicalJson({ data: GOOD_APPLICATION }));
      await claimIdempotencyKey(t.db, { principal: t.userIds.loan_officer, key: 'k-in-flight', requestHash });
      const beforeBusy = await rowCounts(t.db);
      const busy = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...as('loan_officer'), 'idempotency-key': 'k-in-flight' },
        payload: { data: GOOD_APPLICATION },
      });
      assert.equal(busy.statusCode, 409, busy.body);
      assert.equal(problemOf(busy).code, 'E_HTTP_IDEMPOTENCY_IN_PROGRESS');
      assert.deepEqual(await rowCounts(t.db), beforeBusy);
      await releaseIdempotencyKey(t.db, { principal: t.userIds.loan_officer, key: 'k-in-flight' });
      const concurrent = { ...as('loan_officer'), 'idempotency-key': 'k-concurrent' };
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: concurrent, payload: { data: GOOD_APPLICATION } }),
        ),
      );
      const statuses = results.map((r) => r.statusCode);
      assert.ok(
        statuses.every((s) => s === 201 || s === 409),
        String(statuses),
      );
      const created = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().application_id));
      assert.equal(created.size, 1, 'concurrent duplicates create one application');
      const afterBusy = await rowCounts(t.db);
      assert.equal((afterBusy.applications ?? 0) - (beforeBusy.applications ?? 0), 1);
    });

    test('override: reason required, audited, becomes the current decision; maker-checker', async () => {
      const sub = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: as('loan_officer'),
        payload: { data: { ...GOOD_APPLICATION, segment: 'new' } },
      });
      const id = sub.json().application_id;
      assert.equal(sub.json().decision.action, 'refer');
      const noReason = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/override`,
        headers: { authorization: `Bearer ${t.officer2}` },
        payload: { action: 'approve' },
      });
      assert.equal(noReason.statusCode, 400);
      assert.equal(problemOf(noReason).errors[0]?.field, '/body/reason');
      const self = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/override`,
        headers: as('loan_officer'),
        payload: { action: 'approve', reason: 'known customer' },
      });
      assert.equal(self.statusCode, 403);
      const ok = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/override`,
        headers: { authorization: `Bearer ${t.officer2}` },
        payload: { action: 'approve', reason: 'documents verified in branch' },
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().kind, 'override');
      const app = (await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: as('auditor') })).json();
      assert.equal(app.action, 'approve');
      assert.equal(app.decision.reason, 'documents verified in branch');
      const audit = (await t.app.inject({ method: 'GET', url: `/api/v1/audit?entity=application&entity_id=${id}`, headers: as('auditor') })).json();
      assert.deepEqual(
        audit.items.map((e: { action: string }) => e.action),
        ['application.override', 'application.decide'],
      );
      const replay = await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${ok.json().id}/replay`, headers: as('auditor') });
      assert.equal(replay.statusCode, 409);
    });

    test('a date that does not exist is a 400 naming the field, in a body or a query, and writes nothing', async () => {
      const before = await rowCounts(t.db);
      const cases = [
        { method: 'POST', url: '/api/v1/jobs/close', role: 'admin', payload: { as_of: '2025-02-30' }, field: '/body/as_of' },
        {
          method: 'POST',
          url: '/api/v1/customers',
          role: 'loan_officer',
          payload: { full_name: 'Feb Thirtieth', national_id: 'ZZ300225', date_of_birth: '1990-02-30' },
          field: '/body/date_of_birth',
        },
        { method: 'GET', url: '/api/v1/portfolio/repayments?as_of=2025-13-01', role: 'risk_analyst', field: '/querystring/as_of' },
      ] as const;
      for (const c of cases) {
        const res = await t.app.inject({ method: c.method, url: c.url, headers: as(c.role), ...('payload' in c ? { payload: c.payload } : {}) });
        assert.equal(res.statusCode, 400, `${c.url}: ${res.body}`);
        const problem = problemOf(res);
        assert.equal(problem.code, 'E_HTTP_VALIDATION');
        assert.deepEqual(
          problem.errors.map((e) => e.field),
          [c.field],
        );
      }
      // a leap day is a date
      const leap = await t.app.inject({ method: 'GET', url: '/api/v1/portfolio/repayments?as_of=2024-02-29', headers: as('risk_analyst') });
      assert.equal(leap.statusCode, 200, leap.body);
      assert.deepEqual(await rowCounts(t.db), before);
    });

    test('customers: create, get and list mask the national id except for admins; search; duplicate is 409', async () => {
      const payload = {
        full_name: 'Ada Lovelace',
        national_id: 'AB123456789',
        email: 'ada@example.org',
        employment: [{ employer: 'Engines Ltd', employment_type: 'salaried', monthly_income_minor: 450000 }],
      };
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as('loan_officer'), payload });
      assert.equal(res.statusCode, 201, res.body);
      const c = res.json();
      assert.equal(c.national_id, '****6789');
      assert.equal(c.employment[0].monthly_income_minor, '450000');
      assert.ok(!res.body.includes('AB123456789'));
      for (const role of ['loan_officer', 'risk_analyst', 'auditor'] as const) {
        const got = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${c.id}`, headers: as(role) });
        assert.equal(got.json().national_id, '****6789');
        assert.ok(!got.body.includes('AB123456789'));
        const list = await t.app.inject({ method: 'GET', url: '/api/v1/customers?search=ada', headers: as(role) });
        assert.ok(!list.body.includes('AB123456789'));
        assert.equal(list.json().total, 1);
      }
      const admin = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${c.id}`, headers: as('admin') });
      assert.equal(admin.json().national_id, 'AB123456789');
      const dup = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as('loan_officer'), payload });
      assert.equal(dup.statusCode, 409);
      assert.ok(!dup.body.includes('AB123456789'), dup.body);
      const withCustomer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: as('loan_officer'),
        payload: { customer_id: c.id, data: GOOD_APPLICATION },
      });
      assert.equal(withCustomer.statusCode, 201);
    });

    test('bulk CSV: per-row results; a bad row neither blocks nor half-writes the others', async () => {
      const before = await rowCounts(t.db);
      const csv =
        'external_id,bureau_score,dti,segment,requested_amount,ignored\nB-1,650,0.3,repeat,15500,x\nB-2,abc,0.3,repeat,15500,x\nB-3,700,0.2,new,9000,x\n';
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications/bulk',
        headers: { ...as('loan_officer'), 'content-type': 'text/csv' },
        payload: csv,
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.rows, 3);
      assert.equal(body.accepted, 2);
      assert.deepEqual(body.ignored_columns, ['ignored']);
      assert.deepEqual(
        body.results.map((r: { status: number }) => r.status),
        [201, 422, 201],
      );
      assert.equal(body.results[1].error.errors[0].field, '/body/data/bureau_score');
      const after = await rowCounts(t.db);
      assert.equal((after.applications ?? 0) - (before.applications ?? 0), 2);
      assert.equal((after.decisions ?? 0) - (before.decisions ?? 0), 2);
      assert.equal((after.audit_log ?? 0) - (before.audit_log ?? 0), 2);
    });

    test('users: admin creates a key that works once shown; other roles cannot', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as('admin'), payload: { name: 'Grace', role: 'auditor' } });
      assert.equal(res.statusCode, 201, res.body);
      const key = res.json().key;
      const use = await t.app.inject({ method: 'GET', url: '/api/v1/models', headers: { authorization: `Bearer ${key}` } });
      assert.equal(use.statusCode, 200);
      const denied = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { authorization: `Bearer ${key}` },
        payload: { data: GOOD_APPLICATION },
      });
      assert.equal(denied.statusCode, 403);
    });

    test('models: a tampered file is refused (422) and writes nothing; list; promote unknown id 404', async () => {
      const before = await rowCounts(t.db);
      const file = JSON.parse((await import('./harness.js')).modelFile());
      file.metrics = { auc: 0.99 };
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/models',
        headers: { ...as('admin'), 'content-type': 'application/json' },
        payload: JSON.stringify(file),
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(problemOf(res).code, 'E_MODEL_TAMPERED');
      assert.deepEqual(await rowCounts(t.db), before);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/models', headers: as('auditor') });
      assert.equal(list.json().items[0].status, 'champion');
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/v1/models/00000000-0000-4000-8000-000000000000/promote',
        headers: as('admin'),
        payload: { role: 'champion' },
      });
      assert.equal(missing.statusCode, 404);
    });

    test('policies: YAML errors come back with line and column; list; get text', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies',
        headers: { ...as('risk_analyst'), 'content-type': 'application/yaml' },
        payload: 'name: broken\nrules:\n  - id: r1\n    when: dti >> 2\n    action: decline\n',
      });
      assert.equal(res.statusCode, 422, res.body);
      const p = problemOf(res);
      const first = p.errors[0] as { line?: number; column?: number };
      assert.equal(first.line, 4);
      assert.ok(first.column !== undefined);
      const json = await t.app.inject({ method: 'POST', url: '/api/v1/policies', headers: as('risk_analyst'), payload: { name: 'x' } });
      assert.equal(json.statusCode, 415);
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/policies', headers: as('auditor') })).json();
      assert.equal(list.items[0].active, true);
      const one = (await t.app.inject({ method: 'GET', url: `/api/v1/policies/${ids.policyId}`, headers: as('auditor') })).json();
      assert.ok(one.yaml.startsWith('name: server-test'));
    });

    test('health, ready, metrics, OpenAPI', async () => {
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/ready' });
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.json().champion, ids.hash);
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics', headers: as('auditor') });
      assert.equal(metrics.statusCode, 200);
      assert.match(metrics.body, /credo_decisions_total\{action="approve",arm="champion"\} \d+/);
      assert.match(metrics.body, /credo_decision_duration_seconds_bucket/);
      assert.match(metrics.body, /credo_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/applications",status="201"\} \d+/);
      assert.match(metrics.body, /credo_db_pool_connections \d+/);
      const doc = await t.app.inject({ method: 'GET', url: '/docs/json' });
      assert.equal(doc.statusCode, 200);
      const openapi = doc.json();
      assert.equal(openapi.openapi, '3.1.0');
      assert.ok(openapi.paths['/api/v1/applications'].post.requestBody);
      assert.deepEqual(openapi.paths['/api/v1/applications'].post.security, [{ bearer: [] }]);
    });

    test('OpenAPI: every operation documents its success answer with a schema (fuzzers check answers against it)', async () => {
      const openapi = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
        paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
      };
      const undocumented: string[] = [];
      let operations = 0;
      for (const [path, methods] of Object.entries(openapi.paths))
        for (const [method, operation] of Object.entries(methods)) {
          operations++;
          const success = Object.entries(operation.responses ?? {}).filter(([code]) => code.startsWith('2'));
          const documented = success.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
          if (!documented) undocumented.push(`${method.toUpperCase()} ${path}`);
        }
      assert.ok(operations > 60, `${operations} operations`);
      assert.deepEqual(undocumented, []);
    });
  });
}
