// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from './commands/index.js';
import { runCliCaptured } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-schema-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'd.csv'), 'zip,amount\n1234,10\n98765,20.5\n');
writeFileSync(join(dir, 's.json'), JSON.stringify({ zip: 'category' }));

async function run(argv: string[]) {
  return runCliCaptured(commands, argv, dir);
}

test('--schema overrides type inference, inline or from a JSON file relative to the working directory', async () => {
  const inferred = JSON.parse((await run(['data', 'profile', '--data', 'd.csv', '--json'])).out);
  assert.equal(inferred.columns[0].type, 'number');
  assert.equal(inferred.columns[0].min, 1234);
  for (const schema of ['zip:category', 's.json']) {
    const r = await run(['data', 'profile', '--data', 'd.csv', '--schema', schema, '--json']);
    assert.equal(r.code, 0, r.err);
    const column = JSON.parse(r.out).columns[0];
    assert.equal(column.type, 'category');
    assert.deepEqual(
      column.top_categories.map((t: { value: string }) => t.value),
      ['1234', '98765'],
    );
  }
});

test('a bad --schema exits 2 naming the flag and the problem', async () => {
  const cases: [string, RegExp][] = [
    ['zip:text', /flag --schema: type of "zip" must be number or category/],
    ['nope:number', /column "nope"/],
    ['missing.json', /flag --schema: schema file does not exist/],
  ];
  for (const [schema, pattern] of cases) {
    const r = await run(['data', 'profile', '--data', 'd.csv', '--schema', schema]);
    assert.equal(r.code, 2, schema);
    assert.match(r.err, pattern);
  }
});
