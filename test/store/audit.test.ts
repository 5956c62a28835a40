import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { appendAudit, type Database, GENESIS_HASH, listAudit, sealAudit, UNSEALED_ENTRIES, verifyAudit } from '../../src/store/index.js';
import { describeEachBackend } from '../support/databases.js';

async function appendMany(db: Database, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await appendAudit(db, { actorId: null, actorRole: 'system', action: 'test.append', entity: 'test', entityId: `${tag}-${i}`, details: { i, tag } });
  }
}

/** Runs `sql` with the guard triggers off, as the tables' owner could: the tampering verify must catch. */
async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard');
    await tx.query('ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_guard');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_seals ENABLE TRIGGER audit_seals_guard');
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard');
  });
}

/** Empties the log and its seals (as an owner could), so a test starts from an empty chain. */
async function emptyLog(db: Database): Promise<void> {
  await tamper(db, 'DELETE FROM audit_seals');
  await tamper(db, 'DELETE FROM audit_log');
}

/** How many committed entries have no seal (the mark aside: a full count). */
async function unsealedCount(db: Database): Promise<string | undefined> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = a.seq)');
  return rows[0]?.n;
}

describeEachBackend('audit log', (current) => {
  test('entries and seals cannot be changed, deleted or truncated; an entry cannot choose its transaction', async () => {
    const { db } = current();
    await appendMany(db, 2, 'guard');
    await sealAudit(db);
    await assert.rejects(db.query("UPDATE audit_log SET details = '{}' WHERE entity_id = 'guard-0'"), {
      code: 'E_STORE_APPEND_ONLY',
      message: 'audit log entries cannot be changed or deleted: UPDATE refused',
    });
    await assert.rejects(db.query("DELETE FROM audit_log WHERE entity_id = 'guard-0'"), { code: 'E_STORE_APPEND_ONLY' });
    await assert.rejects(db.query('TRUNCATE audit_log'), { code: 'E_STORE_APPEND_ONLY' });
    await assert.rejects(db.query('UPDATE audit_seals SET hash = $1 WHERE chain_pos = 1', [Buffer.alloc(32)]), { code: 'E_STORE_APPEND_ONLY' });
    await assert.rejects(db.query('DELETE FROM audit_seals'), { code: 'E_STORE_APPEND_ONLY' });
    await assert.rejects(db.query('TRUNCATE audit_seals'), { code: 'E_STORE_APPEND_ONLY' });
    // An entry claiming an old transaction would sit below the sealer's mark, never sealed.
    await db.query("INSERT INTO audit_log (action, entity, xact) VALUES ('test.forge', 'test', '1')");
    const forged = await db.query<{ old: boolean }>("SELECT xact > '1'::xid8 AS old FROM audit_log WHERE action = 'test.forge'");
    assert.deepEqual(forged.rows, [{ old: true }]);
    const result = await verifyAudit(db);
    assert.deepEqual([result.ok, result.unsealed, await unsealedCount(db)], [true, 0, '0']);
  });

  test('the first hash is SHA-256 of 64 zeros and the documented canonical JSON', async () => {
    const { db } = current();
    const fresh = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_seals');
    const seq = await appendAudit(db, {
      actorId: null,
      actorRole: 'system',
      action: 'user.create',
      entity: 'user',
      entityId: 'u1',
      requestId: 'req-1',
      details: { b: [1, 2.5, 'x'], a: { z: null } },
    });
    await sealAudit(db);
    const row = (
      await db.query<{ at: string; hash: string; chain_pos: string; prev: string | null }>(
        `SELECT to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, encode(s.hash, 'hex') AS hash, s.chain_pos,
                (SELECT encode(p.hash, 'hex') FROM audit_seals p WHERE p.chain_pos = s.chain_pos - 1) AS prev
           FROM audit_log a JOIN audit_seals s ON s.seq = a.seq WHERE a.seq = $1`,
        [seq],
      )
    ).rows[0];
    assert.ok(row);
    assert.equal(row.chain_pos, String(Number(fresh.rows[0]?.n) + 1));
    // Keys sorted, details as PostgreSQL prints jsonb (keys ordered by length then bytes).
    const canonical = `{"action":"user.create","actor_id":null,"actor_role":"system","at":"${row.at}","entity":"user","entity_id":"u1","request_id":"req-1","seq":"${seq}","details":{"a": {"z": null}, "b": [1, 2.5, "x"]}}`;
    const expected = createHash('sha256')
      .update(`${row.prev ?? GENESIS_HASH}${canonical}`)
      .digest('hex');
    assert.equal(row.hash, expected);
  });

  test('verify detects a changed entry, a deleted entry and an unsealed entry, naming the first bad seq', async () => {
    const { db } = current();
    await appendMany(db, 10, 'tamper');
    const good = await verifyAudit(db);
    assert.equal(good.ok, true);
    assert.equal(good.first_bad, null);
    const seqOf = async (tag: string) => (await db.query<{ seq: string }>('SELECT seq FROM audit_log WHERE entity_id = $1', [tag])).rows[0]?.seq as string;

    await tamper(db, `UPDATE audit_log SET details = '{"i": 99, "tag": "tamper"}' WHERE entity_id = 'tamper-3'`);
    const changed = await verifyAudit(db);
    assert.deepEqual([changed.ok, changed.first_bad], [false, await seqOf('tamper-3')]);
    assert.equal(changed.entries, good.entries - 7, 'entries before the bad one');
    await tamper(db, `UPDATE audit_log SET details = '{"i": 3, "tag": "tamper"}' WHERE entity_id = 'tamper-3'`);
    assert.equal((await verifyAudit(db)).ok, true, 'restoring the content restores the chain');

    // A changed timestamp is caught too (it is part of the hashed entry).
    await tamper(db, "UPDATE audit_log SET at = at + interval '1 microsecond' WHERE entity_id = 'tamper-5'");
    assert.equal((await verifyAudit(db)).first_bad, await seqOf('tamper-5'));
    await tamper(db, "UPDATE audit_log SET at = at - interval '1 microsecond' WHERE entity_id = 'tamper-5'");

    // A changed seal: its entry is the bad one.
    const fourth = await seqOf('tamper-4');
    const sealed = (await db.query<{ hash: string }>("SELECT encode(hash, 'hex') AS hash FROM audit_seals WHERE seq = $1", [fourth])).rows[0]?.hash;
    await tamper(db, 'UPDATE audit_seals SET hash = $1 WHERE seq = $2', [Buffer.alloc(32), fourth]);
    const resealed = await verifyAudit(db);
    assert.deepEqual([resealed.ok, resealed.first_bad, resealed.entries], [false, fourth, good.entries - 6]);
    await tamper(db, "UPDATE audit_seals SET hash = decode($1, 'hex') WHERE seq = $2", [sealed, fourth]);
    assert.equal((await verifyAudit(db)).ok, true, 'restoring the seal restores the chain');

    const deletedSeq = await seqOf('tamper-6');
    await tamper(db, "DELETE FROM audit_log WHERE entity_id = 'tamper-6'");
    const deleted = await verifyAudit(db);
    assert.deepEqual([deleted.ok, deleted.first_bad], [false, deletedSeq]);
  });

  test('an entry hidden by deleting its seal breaks the chain where it was', async () => {
    const { db } = current();
    await emptyLog(db);
    await appendMany(db, 4, 'unseal');
    assert.equal((await verifyAudit(db)).entries, 4);
    const third = (await db.query<{ seq: string }>("SELECT seq FROM audit_log WHERE entity_id = 'unseal-3'")).rows[0]?.seq;
    await tamper(db, "DELETE FROM audit_seals WHERE seq = (SELECT seq FROM audit_log WHERE entity_id = 'unseal-2')");
    const result = await verifyAudit(db);
    assert.deepEqual([result.ok, result.first_bad, result.entries], [false, third, 2]);
  });

  test('concurrent writers and a concurrent sealer: every committed entry is sealed once, in one chain', async () => {
    const { db } = current();
    await emptyLog(db);
    let sealing = true;
    const sealer = (async () => {
      let sealed = 0;
      while (sealing) sealed += await sealAudit(db, { batchSize: 7 });
      return sealed;
    })();
    await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        db.transaction(async (tx) => {
          for (let i = 0; i < 15; i += 1)
            await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'test.concurrent', entity: 'test', details: { w, i } });
        }),
      ),
    );
    sealing = false;
    await sealer;
    const result = await verifyAudit(db);
    assert.deepEqual([result.ok, result.entries, result.unsealed], [true, 90, 0]);
    const positions = await db.query<{ n: string; max: string; seqs: string }>(
      'SELECT count(DISTINCT chain_pos) AS n, max(chain_pos) AS max, count(DISTINCT seq) AS seqs FROM audit_seals',
    );
    assert.deepEqual(positions.rows[0], { n: '90', max: '90', seqs: '90' });
    const listed = await listAudit(db, { entity: 'test', limit: 5 });
    assert.deepEqual([listed.total, listed.items.length, listed.items[0]?.action], [90, 5, 'test.concurrent']);
  });

  test('an entry whose transaction commits after a later one is still sealed (chain order = seal order)', async (t) => {
    const { db, backend } = current();
    if (backend === 'pglite') {
      // One connection: a transaction cannot stay open while another commits, so the case
      // cannot arise; check instead that a rolled-back entry leaves no gap in the chain.
      await emptyLog(db);
      await assert.rejects(
        db.transaction(async (tx) => {
          await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'test.rollback', entity: 'test' });
          throw new Error('rolled back');
        }),
      );
      await appendMany(db, 2, 'after-rollback');
      const result = await verifyAudit(db);
      assert.deepEqual([result.ok, result.entries], [true, 2]);
      return;
    }
    t.diagnostic('PostgreSQL: holding one transaction open while another commits');
    await emptyLog(db);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let early = '';
    const slow = db.transaction(async (tx) => {
      early = await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'test.slow', entity: 'test' });
      await gate;
    });
    // Wait until the slow transaction holds its sequence number.
    while (early === '') await new Promise((resolve) => setImmediate(resolve));
    const late = await appendAudit(db, { actorId: null, actorRole: 'system', action: 'test.fast', entity: 'test' });
    assert.ok(BigInt(late) > BigInt(early));
    assert.equal(await sealAudit(db), 1, 'only the committed entry is sealed');
    release();
    await slow;
    assert.equal(await sealAudit(db), 1, 'the late commit is sealed by the next run');
    const order = await db.query<{ action: string }>('SELECT a.action FROM audit_log a JOIN audit_seals s ON s.seq = a.seq ORDER BY s.chain_pos');
    assert.deepEqual(
      order.rows.map((r) => r.action),
      ['test.fast', 'test.slow'],
    );
    assert.deepEqual([(await verifyAudit(db)).ok, (await verifyAudit(db)).entries], [true, 2]);
  });

  test('a sealer that must not wait skips its turn while another holds the seal lock; the next run seals everything', async (t) => {
    const { db, backend } = current();
    await emptyLog(db);
    await appendMany(db, 3, 'skip');
    if (backend === 'pglite') {
      // One connection: no other process can hold the lock, so the run seals at once.
      assert.equal(await sealAudit(db, { wait: false }), 3);
      assert.deepEqual([(await verifyAudit(db)).ok, (await verifyAudit(db)).entries], [true, 3]);
      return;
    }
    t.diagnostic('PostgreSQL: another transaction holds the seal lock');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = false;
    const holder = db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':credo-audit-seal'))");
      locked = true;
      await gate;
    });
    while (!locked) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await sealAudit(db, { wait: false }), 0, 'skipped, not waited');
    assert.equal(await unsealedCount(db), '3');
    release();
    await holder;
    assert.equal(await sealAudit(db, { wait: false }), 3);
    assert.deepEqual([(await verifyAudit(db)).ok, (await verifyAudit(db)).entries], [true, 3]);
  });

  test('the seal search reaches the new entries through the xact index, whatever the size of the log', async () => {
    const { db } = current();
    await emptyLog(db);
    await db.query(
      "INSERT INTO audit_log (action, entity, entity_id, details) SELECT 'test.bulk', 'test', 'bulk-' || g, jsonb_build_object('i', g) FROM generate_series(1, 5000) g",
    );
    assert.equal(await sealAudit(db), 5000);
    await appendMany(db, 3, 'after');
    await db.query('ANALYZE audit_log');
    await db.query('ANALYZE audit_seals');
    await db.query('ANALYZE audit_seal_mark');
    const found = await db.query<{ entity_id: string }>(UNSEALED_ENTRIES, [1000]);
    assert.deepEqual(
      found.rows.map((r) => r.entity_id),
      ['after-0', 'after-1', 'after-2'],
    );
    const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${UNSEALED_ENTRIES}`, [1000]);
    const plan = rows[0]?.['QUERY PLAN'];
    const nodes: Record<string, unknown>[] = [];
    const walk = (node: Record<string, unknown>) => {
      nodes.push(node);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
    // Every read of the log or its seals is an index lookup (no scan of either table, no merge or hash join over all seals).
    const reads = nodes
      .filter((n) => n['Relation Name'] === 'audit_log' || n['Relation Name'] === 'audit_seals')
      .map((n) => `${n['Node Type']} ${n['Index Name']}`);
    assert.deepEqual(reads, ['Index Scan audit_log_xact', 'Index Only Scan audit_seals_seq_key']);
    assert.ok(nodes.some((n) => n['Node Type'] === 'Nested Loop' && n['Join Type'] === 'Anti'));
  });
});
