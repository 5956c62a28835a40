// @ts-nocheck
import { stat } from 'node:fs/promises';
import { CredoError } from '../errors/index.js';

/** Data file formats Credo reads and writes. */
export type FileFormat = 'csv' | 'parquet';

/** The format named by a path's extension (`.csv`, `.csv.gz`, `.parquet`); throws `E_FILE_FORMAT` otherwise. */
export function formatOf(path: string, mode: 'read' | 'write'): FileFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.csv') || (mode === 'read' && lower.endsWith('.csv.gz'))) return 'csv';
  const accepted = mode === 'read' ? '.csv, .csv.gz or .parquet' : '.csv or .parquet';
  throw new CredoError('E_FILE_FORMAT', { file: path, problem: `unknown extension (expected ${accepted})` });
}

/** Throws `E_FILE_NOT_FOUND` when `path` does not exist and `E_FILE_FORMAT` when it is not a regular file. */
export async function assertReadableFile(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new CredoError('E_FILE_NOT_FOUND', { file: path });
  }
  if (!info.isFile()) throw new CredoError('E_FILE_FORMAT', { file: path, problem: 'not a regular file' });
}
