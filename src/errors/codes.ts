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

  // Strategy (rules, lift, swap set, reject inference)
  E_STRATEGY_RULE_SYNTAX: { title: 'Rule syntax error', message: '{source} at position {position}: {problem}\n{snippet}', kind: 'input' },
  E_STRATEGY_RULE_TYPE: { title: 'Rule type error', message: '{source} at position {position}: {problem}\n{snippet}', kind: 'input' },
  E_STRATEGY_FILE_INVALID: { title: 'Invalid strategy file', message: 'strategy "{file}": {summary}', kind: 'input' },
  E_STRATEGY_MODEL_MISSING: { title: 'Model outputs missing', message: 'rule refers to model "{model}" but no scores were provided for it', kind: 'input' },
  E_STRATEGY_NO_OUTCOMES: { title: 'No outcomes to infer from', message: 'reject inference "{method}": {problem}', kind: 'input' },
  // Metrics, binning, linear models, scorecards, feature selection
  E_METRICS_SINGLE_CLASS: {
    title: 'Only one class',
    message: '{what}: the labels contain only {present}; it needs both bads (1) and goods (0)',
    kind: 'input',
  },
  E_METRICS_LABEL_INVALID: { title: 'Invalid label', message: '{what}: row {row} has label {value}; labels must be 0 (good) or 1 (bad)', kind: 'input' },
  E_METRICS_VALUE_INVALID: { title: 'Invalid value', message: '{what}: row {row} has {value}; {expected}', kind: 'input' },
  E_BINNING_SPEC_INVALID: { title: 'Invalid binning spec', message: 'binning spec {source}: {problem}', kind: 'input' },
  E_BINNING_INFEASIBLE: {
    title: 'Binning constraints infeasible',
    message: 'binning of "{feature}": no binning satisfies the constraints ({problem})',
    kind: 'input',
  },
  E_LINEAR_FIT_FAILED: { title: 'Model fit failed', message: '{model}: {problem}', kind: 'input' },
  E_SCORECARD_INVALID: { title: 'Invalid scorecard', message: 'scorecard {source}: {problem}', kind: 'input' },
  E_SOLVER_FAILED: { title: 'Solver failed', message: 'LP/MIP solver: {problem}', kind: 'internal' },

  // Portfolio (Monte Carlo simulation and optimisation)
  E_PORTFOLIO_LOAN_INVALID: { title: 'Invalid loan', message: 'portfolio row {row}: {problem}', kind: 'input' },
  E_PORTFOLIO_FACTOR_MODEL: { title: 'Invalid factor model', message: 'factor model: {problem}', kind: 'input' },
  E_PORTFOLIO_MACRO_INVALID: { title: 'Invalid macro scenario file', message: 'macro file "{file}": {problem}', kind: 'input' },
  E_PORTFOLIO_CONFIG_INVALID: { title: 'Invalid optimisation config', message: 'config {path}: {problem}', kind: 'input' },
  E_PORTFOLIO_INFEASIBLE: { title: 'Optimisation infeasible', message: 'no policy satisfies the constraints; conflicting: {conflict}', kind: 'input' },
  E_PORTFOLIO_SOLVER: { title: 'Solver failed', message: 'solver: {problem}', kind: 'internal' },

  // Finance (money, loans, loss, capital, IFRS 9, classification, portfolio analytics)
  E_FINANCE_INPUT_INVALID: { title: 'Invalid finance input', message: '{what}: {problem}', kind: 'input' },
  E_FINANCE_AMOUNT_INVALID: { title: 'Invalid amount', message: 'amount "{value}": {problem}', kind: 'input' },
  E_FINANCE_CURRENCY_UNKNOWN: { title: 'Unknown currency', message: 'currency "{currency}" is not known: add its exponent, e.g. {currency}:2', kind: 'input' },
  E_FINANCE_PERFORMANCE_INVALID: { title: 'Invalid performance table', message: 'performance table: {problem}', kind: 'input' },

  // Loan servicing
  E_SERVICING_CONFLICT: { title: 'Not allowed in this loan state', message: '{problem}; allowed: {allowed}', kind: 'input' },
  E_SERVICING_INPUT_INVALID: { title: 'Invalid servicing input', message: '{what}: {problem}', kind: 'input' },

  // GBDT training, model files and model import
  E_GBDT_OPTION: { title: 'Invalid GBDT option', message: 'GBDT option {option}: {problem} (got "{value}")', kind: 'input' },
  E_GBDT_TARGET: { title: 'Invalid training target', message: 'target column "{column}": {problem}', kind: 'input' },
  E_MODEL_FORMAT: { title: 'Not a Credo model', message: 'model file "{file}": {problem}', kind: 'input' },
  E_MODEL_VERSION: {
    title: 'Unsupported model file version',
    message: 'model file "{file}" has format_version {version}; this Credo reads version {supported}',
    kind: 'input',
  },
  E_MODEL_TAMPERED: {
    title: 'Model file altered',
    message: 'model file "{file}": content SHA-256 {actual} does not match the recorded {expected}; the file was edited or corrupted',
    kind: 'input',
  },
  E_MODEL_KIND: { title: 'Unsupported model kind', message: 'model kind "{kind}" cannot be used here: {problem}', kind: 'input' },
  E_IMPORT_FORMAT: { title: 'Cannot import model', message: '{source} model "{file}": {problem}', kind: 'input' },
  E_MODEL_LEAKAGE: {
    title: 'Target leakage',
    message: 'refusing to train: {problem}. Remove the column(s) with --exclude, or pass --allow-leakage to train anyway',
    kind: 'input',
  },
  E_MODEL_PROTECTED: {
    title: 'Protected attribute',
    message: '{problem}',
    kind: 'input',
  },

  // Explanations (TreeSHAP, reason codes, decision paths, counterfactuals)
  E_EXPLAIN_CATALOGUE: { title: 'Invalid reason catalogue', message: '{source}, field "{path}": {problem}', kind: 'input' },
  E_EXPLAIN_ROW: { title: 'No such row', message: 'row {row} is outside the data (0..{last})', kind: 'input' },
  E_EXPLAIN_ACTIONABLE: { title: 'Invalid actionable features', message: 'actionable feature "{feature}": {problem}', kind: 'input' },
  E_EXPLAIN_NO_COUNTERFACTUAL: {
    title: 'No counterfactual',
    message: 'row {row}: no change to the actionable features {actionable} turns the decision into an approval',
    kind: 'input',
  },
  E_EXPLAIN_SOLVER: { title: 'Solver failure', message: 'counterfactual solver: {problem}', kind: 'internal' },
  E_EXPLAIN_PATH_TOO_DEEP: {
    title: 'Tree path too deep for TreeSHAP',
    message: 'tree {tree}: a root-to-leaf path tests {count} distinct features; TreeSHAP supports at most {limit}',
    kind: 'input',
  },

  // Learners (forest, mlp, svm, ensemble), tuning and model comparison
  E_LEARNER_OPTION: { title: 'Invalid learner option', message: '{model} option {option}: {problem} (got "{value}")', kind: 'input' },
  E_TUNE_BUDGET: { title: 'Invalid time budget', message: 'time budget "{value}": {problem}', kind: 'input' },

  // Store (src/store): PGlite or PostgreSQL, migrations, constraints, audit log
  E_STORE_LOCKED: {
    title: 'Data directory in use',
    message:
      'data directory "{dataDir}" is in use by process {pid} (a running `credo serve`?): stop the server first, or use the API instead (admins: POST /api/v1/users)',
    kind: 'input',
  },
  E_STORE_CONNECT: { title: 'Cannot open the database', message: 'cannot open the database {target}: {problem}', kind: 'input' },
  E_STORE_SCHEMA_NEWER: {
    title: 'Database schema is newer than this Credo',
    message: 'the database has migration {version} ("{name}") which this Credo does not know; upgrade Credo',
    kind: 'input',
  },
  E_STORE_MIGRATION_CHANGED: {
    title: 'Applied migration changed',
    message: 'migration {version} ("{name}") differs from the one applied (checksum {applied}, now {current}); migrations are forward-only',
    kind: 'internal',
  },
  E_STORE_DUPLICATE: { title: 'Duplicate value', message: '{entity}: {field} "{value}" already exists', kind: 'input' },
  E_STORE_REFERENCE: { title: 'Unknown reference', message: '{entity}: {field} "{value}" does not exist', kind: 'input' },
  E_STORE_CONSTRAINT: { title: 'Constraint violated', message: '{entity}: {problem}', kind: 'input' },
  E_STORE_APPEND_ONLY: { title: 'Audit log is append-only', message: 'audit log entries cannot be changed or deleted: {operation} refused', kind: 'internal' },

  // HTTP API (src/server): request-level problems rendered as RFC 9457 problem+json
  E_HTTP_LISTEN: { title: 'Cannot listen', message: 'cannot listen on {address}: {problem}', kind: 'input' },
  E_HTTP_BAD_REQUEST: { title: 'Bad request', message: '{problem}', kind: 'input' },
  E_HTTP_NOT_FOUND: { title: 'Not found', message: 'no route {method} {url}', kind: 'input' },
  E_HTTP_METHOD_NOT_ALLOWED: { title: 'Method not allowed', message: '{method} is not allowed on {url}; allowed: {allow}', kind: 'input' },
  E_HTTP_BODY_TOO_LARGE: { title: 'Body too large', message: 'request body exceeds {limit} bytes', kind: 'input' },
  E_HTTP_MEDIA_TYPE: { title: 'Unsupported media type', message: 'content-type "{contentType}" is not accepted here', kind: 'input' },
  E_HTTP_MALFORMED_BODY: { title: 'Malformed body', message: 'request body cannot be parsed: {problem}', kind: 'input' },
  E_HTTP_VALIDATION: { title: 'Request does not match its schema', message: '{part}: {summary}', kind: 'input' },
  E_HTTP_RATE_LIMITED: { title: 'Too many requests', message: 'rate limit of {max} requests per {window} exceeded; retry in {retryAfter} s', kind: 'input' },
  E_HTTP_RESOURCE_NOT_FOUND: { title: 'Resource not found', message: '{resource} "{id}" does not exist', kind: 'input' },
  E_HTTP_IDEMPOTENCY_IN_PROGRESS: {
    title: 'Duplicate request in progress',
    message: 'a request with Idempotency-Key "{key}" is still being processed; retry later',
    kind: 'input',
  },
  E_HTTP_IDEMPOTENCY_MISMATCH: {
    title: 'Idempotency key reused',
    message: 'Idempotency-Key "{key}" was used before with a different request body',
    kind: 'input',
  },
  E_HTTP_NOT_CONFIGURED: { title: 'Service not configured', message: 'cannot decide: {problem}', kind: 'input' },
  E_HTTP_CONFLICT: { title: 'Conflict', message: '{problem}', kind: 'input' },
  E_AUTH_KEY_MISSING: { title: 'API key missing', message: 'send an API key as "Authorization: Bearer <key>"', kind: 'input' },
  E_AUTH_KEY_INVALID: { title: 'API key invalid', message: 'the API key is not valid', kind: 'input' },
  E_AUTH_FORBIDDEN: { title: 'Forbidden', message: 'role "{role}" may not {method} {route}; allowed roles: {allowed}', kind: 'input' },
  E_AUTH_OBJECT_FORBIDDEN: { title: 'Forbidden for this object', message: '{problem}', kind: 'input' },

  // Internal
  E_INTERNAL: { title: 'Internal error', message: '{summary}', kind: 'internal' },
} as const satisfies Record<string, ErrorCodeSpec>;

/** Every error code Credo can raise. */
export type ErrorCode = keyof typeof errorCodes;
