// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { csvRecords } from './csv-records.js';

test('RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes, CRLF, BOM, blank lines, no final newline', () => {
  const text = '\ufeffid,name,note\r\n1,"Lovelace, Ada","said ""hi""\nthen left"\r\n\r\n2,Babbage,\n3,,"x"';
  assert.deepEqual(csvRecords(text), [
    ['id', 'name', 'note'],
    ['1', 'Lovelace, Ada', 'said "hi"\nthen left'],
    ['2', 'Babbage', ''],
    ['3', '', 'x'],
  ]);
});

test('an unterminated quote is a malformed body', () => {
  assert.throws(
    () => csvRecords('a,b\n"open,1\n'),
    (e: unknown) => e instanceof CredoError && e.code === 'E_HTTP_MALFORMED_BODY',
  );
});

test('empty text has no records', () => {
  assert.deepEqual(csvRecords(''), []);
  assert.deepEqual(csvRecords('\n\n'), []);
});
