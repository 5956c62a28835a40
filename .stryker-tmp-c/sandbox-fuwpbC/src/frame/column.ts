// @ts-nocheck
import { CredoError } from '../errors/index.js';

/** The two physical column types: numbers (missing = NaN) and categories (missing = code -1). */
export type ColumnType = 'number' | 'category';

/** A numeric column: one `Float64Array`, `NaN` marks a missing value. */
export interface NumericColumn {
  readonly type: 'number';
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * A categorical column: `Int32Array` codes into `dictionary`; code -1 marks a missing value.
 * The dictionary holds distinct labels; codes index it.
 */
export interface CategoryColumn {
  readonly type: 'category';
  readonly name: string;
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** Any column of a frame. */
export type Column = NumericColumn | CategoryColumn;

/** Code marking a missing category. */
export const MISSING_CODE = -1;

/** Makes a numeric column (shares the array; the frame treats it as immutable). */
export function numericColumn(name: string, values: Float64Array): NumericColumn {
  return { type: 'number', name, values };
}

/** Makes a categorical column, checking that every code is -1 or a dictionary index. */
export function categoryColumn(name: string, codes: Int32Array, dictionary: readonly string[]): CategoryColumn {
  const size = dictionary.length;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code < MISSING_CODE || code >= size) {
      throw new CredoError('E_INPUT_VALIDATION', {
        summary: `column "${name}": code ${code} at row ${i} is outside its dictionary of ${size} labels`,
      });
    }
  }
  return { type: 'category', name, codes, dictionary };
}

/** Builds a categorical column from labels; `null`/`undefined`/'' become missing. Dictionary in first-seen order. */
export function categoryFromLabels(name: string, labels: ArrayLike<string | null | undefined>): CategoryColumn {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === null || label === undefined || label === '') {
      codes[i] = MISSING_CODE;
      continue;
    }
    let code = index.get(label);
    if (code === undefined) {
      code = dictionary.length;
      index.set(label, code);
      dictionary.push(label);
    }
    codes[i] = code;
  }
  return { type: 'category', name, codes, dictionary };
}

/** Number of rows in a column. */
export function columnLength(column: Column): number {
  return column.type === 'number' ? column.values.length : column.codes.length;
}

/** True when row `i` of the column is missing. */
export function isMissingAt(column: Column, i: number): boolean {
  return column.type === 'number' ? Number.isNaN(column.values[i]) : column.codes[i] === MISSING_CODE;
}

/** The value at row `i`: a number, a label, or null when missing. For display and tests, not hot loops. */
export function valueAt(column: Column, i: number): number | string | null {
  if (column.type === 'number') {
    const v = column.values[i] as number;
    return Number.isNaN(v) ? null : v;
  }
  const code = column.codes[i] as number;
  return code === MISSING_CODE ? null : (column.dictionary[code] as string);
}

/** The same column under another name (shares data). */
export function renameColumn(column: Column, name: string): Column {
  return { ...column, name };
}
