// @ts-nocheck
// 
import { resolve } from 'node:path';
import { type Database, databaseOptionsFromEnv, migrate, openDatabase } from '../../store/index.js';
import type { StringFlag } from '../command.js';

/** The `--data-dir` flag of every command that opens the store. */
export const dataDirFlag = {
  type: 'string',
  default: '.credo',
  description: 'PGlite data directory (ignored when DATABASE_URL is set)',
} as const satisfies StringFlag;

/**
 * Opens the store the way every command does (`DATABASE_URL` wins over `--data-dir`, resolved
 * against the working directory), brings its schema up to date, runs `fn`, and closes it.
 */
export async function withStore<T>(dataDir: string, cwd: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseOptionsFromEnv(resolve(cwd, dataDir)));
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}
