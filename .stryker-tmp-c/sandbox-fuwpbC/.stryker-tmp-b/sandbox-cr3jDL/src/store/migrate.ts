// @ts-nocheck
// 
import { createHash } from 'node:crypto';
import { CredoError } from '../errors/index.js';
import type { Database } from './database.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

/** What `migrate` did: the versions it applied now and the schema version afterwards. */
export interface MigrateResult {
  readonly applied: number[];
  readonly version: number;
}

/** Options of `migrate` (tests use them to build a database step by step). */
export interface MigrateOptions {
  /** Stop after this version (default: the latest). */
  readonly to?: number;
  /** The migration list (default: Credo's). */
  readonly migrations?: readonly Migration[];
}

/**
 * Brings the schema up to date: in one transaction, under an advisory lock (two servers starting
 * together apply each migration once), creates `schema_migrations` if needed, checks that every
 * applied migration is one this Credo knows with the same checksum (SHA-256 of its SQL;
 * `E_STORE_SCHEMA_NEWER`, `E_STORE_MIGRATION_CHANGED` otherwise) and applies the missing ones
 * in version order. Forward-only: there are no down migrations.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const list = options.migrations ?? allMigrations;
  const target = options.to ?? Math.max(0, ...list.map((m) => m.version));
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':credo-migrate'))");
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const done = new Set<number>();
    for (const row of rows) {
      const known = list.find((m) => m.version === row.version);
      if (known === undefined) throw new CredoError('E_STORE_SCHEMA_NEWER', { version: row.version, name: row.name });
      const current = checksum(known);
      if (current !== row.checksum) {
        throw new CredoError('E_STORE_MIGRATION_CHANGED', { version: row.version, name: row.name, applied: row.checksum, current });
      }
      done.add(row.version);
    }
    const applied: number[] = [];
    for (const migration of [...list].sort((a, b) => a.version - b.version)) {
      if (migration.version > target || done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, checksum(migration)]);
      applied.push(migration.version);
      done.add(migration.version);
    }
    return { applied, version: Math.max(0, ...done) };
  });
}

function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql, 'utf8').digest('hex');
}
