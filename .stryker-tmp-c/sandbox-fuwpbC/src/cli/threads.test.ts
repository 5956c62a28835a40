// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseThreads, MIN_WORK_PER_THREAD } from './threads.js';

test('small jobs get one thread; big ones one per unit of work up to the cores; a busy machine gets one', () => {
  const idle = { cores: 8, load: 0.5 };
  assert.equal(chooseThreads(5960 * 12, MIN_WORK_PER_THREAD.gbdt, idle), 1); // HMEQ
  assert.equal(chooseThreads(1_000_000 * 20, MIN_WORK_PER_THREAD.gbdt, idle), 8);
  assert.equal(chooseThreads(2_500_000, MIN_WORK_PER_THREAD.gbdt, idle), 2);
  assert.equal(chooseThreads(1_000_000 * 20, MIN_WORK_PER_THREAD.gbdt, { cores: 2, load: 16.6 }), 1);
  assert.equal(chooseThreads(1000, MIN_WORK_PER_THREAD.treeShap, idle), 1);
  assert.equal(chooseThreads(0, MIN_WORK_PER_THREAD.treeShap, idle), 1);
  // Independent blocks (TreeSHAP rows, Monte Carlo scenarios) keep their threads on a busy machine.
  assert.equal(chooseThreads(500 * 50_000, MIN_WORK_PER_THREAD.monteCarlo, { cores: 2, load: 26.5 }, 'ignore'), 2);
  assert.equal(chooseThreads(500 * 2000, MIN_WORK_PER_THREAD.monteCarlo, { cores: 2, load: 0 }, 'ignore'), 1);
});
