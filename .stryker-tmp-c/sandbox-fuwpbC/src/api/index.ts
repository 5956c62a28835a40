/**
 * Credo as a library (`import { … } from 'credo'`): the public API of every area, also importable
 * per area as `credo/data`, `credo/models`, `credo/explain`, `credo/finance`, `credo/strategy`,
 * `credo/portfolio`, `credo/synth`, `credo/sql` and `credo/errors` (docs/api.md). Anything not
 * exported here is internal and may change without notice.
 */
// @ts-nocheck

export * from './data.js';
export * from './errors.js';
export * from './explain.js';
export * from './finance.js';
export * from './models.js';
export * from './portfolio.js';
export * from './sql.js';
export * from './strategy.js';
export * from './synth.js';
