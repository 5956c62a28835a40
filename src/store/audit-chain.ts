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
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  request_id: string | null;
  details: string;
}

/** A seal joined to its entry: the entry's columns are null when the entry is gone. */
interface SealedRow extends Omit<CanonicalRow, 'seq'> {
  seq: string | null;
  chain_pos: string;
  sealed_seq: string;
  hash: string;
}

// Every column in a fixed text form, so the sealer and the verifier hash the same bytes on
// PGlite and PostgreSQL: microsecond UTC time, jsonb in PostgreSQL's normalised text.
const CANONICAL_COLUMNS = `a.seq,
  to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  a.actor_id::text AS actor_id, a.actor_role, a.action, a.entity, a.entity_id, a.request_id, a.details::text AS details`;

// Entries at or above the low-water mark without a seal: the only ones a run must look at.
// The upper bound (the largest xid8) selects nothing more: it is there for the planner. xid8 has no
// range statistics, so `xact >= mark` alone is estimated at a third of the log, and the planner then
// walked the whole log in `seq` order and anti-joined every seal — a seal search that grew with the
// log (40 ms at 13,000 entries, one every 200 ms) and competed with the decisions' commits for the
// cores. A bounded range is estimated as narrow: the `xact` index finds the few new entries and
// each is probed in `audit_seals`, whatever the log's size.
const UNSEALED = `FROM audit_log a
  WHERE a.xact BETWEEN (SELECT m.xact FROM audit_seal_mark m) AND '18446744073709551615'::xid8
    AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = a.seq)`;

/** The seal search: committed entries not yet sealed, in `seq` order, at most `$1`, as the canonical columns. */
export const UNSEALED_ENTRIES = `SELECT ${CANONICAL_COLUMNS} ${UNSEALED} ORDER BY a.seq LIMIT $1`;

const SEAL_LOCK = "hashtext(current_schema() || ':credo-audit-seal')";

/**
 * The bytes an entry's hash covers: canonical JSON (keys sorted) of every column except
 * `chain_pos` and `hash`, with `details` as PostgreSQL's normalised jsonb text.
 */
export function canonicalAuditEntry(row: CanonicalRow): string {
  // Only the listed columns: a row read for verification also carries its seal.
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
 * Seals committed, unsealed audit entries: in `seq` order, each gets a row in `audit_seals` with
 * the next chain position and hash = SHA-256(previous hash + its canonical JSON). Batches of
 * `batchSize` per transaction, under an advisory lock so two sealers never fork the chain.
 * Writers never wait for this (they only insert), and `audit_log` rows are never updated.
 *
 * Which entries to look at: each entry carries the transaction id that wrote it (`xact`, set by
 * the guard trigger). A run reads the oldest transaction still running (its snapshot's `xmin`)
 * before it reads the entries, so every transaction below that horizon had ended: its entries are
 * visible if it committed (and sealed by this run) or gone if it rolled back. A run that takes
 * every candidate raises the low-water mark `audit_seal_mark.xact` to that horizon; the next run
 * looks only at entries at or above the mark. So an entry that commits late (a lower `seq` than
 * one already sealed) is still a candidate (its transaction held the horizon below it) and is
 * chained by a later run (chain order is seal order); a rolled-back entry never holds the mark
 * back once its transaction has ended. Returns how many entries it sealed.
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
  // The horizon comes from a statement before the one reading the entries (an older snapshot):
  // every transaction below it has ended before the entries are read.
  const state = await tx.query<{ low: string; horizon: string; chain_pos: string | null; hash: string | null }>(
    `SELECT m.xact::text AS low, pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, l.chain_pos, encode(l.hash, 'hex') AS hash
       FROM audit_seal_mark m
       LEFT JOIN LATERAL (SELECT chain_pos, hash FROM audit_seals ORDER BY chain_pos DESC LIMIT 1) l ON true`,
  );
  const { low, horizon, chain_pos, hash } = state.rows[0] as { low: string; horizon: string; chain_pos: string | null; hash: string | null };
  const { rows } = await tx.query<CanonicalRow>(UNSEALED_ENTRIES, [batchSize]);
  if (rows.length > 0) {
    let previous = hash ?? GENESIS_HASH;
    let position = BigInt(chain_pos ?? 0);
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
      `INSERT INTO audit_seals (chain_pos, seq, hash)
         SELECT p, s, decode(h, 'hex') FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS u (p, s, h)`,
      [`{${positions.join(',')}}`, `{${seqs.join(',')}}`, `{${hashes.join(',')}}`],
    );
  }
  // A full batch may have left candidates below the horizon: the mark moves only after a run took them all.
  if (rows.length < batchSize && BigInt(horizon) > BigInt(low)) {
    await tx.query('UPDATE audit_seal_mark SET xact = $1::xid8', [horizon]);
  }
  return rows.length;
}

/**
 * Verifies the audit chain: seals what is pending, then walks the seals in chain order
 * recomputing every hash from the entry each one names. An entry whose content was changed, a
 * seal whose position or hash was changed, or an entry that was deleted is reported as
 * `first_bad` (the entry's `seq`); a deleted seal breaks the chain at the next one. Truncating
 * the newest entries and seals, or rewriting the whole chain, needs an outside copy of `head` to
 * detect.
 */
export async function verifyAudit(db: Database, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  await sealAudit(db);
  let previous = GENESIS_HASH;
  let expected = 1n;
  let entries = 0;
  for (;;) {
    const { rows } = await db.query<SealedRow>(
      `SELECT s.chain_pos, s.seq AS sealed_seq, encode(s.hash, 'hex') AS hash, ${CANONICAL_COLUMNS}
         FROM audit_seals s LEFT JOIN audit_log a ON a.seq = s.seq
        WHERE s.chain_pos >= $1 ORDER BY s.chain_pos LIMIT $2`,
      [expected.toString(), batchSize],
    );
    for (const row of rows) {
      const { seq } = row;
      const intact = seq !== null && BigInt(row.chain_pos) === expected && chainHash(previous, canonicalAuditEntry({ ...row, seq })) === row.hash;
      if (!intact) return { ok: false, entries, first_bad: row.sealed_seq, head: previous, unsealed: await countUnsealed(db) };
      previous = row.hash;
      expected += 1n;
      entries += 1;
    }
    if (rows.length < batchSize) break;
  }
  return { ok: true, entries, first_bad: null, head: previous, unsealed: await countUnsealed(db) };
}

async function countUnsealed(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: string }>(`SELECT count(*) AS n ${UNSEALED}`);
  return Number(rows[0]?.n ?? 0);
}
