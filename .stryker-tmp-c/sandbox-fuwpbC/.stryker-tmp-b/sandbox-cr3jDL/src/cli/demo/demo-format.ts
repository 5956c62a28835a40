// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { formatPercent } from '../output.js';

/** Indents every non-empty line by two spaces (demo output sits under its step title). */
export function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '  ');
}

/** A currency amount in major units, rounded to whole units with thousands separators (e.g. 1,234,567). */
export function formatAmount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A share as a percentage, or `n/a` when unknown. */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : formatPercent(value);
}

/** Rounds to `digits` decimals for the JSON output (keeps it readable and stable). */
export function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The data step's result that a later step needs, or an internal error naming the missing step. */
export function required<T>(value: T | undefined, what: string, step: string): T {
  if (value === undefined) throw new CredoError('E_INTERNAL', { summary: `the demo's ${step} step needs ${what} from an earlier step` });
  return value;
}
