import { randomUUID } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562 §5.7): 48 bits of Unix time in milliseconds, the version, 74 random
 * bits. Loans get one so a book's rows lie in the order of their ids: the daily close reads and
 * rewrites the loans in id ranges, and with random (version 4) ids every range touched most pages
 * of the table (docs/servicing.md, Speed). Applications and decisions get one so each insert adds
 * to the last leaf of the primary key instead of a random one (after a checkpoint, the first change
 * to a page writes the whole page to the WAL). Ids made in the same millisecond are in random order.
 */
export function timeOrderedId(now: number = Date.now()): string {
  // A version 4 UUID supplies the random bits: Node draws them from a cached block of entropy,
  // where a fresh random buffer per id cost a call into the CSPRNG for each of a decision's ids.
  // Its variant bits are already RFC 9562's; the time replaces its first 48 bits, 7 its version.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
