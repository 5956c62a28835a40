// @ts-nocheck
import { resolve } from 'node:path';
import { databaseOptionsFromEnv, migrate, migrations, openDatabase } from '../../store/index.js';
import { defineCommand } from '../command.js';
import { printResult } from '../output.js';
import { dataDirFlag } from './open-store.js';

/** `credo db migrate [--data-dir D]`: applies the store's pending migrations (PGlite, or DATABASE_URL). */
export const dbMigrateCommand = defineCommand({
  name: 'db migrate',
  summary: 'Create or upgrade the database schema (PGlite in --data-dir, or DATABASE_URL)',
  details:
    'Migrations are forward-only and versioned; running it again applies nothing. `credo serve` migrates on start too.\n' +
    'Example: credo db migrate --data-dir .credo --json',
  flags: { 'data-dir': dataDirFlag },
  async run(args, _positionals, context) {
    const db = await openDatabase(databaseOptionsFromEnv(resolve(context.cwd, args['data-dir'])));
    try {
      const result = await migrate(db);
      const latest = Math.max(...migrations.map((m) => m.version));
      printResult(context, { database: db.kind, target: db.target, applied: result.applied, version: result.version, latest }, () =>
        result.applied.length === 0
          ? `${db.target}: schema is up to date (version ${result.version})\n`
          : `${db.target}: applied migration${result.applied.length > 1 ? 's' : ''} ${result.applied.join(', ')}; schema version ${result.version}\n`,
      );
      return 0;
    } finally {
      await db.close();
    }
  },
});
