// @ts-nocheck
// 
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CredoError, isCredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import { writeAtomically } from './atomic-write.js';
import { formatOf } from './file-format.js';
import { writeCsvFile } from './write-csv.js';
import { writeParquetFile } from './write-parquet.js';

/**
 * Writes a frame as CSV (`.csv`) or Parquet (`.parquet`), by extension, atomically (a temporary
 * file renamed into place, so a failure leaves no partial file). Output is deterministic: the same
 * frame always gives the same bytes. See `writeCsvFile` and `writeParquetFile` for the layouts.
 * Errors: `E_FILE_FORMAT` (extension), `E_FILE_WRITE` (missing folder, permissions, disk).
 */
export async function writeFrame(frame: Frame, path: string): Promise<void> {
  const format = formatOf(path, 'write');
  const folder = dirname(path);
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new CredoError('E_FILE_WRITE', { file: path, problem: `folder "${folder}" does not exist` });
  try {
    await writeAtomically(path, (temporaryPath) => (format === 'csv' ? writeCsvFile(frame, temporaryPath) : writeParquetFile(frame, temporaryPath)));
  } catch (error) {
    if (isCredoError(error)) throw error;
    const problem = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new CredoError('E_FILE_WRITE', { file: path, problem }, { cause: error });
  }
}
