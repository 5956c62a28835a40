// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { readSchemaOverrides } from './schema-overrides.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-io-schema-'));

function throwsFlag(text: string, pattern: RegExp): void {
  assert.throws(
    () => readSchemaOverrides(text),
    (e: unknown) => e instanceof CredoError && e.code === 'E_INPUT_FLAG_INVALID' && pattern.test(e.message),
  );
}

test('inline list col:type,col2:type', () => {
  assert.deepEqual(readSchemaOverrides('age:number, seg:category'), { age: 'number', seg: 'category' });
  assert.deepEqual(readSchemaOverrides('a:b:category'), { 'a:b': 'category' });
});

test('a JSON file with a FrameSchema or a plain {column: type} object', () => {
  const schema = join(dir, 'schema.json');
  writeFileSync(
    schema,
    JSON.stringify({
      columns: [
        { name: 'x', type: 'number' },
        { name: 'g', type: 'category', categories: ['a'] },
      ],
    }),
  );
  assert.deepEqual(readSchemaOverrides(schema), { x: 'number', g: 'category' });
  const plain = join(dir, 'plain.json');
  writeFileSync(plain, JSON.stringify({ x: 'category' }));
  assert.deepEqual(readSchemaOverrides(plain), { x: 'category' });
});

test('clear errors naming the problem', () => {
  throwsFlag('', /--schema: is empty/);
  throwsFlag('age', /"age" is not of the form column:type/);
  throwsFlag('age:text', /type of "age" must be number or category, got "text"/);
  throwsFlag('a:number,a:category', /column "a" is listed twice/);
  throwsFlag(join(dir, 'absent.json'), /schema file does not exist/);
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{nope');
  throwsFlag(broken, /schema file is not valid JSON/);
  const wrong = join(dir, 'wrong.json');
  writeFileSync(wrong, JSON.stringify({ x: 'text' }));
  throwsFlag(wrong, /column "x" has type "text", expected "number" or "category"/);
  const badSchema = join(dir, 'bad-schema.json');
  writeFileSync(badSchema, JSON.stringify({ columns: [{ name: 'x', type: 'text' }] }));
  throwsFlag(badSchema, /columns\[0\]\.type/);
});
