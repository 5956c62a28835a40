import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-split-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (argv: string[]) => runCliCaptured(commands, argv, dir);

// 200 rows over 20 days (10 a day); every 4th row bad, every 10th without an outcome
const lines = ['id,application_date,x,bad'];
for (let i = 0; i < 200; i++) {
  const day = String(1 + Math.floor(i / 10)).padStart(2, '0');
  lines.push(`${i},2024-03-${day},${i % 7},${i % 10 === 9 ? '' : i % 4 === 0 ? 1 : 0}`);
}
writeFileSync(join(dir, 'apps.csv'), `${lines.join('\n')}\n`);

test('credo data split: stratified and seeded, keeping the bad rate; every row in exactly one file', async () => {
  const r = await run(['data', 'split', '--data', 'apps.csv', '--target', 'bad', '--train', 'train.csv', '--test', 'test.csv', '--seed', '3', '--json']);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  // 50 bads, 130 goods, 20 unknown → 10 + 26 + 4 = 40 test rows at 20%
  assert.deepEqual([s.train.rows, s.test.rows, s.test.with_outcome], [160, 40, 36]);
  assert.equal(s.test.bad_rate, 10 / 36);
  assert.equal(s.train.bad_rate, 40 / 144);
  const ids = (file: string) =>
    readFileSync(join(dir, file), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
  const all = [...ids('train.csv'), ...ids('test.csv')].sort((a, b) => a - b);
  assert.deepEqual(
    all,
    Array.from({ length: 200 }, (_, i) => i),
  );
  const again = await run(['data', 'split', '--data', 'apps.csv', '--target', 'bad', '--train', 'train2.csv', '--test', 'test2.csv', '--seed', '3']);
  assert.equal(again.code, 0, again.err);
  assert.equal(readFileSync(join(dir, 'test2.csv'), 'utf8'), readFileSync(join(dir, 'test.csv'), 'utf8'));
});

test('credo data split --date: the latest whole days are the test set', async () => {
  const r = await run([
    'data',
    'split',
    '--data',
    'apps.csv',
    '--date',
    'application_date',
    '--test-fraction',
    '0.25',
    '--train',
    'old.csv',
    '--test',
    'new.csv',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  // 25% of 200 rows = the last 50 rows = days 16–20
  assert.equal(s.date_cutoff, '2024-03-16');
  assert.deepEqual([s.train.rows, s.test.rows], [150, 50]);
  const bad = await run(['data', 'split', '--data', 'apps.csv', '--date', 'x', '--train', 'a.csv', '--test', 'b.csv']);
  assert.equal(bad.code, 0, bad.err); // a numeric column is a time too
  const missing = await run(['data', 'split', '--data', 'apps.csv', '--date', 'nope', '--train', 'a.csv', '--test', 'b.csv']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /column "nope"/);
});

test('credo data split --date: dates that do not exist are refused by row; times without a zone are UTC wherever it runs', async () => {
  writeFileSync(join(dir, 'impossible.csv'), 'id,day,bad\n1,2025-02-28,0\n2,2025-02-30,1\n3,2025-03-01,0\n');
  const r = await run(['data', 'split', '--data', 'impossible.csv', '--date', 'day', '--train', 'a.csv', '--test', 'b.csv']);
  assert.equal(r.code, 2);
  assert.match(r.err, /date column "day" at row 2: "2025-02-30" is not a date/);
  // 8 rows on 2024-03-15 and 2 at half past midnight on the 16th: the latest 20% are the 16th in UTC;
  // read in Kolkata's time (UTC+5:30) they would fall on the 15th and there would be no whole later day
  const stamps = ['id,at,bad'];
  for (let i = 0; i < 10; i++) stamps.push(`${i},${i < 8 ? `2024-03-15 1${i}:00:00` : `2024-03-16 00:3${i}:00`},${i % 2}`);
  writeFileSync(join(dir, 'stamps.csv'), `${stamps.join('\n')}\n`);
  const zone = process.env.TZ;
  process.env.TZ = 'Asia/Kolkata';
  try {
    const t = await run(['data', 'split', '--data', 'stamps.csv', '--date', 'at', '--test-fraction', '0.2', '--train', 'c.csv', '--test', 'd.csv', '--json']);
    assert.equal(t.code, 0, t.err);
    const s = JSON.parse(t.out);
    assert.equal(s.date_cutoff, '2024-03-16');
    assert.deepEqual([s.train.rows, s.test.rows], [8, 2]);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});
