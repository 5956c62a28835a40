// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';

/** Which model decides an application: the champion, or the challenger on its share of traffic. */
export type Arm = 'champion' | 'challenger';

/**
 * The arm of an application, stable for its id: the challenger when `stableUnit(id) < share`.
 * The same id always lands on the same arm, and raising the share only moves champion ids to the
 * challenger (never back). `share` in [0, 1].
 */
export function challengerArm(applicationId: string, share: number): Arm {
  if (!(share >= 0 && share <= 1)) throw new CredoError('E_INPUT_VALIDATION', { summary: `challenger share must be in [0, 1], got ${share}` });
  return stableUnit(applicationId) < share ? 'challenger' : 'champion';
}

/**
 * A number in [0, 1) determined by the text: 32-bit FNV-1a over its UTF-8 bytes (Fowler–Noll–Vo,
 * IETF draft-eastlake-fnv), then MurmurHash3's fmix32 finaliser so that ids differing only in
 * their last characters spread over the whole range; divided by 2^32. Pure JavaScript (no
 * node:crypto), identical on every platform.
 */
export function stableUnit(text: string): number {
  let h = 0x811c9dc5;
  const byte = (b: number) => {
    h = Math.imul(h ^ b, 0x01000193);
  };
  for (const char of text) {
    const c = char.codePointAt(0) as number;
    if (c < 0x80) byte(c);
    else if (c < 0x800) {
      byte(0xc0 | (c >> 6));
      byte(0x80 | (c & 63));
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12));
      byte(0x80 | ((c >> 6) & 63));
      byte(0x80 | (c & 63));
    } else {
      byte(0xf0 | (c >> 18));
      byte(0x80 | ((c >> 12) & 63));
      byte(0x80 | ((c >> 6) & 63));
      byte(0x80 | (c & 63));
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
