/**
 * Rewrites the golden SQL files test/fixtures/sql/<dialect>/<case>.sql from the compiler
 * (`node dist/test/engines/write-golden.js`, after `npx tsc`); review the diff before committing.
 */
// @ts-nocheck

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dialectNames } from '../../src/sql/index.js';
import { repoPath } from '../repo-root.js';
import { goldenCases } from './golden-cases.js';

for (const dialect of dialectNames) {
  const dir = repoPath('test', 'fixtures', 'sql', dialect);
  mkdirSync(dir, { recursive: true });
  for (const c of goldenCases()) writeFileSync(join(dir, `${c.name}.sql`), c.sql(dialect));
}
