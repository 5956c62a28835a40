import { createHash } from 'node:crypto';
import { canonicalJson } from '../io/model-file.js';
import type { Database } from './database.js';
import type { Queryable } from './queryable.js';

/** The hash before the first entry (64 zeros). */
export const GENESIS_HASH = '0'.repeat(64);

/** Result of `verifyAudit`: `first_bad` is the `seq` of the first entry that breaks the chain. */
export interface AuditVerification {
  readonly ok: boolean;
  /** Sealed entries checked. */
  readonly entries: number;
  readonly first_bad: string | null;
  /** The last entry's hash: record it elsewhere to detect truncation or a rewritten chain later. */
  readonly head: string;
  /** Entries committed but not yet sealed when verification ran (written meanwhile). */
  readonly unsealed: number;
}

interface CanonicalRow {
  seq: string;
  chain_pos: string | null;
  hash: string | null;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  request_id: string | null;
  details: string;
}

// Every column in a fixed text form, so the sealer and the verifier hash the same bytes on
// PGlite and PostgreSQL: microsecond UTC time, jsonb in PostgreSQL's normalised text.
const CANONICAL_COLUMNS = `seq, chain_pos, hash,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  actor_id::text AS actor_id, actor_role, action, entity, entity_id, request_id, details::text AS details`;

const SEAL_LOCK = "hashtext(current_schema() || ':credo-audit-seal')";

/**
 * The bytes an entry's hash covers: canonical JSON (keys sorted) of every column except
 * `chain_pos` and `hash`, with `details` as PostgreSQL's normalised jsonb text.
 */
export function canonicalAuditEntry(row: Omit<CanonicalRow, 'chain_pos' | 'hash'>): string {
  // Only the listed columns: a row read for verification also carries chain_pos and hash.
  const { seq, at, actor_id, actor_role, action, entity, entity_id, request_id, details } = row;
  const head = canonicalJson({ seq, at, actor_id, actor_role, action, entity, entity_id, request_id });
  return `${head.slice(0, -1)},"details":${details}}`;
}

/** hash = SHA-256(previous hash hex + canonical entry), hex. */
export function chainHash(previous: string, canonical: string): string {
  return createHash('sha256').update(previous, 'utf8').update(canonical, 'utf8').digest('hex');
}

/** Options of `sealAudit`. */
export interface SealOptions {
  /** Most entries sealed per transaction (default 1000). */
  readonly batchSize?: number;
  /**
   * When another process holds the seal lock: false returns at once (0 sealed; that process takes
   * every committed entry it can see, and the next periodic run takes the rest) instead of waiting
   * with a pooled connection held. Default true (closing, verifying: everything must be sealed).
   */
  readonly wait?: boolean;
}

/**
 * Seals committed, unsealed audit entries: in `seq` order, each gets the next chain position
 * and hash = SHA-256(previous hash + its canonical JSON). Batches of `batchSize` per
 * transaction, under an advisory lock so two sealers never fork the chain. Writers never wait for
 * this (they only insert), and an entry committed late (a lower `seq` than one already sealed)
 * is simply chained in a later batch: chain order is seal order, and every committed entry is
 * eventually sealed because each run takes every unsealed row it can see. Returns how many it
 * sealed.
 */
export async function sealAudit(db: Database, options: SealOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const wait = options.wait ?? true;
  let total = 0;
  for (;;) {
    const sealed = await db.transaction((tx) => sealBatch(tx, batchSize, wait));
    if (sealed === undefined) return total;
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

/** Seals one batch; undefined when `wait` is false and another process holds the seal lock. */
async function sealBatch(tx: Queryable, batchSize: number, wait: boolean): Promise<number | undefined> {
  if (wait) await tx.query(`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`);
  else {
    const { rows } = await tx.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS locked`);
    if (rows[0]?.locked !== true) return undefined;
  }
  const { rows } = await tx.query<CanonicalRow>(`SELECT ${CANONICAL_COLUMNS} FROM audit_log WHERE hash IS NULL ORDER BY seq LIMIT $1`, [batchSize]);
  if (rows.length === 0) return 0;
  const last = await tx.query<{ chain_pos: string; hash: string }>(
    'SELECT chain_pos, hash FROM audit_log WHERE chain_pos IS NOT NULL ORDER BY chain_pos DESC LIMIT 1',
  );
  let previous = last.rows[0]?.hash ?? GENESIS_HASH;
  let position = BigInt(last.rows[0]?.chain_pos ?? 0);
  const seqs: string[] = [];
  const positions: string[] = [];
  const hashes: string[] = [];
  for (const row of rows) {
    position += 1n;
    previous = chainHash(previous, canonicalAuditEntry(row));
    seqs.push(row.seq);
    positions.push(position.toString());
    hashes.push(previous);
  }
  await tx.query(
    `UPDATE audit_log a SET chain_pos = s.chain_pos, hash = s.hash
       FROM (SELECT unnest($1::bigint[]) AS seq, unnest($2::bigint[]) AS chain_pos, unnest($3::text[]) AS hash) s
      WHERE a.seq = s.seq`,
    [`{${seqs.join(',')}}`, `{${positions.join(',')}}`, `{${hashes.join(',')}}`],
  );
  return rows.length;
}

/**
 * Verifies the audit chain: seals what is pending, then walks the sealed entries in chain
 * order recomputing every hash. An entry whose content, position or hash was changed (or whose
 * predecessor was deleted) is reported as `first_bad` (its `seq`). Truncating the newest entries
 * or rewriting the whole chain needs an outside copy of `head` to detect.
 */
export async function verifyAudit(db: Database, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  await sealAudit(db);
  let previous = GENESIS_HASH;
  let expected = 1n;
  let entries = 0;
  for (;;) {
    const { rows } = await db.query<CanonicalRow>(`SELECT ${CANONICAL_COLUMNS} FROM audit_log WHERE chain_pos >= $1 ORDER BY chain_pos LIMIT $2`, [
      expected.toString(),
      batchSize,
    ]);
    for (const row of rows) {
      const hash = chainHash(previous, canonicalAuditEntry(row));
      if (BigInt(row.chain_pos as string) !== expected || hash !== row.hash) {
        return { ok: false, entries, first_bad: row.seq, head: previous, unsealed: await countUnsealed(db) };
      }
      previous = hash;
      expected += 1n;
      entries += 1;
    }
    if (rows.length < batchSize) break;
  }
  return { ok: true, entries, first_bad: null, head: previous, unsealed: await countUnsealed(db) };
}

async function countUnsealed(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE hash IS NULL');
  return Number(rows[0]?.n ?? 0);
}
