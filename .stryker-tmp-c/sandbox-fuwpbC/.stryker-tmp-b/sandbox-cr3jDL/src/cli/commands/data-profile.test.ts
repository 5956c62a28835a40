// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closeDuckDb } from '../../io/index.js';
import { runCliCaptured } from '../run-cli.js';
import { dataProfileCommand } from './data-profile.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-profile-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDuckDb();
});

async function run(argv: string[]) {
  return runCliCaptured([dataProfileCommand], argv, dir);
}

test('credo data profile --json: one object with per-column summaries, IV and excluded target rows', async () => {
  writeFileSync(join(dir, 'd.csv'), 'x,c,bad\n1,a,0\n2,a,0\n3,b,1\n4,,1\n,b,0\n6,a,\n');
  const r = await run(['data', 'profile', '--data', 'd.csv', '--target', 'bad', '--bins', '2', '--json']);
  assert.equal(r.code, 0, r.err);
  const p = JSON.parse(r.out);
  assert.equal(p.rows, 6);
  assert.equal(p.target, 'bad');
  assert.equal(p.target_missing, 1);
  assert.equal(p.bad_rate, 0.4);
  assert.deepEqual(
    p.columns.map((c: { name: string; type: string; distinct: number }) => [c.name, c.type, c.distinct]),
    [
      ['x', 'number', 5],
      ['c', 'category', 2],
      ['bad', 'number', 2],
    ],
  );
  assert.equal(p.columns[0].median, 3);
  assert.ok(p.columns[0].iv > 0.5);
  assert.equal(p.columns[2].iv, undefined);
});

test('credo data profile: human table, and input errors exit 2', async () => {
  writeFileSync(join(dir, 'e.csv'), 'x,bad\n1,0\n2,1\n');
  const r = await run(['data', 'profile', '--data', 'e.csv', '--target', 'bad']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /target bad: bad rate 50\.00%/);
  assert.match(r.out, /smoothing \+0\.5/);
  const missing = await run(['data', 'profile', '--data', 'e.csv', '--target', 'nope']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /column "nope"/);
  writeFileSync(join(dir, 'f.csv'), 'x,bad\n1,0\n2,3\n');
  const invalid = await run(['data', 'profile', '--data', 'f.csv', '--target', 'bad']);
  assert.equal(invalid.code, 2);
  assert.match(invalid.err, /label 3/);
});

test('credo data profile warns about leakage, ids and protected attributes (stderr and --json warnings)', async () => {
  const rows = ['id,age,copy,x,bad'];
  for (let i = 0; i < 40; i++) rows.push(`${i + 1},${20 + (i % 30)},${i % 4 === 0 ? 1 : 0},${i % 5},${i % 4 === 0 ? 1 : 0}`);
  writeFileSync(join(dir, 'leaky.csv'), `${rows.join('\n')}\n`);
  const r = await run(['data', 'profile', '--data', 'leaky.csv', '--target', 'bad', '--json']);
  assert.equal(r.code, 0, r.err);
  const warnings: string[] = JSON.parse(r.out).warnings;
  assert.equal(warnings.length, 3);
  assert.match(warnings[0] as string, /^"id" looks like an identifier/);
  assert.match(warnings[1] as string, /^"copy" alone separates the target \(AUC 1\.0000 on its own\)/);
  assert.match(warnings[2] as string, /^protected attribute\(s\) "age"/);
  assert.match(r.err, /credo: warning: "copy" alone separates the target/);
});
