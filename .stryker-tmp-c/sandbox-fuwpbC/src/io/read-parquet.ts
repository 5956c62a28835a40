// @ts-nocheck
import type { DuckDBConnection } from '@duckdb/node-api';
import { CredoError, isCredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import { sqlIdentifier, sqlString, withConnection } from './duckdb.js';
import { materializedError, type QueryColumn, queryToFrame } from './query-to-frame.js';
import { checkRequestedColumns, type ReadFrameOptions } from './read-options.js';

/** DuckDB types read as numbers (booleans become 0/1). */
const NUMERIC_SQL_TYPES = /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/**
 * Reads a Parquet file into a frame through DuckDB, streaming chunks into typed arrays. Numeric
 * and boolean columns become `number` (NULL → NaN), everything else `category` (text form, dates
 * as ISO `YYYY-MM-DD`). A `number` override on a text column fails with `E_FILE_VALUE_NOT_NUMERIC`
 * naming the first offending row as its line (1-based).
 */
export async function readParquet(path: string, options: ReadFrameOptions = {}): Promise<Frame> {
  return withConnection(async (connection) => {
    const source = `read_parquet(${sqlString(path)})`;
    const described = await describe(connection, path, source);
    const names = described.map(([name]) => name);
    const selected = checkRequestedColumns(path, names, options);
    const sqlTypes = new Map(described);
    const columns: QueryColumn[] = selected.map((name) => {
      const override = options.types?.[name];
      return { name, type: override ?? (NUMERIC_SQL_TYPES.test(sqlTypes.get(name) ?? '') ? 'number' : 'category') };
    });
    const projection = columns.map((c) => `CAST(${sqlIdentifier(c.name)} AS ${c.type === 'number' ? 'DOUBLE' : 'VARCHAR'})`);
    // The row count comes from the file's metadata, so the columns are allocated once at their size.
    const counted = (await connection.runAndReadAll(`SELECT CAST(count(*) AS DOUBLE) FROM ${source}`)).getRowsJS()[0]?.[0];
    const query = `SELECT ${projection.join(', ') || '1'} FROM ${source}`;
    try {
      const frame = await queryToFrame(connection, query, columns, typeof counted === 'number' ? counted : undefined);
      // A streamed result ends early, without an error, when DuckDB fails part way: compare counts.
      if (frame.rowCount === counted) return frame;
      throw (await materializedError(connection, query)) ?? new Error(`the read stopped after ${frame.rowCount} of ${counted} rows`);
    } catch (error) {
      if (isCredoError(error)) throw error;
      await throwFirstBadValue(connection, path, source, columns, sqlTypes);
      const problem = String(error instanceof Error ? error.message : error).split('\n')[0];
      throw new CredoError('E_FILE_FORMAT', { file: path, problem: `cannot be read (${problem})` }, { cause: error });
    }
  });
}

async function describe(connection: DuckDBConnection, path: string, source: string): Promise<[string, string][]> {
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    return (reader.getRowsJS() as [string, string][]).map(([name, type]) => [name, type]);
  } catch (error) {
    const problem = String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
    throw new CredoError('E_FILE_FORMAT', { file: path, problem: `not a readable Parquet file (${problem})` }, { cause: error });
  }
}

/** Finds the first row whose value does not convert to a number in a `number` column, and throws. */
async function throwFirstBadValue(
  connection: DuckDBConnection,
  path: string,
  source: string,
  columns: readonly QueryColumn[],
  sqlTypes: ReadonlyMap<string, string>,
): Promise<void> {
  for (const column of columns) {
    if (column.type !== 'number' || NUMERIC_SQL_TYPES.test(sqlTypes.get(column.name) ?? '')) continue;
    const id = sqlIdentifier(column.name);
    const reader = await connection.runAndReadAll(
      `SELECT CAST(row AS DOUBLE), value FROM (SELECT row_number() OVER () AS row, CAST(${id} AS VARCHAR) AS value FROM ${source}) ` +
        'WHERE value IS NOT NULL AND TRY_CAST(value AS DOUBLE) IS NULL ORDER BY row LIMIT 1',
    );
    const row = reader.getRowsJS()[0] as [number, string] | undefined;
    if (row !== undefined) throw new CredoError('E_FILE_VALUE_NOT_NUMERIC', { file: path, line: row[0], column: column.name, value: row[1] });
  }
}
