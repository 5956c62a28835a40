// @ts-nocheck
// 
import { CredoError, type Issue } from '../errors/index.js';
import type { ColumnSchema } from '../frame/index.js';
import type { DecisionContext } from './decision-record.js';
import { preparedModel } from './prepared-model.js';

/**
 * The inputs an application must carry under `context`, by training column name: the champion's
 * (model columns, then the policy's own inputs), then any the challenger adds. Throws
 * `E_INPUT_SCHEMA_MISMATCH` when the two models type a column differently.
 */
export function applicationInputs(context: DecisionContext): ColumnSchema[] {
  const out = [...preparedModel(context.policy, context.champion.model, context.asOf).inputs];
  if (context.challenger !== undefined) {
    const types = new Map(out.map((c) => [c.name, c.type]));
    for (const c of preparedModel(context.policy, context.challenger.model, context.asOf).inputs) {
      const type = types.get(c.name);
      if (type === undefined) out.push(c);
      else if (type !== c.type)
        throw new CredoError('E_INPUT_SCHEMA_MISMATCH', { summary: `input "${c.name}" is ${type} for the champion but ${c.type} for the challenger` });
    }
  }
  return out;
}

/**
 * Checks an application's `data` against the inputs of `context` and returns every problem (empty
 * when valid): a missing field (`E_INPUT_COLUMN_MISSING`; send `null` for a missing value), a value
 * of the wrong type (`E_INPUT_COLUMN_TYPE`: numeric inputs take finite numbers or true/false,
 * categorical inputs take text), and fields the decision does not read (`E_INPUT_VALIDATION`).
 * Paths are the field names.
 */
export function validateApplicationData(data: Record<string, unknown>, context: DecisionContext): Issue[] {
  return checkData(data, applicationInputs(context), false);
}

/** `validateApplicationData` on a given input list; `allowExtra` accepts unread fields (replay of a snapshot). */
export function checkData(data: unknown, inputs: readonly ColumnSchema[], allowExtra: boolean): Issue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return [{ code: 'E_INPUT_VALIDATION', path: [], message: 'the application data must be an object of input fields' }];
  const record = data as Record<string, unknown>;
  const issues: Issue[] = [];
  const known = new Set<string>();
  for (const input of inputs) {
    known.add(input.name);
    const kind = input.type === 'number' ? 'numeric' : 'categorical';
    if (!Object.hasOwn(record, input.name)) {
      issues.push({ code: 'E_INPUT_COLUMN_MISSING', path: [input.name], message: `${kind} input "${input.name}" is missing (send null for a missing value)` });
      continue;
    }
    const value = record[input.name];
    if (value === null) continue;
    const ok = input.type === 'number' ? (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' : typeof value === 'string';
    if (!ok)
      issues.push({
        code: 'E_INPUT_COLUMN_TYPE',
        path: [input.name],
        message: `input "${input.name}" must be ${input.type === 'number' ? 'a finite number' : 'a text label'} or null, got ${describe(value)}`,
      });
  }
  if (!allowExtra)
    for (const key of Object.keys(record))
      if (!known.has(key)) issues.push({ code: 'E_INPUT_VALIDATION', path: [key], message: `field "${key}" is not an input of this policy or its models` });
  return issues;
}

/** The validated data as stored with a decision: inputs in order (flags as 1/0, empty labels as null), then any extra fields kept as given. */
export function inputSnapshot(data: Readonly<Record<string, unknown>>, inputs: readonly ColumnSchema[]): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const input of inputs) {
    const value = data[input.name];
    out[input.name] = typeof value === 'boolean' ? (value ? 1 : 0) : value === '' || value === undefined ? null : (value as number | string | null);
  }
  for (const [key, value] of Object.entries(data))
    if (!Object.hasOwn(out, key)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}
