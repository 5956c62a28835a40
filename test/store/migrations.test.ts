import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Database, type Migration, migrate, migrations } from '../../src/store/index.js';
import { backends, openTestDatabase } from '../support/databases.js';

/**
 * Everything that makes up the schema, as sorted text lines: columns with types, defaults and
 * nullability; column statistics targets set by hand; table storage options; constraints; indexes;
 * triggers; functions. Schema names are removed so two
 * PostgreSQL schemas compare equal.
 */
async function dumpSchema(db: Database): Promise<string[]> {
  const queries = [
    `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '-') || ' ' || coalesce(is_identity, '-') AS line
       FROM information_schema.columns WHERE table_schema = current_schema()`,
    // PostgreSQL 15 keeps -1 for "the default target", PGlite's newer PostgreSQL keeps NULL
    `SELECT 'statistics ' || c.relname || '.' || a.attname || ' ' || a.attstattarget AS line
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND a.attstattarget >= 0`,
    `SELECT 'options ' || relname || ' ' || array_to_string(reloptions, ',') AS line
       FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND reloptions IS NOT NULL`,
    `SELECT 'constraint ' || t.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relnamespace = current_schema()::regnamespace`,
    `SELECT 'index ' || indexname || ' ' || indexdef AS line FROM pg_indexes WHERE schemaname = current_schema()`,
    `SELECT 'trigger ' || c.relname || '.' || tg.tgname || ' ' || pg_get_triggerdef(tg.oid) || ' ' || tg.tgenabled::text AS line
       FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid WHERE NOT tg.tgisinternal AND c.relnamespace = current_schema()::regnamespace`,
    `SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) AS line FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace`,
  ];
  const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s as string;
  const lines: string[] = [];
  for (const sql of queries) {
    for (const row of (await db.query<{ line: string }>(sql)).rows) lines.push(row.line.replaceAll(`${schema}.`, ''));
  }
  return lines.sort();
}

for (const backend of backends()) {
  describe(`migrations [${backend}]`, () => {
    test('a database upgraded one migration at a time has the same schema as a fresh one', async () => {
      const fresh = await openTestDatabase(backend);
      const upgraded = await openTestDatabase(backend, { migrated: false });
      try {
        const steps: number[][] = [];
        for (const m of migrations) steps.push((await migrate(upgraded.db, { to: m.version })).applied);
        assert.deepEqual(
          steps,
          migrations.map((m) => [m.version]),
        );
        const a = await dumpSchema(fresh.db);
        const b = await dumpSchema(upgraded.db);
        assert.ok(a.length > 100, `the dump covers the schema (${a.length} lines)`);
        assert.ok(a.some((line) => line.startsWith('trigger audit_log.audit_log_guard')));
        assert.ok(a.includes('statistics decisions.input_snapshot 0'));
        assert.deepEqual(b, a);
        // Running again applies nothing.
        assert.deepEqual(await migrate(fresh.db), { applied: [], version: Math.max(...migrations.map((m) => m.version)) });
      } finally {
        await fresh.dispose();
        await upgraded.dispose();
      }
    });

    test('ANALYZE collects no statistics on the jsonb documents a decision writes, and keeps those of the scalar columns', async () => {
      const t = await openTestDatabase(backend);
      try {
        const id = '0190a1b2-0000-7000-8000-000000000001';
        await t.db.query(`INSERT INTO users (id, name, role) VALUES ($1, 'officer', 'loan_officer')`, [id]);
        await t.db.query(`INSERT INTO applications (id, input) VALUES ($1, '{"income": 1}')`, [id]);
        await t.db.query(
          `INSERT INTO decisions (id, application_id, kind, action, pd, reasons, rules_fired, input_snapshot, details, decided_by, reason)
           VALUES ($1, $1, 'override', 'approve', 0.1, '[{"code": "R1"}]', '["r"]', '{"income": 1}', '{"a": 1}', $1, 'known customer')`,
          [id],
        );
        await t.db.query(`INSERT INTO audit_log (action, entity, details) VALUES ('application.decide', 'application', '{"a": 1}')`);
        await t.db.query('ANALYZE applications, decisions, audit_log');
        const stats = await t.db.query<{ column: string }>(
          `SELECT tablename || '.' || attname AS column FROM pg_stats
            WHERE schemaname = current_schema() AND tablename IN ('applications', 'decisions', 'audit_log')`,
        );
        const columns = new Set(stats.rows.map((r) => r.column));
        for (const skipped of [
          'applications.input',
          'decisions.reasons',
          'decisions.rules_fired',
          'decisions.input_snapshot',
          'decisions.details',
          'audit_log.details',
        ])
          assert.ok(!columns.has(skipped), `${skipped} has no statistics`);
        for (const kept of ['applications.created_at', 'decisions.pd', 'decisions.application_id', 'audit_log.entity'])
          assert.ok(columns.has(kept), `${kept} has statistics`);
      } finally {
        await t.dispose();
      }
    });

    test('an applied migration that was edited, or one this Credo does not know, is refused', async () => {
      const t = await openTestDatabase(backend, { migrated: false });
      try {
        const base: Migration[] = [{ version: 1, name: 'one', sql: 'CREATE TABLE t1 (a int);' }];
        assert.deepEqual(await migrate(t.db, { migrations: base }), { applied: [1], version: 1 });
        const edited: Migration[] = [{ version: 1, name: 'one', sql: 'CREATE TABLE t1 (a bigint);' }];
        await assert.rejects(migrate(t.db, { migrations: edited }), { code: 'E_STORE_MIGRATION_CHANGED' });
        await assert.rejects(migrate(t.db, { migrations: [] }), { code: 'E_STORE_SCHEMA_NEWER' });
        // A failing migration leaves nothing behind: the whole run is one transaction.
        const broken: Migration[] = [...base, { version: 2, name: 'two', sql: 'CREATE TABLE t2 (a int); SELECT 1/0;' }];
        await assert.rejects(migrate(t.db, { migrations: broken }));
        const tables = await t.db.query<{ n: string }>(
          "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 't2'",
        );
        assert.equal(tables.rows[0]?.n, '0');
        const versions = await t.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(
          versions.rows.map((r) => r.version),
          [1],
        );
      } finally {
        await t.dispose();
      }
    });
  });
}
