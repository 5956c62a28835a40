import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ROLES } from '../../src/store/index.js';
import { backends, configure, GOOD_APPLICATION, problemOf, rowCounts, startTestService, type TestService } from './harness.js';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[a-z_]+/g, SOME_ID);

for (const backend of backends()) {
  describe(`API security on ${backend}`, () => {
    let t: TestService;
    before(async () => {
      t = await startTestService(backend);
      await configure(t);
    });
    after(() => t.close());

    test('every route declares its access; every protected route is 401 without a key or with a bad one, 403 for a role not allowed', async () => {
      const table = t.app.routeTable;
      assert.ok(table.length >= 25, `only ${table.length} routes`);
      const undeclared = table.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(undeclared, []);
      const publicRoutes = table.filter((r) => r.access === 'public' && !r.url.startsWith('/docs')).map((r) => `${r.method} ${r.url}`);
      // The dashboard's pages and bundled assets (src/server/plugins/web.ts) are public: the app asks for a key itself.
      const web = ['/', '/assets/*', '/loans', '/models', '/portfolio', '/simulate', '/strategy'].flatMap((u) => [`GET ${u}`, `HEAD ${u}`]);
      assert.deepEqual(publicRoutes.sort(), [...web, 'GET /health', 'GET /ready', 'HEAD /health', 'HEAD /ready'].sort());
      let forbiddenChecked = 0;
      for (const route of table) {
        if (route.access === 'public' || route.access === undefined) continue;
        const url = concrete(route.url);
        const none = await t.app.inject({ method: route.method as 'GET', url });
        assert.equal(none.statusCode, 401, `${route.method} ${route.url} without a key: ${none.statusCode}`);
        assert.equal(none.headers['www-authenticate'], 'Bearer');
        const head = route.method === 'HEAD';
        if (!head) assert.equal(problemOf(none).code, 'E_AUTH_KEY_MISSING');
        const bad = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { authorization: 'Bearer credo_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
        });
        assert.equal(bad.statusCode, 401, `${route.method} ${route.url} with a bad key`);
        if (!head) assert.equal(problemOf(bad).code, 'E_AUTH_KEY_INVALID');
        for (const role of ROLES.filter((r) => !(route.access as readonly string[]).includes(r))) {
          const res = await t.app.inject({ method: route.method as 'GET', url, headers: { authorization: `Bearer ${t.keys[role]}` } });
          assert.equal(res.statusCode, 403, `${route.method} ${route.url} as ${role}: ${res.statusCode}`);
          if (!head) assert.equal(problemOf(res).code, 'E_AUTH_FORBIDDEN');
          forbiddenChecked += 1;
        }
        // auditors are read-only
        if (route.method !== 'GET' && route.method !== 'HEAD')
          assert.ok(!(route.access as readonly string[]).includes('auditor'), `${route.method} ${route.url}`);
      }
      assert.ok(forbiddenChecked >= 20, `${forbiddenChecked} forbidden checks`);
    });

    test('problem+json for 400, 404, 405, 413, 415; security headers everywhere', async () => {
      const officer = { authorization: `Bearer ${t.keys.loan_officer}` };
      const notFound = await t.app.inject({ method: 'GET', url: '/api/v1/nothing' });
      assert.equal(notFound.statusCode, 404);
      assert.equal(problemOf(notFound).code, 'E_HTTP_NOT_FOUND');
      const wrongMethod = await t.app.inject({ method: 'DELETE', url: '/api/v1/applications', headers: officer });
      assert.equal(wrongMethod.statusCode, 405);
      assert.equal(problemOf(wrongMethod).code, 'E_HTTP_METHOD_NOT_ALLOWED');
      assert.equal(wrongMethod.headers.allow, 'POST, GET, HEAD');
      const malformed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...officer, 'content-type': 'application/json' },
        payload: '{"data": {',
      });
      assert.equal(malformed.statusCode, 400);
      assert.equal(problemOf(malformed).code, 'E_HTTP_MALFORMED_BODY');
      const huge = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...officer, 'content-type': 'application/json' },
        payload: JSON.stringify({ data: { x: 'a'.repeat(2 * 1024 * 1024) } }),
      });
      assert.equal(huge.statusCode, 413);
      assert.equal(problemOf(huge).code, 'E_HTTP_BODY_TOO_LARGE');
      const xml = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...officer, 'content-type': 'application/xml' },
        payload: '<a/>',
      });
      assert.equal(xml.statusCode, 415);
      assert.equal(problemOf(xml).code, 'E_HTTP_MEDIA_TYPE');
      const coerced = await t.app.inject({ method: 'GET', url: '/api/v1/applications?offset=true&limit=0x10', headers: officer });
      assert.equal(coerced.statusCode, 400, 'query values are converted only from plain decimals');
      assert.deepEqual(
        problemOf(coerced)
          .errors.map((e) => e.field)
          .sort(),
        ['/querystring/limit', '/querystring/offset'],
      );
      const options = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/applications/bulk', headers: officer });
      assert.equal(options.statusCode, 405);
      assert.equal(options.headers.allow, 'POST', 'the static route wins over /applications/:id');
      const jsonBulk = await t.app.inject({ method: 'POST', url: '/api/v1/applications/bulk', headers: officer, payload: { csv: 'a,b' } });
      assert.equal(jsonBulk.statusCode, 415, 'bulk takes text/csv only');
      const getBulk = await t.app.inject({ method: 'GET', url: '/api/v1/applications/bulk', headers: officer });
      assert.equal(getBulk.statusCode, 405, 'GET on the static bulk route is not a bad application id');
      const badId = await t.app.inject({ method: 'GET', url: '/api/v1/applications/not-a-uuid', headers: officer });
      assert.equal(badId.statusCode, 400);
      assert.equal(problemOf(badId).errors[0]?.field, '/params/id');
      const missing = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${SOME_ID}`, headers: officer });
      assert.equal(missing.statusCode, 404);
      assert.equal(problemOf(missing).code, 'E_HTTP_RESOURCE_NOT_FOUND');
      for (const res of [notFound, wrongMethod, malformed, huge, xml, badId, missing]) {
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
        assert.equal(res.headers['referrer-policy'], 'no-referrer');
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.equal(problemOf(res).instance, res.headers['x-request-id']);
      }
    });

    test('property: random JSON bodies and headers on every route never give a 5xx and never write a row', async () => {
      const routes = t.app.routeTable.filter((r) => !r.url.startsWith('/docs') && r.method !== 'HEAD');
      const before = await rowCounts(t.db);
      const keys = [...ROLES.map((r) => `Bearer ${t.keys[r]}`), 'Bearer nope', '', 'Basic abc'];
      const json = fc.jsonValue({ maxDepth: 3 });
      const hostile = fc.constantFrom(
        "' OR 1=1 --",
        'NaN',
        'Infinity',
        '-1e309',
        '\u0000',
        '\ud800',
        '😀'.repeat(50),
        '../../etc/passwd',
        '{{7*7}}',
        '<script>',
      );
      const body = fc.oneof(
        json,
        fc.record({ data: fc.dictionary(fc.oneof(fc.string(), hostile), fc.oneof(json, hostile)) }),
        fc.record({ data: fc.constant(GOOD_APPLICATION), pd: fc.double(), status: fc.string(), limit: fc.integer() }),
        fc.record({ name: fc.oneof(fc.string(), hostile), role: fc.oneof(fc.string(), fc.constant('superuser')) }, { requiredKeys: [] }),
        fc.record(
          { role: fc.oneof(fc.constant('champion'), fc.string()), share: fc.oneof(fc.double(), fc.constant(5), fc.constant(-1)) },
          { requiredKeys: [] },
        ),
      );
      const contentType = fc.constantFrom(
        'application/json',
        'application/yaml',
        'text/csv',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
      );
      const query = fc.constantFrom(
        '',
        '?limit=0',
        '?limit=201',
        '?limit=-1',
        '?offset=NaN',
        '?action=steal',
        '?search=%27%20OR%201%3D1',
        '?limit=1e3',
        '?x=1',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: routes.length - 1 }),
          fc.constantFrom(...keys),
          body,
          contentType,
          query,
          async (r, key, payload, type, q) => {
            const route = routes[r] as (typeof routes)[number];
            const url = concrete(route.url) + q;
            const text = type.startsWith('application/json') ? JSON.stringify(payload) : typeof payload === 'string' ? payload : JSON.stringify(payload);
            const res = await t.app.inject({
              method: route.method as 'POST',
              url,
              headers: { ...(key === '' ? {} : { authorization: key }), 'content-type': type },
              payload: text,
            });
            assert.ok(res.statusCode < 500, `${route.method} ${url} ${type} ${text.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
          },
        ),
        { numRuns: 400, seed: 14 },
      );
      const afterCounts = await rowCounts(t.db);
      assert.deepEqual(afterCounts, before);
    });

    test('rate limit: the key over its budget gets 429 problem+json with Retry-After', async () => {
      const limited = await startTestServiceSharingDb(t);
      const h = { authorization: `Bearer ${t.keys.auditor}` };
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.inject({ method: 'GET', url: '/api/v1/models', headers: h })).statusCode);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const res = await limited.inject({ method: 'GET', url: '/api/v1/models', headers: h });
      assert.equal(problemOf(res).code, 'E_HTTP_RATE_LIMITED');
      assert.ok(Number(res.headers['retry-after']) > 0);
      // another key has its own budget
      assert.equal((await limited.inject({ method: 'GET', url: '/api/v1/models', headers: { authorization: `Bearer ${t.keys.admin}` } })).statusCode, 200);
      await limited.close();
    });

    test('an internal error is a 500 problem that does not echo internals', async () => {
      // the same database behind a wrapper that starts failing like a lost connection
      let failing = false;
      const flaky = {
        ...t.db,
        query: (sql: string, params?: readonly unknown[]) =>
          failing ? Promise.reject(new Error('connection to server at 10.1.2.3:5432 lost; stack at Pool.query')) : t.db.query(sql, params),
      } as typeof t.db;
      const { buildApp } = await import('../../src/server/index.js');
      const app = await buildApp({ db: flaky, rateLimit: false, authCacheMs: 0, checkResponses: true });
      failing = true;
      const res = await app.inject({ method: 'GET', url: '/api/v1/models', headers: { authorization: `Bearer ${t.keys.auditor}` } });
      await app.close();
      assert.equal(res.statusCode, 500);
      const p = problemOf(res);
      assert.equal(p.code, 'E_INTERNAL');
      assert.equal(p.detail, `internal error; quote request id ${p.instance} when reporting it`);
      assert.ok(!/10\.1\.2\.3|connection|stack|Pool/i.test(res.body), res.body);
    });
  });
}

/** A second app over the same database with a rate limit of 3 requests a minute per key. */
async function startTestServiceSharingDb(t: TestService) {
  const { buildApp } = await import('../../src/server/index.js');
  return buildApp({ db: t.db, rateLimit: { max: 3, windowMs: 60_000 }, authCacheMs: 0, checkResponses: true });
}
