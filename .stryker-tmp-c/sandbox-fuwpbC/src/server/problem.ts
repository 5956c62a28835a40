// @ts-nocheck
import { type ErrorCode, errorCodes, isCredoError } from '../errors/index.js';

/** One failing field of a problem: `field` is a JSON pointer into the request part (e.g. `/body/data/income`). */
export interface ProblemField {
  readonly field: string;
  readonly message: string;
  /** 1-based line and column in uploaded text (policy YAML). */
  readonly line?: number;
  readonly column?: number;
}

/**
 * An RFC 9457 problem document as Credo renders it: the standard members plus the catalogue
 * `code` and the failing fields. `instance` is the request id (quote it when reporting a 500).
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: string;
  readonly errors: readonly ProblemField[];
}

/** HTTP status for the catalogue codes that are not plain 422s (input) or 500s (internal). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  E_HTTP_BAD_REQUEST: 400,
  E_HTTP_MALFORMED_BODY: 400,
  E_HTTP_VALIDATION: 400,
  E_AUTH_KEY_MISSING: 401,
  E_AUTH_KEY_INVALID: 401,
  E_AUTH_FORBIDDEN: 403,
  E_AUTH_OBJECT_FORBIDDEN: 403,
  E_HTTP_NOT_FOUND: 404,
  E_HTTP_RESOURCE_NOT_FOUND: 404,
  E_HTTP_METHOD_NOT_ALLOWED: 405,
  E_HTTP_IDEMPOTENCY_IN_PROGRESS: 409,
  E_HTTP_NOT_CONFIGURED: 409,
  E_HTTP_CONFLICT: 409,
  E_HTTP_BODY_TOO_LARGE: 413,
  E_HTTP_MEDIA_TYPE: 415,
  E_HTTP_RATE_LIMITED: 429,
};

/**
 * The status a catalogue code is rendered with: the table above, then by name (`…_NOT_FOUND` 404,
 * `…_CONFLICT`/`…_DUPLICATE` 409), then by kind: input errors are 422 (the request was well formed
 * but its content is unacceptable, e.g. a tampered model file), internal errors 500.
 */
export function problemStatus(code: ErrorCode): number {
  const fixed = STATUS[code];
  if (fixed !== undefined) return fixed;
  if (code.endsWith('_NOT_FOUND') && code !== 'E_FILE_NOT_FOUND') return 404;
  if (code.endsWith('_CONFLICT') || code.endsWith('_DUPLICATE')) return 409;
  return errorCodes[code].kind === 'input' ? 422 : 500;
}

/** The problem `type` URI of a code (a relative reference; docs/errors.md lists every code). */
export function problemType(code: string): string {
  return `/problems/${code}`;
}

/** Fields named by a CredoError's details: `issues` (path lists) or `field`/`column`/`flag`. */
function fieldsOf(details: Readonly<Record<string, unknown>>, message: string): ProblemField[] {
  const issues = details.issues;
  if (Array.isArray(issues)) {
    return issues.map((issue: { path?: readonly (string | number)[]; message?: string }) => ({
      field: `/${(issue.path ?? []).map((k) => String(k).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
      message: String(issue.message ?? ''),
    }));
  }
  if (Array.isArray(details.errors)) return details.errors as ProblemField[];
  for (const key of ['field', 'column', 'flag'] as const) {
    const value = details[key];
    if (typeof value === 'string') return [{ field: value, message }];
  }
  return [];
}

/**
 * Renders any thrown value as a problem. CredoErrors keep their code and message; anything else
 * becomes `E_INTERNAL` with a generic detail so internals never reach the client.
 */
export function toProblem(error: unknown, requestId: string, fieldPrefix = ''): Problem {
  if (isCredoError(error)) {
    const status = problemStatus(error.code);
    if (status < 500) {
      const fields = fieldsOf(error.details, error.message).map((f) => (f.field.startsWith('/') ? { ...f, field: `${fieldPrefix}${f.field}` } : f));
      return problem(error.code, status, error.message, requestId, fields);
    }
  }
  return problem('E_INTERNAL', 500, `internal error; quote request id ${requestId} when reporting it`, requestId, []);
}

/** Builds a problem document for a code. */
export function problem(code: ErrorCode, status: number, detail: string, requestId: string, errors: readonly ProblemField[]): Problem {
  return { type: problemType(code), title: errorCodes[code].title, status, detail, instance: requestId, code, errors };
}
