/**
 * The error catalogue: every error Credo raises has a code here, never reused or renamed.
 * `kind` tells adapters how to report it: `input` errors are the caller's fault (CLI exit 2,
 * HTTP 4xx), `internal` errors are ours (CLI exit 1, HTTP 500). The message template names
 * `{placeholders}` filled from the error's details. docs/errors.md lists the same codes (a test
 * keeps them in agreement).
 */
export interface ErrorCodeSpec {
  /** Short human title, stable. */
  readonly title: string;
  /** Message template; `{key}` is replaced by `details[key]`. */
  readonly message: string;
  /** Whose fault: `input` (bad flag, file, body, model file) or `internal`. */
  readonly kind: 'input' | 'internal';
}

/** The catalogue. Group by area; add new codes at the end of their area. */
export const errorCodes = {
  // CLI and generic input
  E_INPUT_FLAG_MISSING: { title: 'Missing flag', message: 'flag --{flag} is required', kind: 'input' },
  E_INPUT_FLAG_UNKNOWN: { title: 'Unknown flag', message: 'unknown flag --{flag} for "{command}"', kind: 'input' },
  E_INPUT_FLAG_INVALID: { title: 'Invalid flag value', message: 'flag --{flag}: {problem} (got "{value}")', kind: 'input' },
  E_INPUT_COMMAND_UNKNOWN: { title: 'Unknown command', message: 'unknown command "{command}"', kind: 'input' },
  E_INPUT_ARGUMENT_INVALID: { title: 'Invalid argument', message: '{argument}: {problem}', kind: 'input' },
  E_INPUT_VALIDATION: { title: 'Invalid input', message: '{summary}', kind: 'input' },

  // Frames and columns
  E_INPUT_COLUMN_MISSING: { title: 'Column missing', message: 'column "{column}" is not in {source}', kind: 'input' },
  E_INPUT_COLUMN_TYPE: { title: 'Wrong column type', message: 'column "{column}" must be {expected}, found {actual}', kind: 'input' },
  E_INPUT_COLUMN_DUPLICATE: { title: 'Duplicate column', message: 'column "{column}" appears more than once', kind: 'input' },
  E_INPUT_LENGTH_MISMATCH: { title: 'Length mismatch', message: '{what}: expected length {expected}, got {actual}', kind: 'input' },
  E_INPUT_SCHEMA_MISMATCH: { title: 'Schema mismatch', message: 'data does not match the schema: {summary}', kind: 'input' },

  // Files
  E_FILE_NOT_FOUND: { title: 'File not found', message: 'file "{file}" does not exist', kind: 'input' },
  E_FILE_FORMAT: { title: 'Unsupported file format', message: 'file "{file}": {problem}', kind: 'input' },
  E_FILE_PARSE: { title: 'File cannot be parsed', message: 'file "{file}", line {line}: {problem}', kind: 'input' },
  E_FILE_RAGGED_ROW: { title: 'Ragged row', message: 'file "{file}", line {line}: expected {expected} fields, found {actual}', kind: 'input' },
  E_FILE_VALUE_NOT_NUMERIC: {
    title: 'Non-numeric value',
    message: 'file "{file}", line {line}, column "{column}": value "{value}" is not a number',
    kind: 'input',
  },
  E_FILE_WRITE: { title: 'File cannot be written', message: 'file "{file}": {problem}', kind: 'input' },

  // Internal
  E_INTERNAL: { title: 'Internal error', message: '{summary}', kind: 'internal' },
} as const satisfies Record<string, ErrorCodeSpec>;

/** Every error code Credo can raise. */
export type ErrorCode = keyof typeof errorCodes;
