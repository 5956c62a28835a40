import { randomFillSync } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562 §5.7): 48 bits of Unix time in milliseconds, the version, 74 random
 * bits. Loans get one so a book's rows lie in the order of their ids: the daily close reads and
 * rewrites the loans in id ranges, and with random (version 4) ids every range touched most pages
 * of the table (docs/servicing.md, Speed). Applications and decisions get one so each insert adds
 * to the last leaf of the primary key instead of a random one (after a checkpoint, the first change
 * to a page writes the whole page to the WAL). Ids made in the same millisecond are in random order.
 */
export function timeOrderedId(now: number = Date.now()): string {
  const bytes = randomFillSync(Buffer.alloc(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
