// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { acquireDataDirLock, LOCK_FILE } from './data-dir-lock.js';

test('one holder at a time; stale locks (dead pid, our own pid from an earlier process, empty and old) are taken over', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'credo-lock-'));
  const path = join(dir, LOCK_FILE);
  try {
    const lock = await acquireDataDirLock(dir);
    assert.equal(await readFile(path, 'utf8'), String(process.pid));
    await assert.rejects(acquireDataDirLock(dir), { code: 'E_STORE_LOCKED', details: { dataDir: dir, pid: process.pid } });
    await lock.release();
    await assert.rejects(stat(path), { code: 'ENOENT' });

    // A live process of someone else: our parent shell's pid stands in for a running server.
    await writeFile(path, String(process.ppid));
    await assert.rejects(acquireDataDirLock(dir), { code: 'E_STORE_LOCKED', details: { dataDir: dir, pid: process.ppid } });

    for (const stale of [String(spawnSync(process.execPath, ['-e', '']).pid), String(process.pid)]) {
      await writeFile(path, stale);
      const taken = await acquireDataDirLock(dir);
      assert.equal(await readFile(path, 'utf8'), String(process.pid));
      await taken.release();
    }

    await writeFile(path, '');
    await assert.rejects(acquireDataDirLock(dir), { code: 'E_STORE_LOCKED', details: { dataDir: dir, pid: 'unknown' } });
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    await (await acquireDataDirLock(dir)).release();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
