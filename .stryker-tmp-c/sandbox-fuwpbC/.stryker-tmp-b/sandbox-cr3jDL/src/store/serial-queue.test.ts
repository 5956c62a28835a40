// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SerialQueue } from './serial-queue.js';

test('calls run one at a time, in the order queued, and an error does not stop the queue', async () => {
  const queue = new SerialQueue();
  const log: string[] = [];
  let open = 0;
  const job = (name: string, fail = false) =>
    queue.run(async () => {
      open += 1;
      assert.equal(open, 1, 'never two at once');
      log.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${name}`);
      open -= 1;
      if (fail) throw new Error(`failed ${name}`);
      return name;
    });
  const results = await Promise.allSettled([job('a'), job('b', true), job('c')]);
  assert.deepEqual(
    results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    ['a', 'failed b', 'c'],
  );
  assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  assert.deepEqual([queue.waiting, queue.busy], [0, false]);
});

test('waiting counts the calls not started yet', async () => {
  const queue = new SerialQueue();
  let release: () => void = () => undefined;
  const first = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
  const second = queue.run(async () => 2);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual([queue.busy, queue.waiting], [true, 1]);
  release();
  await first;
  assert.equal(await second, 2);
  assert.equal(queue.waiting, 0);
});
