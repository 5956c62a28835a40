// @ts-nocheck
import { type ErrorCode, errorCodes } from './codes.js';

/** Structured details of an error: values that fill the message template, plus anything useful. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * The one error class of Credo: a catalogue `code`, machine-readable `details`, an optional
 * `cause`. It carries no HTTP status or exit code; adapters map `code` to those.
 */
export class CredoError extends Error {
  override readonly name = 'CredoError';
  /** Catalogue code, e.g. `E_INPUT_COLUMN_MISSING`. */
  readonly code: ErrorCode;
  /** Values named by the message template and any extra context. */
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(formatMessage(code, details), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = details;
  }

  /** True when the caller caused the error (bad input), false for Credo's own faults. */
  get isUserError(): boolean {
    return errorCodes[this.code].kind === 'input';
  }
}

/** Fills a code's message template from details (unknown placeholders stay visible as `{key}`), then appends `details.hint` if any. */
export function formatMessage(code: ErrorCode, details: ErrorDetails): string {
  const message = errorCodes[code].message.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details[key];
    return value === undefined ? whole : String(value);
  });
  // Any code may carry a `hint` (e.g. "did you mean …?"): it follows the message after a semicolon.
  const hint = details.hint;
  return typeof hint === 'string' && hint !== '' ? `${message}; ${hint}` : message;
}

/** True when `error` is a CredoError (works across module copies by checking the name and code). */
export function isCredoError(error: unknown): error is CredoError {
  return error instanceof CredoError;
}
