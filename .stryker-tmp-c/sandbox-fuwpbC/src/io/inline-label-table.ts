/**
 * A hash table from DuckDB inline strings to category codes. DuckDB stores a string of at most
 * 12 bytes inside its 16-byte `string_t` (uint32 length + the bytes, zero-padded), so a short
 * label is identified by four 32-bit words and can be looked up without decoding it into a JS
 * string. Open addressing with linear probing; keys are compared word by word, so there are no
 * false matches.
 */
// @ts-nocheck

export class InlineLabelTable {
  private slots = new Int32Array(64);
  private keys = new Int32Array(64);
  private codes = new Int32Array(16);
  private size = 0;

  /** The code stored for the key, or -1. */
  get(w0: number, w1: number, w2: number, w3: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(w0, w1, w2, w3) & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return -1;
      const k = entry * 4;
      const keys = this.keys;
      if (keys[k] === w0 && keys[k + 1] === w1 && keys[k + 2] === w2 && keys[k + 3] === w3) return this.codes[entry] as number;
    }
  }

  /** Stores `code` for a key not yet in the table. */
  set(w0: number, w1: number, w2: number, w3: number, code: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    if (this.size * 4 + 4 > this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const codes = new Int32Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    const entry = this.size++;
    const k = entry * 4;
    this.keys[k] = w0;
    this.keys[k + 1] = w1;
    this.keys[k + 2] = w2;
    this.keys[k + 3] = w3;
    this.codes[entry] = code;
    this.place(entry);
  }

  private place(entry: number): void {
    const k = entry * 4;
    const keys = this.keys;
    const mask = this.slots.length - 1;
    let slot = hash(keys[k] as number, keys[k + 1] as number, keys[k + 2] as number, keys[k + 3] as number) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.size; entry++) this.place(entry);
  }
}

/** Mixes four words into a 32-bit hash (multiply-xorshift rounds). */
function hash(w0: number, w1: number, w2: number, w3: number): number {
  let h = Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ w1 ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ w2 ^ (h >>> 13), 0x85ebca6b);
  h = Math.imul(h ^ w3 ^ (h >>> 16), 0xc2b2ae35);
  return h ^ (h >>> 15);
}
