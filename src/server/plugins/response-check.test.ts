import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { installErrorHandling } from './errors.js';
import { installResponseCheck } from './response-check.js';

const Answer = Type.Object({ n: Type.Number(), tags: Type.Array(Type.String()) });

/** An app whose routes all declare `Answer` and return what the test hands them. */
async function answering(body: unknown) {
  const app = Fastify();
  installErrorHandling(app);
  installResponseCheck(app);
  app.get('/x', { schema: { response: { 200: Answer } } }, async () => body);
  app.get('/missing', async () => ({ n: 'no schema, not checked' }));
  await app.ready();
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  const res = await app.inject({ method: 'GET', url: '/x' });
  const unchecked = await app.inject({ method: 'GET', url: '/missing' });
  // warnings are emitted on the next tick
  await new Promise((done) => setImmediate(done));
  process.off('warning', onWarning);
  await app.close();
  return { status: res.statusCode, body: res.body, warnings, unchecked: unchecked.statusCode };
}

test('response check: a conforming answer passes unchanged; a route without a schema is not checked', async () => {
  const r = await answering({ n: 1.5, tags: ['a'] });
  assert.deepEqual([r.status, JSON.parse(r.body), r.warnings, r.unchecked], [200, { n: 1.5, tags: ['a'] }, [], 200]);
});

test('response check: a value of the wrong type fails with the path, where the serialiser alone would coerce it', async () => {
  const r = await answering({ n: '5', tags: [] });
  assert.equal(r.status, 500);
  assert.deepEqual(r.warnings, ['response check: GET /x: breaks its schema at /n: must be number']);
});

test('response check: a key the schema does not name fails, where the serialiser alone would drop it', async () => {
  const r = await answering({ n: 2, tags: [], extra: true });
  assert.equal(r.status, 500);
  assert.deepEqual(r.warnings, ['response check: GET /x: serialised differently at /extra: true sent as undefined']);
});
