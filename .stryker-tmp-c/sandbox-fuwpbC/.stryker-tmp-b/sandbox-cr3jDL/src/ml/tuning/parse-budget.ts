// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';

/**
 * Parses a time budget: a number with an optional unit `s`, `m`, `h` (`300`, `300s`, `5m`,
 * `1.5h`) into seconds. Throws `E_TUNE_BUDGET` for anything else or a non-positive value.
 */
export function parseBudget(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*$/i.exec(text);
  if (match === null) throw new CredoError('E_TUNE_BUDGET', { value: text, problem: 'expected a duration such as 300s, 5m or 1h' });
  const unit = (match[2] ?? 's').toLowerCase();
  const seconds = Number(match[1]) * (unit.startsWith('h') ? 3600 : unit.startsWith('m') ? 60 : 1);
  if (!(seconds > 0)) throw new CredoError('E_TUNE_BUDGET', { value: text, problem: 'must be more than 0 seconds' });
  return seconds;
}
