import { isAbsolute, resolve } from 'node:path';
import type { ColumnType, Frame } from '../frame/index.js';
import { readFrame, readSchemaOverrides } from '../io/index.js';
import type { CommandContext, StringFlag } from './command.js';

/** The `--schema` flag every command that reads a data file accepts (type overrides for inference). */
export const schemaFlag = {
  schema: {
    type: 'string',
    description: 'column types overriding inference: col:number,col2:category, or a JSON schema file',
  } satisfies StringFlag,
} as const;

/**
 * Reads a data file named by a flag (relative to the command's working directory), applying the
 * user's `--schema` overrides on top of any types the command needs (the user's win).
 */
export async function readDataFile(context: CommandContext, path: string, schema?: string, types: Record<string, ColumnType> = {}): Promise<Frame> {
  const overrides = schema === undefined ? {} : readSchemaOverrides(schemaPath(context, schema));
  return readFrame(resolve(context.cwd, path), { types: { ...types, ...overrides } });
}

/** A `--schema` value with a file path made absolute against the working directory; inline lists pass through. */
function schemaPath(context: CommandContext, schema: string): string {
  const value = schema.trim();
  return value.toLowerCase().endsWith('.json') && !isAbsolute(value) ? resolve(context.cwd, value) : value;
}
