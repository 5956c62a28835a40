// @ts-nocheck
// 
import { CredoError, missingColumnError } from '../errors/index.js';
import type { ColumnType } from '../frame/index.js';

/** Options of `readFrame`. */
export interface ReadFrameOptions {
  /** Column types that override inference, by column name (e.g. from `--schema`). */
  readonly types?: Readonly<Record<string, ColumnType>>;
  /** Read only these columns, in this order (default: all, in file order). */
  readonly columns?: readonly string[];
  /**
   * What to do with a `types` entry naming a column the file lacks: `error` (default,
   * `E_INPUT_COLUMN_MISSING`) or `ignore` — e.g. applying a training schema, target included, to
   * a file to score.
   */
  readonly missingTypes?: 'error' | 'ignore';
  /** Field separator of a CSV file, one character (default `,`); ignored for Parquet. */
  readonly delimiter?: string;
}

/**
 * Checks that every override and requested column exists in the file and returns the columns to
 * read, in order. Throws `E_INPUT_COLUMN_MISSING` naming the column and the file.
 */
export function checkRequestedColumns(file: string, available: readonly string[], options: ReadFrameOptions): string[] {
  const known = new Set(available);
  const source = `file "${file}"`;
  for (const [name, type] of Object.entries(options.types ?? {})) {
    if (!known.has(name)) {
      if (options.missingTypes === 'ignore') continue;
      throw missingColumnError(name, source, available, { file });
    }
    if (type !== 'number' && type !== 'category') {
      throw new CredoError('E_INPUT_VALIDATION', { summary: `type of column "${name}" must be "number" or "category", got "${String(type)}"` });
    }
  }
  if (options.columns === undefined) return [...available];
  const seen = new Set<string>();
  for (const name of options.columns) {
    if (!known.has(name)) throw missingColumnError(name, source, available, { file });
    if (seen.has(name)) throw new CredoError('E_INPUT_COLUMN_DUPLICATE', { column: name });
    seen.add(name);
  }
  return [...options.columns];
}
