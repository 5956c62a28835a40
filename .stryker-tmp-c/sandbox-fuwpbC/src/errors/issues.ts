// @ts-nocheck
import type { ErrorCode } from './codes.js';
import { CredoError } from './credo-error.js';

/**
 * One validation problem found at a boundary, as data (after zod's issues). `path` locates it
 * (a flag, a JSON pointer-like list of keys, a column); `span` gives a character range in source
 * text, e.g. a rule expression.
 */
export interface Issue {
  readonly code: ErrorCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly span?: { readonly start: number; readonly end: number };
}

/** Result of a `safeParseX()` checker: the value, or the issues that prevented it. */
export type SafeParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

/** Formats a path as `a.b[2].c` for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/** Turns issues into one CredoError (`E_INPUT_VALIDATION`) whose message lists every problem. */
export function issuesToError(issues: readonly Issue[], subject = 'input'): CredoError {
  const lines = issues.map((i) => (i.path.length > 0 ? `${formatPath(i.path)}: ${i.message}` : i.message));
  return new CredoError('E_INPUT_VALIDATION', { summary: `${subject}: ${lines.join('; ')}`, issues });
}

/** Returns the value of a safe-parse result or throws its issues as one CredoError. */
export function unwrapResult<T>(result: SafeParseResult<T>, subject?: string): T {
  if (result.ok) return result.value;
  throw issuesToError(result.issues, subject);
}
