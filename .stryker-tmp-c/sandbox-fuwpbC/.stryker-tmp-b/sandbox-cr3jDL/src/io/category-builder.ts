// @ts-nocheck
// 
import type { DuckDBVector } from '@duckdb/node-api';
import { MISSING_CODE } from '../frame/index.js';
import { InlineLabelTable } from './inline-label-table.js';

/** Internals of node-api's DuckDBVarCharVector read directly: the 16-byte string structs and the validity words. */
interface RawVarCharVector {
  readonly dataView?: unknown;
  readonly validity?: { readonly data?: unknown };
}

/** Longest label DuckDB stores inline in its 16-byte string struct. */
const INLINE_BYTES = 12;

/** The masks below assume the struct's words are read little-endian, as on x64 and arm64. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();
const scratch = new Uint8Array(16);
const scratchWords = new Int32Array(scratch.buffer);

/** Counts of labels taken through each path (tests assert the fast path ran). */
export const categoryPathStats = { inline: 0, decoded: 0 };

/**
 * Builds one categorical column's dictionary (first-seen order) while codes are streamed in from
 * DuckDB VARCHAR vectors. Labels of at most 12 UTF-8 bytes are identified by DuckDB's inline
 * string words (length + bytes, bytes past the length masked to zero) in a hash table, so a
 * repeated short label is never decoded and a new one is decoded once; longer labels are decoded
 * and looked up in a Map. A label's byte length decides its structure, so the two never overlap.
 */
export class CategoryBuilder {
  /** Labels in first-seen order; codes index it. */
  readonly dictionary: string[] = [];
  private readonly inline = new InlineLabelTable();
  private readonly long = new Map<string, number>();

  /** Writes the codes of `count` rows of `vector` starting at row `from` into `target` at `at`. */
  copyFrom(vector: DuckDBVector, from: number, count: number, target: Int32Array, at: number): void {
    const raw = vector as unknown as RawVarCharVector;
    const view = raw.dataView;
    const validity = raw.validity?.data;
    if (!LITTLE_ENDIAN || !(view instanceof DataView) || view.byteOffset % 4 !== 0 || !(validity === null || validity instanceof BigUint64Array)) {
      for (let i = 0; i < count; i++) target[at + i] = this.codeOfLabel(vector.getItem(from + i));
      return;
    }
    const words = new Int32Array(view.buffer, view.byteOffset, view.byteLength >>> 2);
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const valid = validity === null ? null : new Uint32Array(validity.buffer, validity.byteOffset, validity.length * 2);
    for (let i = 0; i < count; i++) {
      const row = from + i;
      if (valid !== null && ((valid[row >>> 5] as number) & (1 << (row & 31))) === 0) {
        target[at + i] = MISSING_CODE;
        continue;
      }
      const w = row * 4;
      const length = words[w] as number;
      if (length === 0) target[at + i] = MISSING_CODE;
      else if (length <= INLINE_BYTES) {
        categoryPathStats.inline++;
        target[at + i] = this.codeOfInline(length, words[w + 1] as number, words[w + 2] as number, words[w + 3] as number, bytes, w * 4 + 4);
      } else {
        categoryPathStats.decoded++;
        target[at + i] = this.codeOfLong(vector.getItem(row) as string);
      }
    }
  }

  /** The code of a label given as a string (null or '' → -1), adding it when new. */
  codeOfLabel(label: unknown): number {
    if (typeof label !== 'string' || label === '') return MISSING_CODE;
    // A label fits inline when its UTF-8 form has at most 12 bytes; encodeInto stops at 16.
    scratch.fill(0);
    const { read, written } = utf8Encoder.encodeInto(label, scratch.subarray(4));
    if (read === label.length && written <= INLINE_BYTES) {
      return this.codeOfInline(written, scratchWords[1] as number, scratchWords[2] as number, scratchWords[3] as number, scratch, 4, label);
    }
    return this.codeOfLong(label);
  }

  private codeOfInline(length: number, w1: number, w2: number, w3: number, bytes: Uint8Array, offset: number, label?: string): number {
    // Bytes past the length are not guaranteed to be zero: mask them (little-endian: byte k = bits 8k..8k+7).
    const m1 = maskFor(length, 0);
    const m2 = maskFor(length, 4);
    const m3 = maskFor(length, 8);
    w1 &= m1;
    w2 &= m2;
    w3 &= m3;
    let code = this.inline.get(length, w1, w2, w3);
    if (code < 0) {
      code = this.dictionary.length;
      this.dictionary.push(label ?? utf8Decoder.decode(bytes.subarray(offset, offset + length)));
      this.inline.set(length, w1, w2, w3, code);
    }
    return code;
  }

  private codeOfLong(label: string): number {
    let code = this.long.get(label);
    if (code === undefined) {
      code = this.dictionary.length;
      this.long.set(label, code);
      this.dictionary.push(label);
    }
    return code;
  }
}

/** Mask keeping the bytes of a word (starting at byte `start`) that lie within `length`. */
function maskFor(length: number, start: number): number {
  const inside = length - start;
  if (inside >= 4) return -1;
  if (inside <= 0) return 0;
  return (1 << (inside * 8)) - 1;
}
