import { CredoError } from '../errors/index.js';

/** The SQLSTATE the audit log's and its seals' guard trigger raises (migrations 002, 014). */
export const APPEND_ONLY_SQLSTATE = 'CR001';

/** SQLSTATEs after which a whole transaction may simply be run again (serialisation failure, deadlock). */
const RETRYABLE = new Set(['40001', '40P01']);

interface DriverError {
  readonly code?: unknown;
  readonly table?: unknown;
  readonly column?: unknown;
  readonly constraint?: unknown;
  readonly detail?: unknown;
  readonly message?: unknown;
}

/** The SQLSTATE of a `pg` or PGlite error (both put it in `code`), or undefined. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as DriverError | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** True when the failed transaction can be retried as a whole (PostgreSQL's advice for 40001/40P01). */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && RETRYABLE.has(state);
}

/**
 * Turns a constraint violation from either driver into the catalogue's `CredoError`
 * (`E_STORE_DUPLICATE` 23505, `E_STORE_REFERENCE` 23503, `E_STORE_CONSTRAINT` 23502/23514/22xxx,
 * `E_STORE_APPEND_ONLY` from the audit trigger); anything else is returned unchanged. The
 * entity is the table, the field and value come from PostgreSQL's `Key (f)=(v)` detail.
 */
export function translateDatabaseError(error: unknown): unknown {
  const state = sqlState(error);
  if (state === undefined) return error;
  const e = error as DriverError;
  const entity = typeof e.table === 'string' ? e.table : 'row';
  const key = typeof e.detail === 'string' ? /^Key \((.+?)\)=\((.*)\)/.exec(e.detail) : null;
  const field = key?.[1] ?? (typeof e.column === 'string' ? e.column : String(e.constraint ?? 'value'));
  const value = key?.[2] ?? '';
  const options = { cause: error };
  if (state === APPEND_ONLY_SQLSTATE) {
    const operation = /INSERT|UPDATE|DELETE|TRUNCATE/.exec(String(e.message ?? ''))?.[0] ?? 'change';
    return new CredoError('E_STORE_APPEND_ONLY', { operation }, options);
  }
  if (state === '23505') return new CredoError('E_STORE_DUPLICATE', { entity, field, value, constraint: e.constraint }, options);
  if (state === '23503') return new CredoError('E_STORE_REFERENCE', { entity, field, value, constraint: e.constraint }, options);
  if (state === '23502') return new CredoError('E_STORE_CONSTRAINT', { entity, problem: `${field} is required` }, options);
  if (state === '23514') return new CredoError('E_STORE_CONSTRAINT', { entity, problem: `check "${String(e.constraint)}" failed` }, options);
  if (state.startsWith('22')) return new CredoError('E_STORE_CONSTRAINT', { entity, problem: String(e.message ?? state) }, options);
  return error;
}
