// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  createUser,
  hashRequest,
  type IdempotencyClaim,
  pruneIdempotencyKeys,
  releaseIdempotencyKey,
} from '../../src/store/index.js';
import { describeEachBackend } from '../support/databases.js';

describeEachBackend('idempotency keys', (current) => {
  test('sequential: claim, duplicate while running, stored response, different body, other principal, release', async () => {
    const { db } = current();
    const alice = (await createUser(db, { name: 'Alice', role: 'loan_officer' })).user.id;
    const bob = (await createUser(db, { name: 'Bob', role: 'loan_officer' })).user.id;
    const body = hashRequest('POST', '/api/v1/applications', '{"data":{"x":1}}');
    const other = hashRequest('POST', '/api/v1/applications', '{"data":{"x":2}}');
    assert.notEqual(hashRequest('ab', 'c'), hashRequest('a', 'bc'), 'parts are delimited');
    const ref = { principal: alice, key: 'k-1', requestHash: body };
    assert.deepEqual(await claimIdempotencyKey(db, ref), { state: 'claimed' });
    assert.deepEqual(await claimIdempotencyKey(db, ref), { state: 'in_progress' });
    assert.deepEqual(await claimIdempotencyKey(db, { ...ref, requestHash: other }), { state: 'mismatch' });
    assert.deepEqual(await claimIdempotencyKey(db, { ...ref, principal: bob }), { state: 'claimed' }, 'keys are per principal');
    await db.transaction((tx) => completeIdempotencyKey(tx, { principal: alice, key: 'k-1', status: 201, body: { application_id: 'a1', n: [1, 2] } }));
    assert.deepEqual(await claimIdempotencyKey(db, ref), { state: 'done', status: 201, body: { application_id: 'a1', n: [1, 2] } });
    assert.deepEqual(await claimIdempotencyKey(db, { ...ref, requestHash: other }), { state: 'mismatch' });
    // A failed request releases its claim; a retry runs.
    await releaseIdempotencyKey(db, { principal: bob, key: 'k-1' });
    assert.deepEqual(await claimIdempotencyKey(db, { ...ref, principal: bob }), { state: 'claimed' });
    // A claim abandoned by a crashed request is taken over once stale (a negative age: at once,
    // whatever the clock's resolution), but only by the same request.
    assert.deepEqual(await claimIdempotencyKey(db, { ...ref, principal: bob, staleAfterSeconds: 60 }), { state: 'in_progress' });
    assert.deepEqual(await claimIdempotencyKey(db, { ...ref, principal: bob, staleAfterSeconds: -1 }), { state: 'claimed' });
    assert.deepEqual(await claimIdempotencyKey(db, { ...ref, principal: bob, requestHash: other, staleAfterSeconds: -1 }), { state: 'mismatch' });
    // Pruning keeps recent keys and drops old ones (here: everything older than now).
    assert.equal(await pruneIdempotencyKeys(db), 0);
    const n = (await db.query<{ n: string }>('SELECT count(*) AS n FROM idempotency_keys WHERE principal IN ($1, $2)', [alice, bob])).rows[0]?.n;
    assert.equal(n, '2');
    // A negative age reaches into the future: every key is older than that.
    assert.ok((await pruneIdempotencyKeys(db, -60)) >= 2);
    assert.deepEqual(await claimIdempotencyKey(db, ref), { state: 'claimed' }, 'a pruned key starts afresh');
  });

  test('concurrent duplicates: exactly one claims, the others see it in progress, then all get the stored response', async () => {
    const { db } = current();
    const user = (await createUser(db, { name: 'Carol', role: 'loan_officer' })).user.id;
    const ref = { principal: user, key: 'same-key', requestHash: hashRequest('POST', '/x', '{}') };
    const claims = await Promise.all(Array.from({ length: 12 }, () => claimIdempotencyKey(db, ref)));
    const count = (state: IdempotencyClaim['state']) => claims.filter((c) => c.state === state).length;
    assert.deepEqual([count('claimed'), count('in_progress')], [1, 11]);
    await completeIdempotencyKey(db, { principal: user, key: 'same-key', status: 200, body: { ok: true } });
    const replays = await Promise.all(Array.from({ length: 6 }, () => claimIdempotencyKey(db, ref)));
    assert.deepEqual(replays, Array(6).fill({ state: 'done', status: 200, body: { ok: true } }));
    const rows = await db.query<{ n: string }>("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'same-key'");
    assert.equal(rows.rows[0]?.n, '1');
  });
});
