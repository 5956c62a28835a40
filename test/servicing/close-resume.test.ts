import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { businessDateBefore, msUntilNextClose, parseCloseAt, startCloseScheduler } from '../../src/server/close-scheduler.js';
import { DEFAULT_PRODUCT } from '../../src/servicing/index.js';
import type { Database } from '../../src/store/index.js';
import { chunkIds, chunkRange, closeBook, nextId } from '../../src/store/repositories/close.js';
import { refreshPaidTotals } from '../../src/store/repositories/instalment-paid.js';
import { ensureDefaultProduct } from '../../src/store/repositories/loans.js';
import { backends, openTestDatabase, type TestDatabase } from '../support/databases.js';

/** A book of `n` 12-month loans (as in bench/close.ts): disbursed in January 2025, 0–7 instalments paid in one payment. */
async function writeBook(db: Database, n: number): Promise<void> {
  await ensureDefaultProduct(db);
  await db.query("INSERT INTO applications (id, input) SELECT md5('a' || g)::uuid, '{}'::jsonb FROM generate_series(1, $1::int) g", [n]);
  await db.query(
    `INSERT INTO loans (id, application_id, product_id, product_version, state, currency, principal, annual_rate, term_months, pd, disbursed_on, outstanding_principal)
     SELECT md5('l' || g)::uuid, md5('a' || g)::uuid, $2, $3, 'active', 'USD', 1200000, 0.12, 12, 0.01 * (1 + g % 5), date '2025-01-01' + (g % 28), 1200000 - 100000 * (g % 8)
       FROM generate_series(1, $1::int) g`,
    [n, DEFAULT_PRODUCT.id, DEFAULT_PRODUCT.version],
  );
  await db.query('INSERT INTO loan_product_snapshots (loan_id, product) SELECT id, $1::jsonb FROM loans', [JSON.stringify(DEFAULT_PRODUCT)]);
  await db.query(
    'INSERT INTO loan_instalments (loan_id, n, due_date, principal, interest, fees) SELECT l.id, n, (l.disbursed_on + make_interval(months => n))::date, 100000, 12000, 0 FROM loans l, generate_series(1, 12) n',
  );
  await db.query(
    `INSERT INTO loan_transactions (id, loan_id, kind, amount, value_date)
     SELECT md5('t' || g)::uuid, md5('l' || g)::uuid, 'repayment', 112000 * (g % 8), date '2025-02-01' + (g % 28) FROM generate_series(1, $1::int) g WHERE g % 8 > 0`,
    [n],
  );
  await db.query(
    `INSERT INTO loan_allocations (transaction_id, loan_id, n, value_date, interest, principal)
     SELECT md5('t' || g)::uuid, md5('l' || g)::uuid, n, date '2025-02-01' + (g % 28), 12000, 100000
       FROM generate_series(1, $1::int) g, generate_series(1, 7) n WHERE n <= g % 8`,
    [n],
  );
  // The instalments' paid totals, as the payment commands keep them.
  await refreshPaidTotals(db, null);
}

/** A digest of each table the close writes (without identity, timing and clock columns). */
async function digests(db: Database): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    loan_classifications: 'SELECT (c.*)::text AS x FROM loan_classifications c',
    ledger_entries: 'SELECT (journal_id, loan_id, account, debit, credit, value_date, memo)::text AS x FROM ledger_entries',
    loan_alerts: 'SELECT (a.*)::text AS x FROM loan_alerts a',
    close_runs: 'SELECT (as_of, loans, npa_loans, alerts)::text AS x FROM close_runs',
    loans: 'SELECT (id, last_close, dpd, irac_class, npa_since, ifrs9_stage, ecl, provision)::text AS x FROM loans',
    close_progress: 'SELECT (p.*)::text AS x FROM close_progress p',
    close_chunks: 'SELECT (as_of, chunk, loans, npa_loans, alerts)::text AS x FROM close_chunks',
  };
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(tables)) {
    const { rows } = await db.query<{ n: string; h: string }>(`SELECT count(*) AS n, md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS h FROM (${sql}) t`);
    out[name] = `${rows[0]?.n} ${rows[0]?.h}`;
  }
  return out;
}

test('chunk ranges cover the uuid space without gaps or overlaps', () => {
  assert.deepEqual(chunkRange(0, 1), ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']);
  assert.deepEqual(chunkRange(0, 4), ['00000000-0000-0000-0000-000000000000', '3fffffff-ffff-ffff-ffff-ffffffffffff']);
  assert.deepEqual(chunkRange(1, 4), ['40000000-0000-0000-0000-000000000000', '7fffffff-ffff-ffff-ffff-ffffffffffff']);
  assert.deepEqual(chunkRange(3, 4), ['c0000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']);
});

test("chunk ids: from after the previous chunk's last loan id to its own, the first and last open-ended", () => {
  assert.equal(nextId('0193a1b2-0000-7000-8000-0000000000ff'), '0193a1b2-0000-7000-8000-000000000100');
  assert.equal(nextId('0193a1b2-ffff-ffff-ffff-ffffffffffff'), '0193a1b3-0000-0000-0000-000000000000');
  const ends = ['0193a1b2-0000-7000-8000-000000000009', '0193a1b2-0000-7000-8000-00000000001f'];
  assert.deepEqual(chunkIds(ends, 0, 3), ['00000000-0000-0000-0000-000000000000', ends[0]]);
  assert.deepEqual(chunkIds(ends, 1, 3), ['0193a1b2-0000-7000-8000-00000000000a', ends[1]]);
  assert.deepEqual(chunkIds(ends, 2, 3), ['0193a1b2-0000-7000-8000-000000000020', 'ffffffff-ffff-ffff-ffff-ffffffffffff']);
  assert.deepEqual(chunkIds(null, 1, 4), chunkRange(1, 4));
});

test('the schedule: HH:MM parsing, the wait until the next close, the business date', () => {
  assert.equal(parseCloseAt('02:30'), 150);
  assert.equal(parseCloseAt('24:00'), undefined);
  assert.equal(parseCloseAt('2:30'), undefined);
  assert.equal(msUntilNextClose(new Date('2025-03-10T01:00:00Z'), 150), 90 * 60_000);
  assert.equal(msUntilNextClose(new Date('2025-03-10T02:30:00Z'), 150), 24 * 3_600_000);
  assert.equal(msUntilNextClose(new Date('2025-03-10T23:00:00Z'), 150), 3.5 * 3_600_000);
  assert.equal(businessDateBefore(new Date('2025-03-01T00:10:00Z')), '2025-02-28');
});

for (const backend of backends()) {
  describe(`close: idempotent, chunk-independent, resumable, scheduled on ${backend}`, () => {
    let whole: TestDatabase;
    let crashed: TestDatabase;
    before(async () => {
      whole = await openTestDatabase(backend);
      crashed = await openTestDatabase(backend);
      await writeBook(whole.db, 60);
      await writeBook(crashed.db, 60);
    });
    after(async () => {
      await whole.dispose();
      await crashed.dispose();
    });

    test('a catch-up over missed dates, then re-runs of closed dates change no row and return the same figures', async () => {
      const first = await closeBook(whole.db, '2025-05-10');
      assert.equal(first.datesClosed, 1);
      const caught = await closeBook(whole.db, '2025-05-20');
      assert.equal(caught.datesClosed, 10);
      assert.equal(caught.loans, 60);
      const { rows } = await whole.db.query<{ d: string }>('SELECT count(DISTINCT as_of) AS d FROM loan_classifications');
      assert.equal(Number(rows[0]?.d), 11);
      const before = await digests(whole.db);
      assert.ok(Number(before.ledger_entries?.split(' ')[0]) > 0 && Number(before.loan_alerts?.split(' ')[0]) > 0, JSON.stringify(before));
      const again = await closeBook(whole.db, '2025-05-20');
      const earlier = await closeBook(whole.db, '2025-05-15');
      assert.deepEqual({ ...again, datesClosed: 10 }, caught);
      assert.equal(earlier.datesClosed, 0);
      assert.deepEqual(await digests(whole.db), before);
    });

    test('skipMissed closes the given date alone (a month-end history), and the next daily close catches up from it', async () => {
      const sparse = await openTestDatabase(backend);
      const daily = await openTestDatabase(backend);
      try {
        await writeBook(sparse.db, 60);
        await writeBook(daily.db, 60);
        assert.equal((await closeBook(sparse.db, '2025-05-10', { skipMissed: true })).datesClosed, 1);
        const monthEnd = await closeBook(sparse.db, '2025-05-31', { skipMissed: true });
        assert.equal(monthEnd.datesClosed, 1);
        const dates = async () =>
          (await sparse.db.query<{ d: string }>("SELECT to_char(as_of, 'YYYY-MM-DD') AS d FROM close_runs ORDER BY as_of")).rows.map((r) => r.d);
        assert.deepEqual(await dates(), ['2025-05-10', '2025-05-31']);
        // The month-end's loans and NPAs are the daily book's on that date (dpd and classes follow the facts);
        // alerts are events, raised on the first close that sees them, so they are not compared.
        await closeBook(daily.db, '2025-05-10');
        const every = await closeBook(daily.db, '2025-05-31');
        assert.equal(every.datesClosed, 21);
        assert.deepEqual([monthEnd.loans, monthEnd.npaLoans], [every.loans, every.npaLoans]);
        const classes = async (db: Database) =>
          (
            await db.query<{ k: string }>(
              "SELECT string_agg(concat_ws(' ', dpd, irac_class, ifrs9_stage, outstanding), ',' ORDER BY outstanding, dpd) AS k FROM loan_classifications WHERE as_of = '2025-05-31'",
            )
          ).rows[0]?.k;
        assert.equal(await classes(sparse.db), await classes(daily.db));
        assert.equal((await closeBook(sparse.db, '2025-06-02')).datesClosed, 2);
        assert.deepEqual(await dates(), ['2025-05-10', '2025-05-31', '2025-06-01', '2025-06-02']);
      } finally {
        await sparse.dispose();
        await daily.dispose();
      }
    });

    test('a close that crashes between chunks resumes where it stopped and ends as a close in one chunk', async () => {
      await closeBook(crashed.db, '2025-05-10', { chunkLoans: 7 });
      const crash = new Error('simulated crash');
      await assert.rejects(
        closeBook(crashed.db, '2025-05-20', {
          chunkLoans: 7,
          afterChunk: (asOf, chunk) => {
            if (asOf === '2025-05-14' && chunk === 3) throw crash;
          },
        }),
        crash,
      );
      const { rows } = await crashed.db.query<{ as_of: string; chunks: number; done: string }>(
        "SELECT to_char(p.as_of, 'YYYY-MM-DD') AS as_of, p.chunks, (SELECT count(*) FROM close_chunks c WHERE c.as_of = p.as_of) AS done FROM close_progress p",
      );
      // Chunk 3 committed and then the process died; a second connection may have finished one more.
      assert.equal(rows.length, 1);
      assert.deepEqual({ as_of: rows[0]?.as_of, chunks: rows[0]?.chunks }, { as_of: '2025-05-14', chunks: 9 });
      assert.ok(Number(rows[0]?.done) >= 4 && Number(rows[0]?.done) < 9, rows[0]?.done);
      // Resumed (by a later date: the interrupted one is finished first).
      const resumed = await closeBook(crashed.db, '2025-05-20', { chunkLoans: 7 });
      assert.equal(resumed.datesClosed, 7);
      assert.deepEqual(await digests(crashed.db), await digests(whole.db));
    });

    test('chunks hold chunkLoans loans each; a date started before migration 016 closes on equal slices, to the same figures', async () => {
      const cut = await openTestDatabase(backend);
      const legacy = await openTestDatabase(backend);
      try {
        await writeBook(cut.db, 60);
        await writeBook(legacy.db, 60);
        // Stopped after its first chunk, the date shows where its chunks end: every 7th loan id.
        const stop = new Error('stop');
        await assert.rejects(
          closeBook(cut.db, '2025-05-10', {
            chunkLoans: 7,
            afterChunk: () => {
              throw stop;
            },
          }),
          stop,
        );
        const ids = (await cut.db.query<{ id: string }>('SELECT id FROM loans ORDER BY id')).rows.map((r) => r.id);
        const progress = (await cut.db.query<{ chunks: number; chunk_ends: string[] }>('SELECT chunks, chunk_ends FROM close_progress')).rows;
        assert.deepEqual(progress, [{ chunks: 9, chunk_ends: ids.filter((_, i) => (i + 1) % 7 === 0) }]);
        const sizes = (await cut.db.query<{ chunk: number; loans: number }>('SELECT chunk, loans FROM close_chunks')).rows;
        assert.ok(sizes.length >= 1 && sizes.every((c) => c.loans === (c.chunk === 8 ? 4 : 7)), JSON.stringify(sizes));
        await closeBook(cut.db, '2025-05-10', { chunkLoans: 7 });
        // As an interrupted close of the old schema left it: a date with its chunk count and no chunk ends.
        await legacy.db.query("INSERT INTO close_progress (as_of, chunks) VALUES ('2025-05-10', 4)");
        const legacyChunks: string[] = [];
        await closeBook(legacy.db, '2025-05-10', { chunkLoans: 7, afterChunk: (_, chunk, chunks) => legacyChunks.push(`${chunk}/${chunks}`) });
        assert.deepEqual(legacyChunks.sort(), ['0/4', '1/4', '2/4', '3/4']);
        const { close_progress: _p, close_chunks: _c, ...figures } = await digests(cut.db);
        const { close_progress: _q, close_chunks: _d, ...legacyFigures } = await digests(legacy.db);
        assert.deepEqual(legacyFigures, figures);
      } finally {
        await cut.dispose();
        await legacy.dispose();
      }
    });

    test('the scheduler catches up through yesterday at start and stops cleanly', async () => {
      const logs: string[] = [];
      const scheduler = startCloseScheduler({
        db: whole.db,
        minutes: 240,
        clock: () => new Date('2025-05-23T06:00:00Z'),
        log: (level, message) => logs.push(`${level} ${message}`),
      });
      await scheduler.idle();
      await scheduler.stop();
      const { rows } = await whole.db.query<{ last: string }>("SELECT to_char(max(as_of), 'YYYY-MM-DD') AS last FROM close_runs");
      assert.equal(rows[0]?.last, '2025-05-22');
      assert.match(logs[0] ?? '', /^info scheduled close through 2025-05-22: 2 dates closed, 60 loans/);
    });
  });
}
