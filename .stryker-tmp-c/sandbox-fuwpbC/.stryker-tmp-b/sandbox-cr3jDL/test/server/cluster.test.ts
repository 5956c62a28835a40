// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { backends, openTestDatabase, urlWithSchema } from '../support/databases.js';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.js');

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

// --workers needs a PostgreSQL server (PGlite refuses it: test/store-cli.test.ts)
if (backends().includes('postgres')) {
  test('credo serve --workers 2: both workers answer on one port; SIGTERM stops every process', async () => {
    const database = await openTestDatabase('postgres');
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workers', '2', '--quiet'], {
      env: { ...process.env, DATABASE_URL: urlWithSchema(database.schema as string) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      let err = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (d) => {
          err += d;
          const match = /listening on (http:\/\/[^\s]+) \(PostgreSQL, 2 workers\)/.exec(err);
          if (match !== null) resolve(match[1] as string);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
      });
      for (let i = 0; i < 4; i++) assert.equal((await fetch(`${url}/health`, { headers: { connection: 'close' } })).status, 200);
      assert.equal(childrenOf(child.pid as number).length, 2, 'two worker processes');
      child.kill('SIGTERM');
      assert.equal(await exited, 0, err);
      assert.match(err, /SIGTERM, finishing in-flight requests in 2 workers\ncredo serve: stopped\n$/);
    } finally {
      child.kill('SIGKILL');
      await database.dispose();
    }
  });
}
