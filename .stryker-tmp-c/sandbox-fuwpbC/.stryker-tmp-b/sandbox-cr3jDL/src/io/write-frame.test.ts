// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { Frame, numericColumn } from '../frame/index.js';
import { writeFrame } from './write-frame.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-io-write-'));
const frame = new Frame([numericColumn('a', Float64Array.from([1, 2]))]);

async function rejects(action: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(action, (e: unknown) => e instanceof CredoError && e.code === code && pattern.test(e.message));
}

test('unknown extension and missing folder are input errors', async () => {
  await rejects(writeFrame(frame, join(dir, 'out.xlsx')), 'E_FILE_FORMAT', /out\.xlsx": unknown extension \(expected \.csv or \.parquet\)/);
  await rejects(writeFrame(frame, join(dir, 'no', 'out.csv')), 'E_FILE_WRITE', /folder ".*no" does not exist/);
});

test('a failed write leaves the previous file untouched and no temporary file behind', async () => {
  const path = join(dir, 'keep.csv');
  writeFileSync(path, 'old\n');
  await rejects(writeFrame(new Frame([]), path), 'E_FILE_WRITE', /without columns/);
  assert.equal(readFileSync(path, 'utf8'), 'old\n');
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.endsWith('.tmp')),
    [],
  );
});

test('writing replaces an existing file atomically', async () => {
  const path = join(dir, 'replace.parquet');
  await writeFrame(frame, path);
  await writeFrame(frame, path);
  assert.ok(existsSync(path));
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.includes('replace.parquet') && name !== 'replace.parquet'),
    [],
  );
});
