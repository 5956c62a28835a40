// @ts-nocheck
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CredoError } from '../errors/index.js';

/** A held lock on a PGlite data directory. */
export interface DataDirLock {
  /** Removes the lock file (once). */
  release(): Promise<void>;
}

/** The lock file inside a data directory: it holds the owner's pid. */
export const LOCK_FILE = 'credo.lock';

// Lock files this process holds: a file naming our own pid that is not in here was left by an
// earlier process that had the same pid (pid 1 in a restarted container).
const held = new Set<string>();

/**
 * Locks a PGlite data directory for this process: PGlite is one process with one connection,
 * so a second process (say `credo users add` while `credo serve` runs) must not open the same
 * files. Creates `<dir>/credo.lock` exclusively with our pid; a lock left by a process that no
 * longer exists (killed with -9), or by an earlier process with our own pid, is taken over.
 * Throws `E_STORE_LOCKED` naming the live holder (this process too, when it already holds it).
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      held.add(path);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          held.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (!(holder > 0)) {
      // Created but not written yet by a process starting right now, unless it is old.
      const age = Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? 0);
      if (age < 10_000) throw new CredoError('E_STORE_LOCKED', { dataDir, pid: 'unknown' });
    } else if (holder === process.pid ? held.has(path) : isAlive(holder)) {
      throw new CredoError('E_STORE_LOCKED', { dataDir, pid: holder });
    }
    await rm(path, { force: true });
  }
  throw new CredoError('E_STORE_LOCKED', { dataDir, pid: 'unknown' });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
