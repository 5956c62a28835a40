// @ts-nocheck
// 
import type { DuckDBConnection, DuckDBDataChunk, DuckDBVector } from '@duckdb/node-api';
import { type Column, type ColumnType, Frame } from '../frame/index.js';
import { CategoryBuilder } from './category-builder.js';
import { collectYoungGarbage } from './duckdb.js';

/** Rows per extra storage block once the expected row count is exceeded (or when none is known). */
const BLOCK_ROWS = 1 << 16;

/** Fetched chunks between two minor GCs, which free the native memory of consumed chunks. */
const CHUNKS_PER_GC = 8;

/** How many DOUBLE vectors were copied through the typed-array fast path (tests assert it ran). */
export const fastPathStats = { doubleVectors: 0, slowVectors: 0 };

/** One output column: its name and its frame type. */
export interface QueryColumn {
  readonly name: string;
  /** `number` expects a DOUBLE result column, `category` a VARCHAR one. */
  readonly type: ColumnType;
}

/** Storage of one column while streaming: arrays filled one after the other. */
interface Sink<A extends Float64Array | Int32Array> {
  readonly arrays: A[];
  /** Rows stored before the last array. */
  before: number;
}

/**
 * Streams the result of `sql` chunk by chunk straight into typed arrays and returns a frame.
 * The query must return, in order, one DOUBLE column per `number` column and one VARCHAR column
 * per `category` column. NULL becomes NaN / code -1; an empty string is a missing category too.
 * Dictionaries keep first-seen order. No row objects are built. `expectedRows` (an upper bound,
 * e.g. the file's line count) sizes the arrays once, so the data is never copied a second time.
 * Caution: when DuckDB fails part way, the stream just ends (node-api exposes no error), so the
 * caller must check the row count against the source's (see `countRows`, `materializedError`).
 */
export async function queryToFrame(connection: DuckDBConnection, sql: string, columns: readonly QueryColumn[], expectedRows?: number): Promise<Frame> {
  const result = await connection.stream(sql);
  const first = Math.max(1, expectedRows ?? BLOCK_ROWS);
  const numbers = columns.map((c) => (c.type === 'number' ? { arrays: [new Float64Array(first)], before: 0 } : null));
  const codes = columns.map((c) => (c.type === 'category' ? { arrays: [new Int32Array(first)], before: 0 } : null));
  const builders = columns.map((c) => (c.type === 'category' ? new CategoryBuilder() : null));
  let total = 0;
  for (let fetched = 1; ; fetched++) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    appendChunk(chunk, total, numbers, codes, builders);
    total += chunk.rowCount;
    if (fetched % CHUNKS_PER_GC === 0) collectYoungGarbage();
  }
  const out = columns.map((c, j): Column => {
    const numberSink = numbers[j];
    if (numberSink) return { type: 'number', name: c.name, values: finish(numberSink, total, (n) => new Float64Array(n)) };
    const codeSink = codes[j] as Sink<Int32Array>;
    return {
      type: 'category',
      name: c.name,
      codes: finish(codeSink, total, (n) => new Int32Array(n)),
      dictionary: (builders[j] as CategoryBuilder).dictionary,
    };
  });
  return new Frame(out, total);
}

/** The single number a `SELECT count(*) …` query returns (materialized, so errors are thrown). */
export async function countRows(connection: DuckDBConnection, sql: string): Promise<number> {
  const value = (await connection.runAndReadAll(sql)).getRowsJS()[0]?.[0];
  return Number(value);
}

/**
 * Runs `sql` materialized (DuckDB reports errors of materialized queries, unlike streamed ones
 * that just end) and returns the error it raises, or undefined. Used only after a failed read.
 */
export async function materializedError(connection: DuckDBConnection, sql: string): Promise<unknown> {
  try {
    await connection.run(`SELECT count(COLUMNS(*)) FROM (${sql})`);
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Copies one chunk into the sinks at row `offset`, adding arrays where the current one is full. */
function appendChunk(
  chunk: DuckDBDataChunk,
  offset: number,
  numbers: readonly (Sink<Float64Array> | null)[],
  codes: readonly (Sink<Int32Array> | null)[],
  builders: readonly (CategoryBuilder | null)[],
): void {
  const n = chunk.rowCount;
  for (let j = 0; j < numbers.length; j++) {
    const vector = chunk.getColumnVector(j);
    const numberSink = numbers[j];
    let done = 0;
    while (done < n) {
      if (numberSink) {
        const [target, at, room] = place(numberSink, offset + done, (k) => new Float64Array(k));
        const count = Math.min(n - done, room);
        copyDoubles(vector, done, count, target, at);
        done += count;
      } else {
        const [target, at, room] = place(codes[j] as Sink<Int32Array>, offset + done, (k) => new Int32Array(k));
        const count = Math.min(n - done, room);
        (builders[j] as CategoryBuilder).copyFrom(vector, done, count, target, at);
        done += count;
      }
    }
  }
}

/** The array holding row `row`, the position in it and the room left, adding an array if full. */
function place<A extends Float64Array | Int32Array>(sink: Sink<A>, row: number, make: (n: number) => A): [A, number, number] {
  let last = sink.arrays[sink.arrays.length - 1] as A;
  if (row - sink.before >= last.length) {
    sink.before += last.length;
    last = make(BLOCK_ROWS);
    sink.arrays.push(last);
  }
  const at = row - sink.before;
  return [last, at, last.length - at];
}

/** Internals of node-api's DuckDBDoubleVector read directly: the value buffer and the validity words. */
interface RawDoubleVector {
  readonly items?: unknown;
  readonly validity?: { readonly data?: unknown };
}

function copyDoubles(vector: DuckDBVector, from: number, count: number, target: Float64Array, at: number): void {
  const raw = vector as unknown as RawDoubleVector;
  const items = raw.items;
  const validity = raw.validity?.data;
  if (items instanceof Float64Array && (validity === null || validity instanceof BigUint64Array)) {
    fastPathStats.doubleVectors++;
    target.set(items.subarray(from, from + count), at);
    if (validity !== null) {
      // Validity is a bitmask of 64-bit words, bit i set = row i valid; read it as 32-bit halves (little-endian).
      const words = new Uint32Array(validity.buffer, validity.byteOffset, validity.length * 2);
      for (let i = 0; i < count; i++) {
        const row = from + i;
        if (((words[row >>> 5] as number) & (1 << (row & 31))) === 0) target[at + i] = Number.NaN;
      }
    }
    return;
  }
  fastPathStats.slowVectors++;
  for (let i = 0; i < count; i++) {
    const value = vector.getItem(from + i);
    target[at + i] = typeof value === 'number' ? value : Number.NaN;
  }
}

/** The column's exact-length array: the first array itself when it fits exactly, else a joined copy. */
function finish<A extends Float64Array | Int32Array>(sink: Sink<A>, total: number, make: (n: number) => A): A {
  const first = sink.arrays[0] as A;
  if (sink.arrays.length === 1 && first.length === total) return first;
  const out = make(total);
  let start = 0;
  for (let b = 0; b < sink.arrays.length && start < total; b++) {
    const array = sink.arrays[b] as A;
    const take = Math.min(array.length, total - start);
    out.set(array.subarray(0, take) as never, start);
    start += take;
    sink.arrays[b] = make(0);
  }
  return out;
}
