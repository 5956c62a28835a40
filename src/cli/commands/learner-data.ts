import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { readFrame } from '../../io/index.js';
import type { CommandContext } from '../command.js';

/** The flags every learner command reads its data with. */
export interface LearnerDataArgs {
  readonly data: string;
  readonly target: string;
  readonly exclude: readonly string[];
  readonly features: readonly string[];
  readonly categorical: readonly string[];
}

/**
 * Reads `--data`, drops rows with an empty target (counted on stderr; an unknown outcome is never
 * treated as good) and resolves the feature list (`--features`, else every column but the target
 * and `--exclude`).
 */
export async function readLearnerData(args: LearnerDataArgs, context: CommandContext): Promise<{ frame: Frame; features: string[]; excluded: number }> {
  const types = Object.fromEntries(args.categorical.map((c) => [c, 'category' as const]));
  const all = await readFrame(resolve(context.cwd, args.data), { types });
  const column = all.get(args.target);
  if (column === undefined) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: args.target, source: `file "${args.data}"` });
  if (column.type !== 'number') throw new CredoError('E_GBDT_TARGET', { column: args.target, problem: 'must be numeric (1 = bad, 0 = good)' });
  const mask = new Uint8Array(all.rowCount);
  let excluded = 0;
  for (let i = 0; i < mask.length; i++) {
    if (Number.isNaN(column.values[i])) excluded++;
    else mask[i] = 1;
  }
  const frame = excluded === 0 ? all : all.filter(mask);
  if (excluded > 0) context.stderr(`training data: excluded ${excluded} of ${all.rowCount} rows with an empty "${args.target}" (no outcome)\n`);
  for (const name of [...args.exclude, ...args.features])
    if (!frame.has(name)) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: name, source: `--exclude/--features (file "${args.data}")` });
  const skip = new Set([args.target, ...args.exclude]);
  const features = args.features.length > 0 ? [...args.features] : frame.names.filter((n) => !skip.has(n));
  return { frame, features, excluded };
}
