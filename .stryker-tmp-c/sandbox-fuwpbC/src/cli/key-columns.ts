// @ts-nocheck
import { type Column, type Frame, renameColumn } from '../frame/index.js';
import type { ListFlag, StringFlag } from './command.js';
import { checkNamedColumns } from './commands/learner-data.js';

/** The flags naming the columns copied into per-row outputs (`score`, `explain`): `--keys a,b` and `--id col`. */
export const keyFlags = {
  keys: { type: 'list', description: 'input columns copied to each output row (default: id and *_id columns)' } satisfies ListFlag,
  id: { type: 'string', description: 'the applicant id column copied to each output row (added to --keys)' } satisfies StringFlag,
} as const;

/**
 * The key columns to copy into a per-row output: `--id` then `--keys`, or by default every column
 * named `id` or ending in `_id`. Names are checked against the file (closest names as a hint).
 */
export function keyColumnNames(frame: Frame, args: { readonly keys: readonly string[]; readonly id?: string | undefined }, file: string): string[] {
  const named = [...(args.id === undefined ? [] : [args.id]), ...args.keys.filter((k) => k !== args.id)];
  checkNamedColumns(frame, named, args.id !== undefined && args.keys.length === 0 ? 'id' : 'keys', file);
  return named.length > 0 ? named : frame.names.filter((n) => n === 'id' || n.endsWith('_id'));
}

/**
 * The key columns for output rows `rows` of `frame` (all rows when omitted), renamed `key_<name>`
 * where a name is already taken by an output column (e.g. an `id` that is also a model feature).
 */
export function keyColumns(frame: Frame, names: readonly string[], taken: readonly string[], rows?: Int32Array): Column[] {
  const used = new Set(taken);
  const source = rows === undefined ? frame.select(names) : frame.select(names).take(rows);
  return source.columns.map((column) => (used.has(column.name) ? renameColumn(column, `key_${column.name}`) : column));
}
