// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { problemStatus, toProblem } from './problem.js';

test('status of catalogue codes: fixed table, then by name, then input 422 / internal 500', () => {
  assert.equal(problemStatus('E_HTTP_VALIDATION'), 400);
  assert.equal(problemStatus('E_AUTH_KEY_MISSING'), 401);
  assert.equal(problemStatus('E_AUTH_FORBIDDEN'), 403);
  assert.equal(problemStatus('E_HTTP_RESOURCE_NOT_FOUND'), 404);
  assert.equal(problemStatus('E_HTTP_METHOD_NOT_ALLOWED'), 405);
  assert.equal(problemStatus('E_STORE_DUPLICATE'), 409);
  assert.equal(problemStatus('E_HTTP_BODY_TOO_LARGE'), 413);
  assert.equal(problemStatus('E_HTTP_MEDIA_TYPE'), 415);
  assert.equal(problemStatus('E_MODEL_TAMPERED'), 422);
  assert.equal(problemStatus('E_FILE_NOT_FOUND'), 422, 'a file that is missing is not a route that is missing');
  assert.equal(problemStatus('E_HTTP_RATE_LIMITED'), 429);
  assert.equal(problemStatus('E_INTERNAL'), 500);
});

test('a validation error names its fields as JSON pointers (escaped per RFC 6901)', () => {
  const error = new CredoError('E_INPUT_VALIDATION', {
    summary: 'bad',
    issues: [
      { code: 'E_INPUT_COLUMN_TYPE', path: ['body', 'data', 'a/b~c'], message: 'must be a number' },
      { code: 'E_INPUT_COLUMN_MISSING', path: ['body', 'data', 'dti'], message: 'missing' },
    ],
  });
  const p = toProblem(error, 'req-1');
  assert.deepEqual(p, {
    type: '/problems/E_INPUT_VALIDATION',
    title: 'Invalid input',
    status: 422,
    detail: 'bad',
    instance: 'req-1',
    code: 'E_INPUT_VALIDATION',
    errors: [
      { field: '/body/data/a~1b~0c', message: 'must be a number' },
      { field: '/body/data/dti', message: 'missing' },
    ],
  });
});

test('anything that is not a user error becomes a 500 without its message', () => {
  for (const error of [new Error('password=hunter2 at db.internal:5432'), new CredoError('E_INTERNAL', { summary: 'secret detail' }), 'a string']) {
    const p = toProblem(error, 'req-2');
    assert.equal(p.status, 500);
    assert.equal(p.code, 'E_INTERNAL');
    assert.equal(p.detail, 'internal error; quote request id req-2 when reporting it');
    assert.deepEqual(p.errors, []);
  }
});
