// @ts-nocheck
import { isAbsolute, resolve } from 'node:path';
import { CredoError } from '../errors/index.js';
import type { ColumnType, Frame } from '../frame/index.js';
import { assertWritable, type OutputKind, readFrame, readSchemaOverrides } from '../io/index.js';
import type { CommandContext, StringFlag } from './command.js';

/**
 * The flags every command that reads a data file accepts: `--schema` (type overrides for
 * inference) and `--delimiter` (the CSV field separator).
 */
export const schemaFlag = {
  schema: {
    type: 'string',
    description: 'column types overriding inference: col:number,col2:category, or a JSON schema file',
  } satisfies StringFlag,
  delimiter: {
    type: 'string',
    description: 'CSV field separator: one character such as ";" or "|", or tab (default ",")',
  } satisfies StringFlag,
} as const;

/** The values of `schemaFlag` a command received. */
export interface DataInputArgs {
  readonly schema?: string | undefined;
  readonly delimiter?: string | undefined;
}

/**
 * Reads a data file named by a flag (relative to the command's working directory), applying the
 * user's `--schema` overrides on top of any types the command needs (the user's win) and the
 * `--delimiter` of a CSV file.
 */
export async function readDataFile(context: CommandContext, path: string, input: DataInputArgs = {}, types: Record<string, ColumnType> = {}): Promise<Frame> {
  const overrides = input.schema === undefined ? {} : readSchemaOverrides(schemaPath(context, input.schema));
  const delimiter = parseDelimiter(input.delimiter);
  return readFrame(resolve(context.cwd, path), { types: { ...types, ...overrides }, ...(delimiter === undefined ? {} : { delimiter }) });
}

/** The `--delimiter` value as one character: `tab` and `\t` mean a tab. */
export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'delimiter', problem: 'must be one character other than a quote or line break, or tab', value });
  }
  return delimiter;
}

/** A `--schema` value with a file path made absolute against the working directory; inline lists pass through. */
function schemaPath(context: CommandContext, schema: string): string {
  const value = schema.trim();
  return value.toLowerCase().endsWith('.json') && !isAbsolute(value) ? resolve(context.cwd, value) : value;
}

/**
 * Resolves an output flag's path against the working directory and checks it can be written
 * (see `assertWritable`) before the command does its work; undefined passes through.
 */
export async function outputPath(context: CommandContext, path: string | undefined, kind: OutputKind): Promise<string | undefined> {
  if (path === undefined) return undefined;
  const absolute = resolve(context.cwd, path);
  await assertWritable(absolute, kind);
  return absolute;
}
