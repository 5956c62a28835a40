import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterRateStore, RateCountRelay, type RateCountsMessage } from '../../src/server/cluster-rate-limit.js';

/** Workers 1..n with stores on one fake clock, wired to a relay as `runPrimary` wires them. */
function cluster(n: number, windowMs: number) {
  const clock = { now: 120_000 };
  const relay = new RateCountRelay();
  const ids = Array.from({ length: n }, (_, k) => k + 1);
  const stores = new Map<number, ClusterRateStore>();
  for (const id of ids) {
    stores.set(
      id,
      new ClusterRateStore(
        windowMs,
        (message: RateCountsMessage) => {
          for (const [to, reply] of relay.receive(id, message, ids)) stores.get(to)?.receive(reply);
        },
        () => clock.now,
      ),
    );
  }
  const incr = (id: number, key: string) => {
    let result: { current: number; ttl: number } | undefined;
    stores.get(id)?.incr(key, (_error, r) => {
      result = r;
    });
    return result as { current: number; ttl: number };
  };
  const report = () => {
    for (const store of stores.values()) store.report();
  };
  return { clock, incr, report };
}

test('cluster rate limit: a key counts the requests of every worker once they have reported, and only its own requests', () => {
  const c = cluster(3, 60_000);
  for (let k = 0; k < 4; k++) assert.equal(c.incr(1, 'key:a').current, k + 1);
  for (let k = 0; k < 3; k++) assert.equal(c.incr(2, 'key:a').current, k + 1, 'not yet reported: worker 2 sees its own');
  assert.equal(c.incr(3, 'key:b').current, 1);
  c.report();
  // worker 3 now knows 4 + 3 requests of key:a elsewhere; worker 1 knows 3, worker 2 knows 4
  assert.deepEqual(c.incr(3, 'key:a'), { current: 8, ttl: 60_000 });
  assert.equal(c.incr(1, 'key:a').current, 5 + 3);
  assert.equal(c.incr(2, 'key:a').current, 4 + 4);
  assert.equal(c.incr(1, 'key:b').current, 2, 'other keys apart');
  // reports carry absolute counts: reporting twice does not count twice
  c.report();
  c.report();
  assert.equal(c.incr(3, 'key:a').current, 2 + 5 + 4);
});

test('cluster rate limit: windows are aligned to the clock; a new window starts every count afresh and late reports of the old one are dropped', () => {
  const c = cluster(2, 60_000);
  c.clock.now = 179_000; // the window 120–180 s, 1 s left
  assert.deepEqual(c.incr(1, 'ip:x'), { current: 1, ttl: 1_000 });
  c.incr(2, 'ip:x');
  c.clock.now = 180_500; // worker 1 reports its old count after the turn of the window: dropped
  c.report();
  assert.deepEqual(c.incr(2, 'ip:x'), { current: 1, ttl: 59_500 });
  c.report();
  assert.equal(c.incr(1, 'ip:x').current, 2, 'the new window: worker 2 reported 1');
});

test('cluster rate limit: the primary sums the other workers for each, and a report of an older window changes nothing', () => {
  const relay = new RateCountRelay();
  assert.equal(relay.receive(1, { credo: 'rate-counts', window: 60_000, counts: { k: 5 } }, [1, 2]).get(2)?.counts.k, 5);
  const newer = relay.receive(2, { credo: 'rate-counts', window: 120_000, counts: { k: 2 } }, [1, 2, 3]);
  assert.deepEqual([...newer.keys()], [1, 3]);
  assert.deepEqual(newer.get(3), { credo: 'rate-others', window: 120_000, counts: { k: 2 } });
  assert.equal(relay.receive(1, { credo: 'rate-counts', window: 60_000, counts: { k: 9 } }, [1, 2, 3]).size, 0);
  const third = relay.receive(3, { credo: 'rate-counts', window: 120_000, counts: { k: 4 } }, [1, 2, 3]);
  assert.deepEqual([third.get(1)?.counts.k, third.get(2)?.counts.k], [6, 4]);
});
