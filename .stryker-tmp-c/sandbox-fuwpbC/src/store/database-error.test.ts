// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { isRetryable, sqlState, translateDatabaseError } from './database-error.js';

test('constraint violations become catalogue errors naming the table, field and value', () => {
  const duplicate = translateDatabaseError({
    code: '23505',
    table: 'applications',
    constraint: 'applications_external_id_key',
    detail: 'Key (external_id)=(app-7) already exists.',
  });
  assert.ok(duplicate instanceof CredoError);
  assert.equal(duplicate.code, 'E_STORE_DUPLICATE');
  assert.equal(duplicate.message, 'applications: external_id "app-7" already exists');
  const missing = translateDatabaseError({ code: '23503', table: 'applications', detail: 'Key (customer_id)=(c1) is not present in table "customers".' });
  assert.equal((missing as CredoError).message, 'applications: customer_id "c1" does not exist');
  const check = translateDatabaseError({ code: '23514', table: 'decisions', constraint: 'decisions_pd_check' });
  assert.equal((check as CredoError).message, 'decisions: check "decisions_pd_check" failed');
  const audit = translateDatabaseError({ code: 'CR001', message: 'audit_log is append-only: DELETE refused' });
  assert.equal((audit as CredoError).message, 'audit log entries cannot be changed or deleted: DELETE refused');
});

test('other errors pass through unchanged; serialisation failures and deadlocks are retryable', () => {
  const other = new Error('connection refused');
  assert.equal(translateDatabaseError(other), other);
  const syntax = { code: '42601', message: 'syntax error' };
  assert.equal(translateDatabaseError(syntax), syntax);
  assert.equal(sqlState({ code: 'ECONNREFUSED' }), undefined);
  assert.deepEqual(
    ['40001', '40P01', '23505'].map((code) => isRetryable({ code })),
    [true, true, false],
  );
});
