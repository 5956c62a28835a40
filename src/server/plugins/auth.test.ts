import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import type { Caller } from '../roles.js';
import { installAuth } from './auth.js';
import { installErrorHandling } from './errors.js';

const ADMIN: Caller = { userId: '00000000-0000-4000-8000-000000000001', name: 'a', role: 'admin', keyId: '00000000-0000-4000-8000-000000000002' };

/** An app with one admin route, a store whose lookups the test releases by hand, and a settable clock. */
async function harness(cacheMs: number) {
  const calls: { key: string; answer: (caller: Caller | undefined) => void }[] = [];
  const clock = { now: 0 };
  const app = Fastify();
  installErrorHandling(app);
  installAuth(app, {
    cacheMs,
    now: () => clock.now,
    verifyKey: (key) => new Promise((answer) => calls.push({ key, answer })),
  });
  app.get('/x', { config: { access: ['admin'] } }, async (request) => ({ role: request.caller?.role }));
  await app.ready();
  const get = () => app.inject({ method: 'GET', url: '/x', headers: { authorization: 'Bearer k1' } });
  // lets the hook run up to its lookup
  const settle = () => new Promise((done) => setImmediate(done));
  return { app, calls, clock, get, settle };
}

test('auth: concurrent requests with an uncached key share one store lookup', async () => {
  const { app, calls, get, settle } = await harness(10_000);
  const pending = Array.from({ length: 5 }, get);
  await settle();
  assert.equal(calls.length, 1);
  calls[0]?.answer(ADMIN);
  const statuses = (await Promise.all(pending)).map((r) => r.statusCode);
  assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
  assert.equal(calls.length, 1);
  await app.close();
});

test('auth: a key in the last fifth of its cache life is re-verified in the background, the cached caller answers meanwhile', async () => {
  const { app, calls, clock, get, settle } = await harness(1000);
  const first = get();
  await settle();
  calls[0]?.answer(ADMIN);
  assert.equal((await first).statusCode, 200);
  clock.now = 700; // 300 ms left of 1000: not yet refreshed
  assert.equal((await get()).statusCode, 200);
  assert.equal(calls.length, 1);
  clock.now = 850; // 150 ms left: answered from the cache, and one refresh starts
  const [a, b] = await Promise.all([get(), get()]);
  assert.deepEqual([a.statusCode, b.statusCode], [200, 200]);
  assert.equal(calls.length, 2);
  calls[1]?.answer(ADMIN);
  await settle();
  clock.now = 1500; // past the first entry's life, within the refreshed one (850 + 1000)
  assert.equal((await get()).statusCode, 200);
  assert.equal(calls.length, 2);
  await app.close();
});

test('auth: a refresh that finds the key revoked drops it, and the next request is 401', async () => {
  const { app, calls, clock, get, settle } = await harness(1000);
  const first = get();
  await settle();
  calls[0]?.answer(ADMIN);
  await first;
  clock.now = 900;
  assert.equal((await get()).statusCode, 200);
  calls[1]?.answer(undefined);
  await settle();
  const denied = get();
  await settle();
  assert.equal(calls.length, 3, 'the revoked key is looked up again, not served from the cache');
  calls[2]?.answer(undefined);
  assert.equal((await denied).statusCode, 401);
  await app.close();
});
