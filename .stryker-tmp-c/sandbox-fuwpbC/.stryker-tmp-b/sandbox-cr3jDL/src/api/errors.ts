/** Public API, errors: every error Credo throws is a `CredoError` with a catalogued code. */
// @ts-nocheck

// 

export { CredoError, type ErrorCode, errorCodes, isCredoError } from '../errors/index.js';
