// @ts-nocheck
// 
import { CredoError, isCredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import { assertReadableFile, formatOf } from './file-format.js';
import { readCsv } from './read-csv.js';
import type { ReadFrameOptions } from './read-options.js';
import { readParquet } from './read-parquet.js';

/**
 * Reads a CSV (`.csv`, `.csv.gz`) or Parquet (`.parquet`) file into a frame, by extension.
 * Numeric, decimal and boolean columns (0/1) become `number` columns (NULL → NaN); everything
 * else becomes `category` (first-seen dictionary; NULL or empty → code -1). `options.types`
 * overrides inference per column, `options.columns` reads only those columns.
 * Errors: `E_FILE_NOT_FOUND`, `E_FILE_FORMAT`, `E_INPUT_COLUMN_MISSING` (override or column not in
 * the file), `E_FILE_VALUE_NOT_NUMERIC` (file, line, column, value), `E_FILE_RAGGED_ROW` (file, line),
 * `E_FILE_PARSE`.
 */
export async function readFrame(path: string, options: ReadFrameOptions = {}): Promise<Frame> {
  const format = formatOf(path, 'read');
  await assertReadableFile(path);
  try {
    return await (format === 'csv' ? readCsv(path, options) : readParquet(path, options));
  } catch (error) {
    if (isCredoError(error)) throw error;
    // Anything DuckDB or the file system raised that the readers did not explain (e.g. a file that is not text).
    const problem = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new CredoError('E_FILE_FORMAT', { file: path, problem: `cannot be read (${problem})` }, { cause: error });
  }
}
