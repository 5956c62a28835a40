// @ts-nocheck
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { Frame } from '../frame/index.js';
import { collectYoungGarbage, loadDuckDb, sqlIdentifier, sqlString, withWriterConnection } from './duckdb.js';

/** Rows per Parquet row group; fixed so identical frames give identical files. */
const ROW_GROUP_SIZE = 122880;

/** Rows per appended data chunk (DuckDB's vector size). */
const CHUNK_ROWS = 2048;

let tables = 0;

/**
 * Writes a frame as Parquet to `path` (not atomic: see `writeFrame`): numeric columns as DOUBLE
 * (NaN → NULL), categorical columns as VARCHAR (code -1 → NULL), snappy-compressed (measured:
 * half the CPU of zstd for 1.6× the size), fixed row-group size, one writer thread. The frame is appended to a scratch DuckDB table chunk by chunk (values set straight into
 * the chunk's vectors), then copied to the file.
 */
export async function writeParquetFile(frame: Frame, path: string): Promise<void> {
  const table = `credo_write_${++tables}`;
  await withWriterConnection(async (connection) => {
    try {
      const definitions = frame.columns.map((c, j) => `c${j} ${c.type === 'number' ? 'DOUBLE' : 'VARCHAR'}`);
      await connection.run(`CREATE TABLE ${table} (${definitions.join(', ') || 'dummy INTEGER'})`);
      if (frame.columns.length > 0) {
        const appender = await connection.createAppender(table);
        try {
          await appendFrame(frame, (chunk) => appender.appendDataChunk(chunk));
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
      }
      const select = frame.columns.map((c, j) => `c${j} AS ${sqlIdentifier(c.name)}`).join(', ');
      await connection.run(
        `COPY (SELECT ${select} FROM ${table}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
      );
    } finally {
      await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
  });
}

/** Fills data chunks of up to 2,048 rows from the frame's columns and hands each to `append`. */
async function appendFrame(frame: Frame, append: (chunk: DuckDBDataChunk) => void): Promise<void> {
  const { DOUBLE, DuckDBDataChunk, VARCHAR } = loadDuckDb();
  const types = frame.columns.map((c) => (c.type === 'number' ? DOUBLE : VARCHAR));
  for (let start = 0, batch = 1; start < frame.rowCount; start += CHUNK_ROWS, batch++) {
    const n = Math.min(CHUNK_ROWS, frame.rowCount - start);
    const chunk = DuckDBDataChunk.create(types, n);
    frame.columns.forEach((column, j) => {
      const vector = chunk.getColumnVector(j);
      if (column.type === 'number') {
        const values = column.values.subarray(start, start + n);
        const items = (vector as unknown as { items?: unknown }).items;
        // Fast path: copy into node-api's value buffer of the DOUBLE vector, then mark the NaNs.
        if (items instanceof Float64Array && items.length === n) items.set(values);
        else for (let i = 0; i < n; i++) vector.setItem(i, values[i] as number);
        for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) vector.setItem(i, null);
      } else {
        const { codes, dictionary } = column;
        for (let i = 0; i < n; i++) {
          const code = codes[start + i] as number;
          vector.setItem(i, code < 0 ? null : (dictionary[code] as string));
        }
      }
      vector.flush();
    });
    append(chunk);
    // Each chunk's native memory is freed when V8 collects its wrapper (see collectYoungGarbage) and
    // the finalizer runs, which needs a turn of the event loop.
    if (batch % 8 === 0) {
      collectYoungGarbage();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
