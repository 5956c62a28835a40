// @ts-nocheck
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** The `@duckdb/node-api` module. */
export type DuckDbModule = typeof import('@duckdb/node-api');

let duckdbModule: DuckDbModule | undefined;

/**
 * Loads `@duckdb/node-api` on first use. Loading it costs ≈ 120 ms through `require` (≈ 300 ms
 * through an ESM import, which lexes every re-exported CommonJS file), so commands that never
 * touch a data file do not pay it.
 */
export function loadDuckDb(): DuckDbModule {
  duckdbModule ??= createRequire(import.meta.url)('@duckdb/node-api') as DuckDbModule;
  return duckdbModule;
}

/**
 * The one place that owns DuckDB: a lazily created in-memory instance shared by every read and
 * write. Each operation gets its own connection (a DuckDB connection runs one streaming query at a
 * time) and closes it when done, so concurrent reads never invalidate each other's results.
 */
let instance: Promise<DuckDBInstance> | undefined;

function getInstance(): Promise<DuckDBInstance> {
  // DuckDB's default preserve_insertion_order=true keeps row order stable across threads.
  instance ??= loadDuckDb().DuckDBInstance.create(':memory:');
  return instance;
}

/** Runs `action` with a fresh connection to the shared in-memory DuckDB and closes it afterwards. */
export async function withConnection<T>(action: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await (await getInstance()).connect();
  try {
    return await action(connection);
  } finally {
    connection.closeSync();
  }
}

let writer: Promise<DuckDBInstance> | undefined;

/**
 * Like `withConnection`, on a second instance limited to one thread, for writing files: with one
 * thread, Parquet row groups and their boundaries never depend on scheduling, so the same frame
 * always gives the same bytes.
 */
export async function withWriterConnection<T>(action: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  writer ??= loadDuckDb().DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await (await writer).connect();
  try {
    return await action(connection);
  } finally {
    connection.closeSync();
  }
}

/** Closes the DuckDB instances (a later read or write opens new ones). */
export async function closeDuckDb(): Promise<void> {
  const current = [instance, writer];
  instance = undefined;
  writer = undefined;
  for (const pending of current) if (pending !== undefined) (await pending).closeSync();
}

/** A SQL string literal: single quotes doubled. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL identifier: double quotes doubled. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

type MinorGc = (options: { type: 'minor' }) => void;
let minorGc: MinorGc | null | undefined;

/**
 * Runs a young-generation garbage collection. node-api frees each fetched DuckDB data chunk
 * (≈ 0.5 MB of native memory for 2,048 rows × 31 doubles) only when V8 finalizes its small JS
 * wrapper, and V8 does not see that native memory, so without this a 1M-row read keeps every chunk
 * alive until the end (measured: peak RSS +250 MB). A minor GC every few chunks costs ≈ 1 ms.
 * `gc` is obtained once through V8's flags; when that is not possible this does nothing.
 */
export function collectYoungGarbage(): void {
  if (minorGc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      minorGc = runInNewContext('gc') as MinorGc;
      setFlagsFromString('--no-expose-gc');
    } catch {
      minorGc = null;
    }
  }
  minorGc?.({ type: 'minor' });
}
