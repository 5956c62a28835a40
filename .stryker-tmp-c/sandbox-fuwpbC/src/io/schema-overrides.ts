// @ts-nocheck
import { existsSync, readFileSync } from 'node:fs';
import { CredoError } from '../errors/index.js';
import { type ColumnType, parseSchema } from '../frame/index.js';

/**
 * Parses a `--schema` value into per-column type overrides for `readFrame`. Accepts a path to a
 * JSON file holding either a `FrameSchema` (`{"columns":[{"name","type"}]}`, as saved with models)
 * or a plain `{"column": "number" | "category"}` object, or an inline list `col:number,col2:category`.
 * Throws `E_INPUT_FLAG_INVALID` (flag `schema`) naming the problem.
 */
export function readSchemaOverrides(text: string): Record<string, ColumnType> {
  const value = text.trim();
  if (value === '') fail('is empty', text);
  if (value.toLowerCase().endsWith('.json') || (existsSync(value) && !/:(number|category)\b/.test(value))) return readSchemaFile(value);
  return parseInlineSchema(value);
}

function readSchemaFile(path: string): Record<string, ColumnType> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const problem =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'schema file does not exist' : `schema file is not valid JSON (${(error as Error).message})`;
    fail(problem, path);
  }
  if (typeof json === 'object' && json !== null && Array.isArray((json as { columns?: unknown }).columns)) {
    let schema: ReturnType<typeof parseSchema>;
    try {
      schema = parseSchema(json, `schema file "${path}"`);
    } catch (error) {
      fail((error as Error).message, path);
    }
    return Object.fromEntries(schema.columns.map((c) => [c.name, c.type]));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    fail('schema file must hold an object: {"columns": [...]} or {"column": "number" | "category"}', path);
  const out: Record<string, ColumnType> = {};
  for (const [name, type] of Object.entries(json as Record<string, unknown>)) {
    if (type !== 'number' && type !== 'category') fail(`column "${name}" has type ${JSON.stringify(type)}, expected "number" or "category"`, path);
    out[name] = type;
  }
  return out;
}

function parseInlineSchema(value: string): Record<string, ColumnType> {
  const out: Record<string, ColumnType> = {};
  for (const part of value.split(',')) {
    const item = part.trim();
    const at = item.lastIndexOf(':');
    if (at <= 0) fail(`"${item}" is not of the form column:type`, value);
    const name = item.slice(0, at).trim();
    const type = item.slice(at + 1).trim();
    if (type !== 'number' && type !== 'category') fail(`type of "${name}" must be number or category, got "${type}"`, value);
    if (name in out) fail(`column "${name}" is listed twice`, value);
    out[name] = type;
  }
  return out;
}

function fail(problem: string, value: string): never {
  throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'schema', problem, value });
}
