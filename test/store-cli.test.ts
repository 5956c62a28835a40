import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { type CapturedRun, runCliCaptured } from '../src/cli/run-cli.js';
import { type Database, listAudit, migrations, openDatabase, verifyApiKey } from '../src/store/index.js';
import { backends, openTestDatabase, type TestDatabase, urlWithSchema } from './support/databases.js';

/** Runs the CLI in-process with DATABASE_URL set to `url` (or unset) for the call only. */
async function credo(argv: string[], cwd: string, url: string | undefined): Promise<CapturedRun> {
  const saved = process.env.DATABASE_URL;
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  try {
    return await runCliCaptured(commands, argv, cwd);
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

async function tamperFirstEntry(db: Database): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard');
    const { rows } = await tx.query<{ seq: string }>(
      `UPDATE audit_log SET details = '{"role": "auditor"}' WHERE seq = (SELECT seq FROM audit_seals WHERE chain_pos = 1) RETURNING seq`,
    );
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard');
    return rows[0]?.seq as string;
  });
}

for (const backend of backends()) {
  describe(`credo db migrate, users add, audit verify [${backend}]`, () => {
    let dir = '';
    let pg: TestDatabase | undefined;
    let url: string | undefined;
    // PGlite: the CLI's own data directory, opened here only between commands (it is locked while open).
    const inspect = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
      if (pg !== undefined) return fn(pg.db);
      const db = await openDatabase({ dataDir: join(dir, 'data') });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    };
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'credo-store-cli-'));
      if (backend === 'postgres') {
        pg = await openTestDatabase('postgres', { migrated: false });
        url = urlWithSchema(pg.schema as string);
      }
    });
    after(async () => {
      await pg?.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    test('migrate creates the schema once; users add prints a working key once; audit verify passes, then fails on tampering', async () => {
      const first = await credo(['db', 'migrate', '--data-dir', 'data', '--json'], dir, url);
      assert.equal(first.code, 0, first.err);
      assert.deepEqual(
        JSON.parse(first.out).applied,
        migrations.map((m) => m.version),
      );
      const again = await credo(['db', 'migrate', '--data-dir', 'data', '--json'], dir, url);
      assert.deepEqual(JSON.parse(again.out).applied, []);

      const added = await credo(['users', 'add', '--role', 'admin', '--name', 'Ada Admin', '--data-dir', 'data', '--json'], dir, url);
      assert.equal(added.code, 0, added.err);
      assert.equal(added.out.trim().split('\n').length, 1, 'exactly one JSON object');
      const { key, role } = JSON.parse(added.out) as { key: string; role: string };
      assert.equal(role, 'admin');
      const human = await credo(['users', 'add', '--role', 'auditor', '--name', 'Aud', '--data-dir', 'data'], dir, url);
      const humanKey = /credo_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(human.out)?.[0] as string;
      assert.equal(human.out.split(humanKey).length, 2, 'the key is printed once');
      await inspect(async (db) => {
        assert.equal((await verifyApiKey(db, key))?.role, 'admin');
        assert.equal((await verifyApiKey(db, humanKey))?.role, 'auditor');
        const audit = await listAudit(db, { entity: 'user' });
        assert.deepEqual(
          audit.items.map((e) => [e.action, e.actorRole, e.details.role]),
          [
            ['user.create', 'system', 'auditor'],
            ['user.create', 'system', 'admin'],
          ],
        );
      });

      const verified = await credo(['audit', 'verify', '--data-dir', 'data', '--json'], dir, url);
      assert.equal(verified.code, 0, verified.err);
      const ok = JSON.parse(verified.out) as { ok: boolean; entries: number; first_bad: string | null };
      assert.deepEqual([ok.ok, ok.entries, ok.first_bad], [true, 2, null]);

      const bad = await inspect(tamperFirstEntry);
      const broken = await credo(['audit', 'verify', '--data-dir', 'data', '--json'], dir, url);
      assert.equal(broken.code, 1);
      const result = JSON.parse(broken.out) as { ok: boolean; entries: number; first_bad: string | null };
      assert.deepEqual([result.ok, result.entries, result.first_bad], [false, 0, bad]);

      const wrongRole = await credo(['users', 'add', '--role', 'root', '--name', 'x', '--data-dir', 'data'], dir, url);
      assert.equal(wrongRole.code, 2);
      assert.match(wrongRole.err, /--role: must be one of admin, risk_analyst, loan_officer, auditor/);
    });

    if (backend === 'pglite') {
      test('a data directory in use by a running process is refused with a clear error; a stale lock is taken over', async () => {
        const held = await openDatabase({ dataDir: join(dir, 'locked') });
        try {
          const refused = await credo(['users', 'add', '--role', 'admin', '--name', 'x', '--data-dir', 'locked'], dir, undefined);
          assert.equal(refused.code, 2);
          assert.match(refused.err, new RegExp(`in use by process ${process.pid}`));
          assert.match(refused.err, /stop the server first, or use the API instead \(admins: POST \/api\/v1\/users\)/);
        } finally {
          await held.close();
        }
        // A lock left by a process killed with -9: its pid no longer exists.
        const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
        await writeFile(join(dir, 'locked', 'credo.lock'), String(dead));
        const taken = await credo(['users', 'add', '--role', 'admin', '--name', 'x', '--data-dir', 'locked', '--json'], dir, undefined);
        assert.equal(taken.code, 0, taken.err);
      });
    }
  });
}

test('credo serve --workers N refuses PGlite (one process) before opening anything', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'credo-serve-workers-'));
  try {
    const run = await credo(['serve', '--workers', '2', '--port', '0', '--data-dir', join(dir, 'data')], dir, undefined);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /--workers: several processes need a PostgreSQL server \(set DATABASE_URL\)/);
    assert.equal(spawnSync('ls', [dir]).stdout.toString(), '', 'no data directory was created');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('credo serve --close-at with --workers is refused (the schedule runs in one process), and a bad time names the flag', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'credo-serve-close-at-'));
  try {
    const both = await credo(['serve', '--workers', '2', '--close-at', '02:00', '--port', '0', '--data-dir', join(dir, 'data')], dir, undefined);
    assert.equal(both.code, 2, both.err);
    assert.match(both.err, /--close-at.*runs in one process: use it without --workers/);
    const bad = await credo(['serve', '--close-at', '25:00', '--port', '0', '--data-dir', join(dir, 'data')], dir, undefined);
    assert.equal(bad.code, 2, bad.err);
    assert.match(bad.err, /--close-at.*HH:MM/);
    assert.equal(spawnSync('ls', [dir]).stdout.toString(), '', 'no data directory was created');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('credo serve on a port another process holds is a clear input error, and it releases the data directory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'credo-serve-port-'));
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const port = (holder.address() as AddressInfo).port;
  try {
    const run = await credo(['serve', '--port', String(port), '--host', '127.0.0.1', '--quiet', '--data-dir', join(dir, 'data')], dir, undefined);
    assert.equal(run.code, 2, run.err);
    assert.equal(run.err, `credo: error: cannot listen on 127.0.0.1:${port}: another process is listening there; stop it or choose another --port\n`);
    // the database was closed and its lock released: another command opens it at once
    const after = await credo(['users', 'add', '--role', 'admin', '--name', 'x', '--data-dir', join(dir, 'data'), '--json'], dir, undefined);
    assert.equal(after.code, 0, after.err);
  } finally {
    holder.close();
    await rm(dir, { recursive: true, force: true });
  }
});
