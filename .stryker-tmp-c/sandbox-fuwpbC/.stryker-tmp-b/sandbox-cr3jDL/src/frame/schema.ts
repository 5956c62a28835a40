// @ts-nocheck
// 
import { CredoError, type Issue } from '../errors/index.js';
import type { ColumnType } from './column.js';
import type { Frame } from './frame.js';

/** One column of a saved schema; categories in dictionary order for categorical columns. */
export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  readonly categories?: readonly string[];
}

/** A frame's saved schema: plain JSON, versioned by the files that embed it. */
export interface FrameSchema {
  readonly columns: readonly ColumnSchema[];
}

/** Reads a frame's schema. */
export function schemaOf(frame: Frame): FrameSchema {
  return {
    columns: frame.columns.map((c) => (c.type === 'number' ? { name: c.name, type: c.type } : { name: c.name, type: c.type, categories: [...c.dictionary] })),
  };
}

/** Options for schema checks. */
export interface CheckSchemaOptions {
  /** Report categories absent from the schema (default true). */
  readonly unseenCategories?: boolean;
}

/**
 * Checks that `frame` has every schema column with the same type. Extra frame columns are
 * allowed. Returns issues (empty when it conforms): missing columns, wrong types and, unless
 * disabled, categories the schema never saw.
 */
export function checkSchema(frame: Frame, schema: FrameSchema, options: CheckSchemaOptions = {}): Issue[] {
  const issues: Issue[] = [];
  for (const expected of schema.columns) {
    const column = frame.get(expected.name);
    if (column === undefined) {
      issues.push({ code: 'E_INPUT_COLUMN_MISSING', path: [expected.name], message: `column "${expected.name}" is missing` });
      continue;
    }
    if (column.type !== expected.type) {
      issues.push({
        code: 'E_INPUT_COLUMN_TYPE',
        path: [expected.name],
        message: `column "${expected.name}" must be ${describe(expected.type)}, found ${describe(column.type)}`,
      });
      continue;
    }
    if (column.type === 'category' && options.unseenCategories !== false && expected.categories !== undefined) {
      const known = new Set(expected.categories);
      const unseen = column.dictionary.filter((label) => !known.has(label));
      if (unseen.length > 0) {
        issues.push({
          code: 'E_INPUT_SCHEMA_MISMATCH',
          path: [expected.name],
          message: `column "${expected.name}" has categories never seen in training: ${unseen.slice(0, 5).join(', ')}${unseen.length > 5 ? ', …' : ''}`,
        });
      }
    }
  }
  return issues;
}

/** Like `checkSchema` but throws one `E_INPUT_SCHEMA_MISMATCH` listing every problem. */
export function assertSchema(frame: Frame, schema: FrameSchema, options: CheckSchemaOptions = {}): void {
  const issues = checkSchema(frame, schema, options);
  if (issues.length > 0) throw new CredoError('E_INPUT_SCHEMA_MISMATCH', { summary: issues.map((i) => i.message).join('; '), issues });
}

/** Validates unknown JSON as a FrameSchema (for schema files and model files). */
export function parseSchema(value: unknown, source = 'schema'): FrameSchema {
  const fail = (problem: string): never => {
    throw new CredoError('E_INPUT_VALIDATION', { summary: `${source}: ${problem}` });
  };
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { columns?: unknown }).columns))
    fail('expected an object with a "columns" array');
  const columns: ColumnSchema[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of (value as { columns: unknown[] }).columns.entries()) {
    if (typeof raw !== 'object' || raw === null) fail(`columns[${i}] must be an object`);
    const { name, type, categories } = raw as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') fail(`columns[${i}].name must be a non-empty string`);
    if (type !== 'number' && type !== 'category') fail(`columns[${i}].type must be "number" or "category"`);
    if (seen.has(name as string)) fail(`columns[${i}].name "${String(name)}" is duplicated`);
    seen.add(name as string);
    if (categories !== undefined && (!Array.isArray(categories) || categories.some((c) => typeof c !== 'string'))) {
      fail(`columns[${i}].categories must be an array of strings`);
    }
    columns.push(
      categories === undefined
        ? { name: name as string, type: type as ColumnType }
        : { name: name as string, type: type as ColumnType, categories: categories as string[] },
    );
  }
  return { columns };
}

function describe(type: ColumnType): string {
  return type === 'number' ? 'numeric' : 'categorical';
}
