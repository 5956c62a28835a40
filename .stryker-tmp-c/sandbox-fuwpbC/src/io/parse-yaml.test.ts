// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { parseYaml } from './parse-yaml.js';

function failure(text: string): CredoError {
  try {
    parseYaml(text, 'c.yaml');
  } catch (error) {
    if (error instanceof CredoError) return error;
  }
  throw new Error('expected a parse error');
}

test('YAML syntax errors name the file, line and column once', () => {
  const lf = failure('a: 1\nb: [1,\nc: 2\n');
  assert.equal(lf.code, 'E_FILE_PARSE');
  assert.deepEqual([lf.details.line, lf.details.column], [3, 1]);
  assert.equal(lf.message, 'file "c.yaml", line 3: column 1: Flow sequence in block collection must be sufficiently indented and end with a ]');
  assert.equal(lf.message.match(/line/g)?.length, 1);
});

test('CRLF files get the same line numbers as LF files', () => {
  const crlf = failure('x: 1\r\ny:\r\n  - a\r\n   b: 2\r\n');
  const lf = failure('x: 1\ny:\n  - a\n   b: 2\n');
  assert.deepEqual([crlf.details.line, crlf.details.column], [lf.details.line, lf.details.column]);
  assert.equal(crlf.details.line, 3);
});

test('valid YAML and JSON parse to plain values', () => {
  assert.deepEqual(parseYaml('a: 1\r\nb: [x, y]\r\n', 'c.yaml'), { a: 1, b: ['x', 'y'] });
  assert.deepEqual(parseYaml('{"a": [1, 2]}', 'c.json'), { a: [1, 2] });
});
