import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arriveAndWait, CTRL, currentSpinMs, SPIN_MIN_MS, SPIN_MS, spinWhile } from './protocol.js';

test('a spin that runs out halves the next one down to SPIN_MIN_MS; one that ends in time doubles it back to SPIN_MS', () => {
  const ctrl = new Int32Array(new SharedArrayBuffer(CTRL.SIZE * 4));
  assert.equal(currentSpinMs(), SPIN_MS);
  // Nobody changes ctrl[GEN]: every spin runs out.
  assert.equal(
    spinWhile(ctrl, CTRL.GEN, (v) => v === 0),
    false,
  );
  assert.equal(currentSpinMs(), SPIN_MS / 2);
  for (let k = 0; k < 10; k++) spinWhile(ctrl, CTRL.GEN, (v) => v === 0);
  assert.equal(currentSpinMs(), SPIN_MIN_MS);
  // The awaited value is already there: the spin ends at once and the next may be twice as long.
  assert.equal(
    spinWhile(ctrl, CTRL.GEN, (v) => v !== 0),
    true,
  );
  assert.equal(currentSpinMs(), 2 * SPIN_MIN_MS);
  for (let k = 0; k < 10; k++) spinWhile(ctrl, CTRL.GEN, (v) => v !== 0);
  assert.equal(currentSpinMs(), SPIN_MS);
});

test('the in-job barrier passes once every thread arrived, and gives up (false) when a thread failed', () => {
  const ctrl = new Int32Array(new SharedArrayBuffer(CTRL.SIZE * 4));
  // The other thread already arrived: this one completes the barrier.
  ctrl[CTRL.ARRIVED] = 1;
  assert.equal(arriveAndWait(ctrl, CTRL.ARRIVED, 2), true);
  assert.equal(ctrl[CTRL.ARRIVED], 2);
  // The other thread failed before arriving: no waiting for it.
  ctrl[CTRL.ARRIVED] = 0;
  ctrl[CTRL.FAILED] = 1;
  assert.equal(arriveAndWait(ctrl, CTRL.ARRIVED, 2), false);
  assert.equal(ctrl[CTRL.ARRIVED], 1);
});
