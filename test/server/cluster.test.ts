import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
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

/** Starts `credo serve --port 0 --quiet` with `args` on a schema of its own; resolves its URL once it listens. */
async function serveCluster(args: string[]) {
  const database = await openTestDatabase('postgres');
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--quiet', ...args], {
    env: { ...process.env, DATABASE_URL: urlWithSchema(database.schema as string) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const state = { err: '' };
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      state.err += d;
      const match = /listening on (http:\/\/[^\s]+) \(PostgreSQL, 2 workers\)/.exec(state.err);
      if (match !== null) resolve(match[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${state.err}`)));
  });
  return {
    child,
    url,
    exited,
    state,
    /** An API key of `role`, made with `credo users add` while the server runs (PostgreSQL allows it). */
    async key(role: string): Promise<string> {
      const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'users', 'add', '--role', role, '--name', `test ${role}`, '--json'], {
        env: { ...process.env, DATABASE_URL: urlWithSchema(database.schema as string) },
      });
      return JSON.parse(stdout).key as string;
    },
    async dispose() {
      child.kill('SIGKILL');
      await database.dispose();
    },
  };
}

// --workers needs a PostgreSQL server (PGlite refuses it: test/store-cli.test.ts)
if (backends().includes('postgres')) {
  test('credo serve --workers 2: both workers answer on one port; SIGTERM stops every process', async () => {
    const server = await serveCluster(['--workers', '2']);
    const { child, url, exited, state } = server;
    try {
      for (let i = 0; i < 4; i++) assert.equal((await fetch(`${url}/health`, { headers: { connection: 'close' } })).status, 200);
      assert.equal(childrenOf(child.pid as number).length, 2, 'two worker processes');
      child.kill('SIGTERM');
      assert.equal(await exited, 0, state.err);
      assert.match(state.err, /SIGTERM, finishing in-flight requests in 2 workers\ncredo serve: stopped\n$/);
    } finally {
      await server.dispose();
    }
  });

  test("credo serve --workers 2 --rate-limit 6: the limit is the whole server's, not 6 a worker", async () => {
    const server = await serveCluster(['--workers', '2', '--rate-limit', '6']);
    try {
      // the counting windows are whole minutes: the 4 s of requests below must fall inside one
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 54_000) await new Promise((done) => setTimeout(done, 60_200 - intoMinute));
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) {
        // a new connection each time: the primary hands connections to the workers in turn
        statuses.push((await fetch(`${server.url}/health`, { headers: { connection: 'close' } })).status);
        // longer than the workers' report period (RATE_SYNC_MS), so each has heard of the other's
        await new Promise((done) => setTimeout(done, 400));
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429, 429]);
    } finally {
      await server.dispose();
    }
  });

  test('credo serve --workers 2: /metrics sums both workers, whichever answers the scrape', async () => {
    const server = await serveCluster(['--workers', '2']);
    try {
      const auditor = await server.key('auditor');
      // new connections: the primary hands them to the workers in turn
      for (let i = 0; i < 6; i++) assert.equal((await fetch(`${server.url}/health`, { headers: { connection: 'close' } })).status, 200);
      for (let scrape = 0; scrape < 3; scrape++) {
        const response = await fetch(`${server.url}/metrics`, { headers: { connection: 'close', authorization: `Bearer ${auditor}` } });
        assert.equal(response.status, 200);
        const text = await response.text();
        assert.match(text, /\ncredo_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} 6\n/);
        assert.match(text, /\ncredo_metrics_processes 2\n/);
        // the earlier scrapes, answered: every worker's count
        if (scrape > 0)
          assert.match(text, new RegExp(`\\ncredo_http_request_duration_seconds_count\\{method="GET",route="/metrics",status="200"\\} ${scrape}\\n`));
      }
    } finally {
      await server.dispose();
    }
  });
}
