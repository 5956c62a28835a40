import { CredoError } from '../../errors/index.js';
import { dayNumber, isoDay } from '../../servicing/index.js';
import type { Database, Transaction } from '../database.js';
import type { Queryable } from '../queryable.js';
import {
  COUNT_LINES,
  INSERT_LINE_CLASS_ALERTS,
  INSERT_LINE_CLASSIFICATIONS,
  INSERT_LINE_STATEMENTS,
  LOCK_LINES,
  POST_LINE_JOURNALS,
  STAGE_LINE_POINTS,
  STAGE_LINES,
  UPDATE_LINES,
} from './close-lines.js';
import { COUNT, INSERT_ALERTS, INSERT_CLASSIFICATIONS, INSERT_LINE_ALERTS, LOCK_LOANS, POST_JOURNALS, STAGE, UPDATE_LOANS } from './close-statements.js';

/** The figures of one business date's close (as stored; a re-run returns them unchanged). */
export interface CloseRun {
  readonly asOf: string;
  /** Active loans closed. */
  readonly loans: number;
  readonly npaLoans: number;
  /** Early warnings raised that day (`loan_alerts` rows: new NPA, stage 1 → 2, three late instalments in a row, PD doubled; a credit line's utilisation jump). */
  readonly alerts: number;
  readonly seconds: number;
  /** Active credit lines closed, and those that are NPAs. */
  readonly lines: number;
  readonly npaLines: number;
}

/** Chunks in flight on PostgreSQL unless `connections` says otherwise (measured: docs/servicing.md, Speed). */
const DEFAULT_CLOSE_CONNECTIONS = 3;

/** Options of `closeBook`. */
export interface CloseOptions {
  /** Loans per chunk (one transaction each; default 50,000). */
  readonly chunkLoans?: number;
  /**
   * Chunks closed at once, each on its own connection (default 3 on PostgreSQL: the backends wait on
   * WAL writes part of the time, so on 2 cores a third chunk keeps both busy; PGlite has one connection).
   */
  readonly connections?: number;
  /** Called after each chunk commits (tests use it to simulate a crash between chunks). */
  readonly afterChunk?: (asOf: string, chunk: number, chunks: number) => void;
  /**
   * Close `asOf` alone, leaving the days since the last close unclosed (an interrupted date is
   * still finished first): a history backfilled at month-ends, as `credo start` builds its book.
   * The figures of a date depend only on the book's facts and the previous close, so a sparse
   * history is a coarser sampling of the same book; a running book closes every day (the default).
   */
  readonly skipMissed?: boolean;
  /**
   * Most dates one call may close, catch-up included (default: no bound). The API bounds it, so a
   * request cannot hold the store for hours closing years of missed dates; an operator catches up
   * in steps or with `credo close`.
   */
  readonly maxDates?: number;
}

const DEFAULT_CHUNK_LOANS = 50_000;

type RunRow = { as_of: string; loans: number; npa_loans: number; alerts: number; seconds: number; lines: number; npa_lines: number };

function toRun(row: RunRow): CloseRun {
  return { asOf: row.as_of, loans: row.loans, npaLoans: row.npa_loans, alerts: row.alerts, seconds: row.seconds, lines: row.lines, npaLines: row.npa_lines };
}

async function storedRun(q: Queryable, asOf: string): Promise<CloseRun | undefined> {
  const { rows } = await q.query<RunRow>(
    "SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, loans, npa_loans, alerts, seconds, lines, npa_lines FROM close_runs WHERE as_of = $1::date",
    [asOf],
  );
  return rows[0] === undefined ? undefined : toRun(rows[0]);
}

/**
 * The inclusive id range of chunk `k` of `n` for a date started before migration 016: the uuid
 * space cut on its first 32 bits into `n` equal slices (its loans had random ids).
 */
export function chunkRange(k: number, n: number): [string, string] {
  const edge = (j: number) => Math.floor((j * 2 ** 32) / n);
  const hex = (v: number) => v.toString(16).padStart(8, '0');
  const lower = `${hex(edge(k))}-0000-0000-0000-000000000000`;
  const upper = k === n - 1 ? LAST_ID : `${hex(edge(k + 1) - 1)}-ffff-ffff-ffff-ffffffffffff`;
  return [lower, upper];
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** The uuid after `id` (ids compare as 128-bit numbers in PostgreSQL). */
export function nextId(id: string): string {
  const hex = (BigInt(`0x${id.replaceAll('-', '')}`) + 1n).toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The inclusive id range of chunk `k` of a date whose chunks end at `ends` (each chunk's last
 * loan id but the last chunk's): from the id after the previous chunk's end to its own end; the
 * first starts at the smallest uuid, the last ends at the largest. Without `ends` (a date started
 * before migration 016), `chunkRange`.
 */
export function chunkIds(ends: readonly string[] | null, k: number, n: number): [string, string] {
  if (ends === null) return chunkRange(k, n);
  return [k === 0 ? FIRST_ID : nextId(ends[k - 1] as string), k === n - 1 ? LAST_ID : (ends[k] as string)];
}

/** A date's chunks: how many, where they end (null: equal slices, see `chunkIds`), which are done. */
interface DateChunks {
  readonly chunks: number;
  readonly ends: readonly string[] | null;
  readonly done: Set<number>;
}

/** Starts (or finds) the progress record of a date: its chunks, cut when it starts, and which are done. */
async function startDate(db: Database, asOf: string, chunkLoans: number): Promise<DateChunks | CloseRun> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':credo-close'))");
    const closed = await storedRun(tx, asOf);
    if (closed !== undefined) return closed;
    const { rows } = await tx.query<{ chunks: number; chunk_ends: string[] | null }>('SELECT chunks, chunk_ends FROM close_progress WHERE as_of = $1::date', [
      asOf,
    ]);
    if (rows[0] !== undefined) {
      const done = await tx.query<{ chunk: number }>('SELECT chunk FROM close_chunks WHERE as_of = $1::date', [asOf]);
      return { chunks: rows[0].chunks, ends: rows[0].chunk_ends, done: new Set(done.rows.map((r) => r.chunk)) };
    }
    // Every chunkLoans-th active loan id ends a chunk (an index-only scan of `loans_active`); a loan
    // made after this point falls in a chunk by its id and is closed if it is active by then.
    const { rows: cut } = await tx.query<{ ends: string[] }>(
      `SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ends
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS r, count(*) OVER () AS n FROM loans WHERE state = 'active') x
        WHERE r % $1 = 0 AND r < n`,
      [chunkLoans],
    );
    const ends = cut[0]?.ends ?? [];
    await tx.query('INSERT INTO close_progress (as_of, chunks, chunk_ends) VALUES ($1::date, $2, $3::uuid[])', [asOf, ends.length + 1, ends]);
    return { chunks: ends.length + 1, ends, done: new Set<number>() };
  });
}

/**
 * Closes chunk `k` in one transaction: claims it (a closer running the same chunk waits, then
 * finds it done), locks the chunk's active loans (every money command locks its loan's row
 * first, so payments wait for the chunk; reads go on), stages every figure once, then writes:
 * classifications, journals, alerts, the loans' figures and the chunk's counts. Returns false
 * when another closer already did this chunk.
 */
async function closeChunk(tx: Transaction, asOf: string, previous: string | null, k: number, range: [string, string]): Promise<boolean> {
  const started = performance.now();
  const claimed = await tx.query(
    'INSERT INTO close_chunks (as_of, chunk, loans, npa_loans, alerts, seconds) VALUES ($1::date, $2, 0, 0, 0, 0) ON CONFLICT DO NOTHING RETURNING chunk',
    [asOf, k],
  );
  if (claimed.rows.length === 0) return false;
  // The stage reads instalments and allocations in index order and merges them: measured 1.7×
  // less CPU than the hash joins and hash aggregates the planner picks on its estimates of the
  // CTEs (docs/performance.md). The book's tables are read by id range through their primary keys,
  // never whole (a seq scan per chunk makes a close quadratic in the book). Sorts in memory; no JIT
  // for one-off plans. The chunk's commit does not wait for its WAL to reach disk: a chunk lost in
  // a crash is not in `close_chunks` either, so the resumed close does it again, and the date's
  // last transaction (synchronous) flushes every chunk's WAL before the close returns. All local
  // to the chunk.
  await tx.query(
    `SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), set_config('enable_hashjoin', 'off', true),
            set_config('enable_hashagg', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true),
            set_config('synchronous_commit', 'off', true)`,
  );
  const [lower, upper] = range;
  await tx.query(LOCK_LOANS, [asOf, lower, upper]);
  await tx.query(STAGE, [asOf, lower, upper, previous]);
  await tx.query(INSERT_CLASSIFICATIONS, [asOf]);
  await tx.query(POST_JOURNALS, [asOf]);
  await tx.query(INSERT_ALERTS, [asOf]);
  await tx.query(UPDATE_LOANS, [asOf, lower, upper]);
  const counts = (await tx.query<{ loans: string; npa_loans: string; alerts: string }>(COUNT)).rows[0] as { loans: string; npa_loans: string; alerts: string };
  await tx.query('UPDATE close_chunks SET loans = $3, npa_loans = $4, alerts = $5, seconds = $6 WHERE as_of = $1::date AND chunk = $2', [
    asOf,
    k,
    Number(counts.loans),
    Number(counts.npa_loans),
    Number(counts.alerts),
    (performance.now() - started) / 1000,
  ]);
  return true;
}

/**
 * Closes the active credit lines for `asOf` (in the caller's transaction, the one that records the
 * date closed): locks them against draws and repayments, raises the utilisation jumps, stages every
 * line's figures once, then writes their statements, classifications, journals, alerts and figures.
 */
async function closeLines(tx: Transaction, asOf: string, previous: string | null): Promise<{ lines: number; npaLines: number; alerts: number }> {
  await tx.query(LOCK_LINES, [asOf]);
  const jumps = (await tx.query<{ n: string }>(INSERT_LINE_ALERTS, [asOf])).rows[0];
  await tx.query(STAGE_LINE_POINTS, [asOf]);
  await tx.query(STAGE_LINES, [asOf, previous]);
  for (const statement of [INSERT_LINE_STATEMENTS, INSERT_LINE_CLASSIFICATIONS, POST_LINE_JOURNALS, INSERT_LINE_CLASS_ALERTS, UPDATE_LINES])
    await tx.query(statement, [asOf]);
  const counts = (await tx.query<{ lines: string; npa_lines: string; alerts: string }>(COUNT_LINES)).rows[0];
  return { lines: Number(counts?.lines ?? 0), npaLines: Number(counts?.npa_lines ?? 0), alerts: Number(jumps?.n ?? 0) + Number(counts?.alerts ?? 0) };
}

/**
 * Closes one date chunk by chunk, `connections` chunks at once (each chunk commits on its own; a
 * crash resumes with the chunks not done), then records the run from the chunks' counts.
 */
async function closeDate(db: Database, asOf: string, options: CloseOptions): Promise<CloseRun> {
  const state = await startDate(db, asOf, options.chunkLoans ?? DEFAULT_CHUNK_LOANS);
  if ('asOf' in state) return state;
  const { rows } = await db.query<{ previous: string | null }>("SELECT to_char(max(as_of), 'YYYY-MM-DD') AS previous FROM close_runs WHERE as_of < $1::date", [
    asOf,
  ]);
  const previous = rows[0]?.previous ?? null;
  const todo = Array.from({ length: state.chunks }, (_, k) => k).filter((k) => !state.done.has(k));
  const lanes = db.kind === 'pglite' ? 1 : Math.max(1, options.connections ?? DEFAULT_CLOSE_CONNECTIONS);
  let failed: unknown;
  const lane = async () => {
    for (let k = todo.shift(); k !== undefined && failed === undefined; k = todo.shift()) {
      try {
        await db.transaction((tx) => closeChunk(tx, asOf, previous, k, chunkIds(state.ends, k, state.chunks)));
        options.afterChunk?.(asOf, k, state.chunks);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failed !== undefined) throw failed;
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':credo-close'))");
    const closed = await storedRun(tx, asOf);
    if (closed !== undefined) return closed;
    const { rows: totals } = await tx.query<Omit<RunRow, 'lines' | 'npa_lines'> & { n: string; chunks: number }>(
      `SELECT to_char(p.as_of, 'YYYY-MM-DD') AS as_of, p.chunks, count(c.chunk) AS n, coalesce(sum(c.loans), 0)::int AS loans,
              coalesce(sum(c.npa_loans), 0)::int AS npa_loans, coalesce(sum(c.alerts), 0)::int AS alerts, coalesce(sum(c.seconds), 0) AS seconds
         FROM close_progress p LEFT JOIN close_chunks c ON c.as_of = p.as_of WHERE p.as_of = $1::date GROUP BY p.as_of, p.chunks`,
      [asOf],
    );
    const row = totals[0];
    if (row === undefined || Number(row.n) !== row.chunks) throw new Error(`close of ${asOf}: chunks left undone`);
    // The credit lines, once per date, in the transaction that records the date closed.
    const lines = await closeLines(tx, asOf, previous);
    const run = { ...row, alerts: row.alerts + lines.alerts, lines: lines.lines, npa_lines: lines.npaLines };
    await tx.query('INSERT INTO close_runs (as_of, loans, npa_loans, alerts, seconds, lines, npa_lines) VALUES ($1::date, $2, $3, $4, $5, $6, $7)', [
      asOf,
      run.loans,
      run.npa_loans,
      run.alerts,
      run.seconds,
      run.lines,
      run.npa_lines,
    ]);
    await tx.query('DELETE FROM close_progress WHERE as_of = $1::date', [asOf]);
    return toRun(run);
  });
}

/**
 * The daily close of the whole book for `asOf`: every date from the day after the last close up
 * to `asOf` (catch-up), or `asOf` alone before the first close. Each date is closed in chunks of
 * loans (id ranges, one transaction each, two at a time on PostgreSQL, recorded in
 * `close_chunks`), so a crash resumes with the chunks not done (an interrupted date is finished
 * first). With `skipMissed`, `asOf` alone. A date already closed returns its stored
 * figures and changes nothing; a date before the last close that was never closed is a 409.
 */
export async function closeBook(db: Database, asOf: string, options: CloseOptions = {}): Promise<CloseRun & { readonly datesClosed: number }> {
  const day = dayNumber(asOf, 'as-of date');
  const done = await storedRun(db, asOf);
  if (done !== undefined) return { ...done, datesClosed: 0 };
  const { rows } = await db.query<{ last: string | null; pending: string | null }>(
    "SELECT to_char(max(as_of), 'YYYY-MM-DD') AS last, (SELECT to_char(min(as_of), 'YYYY-MM-DD') FROM close_progress) AS pending FROM close_runs",
  );
  const last = rows[0]?.last ?? null;
  // A date whose close was interrupted is finished first.
  const pending = rows[0]?.pending ?? null;
  if (last !== null && last > asOf)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `the book is closed up to ${last}; ${asOf} was never closed and cannot be closed now`,
      allowed: `dates after ${last}`,
    });
  const first = pending !== null && pending <= asOf ? dayNumber(pending) : last === null ? day : dayNumber(last) + 1;
  const todo: number[] = [];
  if (options.skipMissed) todo.push(...new Set([pending !== null && pending <= asOf ? first : day, day]));
  else for (let d = first; d <= day; d++) todo.push(d);
  if (options.maxDates !== undefined && todo.length > options.maxDates)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `closing ${asOf} would close ${todo.length} dates from ${isoDay(first)}, over the ${options.maxDates} one request may close`,
      allowed: `dates up to ${isoDay(first + options.maxDates - 1)}; close in steps`,
    });
  let run: CloseRun | undefined;
  for (const d of todo) run = await closeDate(db, isoDay(d), options);
  return { ...(run as CloseRun), datesClosed: todo.length };
}
