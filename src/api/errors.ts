/** Public API, errors: every error Credo throws is a `CredoError` with a catalogued code. */
export { CredoError, type ErrorCode, errorCodes, isCredoError } from '../errors/index.js';
