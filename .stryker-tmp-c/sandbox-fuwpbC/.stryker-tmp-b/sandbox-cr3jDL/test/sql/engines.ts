// @ts-nocheck
// 
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { type Column, type Frame, valueAt } from '../../src/frame/index.js';
import { duckdb, postgres, type SqlDialect } from '../../src/sql/index.js';

/** A SQL engine the parity tests run generated statements on. */
export interface TestEngine {
  readonly name: string;
  readonly dialect: SqlDialect;
  /** Creates (or replaces) table `name` holding `frame` (missing → NULL; numbers as DOUBLE, categories as text). */
  load(name: string, frame: Frame): Promise<void>;
  /** Runs statements in order; returns the rows of the last, as objects keyed by column name. */
  query(statements: readonly string[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function literal(d: SqlDialect, column: Column, i: number): string {
  const v = valueAt(column, i);
  if (v === null) return 'NULL';
  return typeof v === 'number' ? d.formatDouble(v) : d.quoteString(v);
}

function loadStatements(d: SqlDialect, name: string, frame: Frame): string[] {
  const table = d.quoteIdentifier(name);
  const defs = frame.columns.map((c) => `${d.quoteIdentifier(c.name)} ${c.type === 'number' ? d.doubleType : d.textType}`).join(', ');
  const out = [`DROP TABLE IF EXISTS ${table}`, `CREATE TABLE ${table} (${defs})`];
  for (let start = 0; start < frame.rowCount; start += 500) {
    const rows: string[] = [];
    for (let i = start; i < Math.min(frame.rowCount, start + 500); i++) rows.push(`(${frame.columns.map((c) => literal(d, c, i)).join(', ')})`);
    out.push(`INSERT INTO ${table} VALUES ${rows.join(', ')}`);
  }
  return out;
}

/** Embedded DuckDB (in memory). */
export async function duckdbEngine(): Promise<TestEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const run = async (statements: readonly string[]) => {
    let rows: Record<string, unknown>[] = [];
    for (const s of statements) rows = (await connection.runAndReadAll(s)).getRowObjectsJS() as Record<string, unknown>[];
    return rows;
  };
  return {
    name: 'duckdb',
    dialect: duckdb,
    load: async (name, frame) => {
      await run(loadStatements(duckdb, name, frame));
    },
    query: run,
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * A PostgreSQL server (DATABASE_URL), working in a schema of its own (dropped on close) so
 * parallel test runs do not collide. Undefined when DATABASE_URL is not set.
 */
export async function postgresEngine(): Promise<TestEngine | undefined> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schema = `credo_sql_${process.pid}_${Date.now()}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  await client.query('SET jit = off');
  const run = async (statements: readonly string[]) => {
    let rows: Record<string, unknown>[] = [];
    for (const s of statements) rows = (await client.query(s)).rows as Record<string, unknown>[];
    return rows;
  };
  return {
    name: 'postgres',
    dialect: postgres,
    load: async (name, frame) => {
      await run(loadStatements(postgres, name, frame));
    },
    query: run,
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** DuckDB always, PostgreSQL when DATABASE_URL is set. */
export async function testEngines(): Promise<TestEngine[]> {
  const pgEngine = await postgresEngine();
  return pgEngine === undefined ? [await duckdbEngine()] : [await duckdbEngine(), pgEngine];
}
