/**
 * Daily close benchmark: LOANS active 12-month loans (each with its schedule and 0–7 instalments
 * paid) are written with set-based SQL, then the book is closed for a first date and for the next
 * one (the second run carries NPA dates and posts provision changes). Prints one JSON line per close.
 * PGlite in memory, or PostgreSQL in a fresh schema when DATABASE_URL is set (dropped afterwards).
 * Usage: node dist/bench/close.js LOANS
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_PRODUCT } from '../src/servicing/index.js';
import { migrate, openDatabase } from '../src/store/index.js';
import { closeBook } from '../src/store/repositories/close.js';
import { ensureDefaultProduct } from '../src/store/repositories/loans.js';

const loans = Number(process.argv[2] ?? 20_000);
const url = process.env.DATABASE_URL;
const schema = url ? `credo_bench_${randomBytes(4).toString('hex')}` : undefined;
if (url && schema) {
  const admin = await openDatabase({ url });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
}
const db = url ? await openDatabase({ url, schema, poolSize: 2 }) : await openDatabase({ dataDir: 'memory://' });
try {
  await migrate(db);
  await ensureDefaultProduct(db);
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO applications (id, input) SELECT md5('a' || g)::uuid, '{}'::jsonb FROM generate_series(1, $1::int) g", [loans]);
    await tx.query(
      `INSERT INTO loans (id, application_id, product_id, product_version, product, state, currency, principal, annual_rate, term_months, pd, disbursed_on, outstanding_principal)
       SELECT md5('l' || g)::uuid, md5('a' || g)::uuid, $2, $3, $4::jsonb, 'active', 'USD', 1200000, 0.12, 12, 0.03, date '2025-01-01' + (g % 28), 1200000 - 100000 * (g % 8)
         FROM generate_series(1, $1::int) g`,
      [loans, DEFAULT_PRODUCT.id, DEFAULT_PRODUCT.version, JSON.stringify(DEFAULT_PRODUCT)],
    );
    await tx.query(
      'INSERT INTO loan_instalments (loan_id, n, due_date, principal, interest, fees) SELECT l.id, n, (l.disbursed_on + make_interval(months => n))::date, 100000, 12000, 0 FROM loans l, generate_series(1, 12) n',
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
  });
  const loadSeconds = (performance.now() - started) / 1000;
  await db.query('ANALYZE');
  for (const asOf of ['2025-06-30', '2025-07-01']) {
    const t0 = performance.now();
    const run = await closeBook(db, asOf);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify({
        credo: 'close',
        backend: url ? 'postgres' : 'pglite',
        as_of: asOf,
        loans: run.loans,
        npa_loans: run.npaLoans,
        seconds: Math.round(seconds * 1000) / 1000,
        loans_per_second: Math.round(run.loans / seconds),
        load_seconds: Math.round(loadSeconds * 10) / 10,
      }),
    );
  }
} finally {
  await db.close();
  if (url && schema) {
    const admin = await openDatabase({ url });
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
