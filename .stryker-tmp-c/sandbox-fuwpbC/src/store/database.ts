// @ts-nocheck
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { CredoError } from '../errors/index.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { isRetryable, translateDatabaseError } from './database-error.js';
import type { Queryable, QueryResult } from './queryable.js';
import { SerialQueue } from './serial-queue.js';

/** A transaction: queries run on one connection between BEGIN and COMMIT. */
export interface Transaction extends Queryable {
  /** Runs a multi-statement script without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

/** Connection counts for metrics: PGlite reports one connection and its queue. */
export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  /** Statements sent to the database since it was opened (each one round trip; BEGIN and COMMIT count). */
  readonly statements: number;
}

/** Options of `db.transaction`. */
export interface TransactionOptions {
  /** Isolation level (default `read committed`, PostgreSQL's). */
  readonly isolation?: 'read committed' | 'repeatable read' | 'serializable';
  /** How many times a serialisation failure or deadlock is retried (default 5). */
  readonly retries?: number;
}

/**
 * A database: PGlite (embedded, one connection, calls queued) or a PostgreSQL pool. `query`
 * runs one statement on its own; `transaction` runs a callback in one transaction that commits
 * when it returns and rolls back on any throw (serialisation failures and deadlocks are retried
 * by running the callback again, so it must not have side effects outside the database).
 * Inside a transaction use only its `tx`: on PGlite a `db.query` there would wait for the
 * transaction itself.
 */
export interface Database extends Queryable {
  /** `pglite` (embedded) or `postgres` (a server via `pg`). */
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: the data directory, `memory://` or the URL without password. */
  readonly target: string;
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Pool figures for metrics. */
  poolStats(): PoolStats;
  /**
   * Calls `onNotify(payload)` for every `NOTIFY` on `channel` (any connection, any process on
   * PostgreSQL), until the returned function is called. On PostgreSQL the listener has its own
   * connection; when that connection is lost it reconnects and calls `onNotify(undefined)`,
   * since notifications sent meanwhile are lost.
   */
  listen(channel: string, onNotify: (payload: string | undefined) => void): Promise<() => Promise<void>>;
  /** PGlite only (undefined on PostgreSQL): a tarball of the whole data directory, for `loadDataDir`. */
  readonly dumpDataDir?: () => Promise<Blob>;
  /** Closes the pool or PGlite (waiting for queued work) and releases the data-directory lock. */
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** PGlite's data directory (default `.credo`), or `memory://` for a throw-away database. */
  readonly dataDir?: string;
  /** A PostgreSQL URL; when given (or `DATABASE_URL` is set, see `databaseOptionsFromEnv`) PGlite is not used. */
  readonly url?: string;
  /** PostgreSQL only: the schema to use (search_path), e.g. a per-suite schema in tests. */
  readonly schema?: string;
  /** PostgreSQL only: pool size (default 10). */
  readonly poolSize?: number;
  /** PGlite only: start from this `dumpDataDir` tarball instead of an empty cluster (skips initdb, which is slow). */
  readonly loadDataDir?: Blob;
}

/** The directory PGlite uses when none is given. */
export const DEFAULT_DATA_DIR = '.credo';

// Exact conversions, the same on both drivers: int8 and numeric as decimal strings, dates as
// 'YYYY-MM-DD' text (pg would build a local-time Date), timestamptz as Date.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const identity = (value: string): string => value;

/**
 * Opens the database: PostgreSQL when `url` is given, else PGlite in `dataDir` (created if
 * missing; `memory://` for an in-memory one). A PGlite data directory is locked for this process
 * (PGlite is single-process): a second opener gets `E_STORE_LOCKED` naming the holder's pid.
 * Migrations are not applied here (see `migrate`).
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url !== undefined && options.url !== '') return openPostgres(options.url, options);
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR, options.loadDataDir);
}

/** `openDatabase` options from the environment: `DATABASE_URL` wins over the data directory. */
export function databaseOptionsFromEnv(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  const url = env.DATABASE_URL;
  return url !== undefined && url !== '' ? { url } : { dataDir: dataDir ?? DEFAULT_DATA_DIR };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const target = redactUrl(url);
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: 'schema', problem: `"${options.schema}" is not a plain lower-case identifier` });
  }
  const parsers: Record<number, (value: string) => unknown> = { [INT8]: identity, [NUMERIC]: identity, [DATE]: identity };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's socket error must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new CredoError('E_STORE_CONNECT', { target, problem: (error as Error).message }, { cause: error });
  }
  // Parameterised statements are prepared once per connection under a name derived from their
  // text (the texts are fixed in the code, so the set is small): the server parses and plans
  // the hot-path statements once instead of on every request.
  const names = new Map<string, string>();
  const nameOf = (sql: string): string => {
    let name = names.get(sql);
    if (name === undefined) {
      name = `credo_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
      names.set(sql, name);
    }
    return name;
  };
  let statements = 0;
  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> => {
    statements += 1;
    try {
      const result =
        params === undefined || params.length === 0
          ? await client.query(sql)
          : await client.query({ name: nameOf(sql), text: sql, values: params as unknown[] });
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw translateDatabaseError(error);
    }
  };
  return {
    kind: 'postgres',
    target,
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn, txOptions) {
      return withRetries(txOptions, async () => {
        const client = await pool.connect();
        let broken = false;
        try {
          return await inTransaction(
            {
              query: (sql, params) => run(client, sql, params),
              exec: async (sql) => {
                await run(client, sql);
              },
            },
            fn,
            txOptions,
          );
        } catch (error) {
          broken = sqlConnectionLost(error);
          throw error;
        } finally {
          client.release(broken);
        }
      });
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, statements }),
    listen: (channel, onNotify) => listenPostgres(url, channel, onNotify),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  const target = memory ? dataDir : resolve(dataDir);
  const lock: DataDirLock | undefined = memory ? undefined : await acquireDataDirLock(target);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(memory ? dataDir : resolve(target, 'pgdata'), {
      parsers: { [INT8]: identity, [NUMERIC]: identity, [DATE]: identity },
      ...(loadDataDir === undefined ? {} : { loadDataDir }),
    });
  } catch (error) {
    await lock?.release();
    throw new CredoError('E_STORE_CONNECT', { target, problem: (error as Error).message }, { cause: error });
  }
  const queue = new SerialQueue();
  let statements = 0;
  const run = async <T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> => {
    statements += 1;
    try {
      const result = await pglite.query<T>(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    } catch (error) {
      throw translateDatabaseError(error);
    }
  };
  const exec = async (sql: string): Promise<void> => {
    statements += 1;
    try {
      await pglite.exec(sql);
    } catch (error) {
      throw translateDatabaseError(error);
    }
  };
  let closed = false;
  return {
    kind: 'pglite',
    target,
    query: (sql, params) => queue.run(() => run(sql, params)),
    transaction: (fn, txOptions) => withRetries(txOptions, () => queue.run(() => inTransaction({ query: run, exec }, fn, txOptions))),
    poolStats: () => ({ total: 1, idle: queue.busy ? 0 : 1, waiting: queue.waiting, statements }),
    async listen(channel, onNotify) {
      const unlisten = await queue.run(() => pglite.listen(channel, (payload) => onNotify(payload)));
      return () => (closed ? Promise.resolve() : queue.run(() => unlisten()));
    },
    dumpDataDir: () => queue.run(() => pglite.dumpDataDir('none')),
    async close() {
      if (closed) return;
      closed = true;
      await queue.run(() => pglite.close());
      await lock?.release();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one may be closed when idle); reconnects after a
 * second when the connection is lost, then reports a possible gap with `onNotify(undefined)`.
 */
async function listenPostgres(url: string, channel: string, onNotify: (payload: string | undefined) => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload);
    });
    c.on('error', () => {
      if (stopped || client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      retry = setTimeout(reconnect, 1000);
      retry.unref();
    });
    await c.connect();
    await c.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    client = c;
  };
  const reconnect = (): void => {
    if (stopped) return;
    connect().then(
      () => onNotify(undefined),
      () => {
        retry = setTimeout(reconnect, 1000);
        retry.unref();
      },
    );
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/** BEGIN, the callback on a guarded handle, COMMIT; ROLLBACK on any throw. */
async function inTransaction<T>(raw: Transaction, fn: (tx: Transaction) => Promise<T>, options: TransactionOptions | undefined): Promise<T> {
  let open = true;
  const guard = (): void => {
    if (!open) throw new CredoError('E_INTERNAL', { summary: 'a transaction handle was used after its transaction ended' });
  };
  const tx: Transaction = {
    query: (sql, params) => {
      guard();
      return raw.query(sql, params);
    },
    exec: (sql) => {
      guard();
      return raw.exec(sql);
    },
  };
  await raw.query(options?.isolation === undefined ? 'BEGIN' : `BEGIN ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
  try {
    const result = await fn(tx);
    open = false;
    await raw.query('COMMIT');
    return result;
  } catch (error) {
    open = false;
    // A failed ROLLBACK (connection gone) must not hide the error that caused it.
    await raw.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function withRetries<T>(options: TransactionOptions | undefined, attempt: () => Promise<T>): Promise<T> {
  const retries = options?.retries ?? 5;
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= retries || !isRetryable(error)) throw error;
      // Randomised backoff so the transactions that collided do not collide again.
      await new Promise((done) => setTimeout(done, Math.random() * 5 * 2 ** n));
    }
  }
}

function sqlConnectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('08') || code === 'ECONNRESET' || code === '57P01');
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
