/**
 * Daily close benchmark: LOANS active 12-month loans (each with its schedule and 0–7 instalments
 * paid, a quarter of them NPA) are written with set-based SQL, then the book is closed for a first
 * date and for the next one (the second run carries NPA dates, posts provision changes and one
 * day's interest accrual). Prints one JSON line per close with loans/s (wall clock) and the CPU
 * seconds of the PostgreSQL backends that ran it (from /proc, when the server is on this machine):
 * the machine is shared, so the CPU figure is the one that does not depend on the load. On PGlite
 * (in this process) the figure is the process's CPU time.
 * PGlite in memory, or PostgreSQL in a schema: a fresh one dropped afterwards, or `CLOSE_SCHEMA`
 * kept between runs (its book is written once; each run first empties what the close writes).
 * The loans are written in id order, as a book of time-ordered ids (`timeOrderedId`) lies.
 * Usage: node dist/bench/close.js LOANS
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_PRODUCT } from '../src/servicing/index.js';
import { type Database, migrate, openDatabase } from '../src/store/index.js';
import { closeBook } from '../src/store/repositories/close.js';
import { refreshPaidTotals } from '../src/store/repositories/instalment-paid.js';
import { ensureDefaultProduct } from '../src/store/repositories/loans.js';

const loans = Number(process.argv[2] ?? 20_000);
const url = process.env.DATABASE_URL;
const kept = url ? process.env.CLOSE_SCHEMA : undefined;
const schema = url ? (kept ?? `credo_bench_${randomBytes(4).toString('hex')}`) : undefined;

async function writeBook(db: Database): Promise<number> {
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO applications (id, input) SELECT md5('a' || g)::uuid, '{}'::jsonb FROM generate_series(1, $1::int) g", [loans]);
    await tx.query(
      `INSERT INTO loans (id, application_id, product_id, product_version, state, currency, principal, annual_rate, term_months, pd, disbursed_on, outstanding_principal)
       SELECT md5('l' || g)::uuid, md5('a' || g)::uuid, $2, $3, 'active', 'USD', 1200000, 0.12, 12, 0.03, date '2025-01-01' + (g % 28), 1200000 - 100000 * (g % 8)
         FROM generate_series(1, $1::int) g ORDER BY 1`,
      [loans, DEFAULT_PRODUCT.id, DEFAULT_PRODUCT.version],
    );
    await tx.query('INSERT INTO loan_product_snapshots (loan_id, product) SELECT id, $1::jsonb FROM loans', [JSON.stringify(DEFAULT_PRODUCT)]);
    await tx.query(
      'INSERT INTO loan_instalments (loan_id, n, due_date, principal, interest, fees) SELECT l.id, n, (l.disbursed_on + make_interval(months => n))::date, 100000, 12000, 0 FROM loans l, generate_series(1, 12) n ORDER BY l.id, n',
    );
    await tx.query(
      `INSERT INTO loan_transactions (id, loan_id, kind, amount, value_date)
       SELECT md5('t' || g)::uuid, md5('l' || g)::uuid, 'repayment', 112000 * (g % 8), date '2025-02-01' + (g % 28) FROM generate_series(1, $1::int) g WHERE g % 8 > 0`,
      [loans],
    );
    await tx.query(
      `INSERT INTO loan_allocations (transaction_id, loan_id, n, value_date, interest, principal)
       SELECT md5('t' || g)::uuid, md5('l' || g)::uuid, n, date '2025-02-01' + (g % 28), 12000, 100000
         FROM generate_series(1, $1::int) g, generate_series(1, 7) n WHERE n <= g % 8`,
      [loans],
    );
    // The instalments' paid totals, as the payment commands keep them.
    await refreshPaidTotals(tx, null);
  });
  await db.query('ANALYZE');
  return (performance.now() - started) / 1000;
}

/** Empties what a close writes, so a kept book is closed from scratch again. */
async function resetClose(db: Database): Promise<void> {
  await db.query('TRUNCATE loan_classifications, loan_alerts, close_runs, close_chunks, close_progress, ledger_entries');
  await db.query("UPDATE loans SET last_close = NULL, dpd = 0, irac_class = 'Standard', npa_since = NULL, ifrs9_stage = 1, ecl = 0, provision = 0");
  await db.query('VACUUM ANALYZE loans');
}

/** The server's current WAL position (the WAL written between two readings: server-wide, so other sessions' writes count too). */
async function walLsn(db: Database): Promise<string> {
  return String((await db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]?.lsn);
}

/** CPU seconds (user + system) of a local PostgreSQL backend, or null when /proc does not have it. */
function backendCpu(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
  } catch {
    return null;
  }
}

/** The pids of the pool's connections: as many transactions at once as the pool holds. */
async function backendPids(db: Database, n: number): Promise<number[]> {
  const one = () =>
    db.transaction(async (tx) => {
      const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.2)');
      return Number(rows[0]?.pid);
    });
  return [...new Set(await Promise.all(Array.from({ length: n }, one)))];
}

if (url && schema) {
  const admin = await openDatabase({ url });
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await admin.close();
}
// The close's connections (CLOSE_CONNECTIONS, default 3, the close's own default): their backends' CPU time is read from /proc.
const connections = Number(process.env.CLOSE_CONNECTIONS ?? 3);
const db = url ? await openDatabase({ url, schema, poolSize: connections }) : await openDatabase({ dataDir: 'memory://' });
try {
  await migrate(db);
  await ensureDefaultProduct(db);
  const existing = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM loans')).rows[0]?.n);
  if (existing !== 0 && existing !== loans) throw new Error(`schema ${schema} holds ${existing} loans, not ${loans}`);
  const loadSeconds = existing === 0 ? await writeBook(db) : 0;
  if (existing !== 0) await resetClose(db);
  for (const asOf of ['2025-06-30', '2025-07-01']) {
    // The pool closes connections idle for 10 s: the backends are found again for each date, and
    // sampled after every chunk so a connection closed at the end of a date still counts.
    const pids = url ? await backendPids(db, connections) : [];
    const start = new Map(pids.map((p) => [p, backendCpu(p)]));
    const last = new Map(start);
    const sample = () => {
      for (const p of pids) last.set(p, backendCpu(p) ?? last.get(p) ?? null);
    };
    const wal0 = url ? await walLsn(db) : null;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const run = await closeBook(db, asOf, { connections, afterChunk: sample });
    // PGlite runs inside this process: its CPU time is the process's.
    const processCpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    sample();
    const walBytes = wal0 === null ? null : Number((await db.query<{ n: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS n', [wal0])).rows[0]?.n);
    const spent = pids.map((p) => {
      const a = start.get(p);
      const b = last.get(p);
      return a == null || b == null ? null : b - a;
    });
    const dbCpu = !url
      ? Math.round((processCpu.user + processCpu.system) / 1e4) / 100
      : spent.some((x) => x === null)
        ? null
        : Math.round((spent as number[]).reduce((x, y) => x + y, 0) * 100) / 100;
    console.log(
      JSON.stringify({
        credo: 'close',
        backend: url ? 'postgres' : 'pglite',
        as_of: asOf,
        loans: run.loans,
        npa_loans: run.npaLoans,
        alerts: run.alerts,
        seconds: Math.round(seconds * 1000) / 1000,
        loans_per_second: Math.round(run.loans / seconds),
        connections: url ? connections : 1,
        db_cpu_seconds: dbCpu,
        loans_per_db_cpu_second: dbCpu === null || dbCpu === 0 ? null : Math.round(run.loans / dbCpu),
        wal_bytes_per_loan: walBytes === null ? null : Math.round(walBytes / run.loans),
        load_seconds: Math.round(loadSeconds * 10) / 10,
        node: process.version,
        load_average: (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10),
      }),
    );
  }
} finally {
  await db.close();
  if (url && schema && kept === undefined) {
    const admin = await openDatabase({ url });
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
