// @ts-nocheck
// 
import { CredoError, missingColumnError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import type { CommandContext } from '../command.js';
import { type DataInputArgs, readDataFile } from '../data-input.js';

/** The flags every learner command reads its data with. */
export interface LearnerDataArgs extends DataInputArgs {
  readonly data: string;
  readonly target: string;
  readonly exclude: readonly string[];
  readonly features: readonly string[];
  readonly categorical: readonly string[];
}

/**
 * Drops rows whose target is empty (e.g. declined applicants with no outcome): returns the kept
 * frame and how many were dropped. Never treats an unknown outcome as good.
 */
export function dropMissingTarget(frame: Frame, target: string, source = 'the data'): { frame: Frame; excluded: number } {
  const column = frame.get(target);
  if (column === undefined) throw missingColumnError(target, source === 'the data' ? source : `file "${source}"`, frame.names);
  if (column.type !== 'number') throw new CredoError('E_GBDT_TARGET', { column: target, problem: 'must be numeric (1 = bad, 0 = good)' });
  const mask = new Uint8Array(frame.rowCount);
  let excluded = 0;
  for (let i = 0; i < mask.length; i++) {
    if (Number.isNaN(column.values[i])) excluded++;
    else mask[i] = 1;
  }
  return { frame: excluded === 0 ? frame : frame.filter(mask), excluded };
}

/**
 * Reads a labelled data file (with `--schema` overrides and `categorical` columns read as
 * categories) and drops rows whose target is empty, reporting the count on stderr as `label`:
 * an unknown outcome (e.g. a declined applicant) is never treated as good.
 */
export async function readLabelledData(
  context: CommandContext,
  file: string,
  target: string,
  categorical: readonly string[],
  input: DataInputArgs,
  label = 'training data',
): Promise<{ frame: Frame; excluded: number; rows: number }> {
  const types = Object.fromEntries(categorical.map((c) => [c, 'category' as const]));
  const all = await readDataFile(context, file, input, types);
  const { frame, excluded } = dropMissingTarget(all, target, file);
  if (excluded > 0) context.stderr(`${label}: excluded ${excluded} of ${all.rowCount} rows with an empty "${target}" (no outcome)\n`);
  return { frame, excluded, rows: all.rowCount };
}

/**
 * Reads `--data`, drops rows with an empty target (see `readLabelledData`) and resolves the feature
 * list (`--features`, else every column but the target and `--exclude`).
 */
export async function readLearnerData(args: LearnerDataArgs, context: CommandContext): Promise<{ frame: Frame; features: string[]; excluded: number }> {
  const { frame, excluded } = await readLabelledData(context, args.data, args.target, args.categorical, args);
  checkNamedColumns(frame, args.exclude, 'exclude', args.data);
  checkNamedColumns(frame, args.features, 'features', args.data);
  const skip = new Set([args.target, ...args.exclude]);
  const features = args.features.length > 0 ? [...args.features] : frame.names.filter((n) => !skip.has(n));
  return { frame, features, excluded };
}

/**
 * Checks that every column a flag names (`--exclude`, `--features`, `--keys`) is in the data file,
 * saying so the right way round: `column "FOO" is not in file "x.csv", so --exclude cannot use it`,
 * with the closest column names as a hint.
 */
export function checkNamedColumns(frame: Frame, names: readonly string[], flag: string, file: string): void {
  for (const name of names) if (!frame.has(name)) throw missingColumnError(name, `file "${file}", so --${flag} cannot use it`, frame.names);
}
