/**
 * A fixed-size set of row indices stored as bits in a `Uint32Array` (after Arquero's BitSet).
 * Used as a row mask: filters set bits instead of copying columns.
 */
// @ts-nocheck

// 

export class BitSet {
  /** Number of addressable bits (rows). */
  readonly size: number;
  /** The words; bit i lives in word i >>> 5. Bits at or past `size` stay 0. */
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  /** A set with every row 0..size-1. */
  static full(size: number): BitSet {
    const set = new BitSet(size);
    set.words.fill(0xffffffff);
    set.clearTail();
    return set;
  }

  /** Builds a set from a 0/1 byte mask. */
  static fromMask(mask: Uint8Array): BitSet {
    const set = new BitSet(mask.length);
    for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) set.words[i >>> 5] = (set.words[i >>> 5] as number) | (1 << (i & 31));
    return set;
  }

  /** True when bit `i` is set. */
  get(i: number): boolean {
    return ((this.words[i >>> 5] as number) & (1 << (i & 31))) !== 0;
  }

  /** Sets bit `i`. */
  set(i: number): void {
    this.words[i >>> 5] = (this.words[i >>> 5] as number) | (1 << (i & 31));
  }

  /** Clears bit `i`. */
  clear(i: number): void {
    this.words[i >>> 5] = (this.words[i >>> 5] as number) & ~(1 << (i & 31));
  }

  /** Number of set bits. */
  count(): number {
    let total = 0;
    for (let w = 0; w < this.words.length; w++) {
      let v = this.words[w] as number;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return total;
  }

  /** New set: rows in both. */
  and(other: BitSet): BitSet {
    const out = new BitSet(this.size);
    for (let w = 0; w < out.words.length; w++) out.words[w] = (this.words[w] as number) & (other.words[w] as number);
    return out;
  }

  /** New set: rows in either. */
  or(other: BitSet): BitSet {
    const out = new BitSet(this.size);
    for (let w = 0; w < out.words.length; w++) out.words[w] = (this.words[w] as number) | (other.words[w] as number);
    return out;
  }

  /** New set: rows in this one but not in `other`. */
  andNot(other: BitSet): BitSet {
    const out = new BitSet(this.size);
    for (let w = 0; w < out.words.length; w++) out.words[w] = (this.words[w] as number) & ~(other.words[w] as number);
    return out;
  }

  /** New set: the complement within 0..size-1. */
  not(): BitSet {
    const out = new BitSet(this.size);
    for (let w = 0; w < out.words.length; w++) out.words[w] = ~(this.words[w] as number);
    out.clearTail();
    return out;
  }

  /** The set rows in ascending order. */
  indices(): Int32Array {
    const out = new Int32Array(this.count());
    let k = 0;
    for (let w = 0; w < this.words.length; w++) {
      let v = this.words[w] as number;
      while (v !== 0) {
        const bit = 31 - Math.clz32(v & -v);
        out[k++] = (w << 5) + bit;
        v &= v - 1;
      }
    }
    return out;
  }

  /** A 0/1 byte per row. */
  toMask(): Uint8Array {
    const out = new Uint8Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.get(i) ? 1 : 0;
    return out;
  }

  private clearTail(): void {
    const tail = this.size & 31;
    if (tail !== 0 && this.words.length > 0) {
      const last = this.words.length - 1;
      this.words[last] = (this.words[last] as number) & ((1 << tail) - 1);
    }
  }
}
