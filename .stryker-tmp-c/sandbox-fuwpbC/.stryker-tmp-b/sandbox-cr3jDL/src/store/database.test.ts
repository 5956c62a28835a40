// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseOptionsFromEnv, openDatabase } from './database.js';

test('an unreachable server is E_STORE_CONNECT, with the password redacted', async () => {
  await assert.rejects(openDatabase({ url: 'postgres://credo:s3cret@127.0.0.1:1/credo' }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'E_STORE_CONNECT');
    assert.match(error.message, /^cannot open the database postgres:\/\/credo:\*\*\*@127\.0\.0\.1:1\/credo: /);
    assert.doesNotMatch(error.message, /s3cret/);
    return true;
  });
});

test('a schema name must be a plain identifier (it becomes the search_path)', async () => {
  await assert.rejects(openDatabase({ url: 'postgres://127.0.0.1:1/x', schema: 'a; DROP SCHEMA public' }), { code: 'E_INPUT_ARGUMENT_INVALID' });
});

test('DATABASE_URL wins over the data directory; an empty one does not count', () => {
  assert.deepEqual(databaseOptionsFromEnv('/d', { DATABASE_URL: 'postgres://h/db' }), { url: 'postgres://h/db' });
  assert.deepEqual(databaseOptionsFromEnv('/d', { DATABASE_URL: '' }), { dataDir: '/d' });
  assert.deepEqual(databaseOptionsFromEnv(undefined, {}), { dataDir: '.credo' });
});
