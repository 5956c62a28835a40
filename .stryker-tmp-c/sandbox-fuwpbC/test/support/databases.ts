// @ts-nocheck
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { type Database, migrate, openDatabase } from '../../src/store/index.js';

/** The back ends a contract suite runs on. */
export type Backend = 'pglite' | 'postgres';

/** PGlite always; a PostgreSQL server too when `DATABASE_URL` is set (CI sets it, see .ci/run). */
export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A database for one suite, with what is needed to throw it away. */
export interface TestDatabase {
  readonly db: Database;
  readonly backend: Backend;
  /** PostgreSQL only: the suite's own schema (a URL for another process is `urlWithSchema`). */
  readonly schema?: string;
  /** Closes the database and, on PostgreSQL, drops its schema. */
  dispose(): Promise<void>;
}

/**
 * A fresh database: in-memory PGlite, or a new schema on the PostgreSQL server (so suites and
 * runs never collide). Migrated unless `migrated: false`.
 */
export async function openTestDatabase(backend: Backend, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const migrated = options.migrated !== false;
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate(migrated) });
    return { db, backend, dispose: () => db.close() };
  }
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') throw new Error('openTestDatabase("postgres") needs DATABASE_URL');
  const schema = `credo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const db = await openDatabase({ url, schema, poolSize: 4 });
  if (options.migrated !== false) await migrate(db);
  return {
    db,
    backend,
    schema,
    async dispose() {
      await db.close();
      await admin(url, `DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

// PGlite's initdb takes seconds (tens on a busy machine); a copy of a data directory made once
// per process opens in a fraction of that. One template before migrations, one after.
const templates = new Map<boolean, Promise<Blob>>();

function pgliteTemplate(migrated: boolean): Promise<Blob> {
  let template = templates.get(migrated);
  if (template === undefined) {
    template = (async () => {
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        if (migrated) await migrate(db);
        return await (db.dumpDataDir as () => Promise<Blob>)();
      } finally {
        await db.close();
      }
    })();
    templates.set(migrated, template);
  }
  return template;
}

/** `DATABASE_URL` with its connections pinned to `schema` (for a child process or the CLI). */
export function urlWithSchema(schema: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs `body` once per back end as a `describe` block with a fresh migrated database opened
 * before and disposed after it; `body` reads the database through `current()`.
 */
export function describeEachBackend(title: string, body: (current: () => TestDatabase) => void): void {
  for (const backend of backends()) {
    describe(`${title} [${backend}]`, () => {
      let test: TestDatabase | undefined;
      before(async () => {
        test = await openTestDatabase(backend);
      });
      after(async () => {
        await test?.dispose();
      });
      body(() => {
        if (test === undefined) throw new Error('the test database is not open yet');
        return test;
      });
    });
  }
}
