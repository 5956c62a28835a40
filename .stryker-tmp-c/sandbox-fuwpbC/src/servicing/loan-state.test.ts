// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { allowedCommands, nextState } from './loan-state.js';

test('the lifecycle with undo of approval and disbursement', () => {
  assert.equal(nextState('submitted', 'approve'), 'approved');
  assert.equal(nextState('approved', 'undo_approval'), 'submitted');
  assert.equal(nextState('approved', 'disburse'), 'active');
  assert.equal(nextState('active', 'undo_disbursement'), 'approved');
  assert.equal(nextState('active', 'close'), 'closed');
  assert.equal(nextState('active', 'write_off'), 'written_off');
  assert.deepEqual(allowedCommands('closed'), ['reopen']);
  assert.equal(nextState('closed', 'reopen'), 'active');
  assert.equal(nextState('active', 'restructure'), 'active');
  assert.equal(nextState('written_off', 'close'), 'closed'); // fully recovered
  assert.deepEqual(allowedCommands('rejected'), []);
  assert.deepEqual(allowedCommands('withdrawn'), []);
});

test('an illegal transition is a conflict naming the allowed commands', () => {
  assert.throws(
    () => nextState('submitted', 'disburse'),
    (e: unknown) => e instanceof CredoError && e.code === 'E_SERVICING_CONFLICT' && /allowed: approve, reject, withdraw/.test(e.message),
  );
  assert.throws(() => nextState('rejected', 'approve'), /none \(final state\)/);
  assert.throws(() => nextState('written_off', 'reopen'), /allowed: close$/);
});
