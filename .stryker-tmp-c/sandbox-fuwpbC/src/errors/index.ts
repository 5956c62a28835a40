/** Errors shared by every folder: the catalogue, the CredoError class and validation issues. */
// @ts-nocheck


export { renderErrorCatalogue } from './catalogue-markdown.js';
export { type ErrorCode, type ErrorCodeSpec, errorCodes } from './codes.js';
export { CredoError, type ErrorDetails, formatMessage, isCredoError } from './credo-error.js';
export { formatPath, type Issue, issuesToError, type SafeParseResult, unwrapResult } from './issues.js';
export { closestNames, didYouMean, editDistance, missingColumnError } from './suggest.js';
