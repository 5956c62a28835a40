// @ts-nocheck
import { CredoError, missingColumnError } from '../errors/index.js';
import { BitSet } from './bitset.js';
import { type CategoryColumn, type Column, columnLength, type NumericColumn } from './column.js';
import { type FrameSchema, schemaOf } from './schema.js';

/**
 * An immutable columnar table. Columns are typed arrays (see `column.ts`); every operation
 * returns a new frame that shares unchanged column data. No row objects.
 */
export class Frame {
  /** Number of rows. */
  readonly rowCount: number;
  /** Columns in order. */
  readonly columns: readonly Column[];
  private readonly byName: Map<string, Column>;

  constructor(columns: readonly Column[], rowCount?: number) {
    const count = rowCount ?? (columns[0] === undefined ? 0 : columnLength(columns[0]));
    const byName = new Map<string, Column>();
    for (const column of columns) {
      if (byName.has(column.name)) throw new CredoError('E_INPUT_COLUMN_DUPLICATE', { column: column.name });
      const length = columnLength(column);
      if (length !== count) {
        throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: `column "${column.name}"`, expected: count, actual: length });
      }
      byName.set(column.name, column);
    }
    this.rowCount = count;
    this.columns = columns;
    this.byName = byName;
  }

  /** Column names in order. */
  get names(): string[] {
    return this.columns.map((c) => c.name);
  }

  /** True when the frame has a column of that name. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The column of that name, or undefined. */
  get(name: string): Column | undefined {
    return this.byName.get(name);
  }

  /** The column of that name; throws `E_INPUT_COLUMN_MISSING` when absent. */
  column(name: string): Column {
    const column = this.byName.get(name);
    if (column === undefined) throw missingColumnError(name, 'the data', this.names as string[]);
    return column;
  }

  /** The numeric column of that name; throws when absent or categorical. */
  numeric(name: string): NumericColumn {
    const column = this.column(name);
    if (column.type !== 'number') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: name, expected: 'numeric', actual: 'categorical' });
    return column;
  }

  /** The categorical column of that name; throws when absent or numeric. */
  category(name: string): CategoryColumn {
    const column = this.column(name);
    if (column.type !== 'category') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: name, expected: 'categorical', actual: 'numeric' });
    return column;
  }

  /** The frame's schema: names, types and dictionaries. */
  schema(): FrameSchema {
    return schemaOf(this);
  }

  /** A frame with only the named columns, in that order. */
  select(names: readonly string[]): Frame {
    return new Frame(
      names.map((n) => this.column(n)),
      this.rowCount,
    );
  }

  /** A frame without the named columns (names not present are ignored). */
  drop(names: readonly string[]): Frame {
    const dropped = new Set(names);
    return new Frame(
      this.columns.filter((c) => !dropped.has(c.name)),
      this.rowCount,
    );
  }

  /** A frame with `column` added, or replacing the column of the same name in place. */
  withColumn(column: Column): Frame {
    if (columnLength(column) !== this.rowCount && this.columns.length > 0) {
      throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: `column "${column.name}"`, expected: this.rowCount, actual: columnLength(column) });
    }
    const index = this.columns.findIndex((c) => c.name === column.name);
    const columns = [...this.columns];
    if (index >= 0) columns[index] = column;
    else columns.push(column);
    return new Frame(columns, columnLength(column));
  }

  /** Rows at the given indices, in that order (indices may repeat). */
  take(indices: Int32Array): Frame {
    const n = indices.length;
    for (let k = 0; k < n; k++) {
      const i = indices[k] as number;
      if (i < 0 || i >= this.rowCount) {
        throw new CredoError('E_INPUT_VALIDATION', { summary: `row index ${i} is outside 0..${this.rowCount - 1}` });
      }
    }
    return new Frame(
      this.columns.map((c) => takeColumn(c, indices)),
      n,
    );
  }

  /** Rows whose bit is set in the mask (a BitSet or a 0/1 byte per row), in order. */
  filter(mask: BitSet | Uint8Array): Frame {
    const bits = mask instanceof BitSet ? mask : BitSet.fromMask(mask);
    if (bits.size !== this.rowCount) throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: 'row mask', expected: this.rowCount, actual: bits.size });
    return this.take(bits.indices());
  }

  /** Rows `start` (inclusive) to `end` (exclusive); shares memory with this frame. */
  slice(start: number, end = this.rowCount): Frame {
    const from = Math.max(0, Math.min(start, this.rowCount));
    const to = Math.max(from, Math.min(end, this.rowCount));
    return new Frame(
      this.columns.map((c): Column => (c.type === 'number' ? { ...c, values: c.values.subarray(from, to) } : { ...c, codes: c.codes.subarray(from, to) })),
      to - from,
    );
  }
}

function takeColumn(column: Column, indices: Int32Array): Column {
  const n = indices.length;
  if (column.type === 'number') {
    const src = column.values;
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = src[indices[k] as number] as number;
    return { ...column, values };
  }
  const src = column.codes;
  const codes = new Int32Array(n);
  for (let k = 0; k < n; k++) codes[k] = src[indices[k] as number] as number;
  return { ...column, codes };
}
